import type { RawCell } from './types';

/** A key a cell stands for (a customer id, an order id), or null when it stands for none. */
export type CellKey = string | number | null;

/** Distinct keys of an encoded column's values, and which value each key first came from. */
export interface CanonicalCodes {
  /** For each value code: the code of the first value with the same key, or −1 when the key is null. */
  canonical: Int32Array;
  /** For each value code: its key (only read at canonical codes). */
  keys: CellKey[];
  /** Every value is its own key (`canonical[code] === code` throughout): clean ids need no lookup. */
  canonicalIsIdentity: boolean;
}

/**
 * Maps the distinct values of an encoded column to distinct keys: `" C1 "` and `"C1"` are the same customer,
 * `42` and `"42"` the same order. Values are distinct, so a text value whose key is itself can only meet
 * another value's key when that other value's key differs from it (trimmed text, a number): only when such
 * values exist is a map built, so the common column of clean ids costs one key computation per value.
 *
 * @param keyOf The key of a cell (e.g. `parseIdCell`), null for blanks and errors.
 */
export function canonicalCodes(
  values: readonly RawCell[],
  keyOf: (cell: RawCell) => CellKey,
): CanonicalCodes {
  const canonical = new Int32Array(values.length);
  const keys = new Array<CellKey>(values.length);
  const changed: number[] = [];
  let blanks = 0;
  for (let code = 0; code < values.length; code++) {
    const value = values[code] ?? null;
    const key = keyOf(value);
    keys[code] = key;
    canonical[code] = key === null ? -1 : code;
    if (key === null) blanks++;
    if (key !== null && key !== value) changed.push(code);
  }
  if (changed.length > 0) {
    const first = new Map<CellKey, number>();
    for (let code = 0; code < values.length; code++) {
      const key = keys[code] ?? null;
      if (key === null) continue;
      const seen = first.get(key);
      if (seen === undefined) first.set(key, code);
      else canonical[code] = seen;
    }
  }
  return { canonical, keys, canonicalIsIdentity: changed.length === 0 && blanks === 0 };
}
