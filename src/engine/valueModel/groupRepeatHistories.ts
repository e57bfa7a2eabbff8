import type { GroupedHistories, RepeatPurchaseSummary } from './types';

const daysPerWeek = 7;

/**
 * Groups customers with the same (frequency, recency, T) so that the BG/NBD likelihood and predictions are
 * computed once per group. Days become weeks (days / 7). Customers without a purchase day are left out
 * (group −1); so are those `include` rejects.
 *
 * @param include Optional filter by customer index.
 * @example
 * const { groups, groupOf } = groupRepeatHistories(summarizeRepeatPurchases(customer, day, amount, n, asOf));
 * const fit = fitBgNbd(groups);
 */
export function groupRepeatHistories(
  summary: RepeatPurchaseSummary,
  include?: (customer: number) => boolean,
): GroupedHistories {
  const { firstDay, frequency, recencyDays, ageDays } = summary;
  const customerCount = firstDay.length;
  let span = 1;
  for (let c = 0; c < customerCount; c++) if (firstDay[c]! >= 0) span = Math.max(span, ageDays[c]! + 1);
  const groupOf = new Int32Array(customerCount).fill(-1);
  const index = new Map<number, number>();
  const x: number[] = [];
  const tx: number[] = [];
  const t: number[] = [];
  const w: number[] = [];
  for (let c = 0; c < customerCount; c++) {
    if (firstDay[c]! < 0 || (include !== undefined && !include(c))) continue;
    // Exact while frequency × span² stays below 2⁵³ (any real history does).
    const key = (frequency[c]! * span + recencyDays[c]!) * span + ageDays[c]!;
    let g = index.get(key);
    if (g === undefined) {
      g = x.length;
      index.set(key, g);
      x.push(frequency[c]!);
      tx.push(recencyDays[c]! / daysPerWeek);
      t.push(ageDays[c]! / daysPerWeek);
      w.push(0);
    }
    w[g]!++;
    groupOf[c] = g;
  }
  return {
    groups: {
      frequency: Float64Array.from(x),
      recency: Float64Array.from(tx),
      age: Float64Array.from(t),
      weight: Float64Array.from(w),
    },
    groupOf,
  };
}
