import type { Workbook } from 'exceljs';
import { callsSheet } from '../../engine/calls/callsSheet';
import type { CallsSheetCells } from '../../engine/calls/readCallOutcomes';
import { cellsOf, columnOfLength } from '../../engine/cellColumn';
import type { CellColumn, RawCell, SourceTable } from '../../engine/types';
import { excelGrid } from '../excelGrid';
import { ownedColumns } from '../ownedColumns';
import { runRecord, type RunRecord } from '../runRecord';
import { uniqueName } from '../uniqueName';
import type { ProgressCallback, WorkbookInfo } from '../WorkbookHost';
import { withoutOwnedHeaders } from '../withoutOwnedHeaders';
import { copyColumns } from './copyColumns';
import type { CopiedTable, FileSource } from './FileSource';
import type { StreamedTable, StreamedWorkbook } from './StreamedWorkbook';
import { validSheetName } from './validSheetName';

/**
 * A large .xlsx read by streaming (`streamXlsx`) as the input of `FileWorkbookHost`: only its candidate
 * tables' cells are held. Its output is a new workbook (in the input's date system) with our customers
 * sheet (the user's customers table copied with our columns, or the one built from sales), the summary
 * sheets and the run record, not the sales (see `largeInputNote`).
 *
 * @example const source = new StreamedSource(await streamXlsx(path));
 */
export class StreamedSource implements FileSource {
  readonly workbook = null;
  readonly date1904: boolean;

  constructor(private readonly streamed: StreamedWorkbook) {
    this.date1904 = streamed.date1904;
  }

  /** Its tables less our earlier sheets, and our earlier columns blanked (see `withoutOwnedHeaders`). */
  inspect(record: RunRecord | null): WorkbookInfo {
    const skipped = new Set((record?.sheets ?? []).map(({ name }) => name.toLowerCase()));
    const kept = this.streamed.tables.filter(({ table }) => !skipped.has(table.sheet.toLowerCase()));
    return {
      tables: kept.filter((t) => !isCallsTable(t)).map(({ table }) => withoutOurColumns(table, record)),
      date1904: this.date1904,
      savedSettings: record?.settings ?? null,
      history: record?.history ?? null,
      callSheets: kept.filter(isCallsTable).map(callsSheetCells),
    };
  }

  readColumns(table: SourceTable, columns: readonly number[], progress?: ProgressCallback): CellColumn[] {
    const found = this.tableOf(table);
    if (found === undefined) throw new Error(`The table on "${table.sheet}" is not in the workbook.`);
    progress?.(table.rowCount, table.rowCount);
    return columns.map((column) => {
      const values = found.columns[column];
      return values === undefined
        ? new Array<RawCell>(table.rowCount).fill(null)
        : columnOfLength(values, table.rowCount);
    });
  }

  inputRecord(): RunRecord | null {
    const cells = this.streamed.recordCells;
    return cells === null ? null : runRecord.decode(cells);
  }

  /** The input's customers table copied into the new output (its sheet is not there), dates as dates. */
  copyCustomers(workbook: Workbook, table: SourceTable, taken: readonly string[]): CopiedTable | null {
    if (workbook.getWorksheet(table.sheet) !== undefined) return null;
    const found = this.tableOf(table);
    if (found === undefined) throw new Error(`The customers table on "${table.sheet}" was not read.`);
    const name = uniqueName(validSheetName(table.sheet), taken, excelGrid.sheetNameLength);
    const sheet = workbook.addWorksheet(name);
    copyColumns(
      sheet,
      table.headers,
      found.columns
        .slice(0, table.headers.length)
        .map((column) => cellsOf(columnOfLength(column, table.rowCount))),
      found.dateColumns,
    );
    return { sheet, table: { ...table, sheet: name, headerRow: 1, firstColumn: 1 } };
  }

  copySales(): { deferred: null; leftOut: boolean } {
    return { deferred: null, leftOut: false };
  }

  deferAboveCells(directRowsAboveCells: number): number {
    return directRowsAboveCells;
  }

  /** The streamed table a (possibly narrowed) table of `inspect` came from. */
  private tableOf(table: SourceTable): StreamedTable | undefined {
    return this.streamed.tables.find(
      (t) =>
        t.table.sheet === table.sheet &&
        t.table.headerRow === table.headerRow &&
        t.table.firstColumn === table.firstColumn,
    );
  }
}

/**
 * A streamed table without our columns of an earlier run, whose header row is its headers: a recorded
 * column is ours while its header cell holds the header we wrote (`ownedColumns`).
 */
function withoutOurColumns(table: SourceTable, record: RunRecord | null): SourceTable {
  const ours = new Set(
    ownedColumns(record?.columns ?? [], {
      sheet: table.sheet,
      headerRow: table.headerRow,
      headerAt: (column) => table.headers[column - table.firstColumn] ?? null,
    }).map(({ column }) => column),
  );
  if (ours.size === 0) return table;
  const headers = withoutOwnedHeaders(table.headers, table.firstColumn, (column) => ours.has(column));
  return { ...table, headers };
}

/** A Calls sheet read as a table: its first row, from A1, is a Calls header (either language). */
function isCallsTable({ table }: StreamedTable): boolean {
  return (
    table.headerRow === 1 && table.firstColumn === 1 && callsSheet.columnsOfHeader(table.headers) !== null
  );
}

/** A streamed Calls sheet's cells, header row first, twelve cells a row (as `callsSheetsOf` gives them). */
function callsSheetCells({ table, columns }: StreamedTable): CallsSheetCells {
  const cells = callsSheet.keys.map((_, c) => {
    const column = columns[c];
    return column === undefined
      ? new Array<RawCell>(table.rowCount).fill(null)
      : cellsOf(columnOfLength(column, table.rowCount));
  });
  const rows: RawCell[][] = [callsSheet.keys.map((_, c) => table.headers[c] ?? null)];
  for (let r = 0; r < table.rowCount; r++) rows.push(cells.map((column) => column[r] ?? null));
  return { name: table.sheet, rows };
}
