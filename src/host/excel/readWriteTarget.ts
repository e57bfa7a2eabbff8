import type { WritePlan } from '../WorkbookHost';
import { ExcelHostError } from './ExcelHostError';
import type { HostState } from './HostState';
import { HostStateSheet } from './HostStateSheet';
import { loadDate1904 } from './loadDate1904';
import { verifyCustomerRows } from './verifyCustomerRows';

/** The user's customers table when it is an Excel table, as loaded for the write. */
export interface TablePart {
  table: Excel.Table;
  columns: Excel.TableColumnCollection;
  header: Excel.Range;
  rows: Excel.TableRowCollection;
  sheet: Excel.Worksheet;
}

/** The user's customers table when it is a plain range, as loaded for the write. */
export interface PlainPart {
  sheet: Excel.Worksheet;
  used: Excel.Range;
}

/** What a run found in the workbook before changing anything (see {@link readWriteTarget}). */
export interface WriteTarget {
  date1904: boolean;
  /** Every worksheet (name, id, visibility, position loaded). */
  sheets: Excel.Worksheet[];
  /** The state sheet, when there is one. */
  stateSheet: Excel.Worksheet | null;
  /** An older command line's record sheet, when there is one (dropped by the run). */
  legacySheet: Excel.Worksheet | null;
  /** Our state as the workbook holds it (a view of the run record). */
  state: HostState;
  /** Current sheet names by id, for the record. */
  names: Map<string, string>;
  tablePart: TablePart | null;
  plainPart: PlainPart | null;
  /** The sheet of the user's customers table; null when the run builds its own customers sheet. */
  targetSheet: Excel.Worksheet | null;
}

/** Queues the loads of the user's customers table, as an Excel table or as a plain range. */
function queueCustomers(
  workbook: Excel.Workbook,
  plan: WritePlan,
): { tablePart: TablePart | null; plainPart: PlainPart | null } {
  const customers = plan.customers;
  if (customers.kind !== 'existing') return { tablePart: null, plainPart: null };
  const tableName = customers.table.tableName;
  if (tableName !== null) {
    const table = workbook.tables.getItem(tableName);
    return {
      tablePart: {
        table,
        columns: table.columns.load('items/id,items/name'),
        header: table.getHeaderRowRange().load('rowIndex,columnIndex'),
        rows: table.rows.load('count'),
        sheet: table.worksheet.load('id,name'),
      },
      plainPart: null,
    };
  }
  const sheet = workbook.worksheets.getItem(customers.table.sheet).load('id,name');
  return {
    tablePart: null,
    plainPart: { sheet, used: sheet.getUsedRange(false).load('columnIndex,columnCount') },
  };
}

/**
 * The first step of a run: reads the date system, our state and where the customers table is, and refuses
 * a read-only workbook, a protected target sheet or a protected structure, and a customers table whose rows
 * moved since they were read (`verifyCustomerRows`), all before anything is changed. Three syncs, plus
 * those of the date system and the row check.
 */
export async function readWriteTarget(context: Excel.RequestContext, plan: WritePlan): Promise<WriteTarget> {
  const workbook = context.workbook;
  const date1904 = await loadDate1904(context);
  workbook.load('readOnly');
  const structure = workbook.protection.load('protected');
  const sheets = workbook.worksheets.load('items/name,items/id,items/visibility,items/position');
  await context.sync();
  if (workbook.readOnly) {
    throw new ExcelHostError(
      'READ_ONLY',
      'This workbook is open read-only, so the add-in cannot write its results. Open it for editing (or save a copy), then run the analysis again. Nothing was changed.',
    );
  }
  const byName = new Map(sheets.items.map((s) => [s.name.toLowerCase(), s]));
  const stateSheet = byName.get(HostStateSheet.sheetName.toLowerCase()) ?? null;
  const legacySheet = byName.get(HostStateSheet.legacySheetName.toLowerCase()) ?? null;
  const recordSheet = HostStateSheet.find(sheets.items);
  const stateRange = recordSheet === null ? null : HostStateSheet.queueRead(recordSheet);
  const { tablePart, plainPart } = queueCustomers(workbook, plan);
  const targetProtection = (tablePart?.sheet ?? plainPart?.sheet)?.protection.load('protected') ?? null;
  await context.sync();

  const state = HostStateSheet.parse(stateRange, sheets.items);
  const targetSheet = tablePart?.sheet ?? plainPart?.sheet ?? null;
  if (targetSheet !== null && targetProtection?.protected === true) {
    throw new ExcelHostError(
      'PROTECTED',
      `Sheet "${targetSheet.name}" is protected, so the add-in cannot add its columns there. Unprotect it (Review › Unprotect Sheet), then run the analysis again. Nothing was changed.`,
    );
  }
  if (structure.protected) {
    throw new ExcelHostError(
      'PROTECTED',
      'The workbook structure is protected, so the add-in cannot add its summary sheets. Unprotect the workbook (Review › Protect Workbook), then run the analysis again. Nothing was changed.',
    );
  }

  const customers = plan.customers;
  if (customers.kind === 'existing' && customers.rowIds !== undefined && customers.idColumn !== undefined) {
    await verifyCustomerRows(
      context,
      tablePart === null
        ? {
            sheet: customers.table.sheet,
            headerRow0: customers.table.headerRow - 1,
            column0: customers.table.firstColumn - 1,
            rowCount: customers.table.rowCount,
            isExcelTable: false,
          }
        : {
            sheet: tablePart.sheet.name,
            headerRow0: tablePart.header.rowIndex,
            column0: tablePart.header.columnIndex,
            rowCount: tablePart.rows.count,
            isExcelTable: true,
          },
      customers.idColumn,
      customers.rowIds,
    );
  }
  return {
    date1904,
    sheets: sheets.items,
    stateSheet,
    legacySheet,
    state,
    names: new Map(sheets.items.map((s) => [s.id, s.name])),
    tablePart,
    plainPart,
    targetSheet,
  };
}
