import type { Worksheet } from 'exceljs';
import type { ColumnSpec } from '../../engine/sheetSpec';
import type { SourceTable } from '../../engine/types';
import { columnDigest } from '../columnDigest';
import { excelGrid } from '../excelGrid';
import type { RecordColumn } from '../runRecord';
import { columnLetters } from './columnLetters';
import { ourColumns } from './ourColumns';
import { uniqueName } from '../uniqueName';
import { tableModelsOf } from './tableModelsOf';
import { toRawCell } from './toRawCell';
import { writeOutputValue } from './writeOutputValue';
import { cellValue } from '../cellValue';

function cellText(sheet: Worksheet, row: number, column: number): string | null {
  const value = toRawCell(sheet.findRow(row)?.findCell(column)?.value, false);
  return value === null ? null : String(value);
}

/**
 * Appends our columns to the right of the user's customers table (an Excel table, which is widened to
 * take them in, or a plain range). A column an earlier run wrote (per its record, whichever host wrote it)
 * is rewritten in place while it is still ours: its header unchanged and its cells as written (see
 * `ourColumns`); one the user has made theirs is left alone and ours goes to a new column. New columns go
 * right of the table and of our columns; any other occupied cell is never overwritten: the new block
 * moves right past it. A header that clashes with one already in the header row gets a suffix
 * (`Revenue (2)`). Only cells we wrote are cleared: the rows a column's record says it wrote, never cells
 * typed below. Nothing is changed when the columns would pass column XFD.
 *
 * @param previous The columns of the last run's record (any sheet; those of this table are picked out).
 * @param date1904 The workbook uses the 1904 date system.
 * @throws AnalysisError `TOO_LARGE` when the columns would pass Excel's last column (XFD).
 * @returns The columns written, as the run record keeps them, in the order of `columns`.
 */
export function appendCustomerColumns(
  sheet: Worksheet,
  table: SourceTable,
  columns: readonly ColumnSpec[],
  previous: readonly RecordColumn[],
  date1904: boolean,
): RecordColumn[] {
  const headerRow = table.headerRow;
  const lastDataRow = headerRow + table.rowCount;
  const ours = ourColumns(sheet, table, previous, { date1904 });
  // Each of our columns goes to the spec it was written for (by key; by header in an older record).
  const placeOf = new Map<ColumnSpec, RecordColumn>();
  for (const spec of columns) {
    const match = ours.find(
      (c) =>
        ![...placeOf.values()].includes(c) &&
        (c.key === null ? c.header === spec.header : c.key === spec.key),
    );
    if (match !== undefined) placeOf.set(spec, match);
  }
  const reused = new Set([...placeOf.values()].map(({ column }) => column));
  // Our columns no spec takes any more count as free (they are cleared below), so the place of the new
  // block is known before any change.
  const oursSet = new Set(ours.map(({ column }) => column));
  const isFree = (column: number): boolean => {
    if (oursSet.has(column) && !reused.has(column)) return true;
    if (reused.has(column)) return false;
    for (let row = headerRow; row <= lastDataRow; row++) {
      if (cellText(sheet, row, column) !== null) return false;
    }
    return true;
  };
  const tableEnd = Math.max(table.firstColumn + table.headers.length, ...[...reused].map((c) => c + 1));
  const added = columns.filter((spec) => !placeOf.has(spec));
  let start = tableEnd;
  for (let offset = 0; offset < added.length && start + offset <= excelGrid.columns; offset++) {
    if (!isFree(start + offset)) {
      start = start + offset + 1;
      offset = -1;
    }
  }
  if (added.length > 0) excelGrid.checkColumns(start + added.length - 1, sheet.name, 'the customers table');
  for (const column of ours) {
    const rows = column.rows ?? table.rowCount;
    for (
      let row = headerRow;
      row <= headerRow + Math.max(rows, reused.has(column.column) ? table.rowCount : 0);
      row++
    ) {
      const cell = sheet.findRow(row)?.findCell(column.column);
      if (cell !== undefined) cell.value = null;
    }
  }
  const taken: string[] = [];
  sheet.findRow(headerRow)?.eachCell((cell) => {
    const text = toRawCell(cell.value, false);
    if (text !== null) taken.push(String(text));
  });
  const headerFont = sheet.findRow(headerRow)?.findCell(table.firstColumn)?.font;
  const written: RecordColumn[] = [];
  let next = start;
  for (const spec of columns) {
    const column = placeOf.get(spec)?.column ?? next++;
    const header = uniqueName(spec.header, taken);
    taken.push(header);
    const headerCell = sheet.getCell(headerRow, column);
    headerCell.value = header;
    headerCell.font =
      headerFont !== undefined && Object.keys(headerFont).length > 0 ? { ...headerFont } : { bold: true };
    spec.values.forEach((value, row) => {
      writeOutputValue(sheet.getCell(headerRow + 1 + row, column), value, spec.format, date1904);
    });
    sheet.getColumn(column).width = Math.max(10, Math.min(40, header.length + 4));
    written.push({
      key: spec.key,
      header,
      sheet: table.sheet,
      tableName: table.tableName,
      headerRow,
      column,
      rows: table.rowCount,
      digest: columnDigest.of(
        Array.from({ length: table.rowCount }, (_, r) =>
          cellValue(spec.values[r] ?? null, spec.format, date1904),
        ),
      ),
    });
  }
  if (table.tableName === null) return written;
  // The Excel table spans the user's columns and ours as far as they are contiguous with it (so sorting
  // and filtering keep rows whole); columns left outside (something of the user's was in the way) are
  // plain cells.
  const inTable = new Set<number>();
  let last = table.firstColumn + table.headers.length - 1;
  const writtenColumns = new Set(written.map(({ column }) => column));
  while (writtenColumns.has(last + 1) || (oursSet.has(last + 1) && last + 1 < tableEnd)) last++;
  for (let column = table.firstColumn; column <= last; column++)
    if (writtenColumns.has(column)) inTable.add(column);
  widenTable(sheet, table, last, date1904);
  return written.map((column) => (inTable.has(column.column) ? column : { ...column, tableName: null }));
}

/**
 * Makes the Excel table span columns `table.firstColumn` to `lastColumn` (the user's plus ours), its
 * column names those of the header cells; a header cell left empty (one of our columns no longer asked
 * for) gets the name Excel gives an empty table header, `Column<n>`.
 */
function widenTable(sheet: Worksheet, table: SourceTable, lastColumn: number, date1904: boolean): void {
  const model = tableModelsOf(sheet).find((candidate) => candidate.name === table.tableName);
  if (model === undefined) return;
  const bottom = /\d+$/u.exec(model.tableRef ?? '')?.[0] ?? String(table.headerRow + table.rowCount);
  const reference = `${columnLetters(table.firstColumn - 1)}${table.headerRow}:${columnLetters(lastColumn - 1)}${bottom}`;
  const columns: typeof model.columns = [];
  for (let column = table.firstColumn; column <= lastColumn; column++) {
    const index = column - table.firstColumn;
    let name = toRawCell(sheet.findRow(table.headerRow)?.findCell(column)?.value, date1904);
    if (name === null) {
      name = `Column${String(index + 1)}`;
      sheet.getCell(table.headerRow, column).value = name;
    }
    const existing = model.columns[index];
    columns.push(
      existing === undefined
        ? { name: String(name), filterButton: true }
        : { ...existing, name: String(name) },
    );
  }
  model.columns = columns;
  model.tableRef = reference;
  if (model.autoFilterRef !== undefined) model.autoFilterRef = reference;
}
