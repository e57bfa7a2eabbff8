import { cellsOf, columnOfLength } from '../../engine/cellColumn';
import { Workbook } from 'exceljs';
import JSZip from 'jszip';
import type { Cell, CellValue, Worksheet } from 'exceljs';
import { findHeaderRow, headerScanRows } from '../../engine/findHeaderRow';
import { excelNumberFormat, type ColumnSpec } from '../../engine/sheetSpec';
import type { CellColumn, RawCell, SourceTable } from '../../engine/types';
import { excelGrid } from '../excelGrid';
import { fitCellText } from '../fitCellText';
import { runRecord } from '../runRecord';
import type { StreamedTable, StreamedWorkbook } from './StreamedWorkbook';
import type { RecordColumn, RecordSheet, RunRecord } from '../runRecord';
import type { ProgressCallback, WorkbookHost, WorkbookInfo, WriteSummary, WritePlan } from '../WorkbookHost';
import type { SheetCharts } from './addChartsToXlsx';
import { addChartsToPackage, addChartsToXlsx, packageBytes } from './addChartsToXlsx';
import { appendRowsToPackage, type DeferredRows } from './appendSheetRows';
import { appendCustomerColumns } from './appendCustomerColumns';
import { decodeReference, type CellBlock } from './decodeReference';
import { ourColumns } from './ourColumns';
import { parseCsv, parseCsvEncoded } from './parseCsv';
import { renderSheetSpec } from './renderSheetSpec';
import { uniqueSheetName, validSheetName } from './sheetNames';
import { tableModelsOf } from './tableModelsOf';
import { toRawCell } from './toRawCell';
import { applyNumberFormat, writeOutputValue } from './writeOutputValue';
import { headedRange } from '../headedRange';

/** Key of our customers sheet built from sales, as the Excel add-in records it too. */
const customersSheetKey = 'customers';
/** Key of the sheet holding a CSV customers table copied into the output. */
const sourceCopyKey = 'customersCopy';
/** Widest header row searched in a plain range (columns). */
const maxScanColumns = 512;
/** Rows read between two progress reports. */
const progressStep = 20_000;
/**
 * A CSV sales table of at most this many cells is copied into the output (as text, exactly as written),
 * so that re-running on the output finds the sales and updates our sheets in place; a larger one stays
 * in its file only (see {@link largeInputNote}).
 */
export const copyCsvSalesUpToCells = 2_000_000;

interface CsvSource {
  kind: 'csv';
  table: SourceTable;
  columns: CellColumn[];
}

interface XlsxSource {
  kind: 'xlsx';
  workbook: Workbook;
}

interface StreamedSource {
  kind: 'streamed';
  workbook: StreamedWorkbook;
}

type Source = CsvSource | XlsxSource | StreamedSource;

/**
 * Said of the output of a large .xlsx input read by streaming (see {@link FileWorkbookHost.fromStreamed}),
 * for the command line and the page to show.
 */
export const largeInputNote =
  "a large input's result holds the customers and summary sheets; the sales stay in your file";

/** Default of {@link FileWorkbookHost.directRowsAboveCells}. */
export const directRowsAboveCells = 200_000;

/**
 * A {@link WorkbookHost} over a workbook held in memory, for the command line and the web page: loaded
 * from .xlsx bytes (Excel tables and plain ranges found by their headers) or from CSV text (one sales
 * table). `write` builds the output workbook in memory — for an .xlsx, the input workbook with our
 * columns appended to the customers table, our summary sheets and the very hidden run record (settings
 * and which sheets and columns are ours, in the format the Excel add-in reads too, so either can re-run
 * on the other's output in place); for a CSV, a new workbook — and {@link FileWorkbookHost.toBuffer} returns its bytes, native charts included. The
 * input bytes are never changed. Works in Node and in the browser (no file-system access here).
 *
 * @example
 * const host = await FileWorkbookHost.fromXlsx(bytes, 'sales.xlsx');
 * const info = await host.inspect();
 */
