import type { Worksheet } from 'exceljs';
import type { SourceTable } from '../../engine/types';
import type { RecordColumn } from '../runRecord';
import { toRawCell } from './toRawCell';

/**
 * The columns of the run record that are still ours in `table`'s header row: recorded on its sheet (or on
 * a sheet the record cannot name, as an older Excel add-in's record) at its header row, and their cell
 * there still holds the header we wrote. A column whose header the user changed is theirs from then on.
 */
export function ourColumns(
  sheet: Worksheet,
  table: SourceTable,
  recorded: readonly RecordColumn[],
): RecordColumn[] {
  const row = sheet.findRow(table.headerRow);
  return recorded.filter(
    (column) =>
      (column.sheet === null || column.sheet.toLowerCase() === table.sheet.toLowerCase()) &&
      column.headerRow === table.headerRow &&
      toRawCell(row?.findCell(column.column)?.value, false) === column.header,
  );
}
