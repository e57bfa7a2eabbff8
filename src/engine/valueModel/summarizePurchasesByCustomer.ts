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
  const { customerCount, from, day, amount } = rows;
  const firstDay = new Int32Array(customerCount).fill(-1);
  const frequency = new Int32Array(customerCount);
  const recencyDays = new Int32Array(customerCount);
  const ageDays = new Int32Array(customerCount);
  const meanRepeatSpend = new Float64Array(customerCount);
  let customersWithPurchases = 0;
  // One customer's purchase days and their amounts at a time, in row order; the days then as whole days.
  let whens = new Float64Array(64);
  let amounts = new Float64Array(64);
  let days = new Int32Array(64);
  for (let c = 0; c < customerCount; c++) {
    const start = from[c]!;
    const end = from[c + 1]!;
    if (end - start > days.length) {
      whens = new Float64Array(Math.max(end - start, 2 * days.length));
      amounts = new Float64Array(whens.length);
      days = new Int32Array(whens.length);
    }
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
    sortFirstDays(days, n);
    let distinct = 1;
    for (let k = 1; k < n; k++) if (days[k] !== days[k - 1]) distinct++;
    const firstSorted = days[0]!;
    frequency[c] = distinct - 1;
    recencyDays[c] = days[n - 1]! - firstSorted;
    ageDays[c] = endDay - firstSorted;
    meanRepeatSpend[c] = distinct > 1 ? repeatAmount / (distinct - 1) : 0;
  }
  return { firstDay, frequency, recencyDays, ageDays, meanRepeatSpend, customersWithPurchases };
}

/**
 * Sorts `days[0]` … `days[n − 1]` in place, ascending: a customer's few days by insertion, a long run by the
 * typed array's sort.
 */
export function sortFirstDays(days: Int32Array, n: number): void {
  if (n > 32) {
    days.subarray(0, n).sort();
    return;
  }
  for (let k = 1; k < n; k++) {
    const value = days[k]!;
    let j = k - 1;
    while (j >= 0 && days[j]! > value) {
      days[j + 1] = days[j]!;
      j--;
    }
    days[j + 1] = value;
  }
}
