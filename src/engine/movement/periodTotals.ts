import type { SalesRows } from '../parseSales';
import { roundMoney } from '../roundMoney';

/** Per customer (indexed like the rows' customers): what it bought in a period. */
export interface PeriodTotals {
  /** Σ amount of the period's rows (returns reduce it), rounded as the analysis rounds revenue. */
  revenue: Float64Array;
  /** Σ profit of the period's rows, rounded; null when the rows carry no profit. */
  profit: Float64Array | null;
  /** 1 when the customer has a row with amount > 0 in the period (a purchase day, as the analysis counts). */
  bought: Uint8Array;
}

/**
 * Revenue, profit and whether each customer bought, over the sales rows dated `start`…`end` (day numbers,
 * both included): the revenue, profit and purchase days > 0 of an analysis whose window is that period,
 * summed in the same row order and rounded the same way ({@link roundMoney}), so they are equal to the
 * last bit — without running that analysis. Rows of customer −1 are left out.
 *
 * @param customers Number of customers (the length of the arrays returned).
 * @example periodTotals(input.salesRows(), input.customers.count, start, asOf).revenue[i] // customer i's revenue in the period
 */
export function periodTotals(rows: SalesRows, customers: number, start: number, end: number): PeriodTotals {
  const rowProfit = rows.profit ?? null;
  const totals = emptyTotals(customers, rowProfit !== null);
  const { customer, day, amount } = rows;
  for (let k = 0; k < rows.count; k++) {
    const c = customer[k]!;
    const d = day[k]!;
    if (c < 0 || d < start || d > end) continue;
    addRow(totals, c, amount[k]!, rowProfit === null ? 0 : rowProfit[k]!);
  }
  roundTotals(totals);
  return totals;
}

/** A period of days, both ends included. */
export interface Period {
  start: number;
  end: number;
}

/**
 * {@link periodTotals} of two periods in one pass over the rows (movement's recent and earlier periods): each
 * row is read once and added to the period(s) it falls in, in row order, so both equal {@link periodTotals}
 * of each period to the last bit.
 *
 * @example const [recent, earlier] = twoPeriodTotals(rows, customers, { start: 45_200, end: 45_291 }, { start: 45_109, end: 45_199 });
 */
export function twoPeriodTotals(
  rows: SalesRows,
  customers: number,
  first: Period,
  second: Period,
): [PeriodTotals, PeriodTotals] {
  const rowProfit = rows.profit ?? null;
  const a = emptyTotals(customers, rowProfit !== null);
  const b = emptyTotals(customers, rowProfit !== null);
  const { customer, day, amount } = rows;
  const { start: aStart, end: aEnd } = first;
  const { start: bStart, end: bEnd } = second;
  for (let k = 0; k < rows.count; k++) {
    const c = customer[k]!;
    const d = day[k]!;
    if (c < 0) continue;
    const inA = d >= aStart && d <= aEnd;
    const inB = d >= bStart && d <= bEnd;
    if (!inA && !inB) continue;
    const value = amount[k]!;
    const profit = rowProfit === null ? 0 : rowProfit[k]!;
    if (inA) addRow(a, c, value, profit);
    if (inB) addRow(b, c, value, profit);
  }
  roundTotals(a);
  roundTotals(b);
  return [a, b];
}

/** Zero totals for `customers` customers. */
function emptyTotals(customers: number, withProfit: boolean): PeriodTotals {
  return {
    revenue: new Float64Array(customers),
    profit: withProfit ? new Float64Array(customers) : null,
    bought: new Uint8Array(customers),
  };
}

/** One row of customer `c` added to a period's totals. */
function addRow(totals: PeriodTotals, c: number, value: number, profit: number): void {
  const { revenue } = totals;
  revenue[c] = revenue[c]! + value;
  if (totals.profit !== null) totals.profit[c] = totals.profit[c]! + profit;
  if (value > 0) totals.bought[c] = 1;
}

/** The sums rounded as {@link periodTotals} rounds them. */
function roundTotals(totals: PeriodTotals): void {
  const { revenue, profit } = totals;
  for (let c = 0; c < revenue.length; c++) {
    revenue[c] = roundMoney(revenue[c]!);
    if (profit !== null) profit[c] = roundMoney(profit[c]!);
  }
}
