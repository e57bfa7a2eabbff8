import type { PyramidTier } from '../types';
import type { TierChange } from './types';

/**
 * How a customer moved on the pyramid between two dates. Tier 1 is the top, so from tier 3 to tier 1 is
 * `up 2` and from 1 to 2 is `down 1`; no tier before and one now is `new`, one before and none now (no
 * sales in the window) is `lost`; the same tier is `same`; no tier at either date is null.
 *
 * @example tierChange(3, 1) === 'up 2'
 * @example tierChange(null, 4) === 'new'
 */
export function tierChange(previous: PyramidTier | null, current: PyramidTier | null): TierChange | null {
  if (previous === null) return current === null ? null : 'new';
  if (current === null) return 'lost';
  if (current === previous) return 'same';
  return current < previous ? `up ${previous - current}` : `down ${current - previous}`;
}
