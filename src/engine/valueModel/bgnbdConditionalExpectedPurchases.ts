import { bgnbdProbabilityAlive } from './bgnbdProbabilityAlive';
import { hypergeometric2F1 } from './hypergeometric2F1';
import type { BgNbdParams } from './types';

/**
 * Expected purchases of one customer in the next `horizon` weeks after the end of the observation, given
 * the history (x, t_x, T) (Fader, Hardie & Lee 2005, eq. 10). `NaN` when the hypergeometric series does
 * not converge or a = 1 (the formula divides by a − 1); callers count such customers instead of showing a
 * number.
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
  const { r, alpha, a, b } = params;
  const x = frequency;
  const series = hypergeometric2F1(r + x, b + x, a + b + x - 1, horizon / (alpha + age + horizon));
  if (!series.converged || a === 1) return Number.NaN;
  const notYet = Math.exp((r + x) * (Math.log(alpha + age) - Math.log(alpha + age + horizon))) * series.value;
  const ifAlive = ((a + b + x - 1) / (a - 1)) * (1 - notYet);
  return ifAlive * bgnbdProbabilityAlive(params, x, recency, age);
}
