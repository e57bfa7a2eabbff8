import type { GammaGammaParams } from './types';

/**
 * A customer's expected average order value under the Gamma-Gamma model, given x repeat purchases with
 * mean spend m̄: p (γ + x m̄) / (p x + q − 1), a weighted mean of the population's mean p γ / (q − 1) and
 * the customer's own m̄. For x = 0 it is the population's mean. `NaN` when q ≤ 1 (no finite mean).
 *
 * @param frequency x: repeat purchases, ≥ 0.
 * @param meanSpend m̄: mean spend of the repeat purchases (money; ignored when x = 0).
 * @example gammaGammaExpectedOrderValue({ p: 6.25, q: 3.74, gamma: 15.44 }, 2, 30) // ≈ 30.94
 */
export function gammaGammaExpectedOrderValue(
  params: GammaGammaParams,
  frequency: number,
  meanSpend: number,
): number {
  const { p, q, gamma } = params;
  if (q <= 1) return Number.NaN;
  const x = frequency > 0 ? frequency : 0;
  return (p * (gamma + (x > 0 ? x * meanSpend : 0))) / (p * x + q - 1);
}
