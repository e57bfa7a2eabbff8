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
  // One customer's purchase days at a time, as whole days.
  let days = new Int32Array(64);
  const counted = (k: number): boolean => {
    const value = amount[k]!;
    const when = day[k]!;
    return (value > 0 || (countZeroAmounts && value === 0)) && when >= startDay && when <= endDay;
  };
  for (let c = 0; c < customerCount; c++) {
    const start = from[c]!;
    const end = from[c + 1]!;
    let n = 0;
    for (let k = start; k < end; k++) {
      if (!counted(k)) continue;
      const when = day[k]!;
      if (firstDay[c] === -1 || when < firstDay[c]!) firstDay[c] = when;
      n++;
    }
    if (n === 0) continue;
    customersWithPurchases++;
    if (n > days.length) days = new Int32Array(Math.max(n, 2 * days.length));
    const first = firstDay[c]!;
    let repeatAmount = 0;
    for (let k = start, at = 0; k < end; k++) {
      if (!counted(k)) continue;
      const when = day[k]!;
      days[at++] = when;
      if (when > first) repeatAmount += amount[k]!;
    }
    // The few days sorted in place (insertion sort; a long run by the typed array's sort).
    if (n > 32) days.subarray(0, n).sort();
    else {
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
