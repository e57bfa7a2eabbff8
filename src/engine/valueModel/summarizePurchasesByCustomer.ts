import type { PurchasesByCustomer } from './groupPurchasesByCustomer';
import type { RepeatPurchaseSummary } from './types';

/**
 * {@link summarizeRepeatPurchases} over rows already grouped by customer ({@link groupPurchasesByCustomer}):
 * the same summary, number for number, in one pass over the grouped rows (a customer's rows are read where
 * they lie, in row order, so each customer's repeat spend adds the same amounts in the same order).
 *
 * @param endDay The last day that counts; T is measured to it.
 * @param startDay The first day that counts.
 * @param countZeroAmounts Whether a row of amount 0 makes a purchase day.
 * @example
 * const rows = groupPurchasesByCustomer([0, 0, 0], [10, 10, 24], [5, 7, 9], 1);
 * summarizePurchasesByCustomer(rows, 31, Number.NEGATIVE_INFINITY, false).meanRepeatSpend[0]; // 9
 */
export function summarizePurchasesByCustomer(
  rows: PurchasesByCustomer,
  endDay: number,
  startDay: number,
  countZeroAmounts: boolean,
): RepeatPurchaseSummary {
  const { customerCount, from } = rows;
  const summary: RepeatPurchaseSummary = {
    firstDay: new Int32Array(customerCount).fill(-1),
    frequency: new Int32Array(customerCount),
    recencyDays: new Int32Array(customerCount),
    ageDays: new Int32Array(customerCount),
    meanRepeatSpend: new Float64Array(customerCount),
    customersWithPurchases: 0,
  };
  // Room for one customer's purchase days and amounts from the start (the most rows of a customer): no
  // allocation nor call in the loop over customers, whose compiled code then serves all of them. The loops
  // are functions of their own that return a number, so that each is compiled once (code after a loop that
  // has not run yet when the loop is compiled would throw the compiled code away).
  const most = mostRowsOfOneCustomer(from, customerCount);
  const room = { whens: new Float64Array(most), amounts: new Float64Array(most), days: new Int32Array(most) };
  summary.customersWithPurchases = summarizeEach(rows, endDay, startDay, countZeroAmounts, summary, room);
  return summary;
}

/** The most rows of one customer (at least 1). */
function mostRowsOfOneCustomer(from: Int32Array, customerCount: number): number {
  let most = 1;
  for (let c = 0; c < customerCount; c++) most = Math.max(most, from[c + 1]! - from[c]!);
  return most;
}

/**
 * Writes each customer's summary into `summary`'s arrays (see {@link summarizePurchasesByCustomer}) and
 * returns the customers with a purchase day. `room` holds one customer's purchase days and amounts.
 */
function summarizeEach(
  rows: PurchasesByCustomer,
  endDay: number,
  startDay: number,
  countZeroAmounts: boolean,
  summary: RepeatPurchaseSummary,
  room: { whens: Float64Array; amounts: Float64Array; days: Int32Array },
): number {
  const { customerCount, from, day, amount } = rows;
  const { firstDay, frequency, recencyDays, ageDays, meanRepeatSpend } = summary;
  const { whens, amounts, days } = room;
  let customersWithPurchases = 0;
  for (let c = 0; c < customerCount; c++) {
    const start = from[c]!;
    const end = from[c + 1]!;
    let n = 0;
    // The first day as `firstDay` holds it (a whole day; −1 for none yet).
    let first = -1;
    for (let k = start; k < end; k++) {
      const value = amount[k]!;
      const when = day[k]!;
      if (!((value > 0 || (countZeroAmounts && value === 0)) && when >= startDay && when <= endDay)) continue;
      if (first === -1 || when < first) first = when | 0;
      whens[n] = when;
      amounts[n++] = value;
    }
    if (n === 0) continue;
    customersWithPurchases++;
    firstDay[c] = first;
    // The amounts of the days after the first, in row order.
    let repeatAmount = 0;
    for (let k = 0; k < n; k++) {
      const when = whens[k]!;
      if (when > first) repeatAmount += amounts[k]!;
      days[k] = when;
    }
    // The days sorted in place: Shell sort with the gaps …, 13, 4, 1 (insertion sort for a few days).
    let gap = 1;
    while (gap < n / 3) gap = 3 * gap + 1;
    for (; gap > 0; gap = (gap - 1) / 3) {
      for (let k = gap; k < n; k++) {
        const value = days[k]!;
        let j = k - gap;
        while (j >= 0 && days[j]! > value) {
          days[j + gap] = days[j]!;
          j -= gap;
        }
        days[j + gap] = value;
      }
    }
    let distinct = 1;
    for (let k = 1; k < n; k++) if (days[k] !== days[k - 1]) distinct++;
    const firstSorted = days[0]!;
    frequency[c] = distinct - 1;
    recencyDays[c] = days[n - 1]! - firstSorted;
    ageDays[c] = endDay - firstSorted;
    meanRepeatSpend[c] = distinct > 1 ? repeatAmount / (distinct - 1) : 0;
  }
  return customersWithPurchases;
}
