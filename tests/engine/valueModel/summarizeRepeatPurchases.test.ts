import { groupRepeatHistories } from '../../../src/engine/valueModel/groupRepeatHistories';
import { summarizeRepeatPurchases } from '../../../src/engine/valueModel/summarizeRepeatPurchases';

describe('summarizeRepeatPurchases: sales rows to (frequency, recency, T, mean repeat spend)', () => {
  // Customer 0: days 10 (two rows), 17, 17, 24 → 3 purchase days; customer 1: one day; customer 2: rows
  // only after the end, with a zero, a return, or without a customer; customer 3: nothing.
  const rows: [number, number, number][] = [
    [0, 17, 4],
    [0, 10, 5],
    [0, 10, 7],
    [0, 24, 9],
    [0, 17, 6],
    [0, 20, -3], // a return: not a purchase day, not spend
    [0, 22, 0], // zero amount: not a purchase day by default
    [1, 12, 50],
    [2, 40, 11], // after the end day
    [-1, 15, 99], // no customer
    [2, 12, Number.NaN],
  ];
  const customer = rows.map((row) => row[0]);
  const day = rows.map((row) => row[1]);
  const amount = rows.map((row) => row[2]);
  const summary = summarizeRepeatPurchases(customer, day, amount, 4, 31);

  test('purchase days are distinct days with amount > 0, up to the end day', () => {
    expect(Array.from(summary.firstDay)).toEqual([10, 12, -1, -1]);
    expect(Array.from(summary.frequency)).toEqual([2, 0, 0, 0]);
    expect(Array.from(summary.recencyDays)).toEqual([14, 0, 0, 0]);
    expect(Array.from(summary.ageDays)).toEqual([21, 19, 0, 0]);
    expect(summary.customersWithPurchases).toBe(2);
  });

  test('mean repeat spend: the mean day total over the days after the first', () => {
    // Day 17: 4 + 6 = 10, day 24: 9 → 9.5; the first day's 12 is left out.
    expect(summary.meanRepeatSpend[0]).toBe(9.5);
    expect(summary.meanRepeatSpend[1]).toBe(0);
  });

  test('countZeroAmounts makes a zero-amount row a purchase day', () => {
    const withZeros = summarizeRepeatPurchases(customer, day, amount, 4, 31, undefined, true);
    expect(withZeros.frequency[0]).toBe(3);
    expect(withZeros.meanRepeatSpend[0]).toBeCloseTo(19 / 3, 12);
  });

  test('a start day leaves earlier rows out (the holdout period)', () => {
    const later = summarizeRepeatPurchases(customer, day, amount, 4, 31, 15);
    expect(Array.from(later.firstDay)).toEqual([17, -1, -1, -1]);
    expect(later.frequency[0]).toBe(1);
    expect(later.meanRepeatSpend[0]).toBe(9);
  });

  test('the order of the rows does not matter', () => {
    const order = rows.map((_, k) => k).reverse();
    const reversed = summarizeRepeatPurchases(
      order.map((k) => customer[k]!),
      order.map((k) => day[k]!),
      order.map((k) => amount[k]!),
      4,
      31,
    );
    expect(reversed).toEqual(summary);
  });

  test('grouping: identical histories share a group, in weeks; customers without purchases get −1', () => {
    const twins = summarizeRepeatPurchases([0, 0, 1, 1, 2], [0, 7, 0, 7, 3], [1, 1, 1, 1, 1], 4, 14);
    const { groups, groupOf } = groupRepeatHistories(twins);
    expect(Array.from(groupOf)).toEqual([0, 0, 1, -1]);
    expect(Array.from(groups.frequency)).toEqual([1, 0]);
    expect(Array.from(groups.recency)).toEqual([1, 0]);
    expect(Array.from(groups.age)).toEqual([2, 11 / 7]);
    expect(Array.from(groups.weight)).toEqual([2, 1]);
    expect(Array.from(groupRepeatHistories(twins, (c) => c !== 1).groupOf)).toEqual([0, -1, 1, -1]);
  });

  test('many customers: groups numbered by first appearance, each history once (the hash table keeps Map order)', () => {
    // 3,000 customers of pseudo-random histories, some with more than 32 purchase rows (sorted otherwise).
    const customer: number[] = [];
    const day: number[] = [];
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let c = 0; c < 3000; c++) {
      const rowsOf = c % 100 === 0 ? 40 + next(20) : 1 + next(4);
      for (let k = 0; k < rowsOf; k++) {
        customer.push(c);
        day.push(next(c % 7 === 0 ? 30 : 400));
      }
    }
    const summary = summarizeRepeatPurchases(
      customer,
      day,
      customer.map(() => 1),
      3001,
      500,
    );
    const { groups, groupOf } = groupRepeatHistories(summary);
    const seen = new Map<string, number>();
    const expected: number[] = [];
    for (let c = 0; c < 3001; c++) {
      if (summary.firstDay[c]! < 0) {
        expected.push(-1);
        continue;
      }
      const key = `${summary.frequency[c]} ${summary.recencyDays[c]} ${summary.ageDays[c]}`;
      if (!seen.has(key)) seen.set(key, seen.size);
      expected.push(seen.get(key)!);
    }
    expect(Array.from(groupOf)).toEqual(expected);
    expect(groups.weight.length).toBe(seen.size);
    expect(groups.weight.reduce((sum, w) => sum + w, 0)).toBe(3000);
    // Each customer's days, checked against a plain sort.
    for (const c of [0, 100, 1, 2999]) {
      const own = [...new Set(day.filter((_, k) => customer[k] === c))].sort((a, b) => a - b);
      expect(summary.frequency[c]).toBe(own.length - 1);
      expect(summary.recencyDays[c]).toBe(own[own.length - 1]! - own[0]!);
    }
  });
});
