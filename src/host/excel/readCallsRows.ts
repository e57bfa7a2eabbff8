import { callsSheet } from '../../engine/calls/callsSheet';
import type { RawCell } from '../../engine/types';
import { firstReadChunkRows, readTableColumns } from './readTableColumns';

/**
 * The data rows of a Calls sheet (its twelve columns, empty cells null), read in chunks of rows by
 * `readTableColumns` — one sync per chunk, halved whenever Excel refuses a response over its 5 MB limit —
 * so that a sheet of 100,000 calls can be read back at all (in one range it is three times the limit).
 *
 * @param rowCount Data rows under the header row (the sheet's first).
 * @example const rows = await readCallsRows(context, sheet, 4); // rows[0][2]: the first customer id
 */
export async function readCallsRows(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  rowCount: number,
): Promise<RawCell[][]> {
  if (rowCount <= 0) return [];
  const all = callsSheet.keys.map((_, c) => c);
  const columns = await readTableColumns(
    context,
    { sheet: '', tableName: null, headerRow: 1, firstColumn: 1, headers: [], rowCount },
    all,
    undefined,
    firstReadChunkRows,
    sheet,
  );
  return Array.from({ length: rowCount }, (_, r) => columns.map((column) => column[r] ?? null));
}
