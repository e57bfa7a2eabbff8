import type { Cell, CellValue, Workbook, Worksheet } from 'exceljs';
import { headerScanRows } from '../../engine/findHeaderRow';
import type { CellColumn, RawCell, SourceTable } from '../../engine/types';
import { headedRange } from '../headedRange';
import { runRecord, type RunRecord } from '../runRecord';
import type { ProgressCallback, WorkbookInfo } from '../WorkbookHost';
import { withoutOwnedHeaders } from '../withoutOwnedHeaders';
import { decodeReference, type CellBlock } from './decodeReference';
import type { FileSource } from './FileSource';
import { ourColumns } from './ourColumns';
import { tableModelsOf } from './tableModelsOf';
import { callsSheetsOf, isCallsSheet } from './callsSheetsOf';
import { toRawCell } from './toRawCell';

/** Widest header row searched in a plain range (columns). */
const maxScanColumns = 512;
/** Rows read between two progress reports. */
const progressStep = 20_000;

/**
 * A cell's value as Excel shows it: a merged block holds its value in its top-left (master) cell only, so
 * the other cells of the block are empty (exceljs repeats the master's value in them).
 */
function shownValue(cell: Cell | undefined): CellValue | undefined {
  if (cell === undefined) return undefined;
  return cell.isMerged && cell.master.address !== cell.address ? null : cell.value;
}

/**
 * The plain range of a sheet (`headedRange` over its top rows), trailing empty rows dropped. Cells of the
 * sheet's Excel tables (`tables`) are not part of it: they read as blank, and the range ends above the
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
 * re-run sees the user's table as the user made it (see `withoutOwnedHeaders`).
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
  return { ...table, headers: withoutOwnedHeaders(table.headers, table.firstColumn, (c) => ours.has(c)) };
}

/**
 * An .xlsx (or .xlsm) workbook held in memory (exceljs) as the input of `FileWorkbookHost`: Excel tables
 * and plain ranges found by their headers; the output is this workbook with our columns and sheets added.
 *
 * @example const source = new XlsxSource(workbook);
 */
export class XlsxSource implements FileSource {
  readonly date1904: boolean;

  constructor(readonly workbook: Workbook) {
    this.date1904 = workbook.properties.date1904;
  }

  /** Excel tables, then plain ranges (also on a sheet with tables), less our sheets and columns. */
  inspect(record: RunRecord | null): WorkbookInfo {
    const skipped = new Set((record?.sheets ?? []).map(({ name }) => name.toLowerCase()));
    const excelTables: SourceTable[] = [];
    const plainRanges: SourceTable[] = [];
    for (const sheet of this.workbook.worksheets) {
      if (skipped.has(sheet.name.toLowerCase()) || runRecord.isBookkeeping(sheet.name) || isCallsSheet(sheet))
        continue;
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
    return {
      tables: [...excelTables, ...plainRanges],
      date1904: this.date1904,
      savedSettings: record?.settings ?? null,
      history: record?.history ?? null,
      callSheets: callsSheetsOf(this.workbook, this.date1904),
    };
  }

  readColumns(table: SourceTable, columns: readonly number[], progress?: ProgressCallback): CellColumn[] {
    const sheet = this.workbook.getWorksheet(table.sheet);
    if (sheet === undefined) throw new Error(`The sheet "${table.sheet}" is not in the workbook.`);
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
    return result;
  }

  inputRecord(): null {
    return null;
  }

  /** The customers table is in the workbook written to: nothing to copy. */
  copyCustomers(): null {
    return null;
  }

  copySales(): { deferred: null; leftOut: boolean } {
    return { deferred: null, leftOut: false };
  }

  /** The input's own workbook is written through the library (its other sheets are in the model anyway). */
  deferAboveCells(): number {
    return Number.POSITIVE_INFINITY;
  }
}
