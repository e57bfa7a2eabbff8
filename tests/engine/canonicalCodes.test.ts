/**
 * canonicalCodes: the distinct values of an encoded column mapped to distinct keys, with the engine's own
 * key functions (customer ids by parseIdCell, order ids by orderKey).
 */
import { canonicalCodes, type CellKey } from '../../src/engine/canonicalCodes';
import { parseIdCell } from '../../src/engine/parseCell';
import { orderKey } from '../../src/engine/parseSales';
import type { RawCell } from '../../src/engine/types';
import { mulberry32 } from '../../src/sample/mulberry32';

/** The promised result, computed naively: the first code with an equal key (SameValueZero), −1 for null. */
function reference(values: readonly RawCell[], keyOf: (cell: RawCell) => CellKey): number[] {
  const keys = values.map(keyOf);
  return keys.map((key) => {
    if (key === null) return -1;
    return keys.findIndex((other) => other !== null && [key].includes(other));
  });
}

function expectCanonical(values: readonly RawCell[], keyOf: (cell: RawCell) => CellKey): void {
  const { canonical, keys } = canonicalCodes(values, keyOf);
  expect(canonical).toBeInstanceOf(Int32Array);
  expect(Array.from(canonical)).toEqual(reference(values, keyOf));
  // Keys are promised at canonical codes (a blank's may be the blank value itself).
  const expected = values.map(keyOf);
  canonical.forEach((code, k) => {
    if (code === k) expect(keys[k]).toEqual(expected[k]);
  });
}

describe('canonicalCodes with parseIdCell (customer ids)', () => {
  it('maps trimmed and untrimmed text, numbers and their text to the first value with the key', () => {
    const values: RawCell[] = [' C1 ', 'C1', 'C2', 42, '42', ' 42', true, 'TRUE', 'C1\t'];
    const { canonical, keys } = canonicalCodes(values, parseIdCell);
    expect(Array.from(canonical)).toEqual([0, 0, 2, 3, 3, 3, 6, 6, 0]);
    expect(keys).toEqual(['C1', 'C1', 'C2', '42', '42', '42', 'TRUE', 'TRUE', 'C1']);
  });

  it('gives −1 to blanks and error values', () => {
    const values: RawCell[] = [null, '', '   ', '#N/A', ' #n/a ', '#DIV/0!', 'C1', '#REF!'];
    const { canonical, keys } = canonicalCodes(values, parseIdCell);
    expect(Array.from(canonical)).toEqual([-1, -1, -1, -1, -1, -1, 6, -1]);
    expect(keys[6]).toBe('C1');
  });

  it('keeps ids that differ in more than surrounding spaces apart', () => {
    const values: RawCell[] = ['00042', '42', 42, '42.0', 'c1', 'C1', 'C 1', '#hash'];
    const { canonical } = canonicalCodes(values, parseIdCell);
    expect(Array.from(canonical)).toEqual([0, 1, 1, 3, 4, 5, 6, 7]);
  });

  it('uses the first value with a key even when it is the untidy one', () => {
    const values: RawCell[] = ['C9 ', 'C8', ' C9', 'C9', 'C8 '];
    expect(Array.from(canonicalCodes(values, parseIdCell).canonical)).toEqual([0, 1, 0, 0, 1]);
  });

  it('computes one key per value for a column of clean ids and maps each to itself', () => {
    const values: RawCell[] = ['C1', 'C2', 'C3', 'C10'];
    const keyOf = jest.fn(parseIdCell);
    const { canonical } = canonicalCodes(values, keyOf);
    expect(Array.from(canonical)).toEqual([0, 1, 2, 3]);
    expect(keyOf).toHaveBeenCalledTimes(values.length);
  });

  it('handles no values', () => {
    const { canonical, keys } = canonicalCodes([], parseIdCell);
    expect(canonical).toHaveLength(0);
    expect(keys).toEqual([]);
  });
});

describe('canonicalCodes with orderKey (order ids)', () => {
  it('makes 42 and "42" the same order, and leaves other spellings of 42 apart', () => {
    const values: RawCell[] = [42, '42', ' 42 ', '042', '42.0', '4.2e1', 42.5, '42.5'];
    const { canonical, keys } = canonicalCodes(values, orderKey);
    expect(Array.from(canonical)).toEqual([0, 0, 0, 3, 4, 5, 6, 6]);
    expect(keys).toEqual([42, 42, 42, '042', '42.0', '4.2e1', 42.5, 42.5]);
  });

  it('finds the number when the text comes first', () => {
    const values: RawCell[] = ['1001', 'SO-1', 1001, ' SO-1 ', 'so-1'];
    const { canonical } = canonicalCodes(values, orderKey);
    expect(Array.from(canonical)).toEqual([0, 1, 0, 1, 4]);
  });

  it('gives −1 to blanks, error values and non-finite numbers', () => {
    const values: RawCell[] = [null, ' ', '#N/A', Number.NaN, Number.POSITIVE_INFINITY, 'SO1'];
    const { canonical } = canonicalCodes(values, orderKey);
    expect(Array.from(canonical)).toEqual([-1, -1, -1, -1, -1, 5]);
  });

  it('treats -0 and 0 as one order', () => {
    const values: RawCell[] = [0, -0, '0'];
    expect(Array.from(canonicalCodes(values, orderKey).canonical)).toEqual([0, 0, 0]);
  });
});

describe('canonicalCodes on random distinct values', () => {
  const pool: RawCell[] = [null, '', ' ', '#N/A', ' #N/A', '#VALUE!', true, false, 'TRUE', 'false', 'FALSE'];
  for (let k = 0; k < 30; k++) {
    pool.push(k, String(k), ` ${k}`, `${k} `, `C${k}`, ` C${k}`, `C${k}\u00a0`, `0${k}`, k + 0.5, `${k}.5`);
  }

  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])(
    'seed %i: parseIdCell and orderKey match the reference',
    (seed) => {
      const random = mulberry32(seed);
      // Distinct values (as an encoded column's are) in a random order.
      const values = pool.filter(() => random() < 0.4);
      for (let k = values.length - 1; k > 0; k--) {
        const j = Math.floor(random() * (k + 1));
        [values[k], values[j]] = [values[j]!, values[k]!];
      }
      expectCanonical(values, parseIdCell);
      expectCanonical(values, orderKey);
    },
  );
});
