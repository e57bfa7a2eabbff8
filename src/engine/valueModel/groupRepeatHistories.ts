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
  // An open-addressing hash table of the keys (typed arrays: no Map of large numbers); groups are numbered
  // in order of first appearance, as the sums over groups depend on that order.
  let size = 16;
  while (size < customerCount * 2) size *= 2;
  const mask = size - 1;
  const slotKey = new Float64Array(size);
  const slotGroup = new Int32Array(size).fill(-1);
  const x = new Float64Array(customerCount);
  const tx = new Float64Array(customerCount);
  const t = new Float64Array(customerCount);
  const w = new Float64Array(customerCount);
  let groupCount = 0;
  for (let c = 0; c < customerCount; c++) {
    if (firstDay[c]! < 0 || (include !== undefined && !include(c))) continue;
    // Exact while frequency × span² stays below 2⁵³ (any real history does).
    const key = (frequency[c]! * span + recencyDays[c]!) * span + ageDays[c]!;
    let slot =
      Math.imul((key >>> 0) ^ Math.imul(Math.floor(key / 4294967296), 0x9e3779b1), 0x85ebca6b) & mask;
    let g = slotGroup[slot]!;
    while (g >= 0 && slotKey[slot] !== key) {
      slot = (slot + 1) & mask;
      g = slotGroup[slot]!;
    }
    if (g < 0) {
      g = groupCount++;
      slotKey[slot] = key;
      slotGroup[slot] = g;
      x[g] = frequency[c]!;
      tx[g] = recencyDays[c]! / daysPerWeek;
      t[g] = ageDays[c]! / daysPerWeek;
    }
    w[g]!++;
    groupOf[c] = g;
  }
  return {
    groups: {
      frequency: x.slice(0, groupCount),
      recency: tx.slice(0, groupCount),
      age: t.slice(0, groupCount),
      weight: w.slice(0, groupCount),
    },
    groupOf,
  };
}