export class FileWorkbookHost implements WorkbookHost {
  /** The input's file name, used as the sheet name of a CSV table and in messages. */
  readonly fileName: string;
  private readonly source: Source;
  private output: Workbook | null = null;
  private charts: SheetCharts[] = [];
  private deferredRows: DeferredRows[] = [];
  /**
   * A new output workbook's customers sheet larger than this many cells is written straight into the
   * package rather than through the workbook library (seconds instead of tens of seconds for 100,000
   * customers, and a fraction of the memory). Tests lower it to take that path with small data.
   */
  directRowsAboveCells = directRowsAboveCells;
  private readonly date1904: boolean;
  /** The last write left a CSV's sales out of the output (too large to copy). */
  private csvSalesLeftOut = false;

  private constructor(fileName: string, source: Source) {
    this.fileName = fileName;
    this.source = source;
    this.date1904 =
      source.kind === 'xlsx'
        ? source.workbook.properties.date1904
        : source.kind === 'streamed' && source.workbook.date1904;
  }

  /**
   * A host over a large .xlsx read by streaming (`streamXlsx`): only its candidate tables' cells are
   * held. Its output is a new workbook with our customers sheet (the user's customers table copied with
   * our columns, or the one built from sales), the summary sheets and the run record, not the sales:
   * see {@link largeInputNote} and {@link FileWorkbookHost.outputNote}.
   */
  static fromStreamed(streamed: StreamedWorkbook, fileName: string): FileWorkbookHost {
    return new FileWorkbookHost(fileName, { kind: 'streamed', workbook: streamed });
  }

  /** What the output leaves out, to tell the user ({@link largeInputNote}); null when it holds the whole input. */
  get outputNote(): string | null {
    return this.source.kind === 'streamed' || this.csvSalesLeftOut ? largeInputNote : null;
  }

  /**
   * Loads an .xlsx (or .xlsm) workbook from its bytes.
   *
   * @throws Error with a readable message when the bytes are not an .xlsx package.
   */
  static async fromXlsx(bytes: Uint8Array | ArrayBuffer, fileName: string): Promise<FileWorkbookHost> {
    const workbook = new Workbook();
    const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
    try {
      // exceljs's typing asks for a Node Buffer; it reads any Uint8Array or ArrayBuffer (browser too).
      await workbook.xlsx.load(data as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`"${fileName}" could not be read as an .xlsx workbook (${reason}).`);
    }
    return new FileWorkbookHost(fileName, { kind: 'xlsx', workbook });
  }

  /**
   * Loads a CSV file's text as one table; the header row is the first of the top 30 records that names
   * at least two recognised fields (else the first record).
   *
   * @param text The file's text, or pieces of it that each end at a record boundary.
   */
  static fromCsv(text: string | readonly string[], fileName: string): FileWorkbookHost {
    const top = parseCsv(text, { maxRows: headerScanRows });
    const rows: RawCell[][] = [top.headers];
    for (let row = 0; row < top.rowCount; row++) rows.push(top.columns.map((column) => column[row] ?? null));
    const skipRows = findHeaderRow(rows)?.index ?? 0;
    const parsed = parseCsvEncoded(text, { skipRows });
    const table: SourceTable = {
      sheet: fileName,
      tableName: null,
      headerRow: skipRows + 1,
      firstColumn: 1,
      headers: parsed.headers,
      rowCount: parsed.rowCount,
    };
    return new FileWorkbookHost(fileName, { kind: 'csv', table, columns: parsed.columns });
  }

