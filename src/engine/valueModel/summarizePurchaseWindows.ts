import type { PurchasesByCustomer } from './groupPurchasesByCustomer';
import type { RepeatPurchaseSummary } from './types';

/** A span of days a summary counts: from `startDay` to `endDay`, both included; T is measured to `endDay`. */
export interface PurchaseWindow {
  startDay: number;
  endDay: number;
}

/** A summary's arrays for `customerCount` customers, none with a purchase yet. */
function emptySummary(customerCount: number): RepeatPurchaseSummary {
  return {
    firstDay: new Int32Array(customerCount).fill(-1),
    frequency: new Int32Array(customerCount),
    recencyDays: new Int32Array(customerCount),
    ageDays: new Int32Array(customerCount),
    meanRepeatSpend: new Float64Array(customerCount),
    customersWithPurchases: 0,
  };
}

/**
 * `summarizePurchasesByCustomer` of one window for customer `c`, from the customer's rows gathered in row
 * order (`whens`, `amounts`, `n` of them): the same statements, so the same numbers, for any days.
 */
function summarizeGathered(
  summary: RepeatPurchaseSummary,
  c: number,
  { startDay, endDay }: PurchaseWindow,
  whens: Float64Array,
  amounts: Float64Array,
  n: number,
  days: Int32Array,
): void {
  let first = -1;
  let m = 0;
  for (let k = 0; k < n; k++) {
    const when = whens[k]!;
    if (!(when >= startDay && when <= endDay)) continue;
    if (first === -1 || when < first) first = when | 0;
    days[m++] = k;
  }
  if (m === 0) return;
  let repeatAmount = 0;
  for (let k = 0; k < m; k++) {
    const row = days[k]!;
    if (whens[row]! > first) repeatAmount += amounts[row]!;
  }
  const sorted = new Int32Array(m);
  for (let k = 0; k < m; k++) sorted[k] = whens[days[k]!]!;
  sorted.sort();
  let distinct = 1;
  for (let k = 1; k < m; k++) if (sorted[k] !== sorted[k - 1]) distinct++;
  summary.customersWithPurchases++;
  summary.firstDay[c] = first;
  summary.frequency[c] = distinct - 1;
  summary.recencyDays[c] = sorted[m - 1]! - sorted[0]!;
  summary.ageDays[c] = endDay - sorted[0]!;
  summary.meanRepeatSpend[c] = distinct > 1 ? repeatAmount / (distinct - 1) : 0;
}

/**
 * `summarizePurchasesByCustomer` of several windows at once, number for number, in one pass over the
 * grouped rows: each customer's rows are read and their days sorted once, and each window takes the run of
 * sorted days it spans (its repeat spend still added in row order). The value model's fit (all days to the
 * as-of date), its holdout's calibration (to the day before the holdout) and the holdout itself are three
 * windows of the same rows.
 *
 * @param countZeroAmounts Whether a row of amount 0 makes a purchase day.
 * @returns One summary per window, in the windows' order.
 * @example
 * const rows = groupPurchasesByCustomer([0, 0, 0], [10, 10, 24], [5, 7, 9], 1);
 * const [all, before20] = summarizePurchaseWindows(rows, false, [
 *   { startDay: Number.NEGATIVE_INFINITY, endDay: 31 },
 *   { startDay: Number.NEGATIVE_INFINITY, endDay: 19 },
 * ]);
 * [all.frequency[0], before20.frequency[0]]; // [1, 0]
 */
export function summarizePurchaseWindows(
  rows: PurchasesByCustomer,
  countZeroAmounts: boolean,
  windows: readonly PurchaseWindow[],
): RepeatPurchaseSummary[] {
  const { customerCount, from, day, amount } = rows;
  const summaries = windows.map(() => emptySummary(customerCount));
  let lowest = Number.POSITIVE_INFINITY;
  let highest = Number.NEGATIVE_INFINITY;
  for (const { startDay, endDay } of windows) {
    lowest = Math.min(lowest, startDay);
    highest = Math.max(highest, endDay);
  }
  // One customer's purchase rows (in any window) in row order, and their days sorted.
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
    // Whole days from 0 on (the engine's), which sort and compare alike as numbers and as Int32.
    let whole = true;
    for (let k = start; k < end; k++) {
      const value = amount[k]!;
      const when = day[k]!;
      if (!((value > 0 || (countZeroAmounts && value === 0)) && when >= lowest && when <= highest)) continue;
      if (!(when >= 0 && when <= 0x7fffffff && Math.floor(when) === when)) whole = false;
      whens[n] = when;
      amounts[n++] = value;
    }
    if (n === 0) continue;
    if (!whole) {
      for (let w = 0; w < windows.length; w++)
        summarizeGathered(summaries[w]!, c, windows[w]!, whens, amounts, n, days);
      continue;
    }
    for (let k = 0; k < n; k++) days[k] = whens[k]!;
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
    for (let w = 0; w < windows.length; w++) {
      const { startDay, endDay } = windows[w]!;
      let low = 0;
      while (low < n && days[low]! < startDay) low++;
      let high = n - 1;
      while (high >= low && days[high]! > endDay) high--;
      if (high < low) continue;
      const first = days[low]!;
      let distinct = 1;
      for (let k = low + 1; k <= high; k++) if (days[k] !== days[k - 1]) distinct++;
      // The amounts of the window's days after its first, in row order.
      let repeatAmount = 0;
      for (let k = 0; k < n; k++) {
        const when = whens[k]!;
        if (when > first && when <= endDay) repeatAmount += amounts[k]!;
      }
      const summary = summaries[w]!;
      summary.customersWithPurchases++;
      summary.firstDay[c] = first;
      summary.frequency[c] = distinct - 1;
      summary.recencyDays[c] = days[high]! - first;
      summary.ageDays[c] = endDay - first;
      summary.meanRepeatSpend[c] = distinct > 1 ? repeatAmount / (distinct - 1) : 0;
    }
  }
  return summaries;
}
