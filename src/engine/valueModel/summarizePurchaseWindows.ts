import type { PurchasesByCustomer } from './groupPurchasesByCustomer';
import { sortFirstDays, summarizePurchasesByCustomer } from './summarizePurchasesByCustomer';
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
 * `summarizePurchasesByCustomer` of several windows at once, number for number, in one pass over the
 * grouped rows: each customer's rows are read and their days sorted once, and each window takes the run of
 * sorted days it spans (its repeat spend still added in row order). The value model's fit (all days to the
 * as-of date), its holdout's calibration (to the day before the holdout) and the holdout itself are three
 * windows of the same rows. Rows with days that are not whole days from 0 (never the engine's) are
 * summarised a window at a time (`summarizePurchasesByCustomer`), whose statements define the result there.
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
  // Whole days from 0 on sort and compare alike as numbers and as Int32.
  for (let k = 0; k < day.length; k++) {
    const when = day[k]!;
    if (!(when >= 0 && when <= 0x7fffffff && Math.floor(when) === when))
      return windows.map(({ startDay, endDay }) =>
        summarizePurchasesByCustomer(rows, endDay, startDay, countZeroAmounts),
      );
  }
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
    for (let k = start; k < end; k++) {
      const value = amount[k]!;
      const when = day[k]!;
      if (!((value > 0 || (countZeroAmounts && value === 0)) && when >= lowest && when <= highest)) continue;
      whens[n] = when;
      amounts[n++] = value;
    }
    if (n === 0) continue;
    for (let k = 0; k < n; k++) days[k] = whens[k]!;
    sortFirstDays(days, n);
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
