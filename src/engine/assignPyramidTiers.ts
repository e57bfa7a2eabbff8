import { orderByNumber } from './orderByNumber';
import { orderByText } from './orderByText';
import type { PyramidTier } from './types';

/** The course's tier cut-offs: cumulative share of customers ending tiers 1–5. */
export const defaultPyramidCuts: [number, number, number, number, number] = [0.05, 0.15, 0.35, 0.6, 1];

/**
 * Assigns customer-pyramid tiers. Customers with a value (those with any sales row in the window; null or
 * NaN = off the pyramid) are sorted by value descending, ties by id ascending; position p (1-based) of n
 * gets the first tier k with p ≤ ceil(n × cut_k). A customer whose value equals that of a better-placed
 * customer takes that customer's tier, so ties are never split. Cut-offs are applied in basis points so
 * that float error cannot move a boundary (ceil(20 × 0.35) is 7, not 8).
 *
 * @param byId Positions of `ids` in ascending id order, when the caller has them ({@link orderByText}).
 * @example assignPyramidTiers(ids300, values300) // 15 / 30 / 60 / 75 / 120 customers in tiers 1–5 (no ties)
 */
export function assignPyramidTiers(
  ids: readonly string[],
  values: ArrayLike<number | null>,
  cuts: readonly number[] = defaultPyramidCuts,
  byId: Int32Array = orderByText(ids),
): (PyramidTier | null)[] {
  return Array.from(pyramidTierCodes(ids, values, cuts, byId), (tier) =>
    tier === 0 ? null : (tier as PyramidTier),
  );
}

/**
 * {@link assignPyramidTiers} with the tiers as numbers, 0 for a customer off the pyramid.
 *
 * @example pyramidTierCodes(['a', 'b'], [5, NaN]) // Uint8Array [1, 0]: b has no value, so no tier
 */
export function pyramidTierCodes(
  ids: readonly string[],
  values: ArrayLike<number | null>,
  cuts: readonly number[] = defaultPyramidCuts,
  byId: Int32Array = orderByText(ids),
): Uint8Array {
  const tiers = new Uint8Array(ids.length);
  const allValued = new Int32Array(byId.length);
  let valuedCount = 0;
  const numbers = new Float64Array(ids.length);
  for (let k = 0; k < byId.length; k++) {
    const index = byId[k]!;
    const value = values[index] ?? null;
    if (value === null || Number.isNaN(value)) continue;
    allValued[valuedCount++] = index;
    numbers[index] = value;
  }
  const ranked = orderByNumber(numbers, allValued.subarray(0, valuedCount), true);
  const n = ranked.length;
  const limits = cuts.map((cut) => Math.ceil((n * Math.round(cut * 10_000)) / 10_000));
  let tier = 0;
  let previousValue = Number.NaN; // equal to no value
  let previousTier: PyramidTier = 1;
  for (let position = 0; position < n; position++) {
    const index = ranked[position]!;
    const p = position + 1;
    while (tier < limits.length - 1 && p > limits[tier]!) tier++;
    const value = numbers[index]!;
    const assigned: PyramidTier = value === previousValue ? previousTier : ((tier + 1) as PyramidTier);
    tiers[index] = assigned;
    previousValue = value;
    previousTier = assigned;
  }
  return tiers;
}
