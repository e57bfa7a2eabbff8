/**
 * ScratchArrays: working arrays kept between analyses. A use gets its kept array back on the next take, a
 * nested take of a use that is out gets a fresh array (never shared memory), and only giving back the kept
 * array frees it.
 */
import { analyze } from '../../src/engine/analyze';
import { resolveSettings } from '../../src/engine/defaultSettings';
import { ScratchArrays, scratchArrays } from '../../src/engine/scratchArrays';
import type { RawCell } from '../../src/engine/types';

describe('ScratchArrays', () => {
  it('hands the same memory to the next taker once it is given back, grown when too small', () => {
    const scratch = new ScratchArrays();
    const first = scratch.int32('a', 10);
    first.fill(7);
    scratch.giveBack('a', first);
    const second = scratch.int32('a', 8);
    expect(second.buffer).toBe(first.buffer);
    expect(second).toHaveLength(8);
    // Stale contents: the taker sets what it reads.
    expect(second[0]).toBe(7);
    scratch.giveBack('a', second);
    const bigger = scratch.int32('a', 20);
    expect(bigger.buffer).not.toBe(first.buffer);
    expect(bigger).toHaveLength(20);
    expect(scratch.keptBytes()).toBe(80);
  });

  it('gives a nested taker fresh memory, and its give-back does not free the kept array', () => {
    const scratch = new ScratchArrays();
    const outer = scratch.float64('x', 4);
    const inner = scratch.float64('x', 4);
    expect(inner.buffer).not.toBe(outer.buffer);
    scratch.giveBack('x', inner);
    // The outer array is still out: a third taker must not share it.
    const third = scratch.float64('x', 4);
    expect(third.buffer).not.toBe(outer.buffer);
    scratch.giveBack('x', outer);
    expect(scratch.float64('x', 4).buffer).toBe(outer.buffer);
  });

  it('keeps uses apart and drops what is not out on release', () => {
    const scratch = new ScratchArrays();
    const a = scratch.int32('a', 4);
    const b = scratch.int32('b', 4);
    expect(a.buffer).not.toBe(b.buffer);
    scratch.giveBack('a', a);
    scratch.release();
    expect(scratch.keptBytes()).toBe(16);
    expect(scratch.int32('a', 4).buffer).not.toBe(a.buffer);
    scratch.giveBack('b', b);
    expect(scratch.int32('b', 4).buffer).toBe(b.buffer);
  });
});

describe('the engine with its scratch arrays', () => {
  const headers = ['Customer', 'Date', 'Amount', 'Order'];
  function input(rows: RawCell[][], asOf: string | null = null) {
    return {
      sales: {
        table: {
          sheet: 'Sales',
          tableName: null,
          headerRow: 1,
          firstColumn: 1,
          headers,
          rowCount: rows.length,
          columns: headers.map((_, c) => rows.map((row) => row[c] ?? null)),
        },
        mapping: { customerId: 0, date: 1, amount: 2, orderId: 3 },
      },
      customers: null,
      visits: null,
      date1904: false,
      settings: resolveSettings(asOf === null ? {} : { asOf }),
    };
  }
  const big: RawCell[][] = Array.from({ length: 500 }, (_, i) => [
    `C${i % 37}`,
    45_000 + (i % 90),
    10 + (i % 13),
    `O${Math.floor(i / 3)}`,
  ]);
  const small: RawCell[][] = [
    ['B', 45_010, 5, 'X1'],
    ['A', 45_011, 7, 'X2'],
    ['B', 45_012, 9, 'X3'],
  ];

  it('gives back grown purchase records: one order id shared by many customers and days', () => {
    // One order id: the purchase records start at 1 + 1,024 and must grow to hold 50 × 4 purchases per block.
    const shared: RawCell[][] = Array.from({ length: 5_000 }, (_, i) => [
      `C${i % 50}`,
      45_000 + (i % 200),
      1,
      'X',
    ]);
    const result = analyze(input(shared));
    expect(result.customers).toHaveLength(50);
    for (const customer of result.customers) {
      expect(customer.purchaseDays).toBe(4);
      expect(customer.orders).toBe(1);
      expect(customer.revenue).toBe(100);
    }
    expect(scratchArrays.outUses()).toEqual([]);
  });

  it('gives the same results whatever ran before, and all its arrays back', () => {
    scratchArrays.release();
    const alone = JSON.stringify(analyze(input(small)).customers);
    // A bigger analysis leaves stale records in the kept arrays; a windowed one parses twice.
    analyze(input(big));
    analyze(input(big, '2023-05-01'));
    expect(JSON.stringify(analyze(input(small)).customers)).toBe(alone);
    expect(scratchArrays.outUses()).toEqual([]);
    const kept = scratchArrays.keptBytes();
    expect(kept).toBeGreaterThan(0);
    // Everything was given back: the next analysis takes the kept arrays rather than growing new ones.
    analyze(input(big));
    expect(scratchArrays.keptBytes()).toBe(kept);
  });
});
