import type { MovementSettings, ValueTrend } from './types';

/** A customer's value in one period and whether it bought (amount > 0) in it. */
export interface PeriodValue {
  bought: boolean;
  value: number;
}

/**
 * The value trend of a customer: its value (revenue, or profit) in the last N months against the N months
 * before. Bought in neither period: null. Only in the recent one: `new`. Only in the earlier one: `lapsed`.
 * In both: the change relative to the earlier value's size, (recent − earlier) / |earlier|, is `growing`
 * at or above `growthThreshold`, `declining` at or below −`declineThreshold`, else `stable`; when the
 * earlier value is 0 the sign of the change decides (no change is stable).
 *
 * @example valueTrend({ bought: true, value: 100 }, { bought: true, value: 120 }, { growthThreshold: 0.1, declineThreshold: 0.1 }) === 'growing'
 * @example valueTrend({ bought: true, value: 100 }, { bought: false, value: 0 }, { growthThreshold: 0.1, declineThreshold: 0.1 }) === 'lapsed'
 */
export function valueTrend(
  earlier: PeriodValue,
  recent: PeriodValue,
  thresholds: Pick<MovementSettings, 'growthThreshold' | 'declineThreshold'>,
): ValueTrend | null {
  return trendOf(earlier.bought, earlier.value, recent.bought, recent.value, thresholds);
}

/**
 * {@link valueTrend} of the two periods' figures given one by one (no object per period: movement calls it
 * for every customer twice).
 *
 * @example trendOf(true, 100, true, 120, { growthThreshold: 0.1, declineThreshold: 0.1 }) === 'growing'
 */
export function trendOf(
  earlierBought: boolean,
  earlierValue: number,
  recentBought: boolean,
  recentValue: number,
  thresholds: Pick<MovementSettings, 'growthThreshold' | 'declineThreshold'>,
): ValueTrend | null {
  if (!earlierBought) return recentBought ? 'new' : null;
  if (!recentBought) return 'lapsed';
  const change = recentValue - earlierValue;
  const scale = Math.abs(earlierValue);
  if (scale === 0) return change > 0 ? 'growing' : change < 0 ? 'declining' : 'stable';
  const relative = change / scale;
  if (relative >= thresholds.growthThreshold) return 'growing';
  if (relative <= -thresholds.declineThreshold) return 'declining';
  return 'stable';
}