  /** {@inheritDoc WorkbookHost.inspect} */
  inspect(): Promise<WorkbookInfo> {
    if (this.source.kind === 'csv') {
      return Promise.resolve({ tables: [{ ...this.source.table }], date1904: false, savedSettings: null });
    }
    if (this.source.kind === 'streamed') return Promise.resolve(this.inspectStreamed(this.source.workbook));
    const workbook = this.source.workbook;
    const record = this.readRecord();
    const skipped = new Set((record?.sheets ?? []).map(({ name }) => name.toLowerCase()));
    const excelTables: SourceTable[] = [];
    const plainRanges: SourceTable[] = [];
    for (const sheet of workbook.worksheets) {
      if (skipped.has(sheet.name.toLowerCase()) || runRecord.isBookkeeping(sheet.name)) continue;
      const blocks: CellBlock[] = [];
      for (const model of tableModelsOf(sheet)) {
        const block = decodeReference(model.tableRef ?? '');
        if (block === null) continue;
        blocks.push(block);
        const table: SourceTable = {
          sheet: sheet.name,
          tableName: model.name,
          headerRow: block.top,
          firstColumn: block.left,
          headers: model.columns.map((column) => column.name),
          rowCount: Math.max(0, block.bottom - block.top - (model.totalsRow === true ? 1 : 0)),
        };
        excelTables.push(withoutOurColumns(table, record, sheet, this.date1904));
      }
      // Also on a sheet with tables: a sales range may sit beside a small unrelated table.
      const range = findPlainRange(sheet, blocks);
      if (range !== null) plainRanges.push(withoutOurColumns(range, record, sheet, this.date1904));
    }
    return Promise.resolve({
      tables: [...excelTables, ...plainRanges],
      date1904: this.date1904,
      savedSettings: record?.settings ?? null,
    });
  }

  /** {@inheritDoc WorkbookHost.readColumns} */
  readColumns(
    table: SourceTable,
    columns: readonly number[],
    progress?: ProgressCallback,
  ): Promise<CellColumn[]> {
    if (this.source.kind === 'csv') {
      const data = this.source.columns;
      return Promise.resolve(
        columns.map((column) => {
          const values = data[column];
          return values === undefined
            ? new Array<RawCell>(table.rowCount).fill(null)
            : columnOfLength(values, table.rowCount);
        }),
      );
    }
    if (this.source.kind === 'streamed') {
      const found = streamedTableOf(this.source.workbook, table);
      if (found === undefined)
        return Promise.reject(new Error(`The table on "${table.sheet}" is not in the workbook.`));
      progress?.(table.rowCount, table.rowCount);
      return Promise.resolve(
        columns.map((column) => {
          const values = found.columns[column];
          return values === undefined
            ? new Array<RawCell>(table.rowCount).fill(null)
            : columnOfLength(values, table.rowCount);
        }),
      );
    }
    const sheet = this.source.workbook.getWorksheet(table.sheet);
    if (sheet === undefined)
      return Promise.reject(new Error(`The sheet "${table.sheet}" is not in the workbook.`));
    const result = columns.map(() => new Array<RawCell>(table.rowCount).fill(null));
    const sheetColumns = columns.map((column) => table.firstColumn + column);
    for (let index = 0; index < table.rowCount; index++) {
      const row = sheet.findRow(table.headerRow + 1 + index);
      if (row !== undefined) {
        sheetColumns.forEach((column, c) => {
          (result[c] as RawCell[])[index] = toRawCell(shownValue(row.findCell(column)), this.date1904);
        });
      }
      if (progress !== undefined && index % progressStep === progressStep - 1)
        progress(index + 1, table.rowCount);
    }
    progress?.(table.rowCount, table.rowCount);
    return Promise.resolve(result);
  }

