import type { Worksheet } from 'exceljs';
import type { SourceTable } from '../../engine/types';
import { columnDigest } from '../columnDigest';
import { ownedColumns } from '../ownedColumns';
import type { RecordColumn } from '../runRecord';
import { toRawCell } from './toRawCell';

/**
 * The columns of the run record that are still ours in `table`'s header row: by their header (`ownedColumns`:
 * recorded on its sheet, or on a sheet the record cannot name, at its header row, their cell there still
 * holding the header we wrote), and (when the record kept their fingerprint) their cells, down to the
 * table's last row, still as written — not counting order or inserted empty rows (see `columnDigest`). A
 * column whose header the user changed, or into which the user typed, is theirs from then on.
 *
 * @param options `date1904`: the workbook uses the 1904 date system (dates compare as its serials);
 *   `headersOnly`: check headers alone (what a re-run must not read as the user's data: a column of ours
 *   the user typed into still holds our results, not theirs to analyse).
 */
export function ourColumns(
  sheet: Worksheet,
  table: SourceTable,
  recorded: readonly RecordColumn[],
  options: { date1904: boolean; headersOnly?: boolean },
): RecordColumn[] {
  const row = sheet.findRow(table.headerRow);
  const headed = ownedColumns(recorded, {
    sheet: table.sheet,
    headerRow: table.headerRow,
    headerAt: (column) => toRawCell(row?.findCell(column)?.value, false),
  });
  if (options.headersOnly === true) return headed;
  return headed.filter((column) => {
    if (column.digest === undefined) return true;
    const rows = Math.max(column.rows ?? 0, table.rowCount);
    const cells = Array.from({ length: rows }, (_, r) =>
      toRawCell(sheet.findRow(table.headerRow + 1 + r)?.findCell(column.column)?.value, options.date1904),
    );
    return !columnDigest.showsUserEdit(column.digest, cells);
  });
}
