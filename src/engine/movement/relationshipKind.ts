import type { PyramidTier } from '../types';
import type { RelationshipKind, ValueTrend } from './types';

/** What {@link relationshipKind} looks at for one customer. */
export interface RelationshipInput {
  /** Current pyramid tier (null off the pyramid). */
  tier: PyramidTier | null;
  /** Current pyramid value: profit, or revenue without profit data. */
  value: number | null;
  /** Orders in the analysis window. */
  orders: number;
  /** Trend of the value the pyramid ranks by (profit when known, else revenue). */
  trend: ValueTrend | null;
}

/**
 * The course's kind of relationship customer, first rule that matches:
 * 1. `biggestProfit` — tier 1 or 2 with a positive value whose trend is not declining or lapsed;
 * 2. `losingValue` — tier 1, 2 or 3 with a positive value whose trend is declining or lapsed (still
 *    profitable, losing value);
 * 3. `transactional` — exactly one order in the window (a one-off buyer);
 * 4. `couldBecomeBiggest` — tier 3 or 4 whose trend is growing or new (could become a biggest source of
 *    profit);
 * otherwise null (none of the course's kinds).
 *
 * @example relationshipKind({ tier: 1, value: 500, orders: 4, trend: 'stable' }) === 'biggestProfit'
 * @example relationshipKind({ tier: 2, value: 500, orders: 4, trend: 'lapsed' }) === 'losingValue'
 */
export function relationshipKind(input: RelationshipInput): RelationshipKind | null {
  return relationshipOf(input.tier, input.value, input.orders, input.trend);
}

/**
 * {@link relationshipKind} of the four figures given one by one (no object per customer).
 *
 * @example relationshipOf(1, 500, 4, 'stable') === 'biggestProfit'
 */
export function relationshipOf(
  tier: PyramidTier | null,
  value: number | null,
  orders: number,
  trend: ValueTrend | null,
): RelationshipKind | null {
  const positive = value !== null && value > 0;
  const falling = trend === 'declining' || trend === 'lapsed';
  if ((tier === 1 || tier === 2) && positive && !falling) return 'biggestProfit';
  if ((tier === 1 || tier === 2 || tier === 3) && positive && falling) return 'losingValue';
  if (orders === 1) return 'transactional';
  if ((tier === 3 || tier === 4) && (trend === 'growing' || trend === 'new')) return 'couldBecomeBiggest';
  return null;
}
