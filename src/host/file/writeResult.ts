import { Workbook, type Worksheet } from 'exceljs';
import { printPage } from '../../engine/summary/cells';
import type { SourceTable } from '../../engine/types';
import { excelGrid } from '../excelGrid';
import { runRecord, type RecordColumn, type RecordSheet, type RunRecord } from '../runRecord';
import { uniqueName } from '../uniqueName';
import type { ProgressCallback, WritePlan, WriteSummary } from '../WorkbookHost';
import type { SheetCharts } from './addChartsToXlsx';
import { appendCustomerColumns } from './appendCustomerColumns';
import type { DeferredRows } from './appendSheetRows';
import type { FileSource } from './FileSource';
import { isCallsSheet } from './callsSheetsOf';
import { renderSheetSpec } from './renderSheetSpec';
import { splitSheetTail } from './splitSheetTail';
import { writeCallsSheet } from './writeCallsSheet';
import { writeColumnsSheet } from './writeColumnsSheet';

/** Key of our customers sheet built from sales, as the Excel add-in records it too. */
const customersSheetKey = 'customers';
/** Key of the sheet holding a customers table copied into the output. */
const sourceCopyKey = 'customersCopy';

/** What {@link writeResult} wrote. */
export interface WrittenResult {
  /** The output workbook (the input's own, the earlier output, or a new one). */
  workbook: Workbook;
  /** Native charts to add to the package when it is saved. */
  charts: SheetCharts[];
  /** Rows to append to the package when it is saved. */
  deferredRows: DeferredRows[];
  /** Whether the sales were left out of the output (too large); null when this write did not copy them. */
  salesLeftOut: boolean | null;
  summary: WriteSummary;
}

/** Where the run's customers go: the user's table (our columns appended) or our own customers sheet. */
function writeCustomers(
  source: FileSource,
  workbook: Workbook,
  plan: WritePlan,
  previous: RunRecord | null,
  directRowsAboveCells: number,
): {
  columns: RecordColumn[];
  headers: string[];
  location: string;
  /** The sheet the run built for the customers (a copy of the user's table, or our own), else null. */
  sheet: RecordSheet | null;
  deferred: DeferredRows | null;
} {
  const taken = (): string[] => workbook.worksheets.map((sheet) => sheet.name);
  const target = plan.customers;
  if (target.kind === 'existing') {
    const copied = source.copyCustomers(workbook, target.table, taken());
    const sheet: Worksheet | undefined = copied?.sheet ?? workbook.getWorksheet(target.table.sheet);
    const table: SourceTable = copied?.table ?? target.table;
    if (sheet === undefined)
      throw new Error(`The customers sheet "${target.table.sheet}" is not in the workbook.`);
    const columns = appendCustomerColumns(
      sheet,
      table,
      plan.columns,
      previous?.columns ?? [],
      source.date1904,
    );
    return {
      columns,
      headers: columns.map(({ header }) => header),
      location: sheet.name,
      sheet: copied === null ? null : { key: sourceCopyKey, name: sheet.name },
      deferred: null,
    };
  }
  const name = uniqueName(target.sheetName, taken(), excelGrid.sheetNameLength);
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  // A new workbook's large customers sheet is written straight into the package (toBuffer).
  const deferred = writeColumnsSheet(
    sheet,
    [...target.baseColumns, ...plan.columns],
    source.date1904,
    source.deferAboveCells(directRowsAboveCells),
  );
  return {
    columns: [],
    headers: plan.columns.map((column) => column.header),
    location: name,
    sheet: { key: customersSheetKey, name },
    deferred,
  };
}

/** exceljs orders sheets by `orderNo`, which it does not type. */
type OrderedSheet = Worksheet & { orderNo: number };

/**
 * Moves every Calls sheet after the summary sheets, in the order they were: an earlier run's Calls sheets are
 * kept, not rebuilt, so without this a re-run would put its summary sheets after them.
 */
function callsSheetsLast(workbook: Workbook): void {
  const sheets = workbook.worksheets as OrderedSheet[];
  let order = Math.max(0, ...sheets.map((sheet) => sheet.orderNo)) + 1;
  for (const sheet of sheets.filter(isCallsSheet)) sheet.orderNo = order++;
}

