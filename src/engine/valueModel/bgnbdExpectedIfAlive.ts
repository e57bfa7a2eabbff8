import { hypergeometric2F1 } from './hypergeometric2F1';
import type { BgNbdParams } from './types';

/**
 * The part of the BG/NBD conditional expected purchases (Fader, Hardie & Lee 2005, eq. 10) that does not
 * depend on t_x: the purchases expected in the next `horizon` weeks if the customer is still alive, for a
 * history of x repeat purchases in T weeks. {@link bgnbdConditionalExpectedPurchases} is this times P(alive);
 * it depends on (x, T) only, so callers with many histories of one (x, T) compute it once. `NaN` when the
 * hypergeometric series does not converge or a = 1 (the formula divides by a − 1); 0 when `horizon` is 0.
 *
 * @param horizon t: weeks ahead, ≥ 0.
 * @param frequency x: repeat purchases.
 * @param age T in weeks.
 * @example bgnbdExpectedIfAlive({ r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 }, 39, 2, 38.86) // ≈ 1.69
 */
export function bgnbdExpectedIfAlive(
  params: BgNbdParams,
  horizon: number,
  frequency: number,
  age: number,
): number {
  if (horizon === 0) return 0;
  const { r, alpha, a, b } = params;
  const x = frequency;
  const series = hypergeometric2F1(r + x, b + x, a + b + x - 1, horizon / (alpha + age + horizon));
  if (!series.converged || a === 1) return Number.NaN;
  const notYet = Math.exp((r + x) * (Math.log(alpha + age) - Math.log(alpha + age + horizon))) * series.value;
  return ((a + b + x - 1) / (a - 1)) * (1 - notYet);
}
