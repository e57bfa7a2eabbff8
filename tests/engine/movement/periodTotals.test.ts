/**
 * twoPeriodTotals (movement's two periods in one pass) against periodTotals of each period on its own: the
 * same sums to the last bit, with returns, blanks (customer −1), rows outside both periods, overlapping
 * periods and rows with and without profit.
 */
import { periodTotals, twoPeriodTotals } from '../../../src/engine/movement/periodTotals';
import type { SalesRows } from '../../../src/engine/parseSales';
import { mulberry32 } from '../../../src/sample/mulberry32';

function rowsOf(seed: number, count: number, customers: number, withProfit: boolean): SalesRows {
  const next = mulberry32(seed);
  return {
    count,
    customer: Int32Array.from({ length: count }, () => (next() < 0.05 ? -1 : Math.floor(next() * customers))),
    day: Int32Array.from({ length: count }, () => 45_000 + Math.floor(next() * 400)),
    // Returns, zero amounts (no purchase) and sales.
    amount: Float64Array.from({ length: count }, () => {
      const kind = next();
      if (kind < 0.1) return -Math.round(next() * 5000) / 100;
      return kind < 0.2 ? 0 : Math.round(next() * 100_000) / 100;
    }),
    profit: withProfit
      ? Float64Array.from({ length: count }, () => Math.round((next() - 0.3) * 10_000) / 100)
      : null,
  };
}

describe('twoPeriodTotals', () => {
  it.each([
    ['with profit, disjoint periods', true, { start: 45_200, end: 45_299 }, { start: 45_100, end: 45_199 }],
    [
      'without profit, disjoint periods',
      false,
      { start: 45_200, end: 45_299 },
      { start: 45_100, end: 45_199 },
    ],
    ['overlapping periods', true, { start: 45_150, end: 45_350 }, { start: 45_000, end: 45_250 }],
    ['an empty period', true, { start: 45_300, end: 45_200 }, { start: 45_010, end: 45_390 }],
  ])('equals periodTotals of each period (%s)', (_name, withProfit, first, second) => {
    const customers = 700;
    const rows = rowsOf(11, 20_000, customers, withProfit);
    const [a, b] = twoPeriodTotals(rows, customers, first, second);
    expect(a).toEqual(periodTotals(rows, customers, first.start, first.end));
    expect(b).toEqual(periodTotals(rows, customers, second.start, second.end));
    expect(a.bought.some((bought) => bought === 1) || first.start > first.end).toBe(true);
    expect(b.revenue.some((revenue) => revenue !== 0)).toBe(true);
  });
});