/**
 * The result writer of `FileWorkbookHost`: writes one run's output into the workbook it builds in memory —
 * the input's own for an .xlsx, else a new one (the earlier output on a later write). Our previous sheets
 * and all bookkeeping go first (the Excel add-in's undo copies are stale now); then the customers (our
 * columns appended to the user's table, copied into the output first when its sheet is not there, or our
 * own customers sheet, after a CSV's sales on a first write), the summary sheets (charts kept for
 * `toBuffer`), the Calls sheet of the run's as-of date (`writeCallsSheet`: earlier Calls sheets, and the
 * reps' Outcome and Note cells, are never written), and the very hidden run record, in the format every host reads.
 *
 * @param output The workbook of an earlier write, or null for the first.
 * @param previous The record of the last run the output holds (null for a new output).
 * @param directRowsAboveCells Our new sheets above this many cells are written straight into the package.
 * @param callsDirectAboveCells The same for a new Calls sheet.
 */
export function writeResult(
  source: FileSource,
  output: Workbook | null,
  plan: WritePlan,
  previous: RunRecord | null,
  directRowsAboveCells: number,
  callsDirectAboveCells: number,
  progress?: ProgressCallback,
): WrittenResult {
  excelGrid.checkPlan(plan);
  const workbook = output ?? source.workbook ?? new Workbook();
  // Values keep the input's date system, so a new workbook takes it too.
  if (output === null && source.workbook === null) workbook.properties.date1904 = source.date1904;
  const total = plan.sheets.length + 2;
  const previousSheets = new Set((previous?.sheets ?? []).map(({ name }) => name.toLowerCase()));
  for (const sheet of [...workbook.worksheets]) {
    if (previousSheets.has(sheet.name.toLowerCase()) || runRecord.isBookkeeping(sheet.name))
      workbook.removeWorksheet(sheet.id);
  }
  const deferredRows: DeferredRows[] = [];
  let salesLeftOut: boolean | null = null;
  if (output === null && plan.customers.kind === 'new') {
    const sales = source.copySales(workbook, directRowsAboveCells);
    if (sales.deferred !== null) deferredRows.push(sales.deferred);
    salesLeftOut = sales.leftOut;
  }
  const customers = writeCustomers(source, workbook, plan, previous, directRowsAboveCells);
  if (customers.deferred !== null) deferredRows.push(customers.deferred);
  const createdSheets: RecordSheet[] = customers.sheet === null ? [] : [customers.sheet];
  progress?.(1, total);
  const charts: SheetCharts[] = [];
  const summaryNames: string[] = [];
  plan.sheets.forEach((spec, index) => {
    const name = uniqueName(
      spec.name,
      workbook.worksheets.map((sheet) => sheet.name),
      excelGrid.sheetNameLength,
    );
    const sheet = workbook.addWorksheet(name);
    // A long list (the visit plan of 100,000 customers) is written straight into the package, as the
    // customers are: the summary sheets are rebuilt on every write, so any input may defer them.
    const split = splitSheetTail(spec, directRowsAboveCells);
    renderSheetSpec(sheet, split?.head ?? spec, source.date1904);
    if (split !== null) {
      deferredRows.push({
        sheetName: name,
        columns: split.columns,
        firstIndex: 0,
        firstRow: split.firstRow,
        date1904: source.date1904,
        rowHeight: printPage.rowHeight,
      });
    }
    if (spec.charts.length > 0) charts.push({ sheetName: name, charts: spec.charts, cells: spec.cells });
    summaryNames.push(name);
    createdSheets.push({ key: spec.key, name });
    progress?.(index + 2, total);
  });
  const calls =
    plan.calls === undefined
      ? null
      : writeCallsSheet(workbook, plan.calls, source.date1904, callsDirectAboveCells);
  if (calls !== null) summaryNames.push(calls.name);
  if (calls !== null && calls.deferred !== null) deferredRows.push(calls.deferred);
  callsSheetsLast(workbook);
  const recordSheet = workbook.addWorksheet(runRecord.sheetName, { state: 'veryHidden' });
  const record: RunRecord = {
    version: 2,
    settings: plan.settings,
    sheets: createdSheets,
    columns: customers.columns,
    ...(plan.history === undefined || plan.history === null ? {} : { history: plan.history }),
  };
  runRecord.encode(record).forEach((text, index) => {
    const cell = recordSheet.getCell(index + 1, 1);
    cell.numFmt = '@';
    cell.value = text;
  });
  progress?.(total, total);
  return {
    workbook,
    charts,
    deferredRows,
    salesLeftOut,
    summary: {
      columnHeaders: customers.headers,
      sheetNames: plan.customers.kind === 'new' ? [customers.location, ...summaryNames] : summaryNames,
      location: customers.location,
    },
  };
}
