import type { Worksheet } from 'exceljs';
import type { ColumnSpec } from '../../engine/sheetSpec';
import type { DeferredRows } from './appendSheetRows';
import { writeOutputValue } from './writeOutputValue';

/**
 * Writes a sheet of columns from A1: bold headers in row 1 with filter buttons, then each column's values
 * (`writeOutputValue`). Above `deferAboveCells` cells only the first data row goes into the model, as the
 * template of the rest, which is returned for `appendRowsToPackage`; else null.
 *
 * @example const deferred = writeColumnsSheet(sheet, [...baseColumns, ...plan.columns], false, Infinity);
 */
export function writeColumnsSheet(
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
