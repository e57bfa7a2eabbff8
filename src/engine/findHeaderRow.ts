import { countMappedFields } from './mapHeaders';
import type { RawCell } from './types';

/** How many rows from the top of a sheet are searched for a header row. */
export const headerScanRows = 30;

/**
 * Finds the header row of a plain range: among the first {@link headerScanRows} rows, the one whose
 * cells name the most recognised fields (at least two); the first such row on a tie.
 *
 * @param rows The sheet's first rows, row-major, as read.
 * @returns The 0-based index into `rows` and the header texts, or null when no row qualifies.
 * @example findHeaderRow([['Sales report'], [], ['Customer', 'Date', 'Amount']]) // { index: 2, headers: [...] }
 */
export function findHeaderRow(
  rows: readonly (readonly RawCell[])[],
): { index: number; headers: string[] } | null {
  let best: { index: number; headers: string[]; score: number } | null = null;
  const limit = Math.min(rows.length, headerScanRows);
  for (let index = 0; index < limit; index++) {
    const row = rows[index] ?? [];
    const headers = row.map((cell) => (typeof cell === 'string' ? cell : cell === null ? '' : String(cell)));
    const score = countMappedFields(headers);
    if (score >= 2 && (best === null || score > best.score)) best = { index, headers, score };
  }
  return best === null ? null : { index: best.index, headers: best.headers };
}
