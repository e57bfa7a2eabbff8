import { hypergeometric2F1 } from './hypergeometric2F1';
import type { BgNbdParams } from './types';

/**
 * E[X(t)]: expected repeat purchases of a new customer in the first t weeks after the first purchase, under
 * the BG/NBD (Fader, Hardie & Lee 2005, eq. 9). `NaN` when the hypergeometric series does not converge or
 * a = 1.
 *
 * @param weeks t ≥ 0.
 * @example bgnbdExpectedPurchases({ r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 }, 32) // ≈ 1.0437
 */
export function bgnbdExpectedPurchases(params: BgNbdParams, weeks: number): number {
  if (weeks === 0) return 0;
  const { r, alpha, a, b } = params;
  const series = hypergeometric2F1(r, b, a + b - 1, weeks / (alpha + weeks));
  if (!series.converged || a === 1) return Number.NaN;
  const notYet = Math.exp(r * (Math.log(alpha) - Math.log(alpha + weeks))) * series.value;
  return ((a + b - 1) / (a - 1)) * (1 - notYet);
}
