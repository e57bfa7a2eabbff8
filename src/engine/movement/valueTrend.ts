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
  if (!earlier.bought) return recent.bought ? 'new' : null;
  if (!recent.bought) return 'lapsed';
  const change = recent.value - earlier.value;
  const scale = Math.abs(earlier.value);
  if (scale === 0) return change > 0 ? 'growing' : change < 0 ? 'declining' : 'stable';
  const relative = change / scale;
  if (relative >= thresholds.growthThreshold) return 'growing';
  if (relative <= -thresholds.declineThreshold) return 'declining';
  return 'stable';
}