  /** {@inheritDoc WorkbookHost.write} */
  write(plan: WritePlan, progress?: ProgressCallback): Promise<WriteSummary> {
    try {
      return Promise.resolve(this.writeOutput(plan, progress));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /**
   * The output workbook as .xlsx bytes, charts included: after {@link FileWorkbookHost.write}, the
   * analysed workbook; before it, the input workbook as loaded.
   *
   * @throws Error for a CSV input that has not been written yet (there is no workbook to save).
   */
  async toBuffer(): Promise<Uint8Array> {
    const workbook = this.output ?? (this.source.kind === 'xlsx' ? this.source.workbook : null);
    if (workbook === null) throw new Error('Nothing to save yet: run the analysis first.');
    for (const sheet of workbook.worksheets) tableModelsOf(sheet);
    const written: unknown = await workbook.xlsx.writeBuffer();
    const bytes = written instanceof Uint8Array ? written : new Uint8Array(written as ArrayBuffer);
    if (this.deferredRows.length === 0) return addChartsToXlsx(bytes, this.charts);
    const zip = await JSZip.loadAsync(bytes);
    await appendRowsToPackage(zip, this.deferredRows);
    await addChartsToPackage(zip, this.charts);
    return packageBytes(zip);
  }

  /**
   * Copies a CSV sales table into a new output's first sheet, named after the file, as text exactly as
   * written: it is the user's data (not recorded as ours), so a re-run on the output reads the sales
   * from it and replaces our sheets in place. Large tables go straight into the package.
   */
  private copyCsvSales(workbook: Workbook): void {
    if (this.source.kind !== 'csv') return;
    const { table, columns } = this.source;
    this.csvSalesLeftOut =
      table.rowCount * table.headers.length > copyCsvSalesUpToCells || table.rowCount >= excelGrid.rows;
    if (this.csvSalesLeftOut) return;
    const name = uniqueSheetName(validSheetName(this.fileName.replace(/\.[^.]*$/u, '')), []);
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
    const specs: ColumnSpec[] = table.headers.map((header, c) => {
      const texts = cellsOf(columnOfLength(columns[c] ?? [], table.rowCount)).map((value) =>
        value === null || typeof value === 'string' ? value : String(value),
      );
      // A column of plain numbers becomes numbers; only those that read back as the same text (a re-run
      // sees the same ids and amounts), so `00042`, `17850.0` and `1E5` keep the column text.
      const numeric = texts.some((t) => t !== null) && texts.every((t) => t === null || isPlainNumber(t));
      return {
        key: `csv${c}`,
        header: fitCellText(header),
        format: numeric
          ? texts.every((t) => t === null || !t.includes('.'))
            ? 'integer'
            : 'number'
          : 'text',
        values: numeric ? texts.map((t) => (t === null ? null : Number(t))) : texts,
      };
    });
    const deferred = writeColumnsSheet(sheet, specs, false, this.directRowsAboveCells);
    if (deferred !== null) this.deferredRows.push(deferred);
  }

  /** {@link FileWorkbookHost.inspect} of a streamed input: its tables less our earlier sheets and columns. */
  private inspectStreamed(streamed: StreamedWorkbook): WorkbookInfo {
    const record = this.readRecord();
    const skipped = new Set((record?.sheets ?? []).map(({ name }) => name.toLowerCase()));
    const tables = streamed.tables
      .filter(({ table }) => !skipped.has(table.sheet.toLowerCase()))
      .map(({ table }) => streamedWithoutOurColumns(table, record));
    return { tables, date1904: this.date1904, savedSettings: record?.settings ?? null };
  }

  /** The last run's record, whichever host wrote it (an older command line's sheet when there is no other). */
  private readRecord(): RunRecord | null {
    if (this.output === null && this.source.kind === 'streamed') {
      const cells = this.source.workbook.recordCells;
      return cells === null ? null : runRecord.decode(cells);
    }
    const workbook = this.output ?? (this.source.kind === 'xlsx' ? this.source.workbook : null);
    const sheet =
      workbook?.getWorksheet(runRecord.sheetName) ?? workbook?.getWorksheet(runRecord.legacySheetName);
    if (sheet === undefined) return null;
    const cells: RawCell[] = [];
    for (let row = 1; row <= sheet.rowCount; row++)
      cells.push(toRawCell(sheet.findRow(row)?.findCell(1)?.value, false));
    return runRecord.decode(cells);
  }

  private writeOutput(plan: WritePlan, progress?: ProgressCallback): WriteSummary {
    excelGrid.checkPlan(plan);
    // A streamed input's record describes the input, not the new output workbook.
    const previous = this.source.kind === 'streamed' && this.output === null ? null : this.readRecord();
    const fresh = this.output === null;
    const workbook = this.output ?? (this.source.kind === 'xlsx' ? this.source.workbook : new Workbook());
    // Values keep the input's date system, so a streamed input's new workbook takes it too.
    if (this.output === null && this.source.kind === 'streamed') workbook.properties.date1904 = this.date1904;
    this.output = workbook;
    this.charts = [];
    this.deferredRows = [];
    const total = plan.sheets.length + 2;
    // Our previous sheets go, and so does all bookkeeping: the Excel add-in's undo copies are stale now.
    const previousSheets = new Set((previous?.sheets ?? []).map(({ name }) => name.toLowerCase()));
    for (const sheet of [...workbook.worksheets]) {
      if (previousSheets.has(sheet.name.toLowerCase()) || runRecord.isBookkeeping(sheet.name))
        workbook.removeWorksheet(sheet.id);
    }
    const sheetNames = (): string[] => workbook.worksheets.map((sheet) => sheet.name);
    const createdSheets: RecordSheet[] = [];
    let customerColumns: RecordColumn[] = [];
    let columnHeaders: string[];
    let location: string;
    const target = plan.customers;
    if (target.kind === 'existing') {
      let sheet = workbook.getWorksheet(target.table.sheet);
      let table = target.table;
      if (this.source.kind === 'csv') {
        // A CSV customers table: its values are copied into a sheet of the output, ours beside them.
        const name = uniqueSheetName(validSheetName(this.fileName.replace(/\.[^.]*$/u, '')), sheetNames());
        sheet = workbook.addWorksheet(name);
        copyColumns(sheet, table.headers, this.source.columns.map(cellsOf));
        createdSheets.push({ key: sourceCopyKey, name });
        table = { ...table, sheet: name, headerRow: 1, firstColumn: 1 };
      } else if (this.source.kind === 'streamed' && sheet === undefined) {
        // The input's customers table is copied into the new output (its sheet is not there).
        const found = streamedTableOf(this.source.workbook, table);
        if (found === undefined) throw new Error(`The customers table on "${table.sheet}" was not read.`);
        const name = uniqueSheetName(validSheetName(table.sheet), sheetNames());
        sheet = workbook.addWorksheet(name);
        copyColumns(
          sheet,
          table.headers,
          found.columns
            .slice(0, table.headers.length)
            .map((column) => cellsOf(columnOfLength(column, table.rowCount))),
          found.dateColumns,
        );
        createdSheets.push({ key: sourceCopyKey, name });
        table = { ...table, sheet: name, headerRow: 1, firstColumn: 1 };
      }
      if (sheet === undefined)
        throw new Error(`The customers sheet "${target.table.sheet}" is not in the workbook.`);
      customerColumns = appendCustomerColumns(
        sheet,
        table,
        plan.columns,
        previous?.columns ?? [],
        this.date1904,
      );
      columnHeaders = customerColumns.map(({ header }) => header);
      location = sheet.name;
    } else {
      if (fresh && this.source.kind === 'csv') this.copyCsvSales(workbook);
      const name = uniqueSheetName(target.sheetName, sheetNames());
      const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
      // A new workbook's large customers sheet is written straight into the package (toBuffer).
      const deferred = writeColumnsSheet(
        sheet,
        [...target.baseColumns, ...plan.columns],
        this.date1904,
        this.source.kind === 'xlsx' ? Number.POSITIVE_INFINITY : this.directRowsAboveCells,
      );
      if (deferred !== null) this.deferredRows.push(deferred);
      createdSheets.push({ key: customersSheetKey, name });
      columnHeaders = plan.columns.map((column) => column.header);
      location = name;
    }
    progress?.(1, total);
    const summaryNames: string[] = [];
    plan.sheets.forEach((spec, index) => {
      const name = uniqueSheetName(spec.name, sheetNames());
      const sheet = workbook.addWorksheet(name);
      renderSheetSpec(sheet, spec, this.date1904);
      if (spec.charts.length > 0)
        this.charts.push({ sheetName: name, charts: spec.charts, cells: spec.cells });
      summaryNames.push(name);
      createdSheets.push({ key: spec.key, name });
      progress?.(index + 2, total);
    });
    const recordSheet = workbook.addWorksheet(runRecord.sheetName, { state: 'veryHidden' });
    const record: RunRecord = {
      version: 2,
      settings: plan.settings,
      sheets: createdSheets,
      columns: customerColumns,
    };
    runRecord.encode(record).forEach((text, index) => {
      const cell = recordSheet.getCell(index + 1, 1);
      cell.numFmt = '@';
      cell.value = text;
    });
    progress?.(total, total);
    return {
      columnHeaders,
      sheetNames: target.kind === 'new' ? [location, ...summaryNames] : summaryNames,
      location,
    };
  }
}

/** Text that is a number written the way JavaScript writes it back (`42`, `-1.5`), so reads back the same. */
function isPlainNumber(text: string): boolean {
  const value = Number(text);
  return text !== '' && Number.isFinite(value) && String(value) === text;
}

/**
 * A cell's value as Excel shows it: a merged block holds its value in its top-left (master) cell only, so
 * the other cells of the block are empty (exceljs repeats the master's value in them).
 */
function shownValue(cell: Cell | undefined): CellValue | undefined {
  if (cell === undefined) return undefined;
  return cell.isMerged && cell.master.address !== cell.address ? null : cell.value;
}

/**
 * The plain range of a sheet: header row found among the top rows, trailing empty rows dropped. Cells of
 * the sheet's Excel tables (`tables`) are not part of it: they read as blank, and the range ends above the
 * first table below its header row in its columns.
 */
function findPlainRange(sheet: Worksheet, tables: readonly CellBlock[] = []): SourceTable | null {
  const scanRows = Math.min(sheet.rowCount, headerScanRows);
  const width = Math.min(sheet.columnCount, maxScanColumns);
  const inTable = (row: number, column: number): boolean =>
    tables.some((t) => row >= t.top && row <= t.bottom && column >= t.left && column <= t.right);
  const rows: RawCell[][] = [];
  for (let row = 1; row <= scanRows; row++) {
    const cells: RawCell[] = [];
    const sheetRow = sheet.findRow(row);
    for (let column = 1; column <= width; column++)
      cells.push(inTable(row, column) ? null : toRawCell(shownValue(sheetRow?.findCell(column)), false));
    rows.push(cells);
  }
  const located = headedRange(rows, tables);
  if (located === null) return null;
  const { headerRow, firstColumn, headers, tableTop: tableBelow } = located;
  let lastRow = Math.min(sheet.rowCount, tableBelow - 1);
  for (; lastRow > headerRow; lastRow--) {
    const sheetRow = sheet.findRow(lastRow);
    if (sheetRow === undefined) continue;
    let blank = true;
    for (let column = firstColumn; column < firstColumn + headers.length && blank; column++) {
      blank = toRawCell(shownValue(sheetRow.findCell(column)), false) === null;
    }
    if (!blank) break;
  }
  return {
    sheet: sheet.name,
    tableName: null,
    headerRow,
    firstColumn,
    headers,
    rowCount: lastRow - headerRow,
  };
}

/**
 * The table without the columns an earlier run appended to it (while their header is still ours), so a
 * re-run sees the user's table as the user made it: our "Revenue" column must not become its amount.
 */
function withoutOurColumns(
  table: SourceTable,
  record: RunRecord | null,
  sheet: Worksheet,
  date1904: boolean,
): SourceTable {
  const ours = new Set(
    ourColumns(sheet, table, record?.columns ?? [], { date1904, headersOnly: true }).map(
      ({ column }) => column,
    ),
  );
  if (ours.size === 0) return table;
  // Ours by their header (cells the user typed into them are still no data of theirs to analyse) keep their
  // place among the user's columns without a header, so they are never mapped; ours at the end go.
  const headers = table.headers.map((header, i) => (ours.has(table.firstColumn + i) ? '' : header));
  let count = headers.length;
  while (count > 0 && (headers[count - 1] ?? '').trim() === '') count--;
  return { ...table, headers: headers.slice(0, count) };
}

/** Writes a header row and column-major values from row 1 (a CSV table copied into the output), text cut to fit a cell. */
function copyColumns(
  sheet: Worksheet,
  headers: readonly string[],
  columns: readonly (readonly RawCell[])[],
  dateColumns: readonly boolean[] = [],
): void {
  headers.forEach((header, c) => {
    const cell = sheet.getCell(1, c + 1);
    cell.value = fitCellText(header);
    cell.font = { bold: true };
    const dates = dateColumns[c] === true;
    (columns[c] ?? []).forEach((value, r) => {
      const target = sheet.getCell(r + 2, c + 1);
      target.value = typeof value === 'string' ? fitCellText(value) : value;
      if (dates && typeof value === 'number') applyNumberFormat(target, excelNumberFormat('date'));
    });
  });
}

/**
 * Writes our own customers sheet: bold headers in row 1 with filter buttons, then each column's values. Above `deferAboveCells`
 * cells only the first data row goes into the model, as the template of the rest, which is returned for
 * {@link appendRowsToPackage}.
 */
function writeColumnsSheet(
  sheet: Worksheet,
  columns: readonly ColumnSpec[],
  date1904: boolean,
  deferAboveCells: number,
): DeferredRows | null {
  const rows = Math.max(0, ...columns.map((spec) => spec.values.length));
  const defer = rows > 1 && rows * columns.length > deferAboveCells;
  columns.forEach((spec, c) => {
    const header = sheet.getCell(1, c + 1);
    header.value = spec.header;
    header.font = { bold: true };
    const written = defer ? spec.values.slice(0, 1) : spec.values;
    written.forEach((value, r) => {
      writeOutputValue(sheet.getCell(r + 2, c + 1), value, spec.format, date1904);
    });
    sheet.getColumn(c + 1).width = Math.max(10, Math.min(40, spec.header.length + 4));
  });
  // Filters on the header row, so an owner can pick out a segment or the customers who lose money.
  if (columns.length > 0)
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows + 1, column: columns.length } };
  return defer ? { sheetName: sheet.name, columns, firstIndex: 1, firstRow: 3, date1904 } : null;
}

