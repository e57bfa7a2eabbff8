import type { Worksheet } from 'exceljs';
import type { ColumnSpec } from '../../engine/sheetSpec';
import type { SourceTable } from '../../engine/types';
import { excelGrid } from '../excelGrid';
import type { RecordColumn } from '../runRecord';
import { columnLetters } from './buildChartXml';
import { ourColumns } from './ourColumns';
import { uniqueHeader } from './sheetNames';
import { tableModelsOf } from './tableModelsOf';
import { toRawCell } from './toRawCell';
import { writeOutputValue } from './writeOutputValue';

function cellText(sheet: Worksheet, row: number, column: number): string | null {
  const value = toRawCell(sheet.findRow(row)?.findCell(column)?.value, false);
  return value === null ? null : String(value);
}

/**
 * Appends our columns to the right of the user's customers table (an Excel table, which is widened to
 * take them in, or a plain range). Columns an earlier run wrote (per its record, and only while their
 * header is still ours, whichever host wrote them) are cleared and reused; any other occupied cell is never overwritten: the block
 * moves right past it. A header that clashes with one already in the header row gets a suffix
 * (`Revenue (2)`). Nothing is changed when the columns would pass column XFD.
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
  const ours = ourColumns(sheet, table, previous);
  const oursSet = new Set(ours.map(({ column }) => column));
  // Our earlier columns count as free (they are cleared below), so the place is known before any change.
  const isFree = (column: number): boolean => {
    if (oursSet.has(column)) return true;
    for (let row = headerRow; row <= lastDataRow; row++) {
      if (cellText(sheet, row, column) !== null) return false;
    }
    return true;
  };
  const tableEnd = table.firstColumn + table.headers.length;
  let start = tableEnd;
  for (let offset = 0; offset < columns.length && start + offset <= excelGrid.columns; offset++) {
    if (!isFree(start + offset)) {
      start = start + offset + 1;
      offset = -1;
    }
  }
  if (columns.length > 0)
    excelGrid.checkColumns(start + columns.length - 1, sheet.name, 'the customers table');
  const clearTo = Math.max(lastDataRow, sheet.rowCount);
  for (const { column } of ours) {
    for (let row = headerRow; row <= clearTo; row++) {
      const cell = sheet.findRow(row)?.findCell(column);
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
  columns.forEach((spec, index) => {
    const column = start + index;
    const header = uniqueHeader(spec.header, taken);
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
    });
  });
  const widened = table.tableName !== null && start === tableEnd;
  if (table.tableName !== null) widenTable(sheet, table, widened ? written : []);
  // Columns left outside the Excel table (something of the user's was in the way) are plain cells.
  return widened ? written : written.map((column) => ({ ...column, tableName: null }));
}

/** Makes the Excel table span the user's columns plus ours (so sorting and filtering keep rows whole). */
function widenTable(sheet: Worksheet, table: SourceTable, added: readonly RecordColumn[]): void {
  const model = tableModelsOf(sheet).find((candidate) => candidate.name === table.tableName);
  if (model === undefined) return;
  const bottom = /\d+$/u.exec(model.tableRef ?? '')?.[0] ?? String(table.headerRow + table.rowCount);
  const lastColumn = table.firstColumn + table.headers.length - 1 + added.length;
  const reference = `${columnLetters(table.firstColumn - 1)}${table.headerRow}:${columnLetters(lastColumn - 1)}${bottom}`;
  model.columns = [
    ...model.columns.slice(0, table.headers.length),
    ...added.map(({ header }) => ({ name: header, filterButton: true })),
  ];
  model.tableRef = reference;
  if (model.autoFilterRef !== undefined) model.autoFilterRef = reference;
}
