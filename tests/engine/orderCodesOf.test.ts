import { canonicalCodes } from '../../src/engine/canonicalCodes';
import { encodeColumn } from '../../src/engine/cellColumn';
import { orderCodesOf } from '../../src/engine/orderCodesOf';
import { orderKey } from '../../src/engine/parseSales';
import type { RawCell } from '../../src/engine/types';

/** Rows i and j share an order exactly when their keys are equal (the numbering itself may differ). */
function expectSameGrouping(cells: RawCell[], rows = cells.length): void {
  const { codes, count } = orderCodesOf(cells, rows);
  // −0 and 0 are one key (as a Map sees them).
  const keys = Array.from({ length: rows }, (_, i) => {
    const key = orderKey(cells[i] ?? null);
    return key === 0 ? 0 : key;
  });
  for (let i = 0; i < rows; i++) {
    expect(codes[i]! < 0).toBe(keys[i] === null);
    expect(codes[i]!).toBeLessThan(count);
  }
  const codeOfKey = new Map<unknown, number>();
  const keyOfCode = new Map<number, unknown>();
  for (let i = 0; i < rows; i++) {
    if (keys[i] === null) continue;
    expect(codeOfKey.get(keys[i]) ?? codes[i]).toBe(codes[i]);
    expect(keyOfCode.has(codes[i]!) ? keyOfCode.get(codes[i]!) : keys[i]).toBe(keys[i]);
    codeOfKey.set(keys[i], codes[i]!);
    keyOfCode.set(codes[i]!, keys[i]);
  }
  expect(count).toBeGreaterThanOrEqual(codeOfKey.size);
  // The encoded path groups the rows the same way.
  const encoded = orderCodesOf(encodeColumn(cells), rows);
  const { canonical } = canonicalCodes(encodeColumn(cells).values, orderKey);
  expect(canonical.length).toBe(encoded.count);
  for (let i = 0; i < rows; i++)
    for (let j = i + 1; j < Math.min(rows, i + 40); j++)
      expect(encoded.codes[i] === encoded.codes[j]).toBe(codes[i] === codes[j]);
}

describe('orderCodesOf', () => {
  test('ascending text ids, lines of an order together: one integer per order, blanks −1', () => {
    expect(Array.from(orderCodesOf(['SO1', 'SO1', 'SO2', null, 'SO3'], 6).codes)).toEqual([
      0, 0, 1, -1, 2, -1,
    ]);
  });

  test('numbers and their digit text are one order; leading zeros, spaces and other text are kept apart', () => {
    const cells: RawCell[] = [
      42,
      '42',
      ' 42 ',
      '0042',
      42.5,
      '42.5',
      'A42',
      -0,
      0,
      '0',
      '1e3',
      1000,
      'TRUE',
      true,
    ];
    expectSameGrouping(cells);
    const { codes } = orderCodesOf(cells, cells.length);
    expect(codes[0]).toBe(codes[1]);
    expect(codes[0]).not.toBe(codes[3]);
    expect(codes[4]).toBe(codes[5]);
    expect(codes[7]).toBe(codes[9]);
    expect(codes[12]).toBe(codes[13]);
  });

  test('shuffled distinct ids (numeric and text) and repeats out of order are numbered by the table', () => {
    const cells: RawCell[] = [];
    for (let k = 0; k < 5000; k++) {
      const n = (k * 7919) % 3001;
      cells.push(
        k % 3 === 0 ? String(1_000_000 + n) : k % 3 === 1 ? `SO${String(n).padStart(6, '0')}` : 1_000_000 + n,
      );
    }
    expectSameGrouping(cells);
  });

  test('an ascending start that later goes back falls back to the table', () => {
    const cells: RawCell[] = ['1', '2', '3', '2', 'B', 'A', 'B', null, '3'];
    expectSameGrouping(cells, 10);
    const { codes } = orderCodesOf(cells, 10);
    expect(codes[1]).toBe(codes[3]);
    expect(codes[2]).toBe(codes[8]);
  });
});