/** The streamed table a (possibly narrowed) table of `inspect` came from. */
function streamedTableOf(streamed: StreamedWorkbook, table: SourceTable): StreamedTable | undefined {
  return streamed.tables.find(
    (t) =>
      t.table.sheet === table.sheet &&
      t.table.headerRow === table.headerRow &&
      t.table.firstColumn === table.firstColumn,
  );
}

/**
 * {@link withoutOurColumns} for a streamed table, whose header row is its headers: a recorded column is
 * still ours while its header cell holds the header we wrote.
 */
function streamedWithoutOurColumns(table: SourceTable, record: RunRecord | null): SourceTable {
  const ours = new Set(
    (record?.columns ?? [])
      .filter(
        (column) =>
          (column.sheet === null || column.sheet.toLowerCase() === table.sheet.toLowerCase()) &&
          column.headerRow === table.headerRow &&
          (table.headers[column.column - table.firstColumn] ?? null) === column.header,
      )
      .map(({ column }) => column),
  );
  if (ours.size === 0) return table;
  let count = table.headers.length;
  while (
    count > 0 &&
    (ours.has(table.firstColumn + count - 1) || (table.headers[count - 1] ?? '').trim() === '')
  )
    count--;
  return count === table.headers.length ? table : { ...table, headers: table.headers.slice(0, count) };
}
