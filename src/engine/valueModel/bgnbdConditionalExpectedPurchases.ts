import { bgnbdExpectedIfAlive } from './bgnbdExpectedIfAlive';
import { bgnbdProbabilityAlive } from './bgnbdProbabilityAlive';
import type { BgNbdParams } from './types';

/**
 * Expected purchases of one customer in the next `horizon` weeks after the end of the observation, given
 * the history (x, t_x, T) (Fader, Hardie & Lee 2005, eq. 10): {@link bgnbdExpectedIfAlive} times
 * {@link bgnbdProbabilityAlive}. `NaN` when the hypergeometric series does not converge or a = 1 (the
 * formula divides by a − 1); callers count such customers instead of showing a number.
 *
 * @param horizon t: weeks ahead, ≥ 0.
 * @param frequency x: repeat purchases.
 * @param recency t_x in weeks.
 * @param age T in weeks.
 * @example
 * bgnbdConditionalExpectedPurchases({ r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 }, 39, 2, 30.43, 38.86) // ≈ 1.226
 */
export function bgnbdConditionalExpectedPurchases(
  params: BgNbdParams,
  horizon: number,
  frequency: number,
  recency: number,
  age: number,
): number {
  if (horizon === 0) return 0;
  return (
    bgnbdExpectedIfAlive(params, horizon, frequency, age) *
    bgnbdProbabilityAlive(params, frequency, recency, age)
  );
}
