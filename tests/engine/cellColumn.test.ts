/**
 * The column helpers shared by hosts and engine: plain and encoded (dictionary) columns read alike.
 */
import {
  cellAt,
  cellsOf,
  cellsOrNull,
  columnLength,
  columnOfLength,
  encodeColumn,
  isEncoded,
} from '../../src/engine/cellColumn';
import type { CellColumn, EncodedColumn, RawCell } from '../../src/engine/types';
import { mulberry32 } from '../../src/sample/mulberry32';

/** An encoded column as a host may build it: −1 codes are blanks. */
function hostEncoded(codes: number[], values: RawCell[]): EncodedColumn {
  return { codes: Int32Array.from(codes), values };
}

describe('isEncoded and columnLength', () => {
  it('tells plain arrays from encoded columns', () => {
    expect(isEncoded([])).toBe(false);
    expect(isEncoded(['a', 1, null, true])).toBe(false);
    expect(isEncoded(hostEncoded([], []))).toBe(true);
    expect(isEncoded(encodeColumn(['a']))).toBe(true);
  });

  it('counts rows, not distinct values', () => {
    expect(columnLength([])).toBe(0);
    expect(columnLength([null, null, 'x'])).toBe(3);
    expect(columnLength(hostEncoded([0, 0, 0, -1, 1], ['a', 'b']))).toBe(5);
    expect(columnLength(encodeColumn(['a', 'a', 'a']))).toBe(3);
  });
});

describe('cellAt', () => {
  const plain: RawCell[] = ['a', 2, null, false];
  const encoded = hostEncoded([1, 0, -1, 2, 1], ['a', 2.5, true]);

  it('reads rows of a plain column, null past the end', () => {
    expect(plain.map((_, i) => cellAt(plain, i))).toEqual(['a', 2, null, false]);
    expect(cellAt(plain, 4)).toBeNull();
    expect(cellAt(plain, 1000)).toBeNull();
  });

  it('reads rows of an encoded column, a −1 code as blank, null past the end', () => {
    expect([0, 1, 2, 3, 4].map((i) => cellAt(encoded, i))).toEqual([2.5, 'a', null, true, 2.5]);
    expect(cellAt(encoded, 5)).toBeNull();
    expect(cellAt(encoded, 99)).toBeNull();
  });

  it('keeps false and 0 (not blanks)', () => {
    const column = encodeColumn([0, false, '']);
    expect([0, 1, 2].map((i) => cellAt(column, i))).toEqual([0, false, '']);
  });
});

describe('cellsOf and cellsOrNull', () => {
  it('returns a plain column itself', () => {
    const plain: RawCell[] = ['x', null];
    expect(cellsOf(plain)).toBe(plain);
    expect(cellsOrNull(plain)).toBe(plain);
  });

  it('decodes an encoded column, −1 codes to null', () => {
    const encoded = hostEncoded([0, -1, 1, 0, -1], ['C1', 42]);
    expect(cellsOf(encoded)).toEqual(['C1', null, 42, 'C1', null]);
    expect(cellsOrNull(encoded)).toEqual(['C1', null, 42, 'C1', null]);
  });

  it('gives a copy for an encoded column', () => {
    const encoded = encodeColumn(['a', 'b']);
    const first = cellsOf(encoded);
    expect(cellsOf(encoded)).not.toBe(first);
    expect(first).toEqual(['a', 'b']);
  });

  it('gives null for a missing column', () => {
    expect(cellsOrNull(undefined)).toBeNull();
  });
});

describe('columnOfLength', () => {
  it('returns the column itself when it fits', () => {
    const plain: RawCell[] = [1, 2, 3];
    const encoded = encodeColumn([1, 2, 3]);
    expect(columnOfLength(plain, 3)).toBe(plain);
    expect(columnOfLength(encoded, 3)).toBe(encoded);
  });

  it('truncates and pads a plain column without changing it', () => {
    const plain: RawCell[] = ['a', 'b', 'c'];
    expect(columnOfLength(plain, 2)).toEqual(['a', 'b']);
    expect(columnOfLength(plain, 5)).toEqual(['a', 'b', 'c', null, null]);
    expect(columnOfLength(plain, 0)).toEqual([]);
    expect(plain).toEqual(['a', 'b', 'c']);
  });

  it('truncates and pads an encoded column with blank codes, sharing its values', () => {
    const encoded = encodeColumn(['a', 'b', 'a']);
    const longer = columnOfLength(encoded, 5);
    expect(isEncoded(longer)).toBe(true);
    expect(cellsOf(longer)).toEqual(['a', 'b', 'a', null, null]);
    expect(isEncoded(longer) && longer.values).toBe(encoded.values);
    const shorter = columnOfLength(encoded, 2);
    expect(cellsOf(shorter)).toEqual(['a', 'b']);
    expect(columnLength(shorter)).toBe(2);
    expect(cellsOf(columnOfLength(encoded, 0))).toEqual([]);
    expect(Array.from(encoded.codes)).toEqual([0, 1, 0]);
  });
});

