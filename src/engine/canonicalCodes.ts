import type { RawCell } from './types';

/** A key a cell stands for (a customer id, an order id), or null when it stands for none. */
export type CellKey = string | number | null;

/** Distinct keys of an encoded column's values, and which value each key first came from. */
export interface CanonicalCodes {
  /** For each value code: the code of the first value with the same key, or −1 when the key is null. */
  canonical: Int32Array;
  /** For each value code: its key (only read at canonical codes, the values themselves when no key differs). */
  keys: readonly CellKey[];
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
  // The keys are kept apart only once a value's key differs from it; until then (and for a clean column
  // throughout) the values are their own keys, and the values array serves as the keys.
  let keys: CellKey[] | null = null;
  let changed = 0;
  let blanks = 0;
  for (let code = 0; code < values.length; code++) {
    const value = values[code] ?? null;
    const key = keyOf(value);
    canonical[code] = key === null ? -1 : code;
    if (key === null) blanks++;
    else if (key !== value) {
      changed++;
      keys ??= values.slice(0, code) as CellKey[];
    }
    if (keys !== null) keys[code] = key;
  }
  if (keys !== null) {
    const first = new Map<CellKey, number>();
    for (let code = 0; code < values.length; code++) {
      const key = keys[code] ?? null;
      if (key === null) continue;
      const seen = first.get(key);
      if (seen === undefined) first.set(key, code);
      else canonical[code] = seen;
    }
  }
  return {
    canonical,
    keys: keys ?? (values as CellKey[]),
    canonicalIsIdentity: changed === 0 && blanks === 0,
  };
}
