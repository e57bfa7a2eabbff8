import { parseDateCell, parseIdCell } from '../parseCell';
import type { RawCell } from '../types';
import { callsSheet } from './callsSheet';
import { callKey } from './callHistoryOf';

/** A cell as a host writes it (null = empty). */
export type WrittenCell = string | number | null;

/** A call's row as a run wants it: its key (customer and day) and our ten cells as the host writes them. */
export interface WantedCallRow {
  key: string;
  cells: WrittenCell[];
}

/** One row to write: its 0-based data row (0 = the row under the header) and our ten cells. */
export interface CallRowWrite {
  row: number;
  cells: WrittenCell[];
}

/** What {@link placeCallRows} decided. */
export interface CallRowPlacement {
  /** Rows to write, by row: changed rows of calls still listed, rows of calls no longer listed, new rows. */
  writes: CallRowWrite[];
  /** Data rows of the sheet after the run (the old ones and the appended ones). */
  rowCount: number;
  /** How many existing rows a rep has filled (left exactly as they are). */
  repRows: number;
}

const same = (a: RawCell, b: WrittenCell): boolean =>
  (a === null || a === '' ? null : a) === (b === null || b === '' ? null : b);

/**
 * Where a re-run with the same as-of date puts its calls on the Calls sheet already there, so that rows
 * keep their places and no rep's cell is touched:
 * - a row whose Outcome or Note is filled is the rep's: left exactly as it is (ours included);
 * - a call already on the sheet (same customer and day, first such row) keeps its row, written only when
 *   one of our cells changed;
 * - a row whose call is no longer listed keeps who and when, and its Reasons say so (never cleared: a
 *   co-author may be typing its outcome right now, and it must stay attached to its customer);
 * - a new call is appended under the last used row; no row is reused.
 *
 * @param existing The sheet's data rows as read (at least the twelve columns), dates in the workbook's system.
 * @param wanted The run's calls, in list order, as the host writes them.
 * @param noLongerListed Our cells of a row whose call is no longer listed, from its current cells.
 * @example
 * placeCallRows([], [{ key, cells }], false, mark).writes; // [{ row: 0, cells }]
 */
export function placeCallRows(
  existing: readonly (readonly RawCell[])[],
  wanted: readonly WantedCallRow[],
  date1904: boolean,
  noLongerListed: (cells: readonly RawCell[]) => WrittenCell[],
): CallRowPlacement {
  const cell = (row: readonly RawCell[], column: number): RawCell => row[column] ?? null;
  const filled = (row: readonly RawCell[]): boolean =>
    [callsSheet.outcomeColumn, callsSheet.noteColumn].some((c) => !same(cell(row, c), null));
  const rowsByKey = new Map<string, number[]>();
  existing.forEach((row, index) => {
    const id = parseIdCell(cell(row, 2));
    const day = parseDateCell(cell(row, 0), date1904, 'mdy')?.day ?? null;
    if (id === null || day === null) return;
    const key = callKey(id, day);
    rowsByKey.set(key, [...(rowsByKey.get(key) ?? []), index]);
  });
  const taken = new Set<number>();
  const writes: CallRowWrite[] = [];
  const appended: WrittenCell[][] = [];
  for (const call of wanted) {
    const row = rowsByKey.get(call.key)?.find((r) => !taken.has(r));
    if (row === undefined) {
      appended.push(call.cells);
      continue;
    }
    taken.add(row);
    const current = existing[row] ?? [];
    if (filled(current)) continue;
    if (call.cells.some((value, c) => !same(cell(current, c), value)))
      writes.push({ row, cells: call.cells });
  }
  let lastUsed = -1;
  let repRows = 0;
  existing.forEach((row, index) => {
    if (row.some((value) => !same(value, null))) lastUsed = index;
    if (filled(row)) repRows++;
    if (
      taken.has(index) ||
      filled(row) ||
      !row.slice(0, callsSheet.ourColumnCount).some((v) => !same(v, null))
    )
      return;
    const marked = noLongerListed(row);
    if (marked.some((value, c) => !same(cell(row, c), value))) writes.push({ row: index, cells: marked });
  });
  appended.forEach((cells, k) => writes.push({ row: lastUsed + 1 + k, cells }));
  writes.sort((a, b) => a.row - b.row);
  return { writes, rowCount: Math.max(existing.length, lastUsed + 1 + appended.length), repRows };
}
