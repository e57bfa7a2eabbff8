import { logGamma } from './logGamma';
import { logSumExp } from './logSumExp';
import type { BgNbdParams } from './types';

/**
 * One customer's BG/NBD log-likelihood (Fader, Hardie & Lee 2005, eq. 6): the log of the probability of x
 * repeat purchases, the last t_x weeks after the first purchase, in T weeks of observation.
 *
 * @param params r, α (weeks), a, b; all positive.
 * @param frequency x: repeat purchases (distinct purchase days − 1), a whole number ≥ 0.
 * @param recency t_x: weeks from the first to the last purchase, 0 ≤ t_x ≤ T.
 * @param age T: weeks from the first purchase to the end of the observation.
 * @example bgnbdLogLikelihood({ r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 }, 0, 0, 38.86) // ≈ −0.5538
 */
export function bgnbdLogLikelihood(
  params: BgNbdParams,
  frequency: number,
  recency: number,
  age: number,
): number {
  const { r, alpha, a, b } = params;
  const x = frequency;
  const common =
    logGamma(r + x) -
    logGamma(r) +
    r * Math.log(alpha) +
    logGamma(a + b) +
    logGamma(b + x) -
    logGamma(b) -
    logGamma(a + b + x);
  const stillAlive = -(r + x) * Math.log(alpha + age);
  const droppedOut =
    x > 0
      ? Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + recency)
      : Number.NEGATIVE_INFINITY;
  return common + logSumExp(stillAlive, droppedOut);
}