describe('encodeColumn', () => {
  it('encodes the documented example', () => {
    const encoded = encodeColumn(['a', 'b', 'a']);
    expect(Array.from(encoded.codes)).toEqual([0, 1, 0]);
    expect(encoded.values).toEqual(['a', 'b']);
  });

  it('keeps numbers, text, booleans and blanks apart, values in first-appearance order', () => {
    const cells: RawCell[] = [42, '42', null, true, 'true', 42, null, false, '', 0, '0', true];
    const encoded = encodeColumn(cells);
    expect(encoded.values).toEqual([42, '42', null, true, 'true', false, '', 0, '0']);
    expect(Array.from(encoded.codes)).toEqual([0, 1, 2, 3, 4, 0, 2, 5, 6, 7, 8, 3]);
  });

  it('encodes an empty column', () => {
    const encoded = encodeColumn([]);
    expect(encoded.codes).toHaveLength(0);
    expect(encoded.values).toEqual([]);
  });

  it('reads holes of a sparse array as blanks', () => {
    const cells = new Array<RawCell>(3);
    cells[1] = 'x';
    expect(cellsOf(encodeColumn(cells))).toEqual([null, 'x', null]);
  });

  it('stores NaN once', () => {
    const encoded = encodeColumn([Number.NaN, 1, Number.NaN]);
    expect(encoded.values).toEqual([Number.NaN, 1]);
    expect(Array.from(encoded.codes)).toEqual([0, 1, 0]);
  });

  it('stores -0 and 0 as one value (they are the same number to the engine)', () => {
    const encoded = encodeColumn([0, -0, 1]);
    expect(encoded.values).toHaveLength(2);
    expect(cellsOf(encoded).every((cell, i) => cell === [0, -0, 1][i])).toBe(true);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'round-trips random mixed cells with distinct values (seed %i)',
    (seed) => {
      const random = mulberry32(seed);
      const pool: RawCell[] = [
        null,
        true,
        false,
        '',
        ' ',
        '#N/A',
        'C1',
        ' C1 ',
        '42',
        42,
        42.5,
        -3,
        1e21,
        '客户',
      ];
      const cells: RawCell[] = Array.from({ length: 2_000 }, () => {
        const pick = random();
        if (pick < 0.6) return pool[Math.floor(random() * pool.length)]!;
        if (pick < 0.8) return `id${Math.floor(random() * 300)}`;
        return Math.round(random() * 10_000) / 100;
      });
      // Runs of repeats (rows of one order) exercise the last-value shortcut.
      for (let i = 1; i < cells.length; i++) if (random() < 0.3) cells[i] = cells[i - 1]!;
      const encoded = encodeColumn(cells);
      expect(cellsOf(encoded)).toEqual(cells);
      expect(columnLength(encoded)).toBe(cells.length);
      expect(new Set(encoded.values).size).toBe(encoded.values.length);
      expect(new Set(cells).size).toBe(encoded.values.length);
      // First-appearance order: each value's first code is at its first row.
      encoded.values.forEach((value, code) => {
        expect(encoded.codes[cells.indexOf(value)]).toBe(code);
      });
      cells.forEach((cell, i) => {
        expect(cellAt(encoded, i)).toBe(cell);
      });
    },
  );

  it('round-trips through columnOfLength and back', () => {
    const cells: RawCell[] = ['a', null, 3, true];
    const column: CellColumn = columnOfLength(encodeColumn(cells), 6);
    expect(cellsOf(column)).toEqual([...cells, null, null]);
    expect(cellsOf(encodeColumn(cellsOf(column)))).toEqual(cellsOf(column));
  });
});
