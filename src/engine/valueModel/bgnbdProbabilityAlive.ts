import type { BgNbdParams } from './types';

/**
 * P(alive): the probability under the BG/NBD that a customer with this history has not dropped out by the
 * end of the observation (Fader, Hardie & Lee 2005, eq. 11). 1 for a customer without repeat purchases (in
 * the BG/NBD a customer can only drop out right after a purchase).
 *
 * @param frequency x: repeat purchases.
 * @param recency t_x in weeks.
 * @param age T in weeks.
 * @example bgnbdProbabilityAlive({ r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 }, 2, 30.43, 38.86) // ≈ 0.727
 */
export function bgnbdProbabilityAlive(
  params: BgNbdParams,
  frequency: number,
  recency: number,
  age: number,
): number {
  if (frequency <= 0) return 1;
  const { r, alpha, a, b } = params;
  const logOdds =
    Math.log(a) -
    Math.log(b + frequency - 1) +
    (r + frequency) * (Math.log(alpha + age) - Math.log(alpha + recency));
  return 1 / (1 + Math.exp(logOdds));
}
