import type { RawCell } from '../engine/types';

/**
 * The id of one customers-table row as a host compares it between reading and writing: the cell's value
 * as text (numbers in JavaScript's shortest form), or null for a blank cell (null or whitespace only).
 * Not the engine's normalised id: only equality between two reads of the same cells matters here.
 *
 * @example customerRowId(42) === '42'; customerRowId('  ') === null
 */
export function customerRowId(cell: RawCell): string | null {
  if (cell === null) return null;
  const text = String(cell);
  return text.trim() === '' ? null : text;
}
