import type { SeriesResult } from './types';

/**
 * The Gaussian hypergeometric function ₂F₁(a, b; c; z) = Σₙ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ by its power series,
 * for |z| < 1. The sum stops when the tail (bounded by the current term times 1 / (1 − ratio) once the
 * term ratio is below 1) falls under `tolerance` relative to the sum. A series that ends (a or b a
 * non-positive integer) is exact. `converged` is false when `maxTerms` were not enough, when |z| ≥ 1, or
 * when c is a non-positive integer (a pole); `value` is then `NaN` or the partial sum.
 *
 * Used by the BG/NBD expected purchases, where z = t / (α + T + t) lies in [0, 1) and every parameter is
 * positive, so the terms are positive and the sum has no cancellation. Near z = 1 the series needs many
 * terms (about −ln(tolerance) / −ln z).
 *
 * @param tolerance Relative accuracy wanted, default 1e-14.
 * @param maxTerms Default 1,000,000.
 * @example hypergeometric2F1(1, 1, 2, 0.5).value // ≈ 1.386294361119 = −ln(1 − z) / z = 2 ln 2
 */
export function hypergeometric2F1(
  a: number,
  b: number,
  c: number,
  z: number,
  tolerance = 1e-14,
  maxTerms = 1_000_000,
): SeriesResult {
  if (!(Math.abs(z) < 1) || (c <= 0 && Number.isInteger(c)) || !Number.isFinite(a + b + c)) {
    return { value: Number.NaN, terms: 0, converged: false };
  }
  const size = Math.abs(z);
  const ratioAt = (n: number): number => (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
  let sum = 1;
  let term = 1;
  let ratio = ratioAt(0);
  for (let n = 0; n < maxTerms; n++) {
    term *= ratio;
    sum += term;
    if (term === 0) return { value: sum, terms: n + 1, converged: true };
    ratio = ratioAt(n + 1);
    // The ratios tend to |z|, from above or from below: past n, every ratio is at most the larger of the
    // next one and |z| (once they are monotone), so the tail is at most term·r/(1 − r).
    const bound = Math.max(Math.abs(ratio), size);
    if (bound < 1 && Math.abs((term * bound) / (1 - bound)) <= tolerance * Math.abs(sum)) {
      return { value: sum, terms: n + 1, converged: Number.isFinite(sum) };
    }
  }
  return { value: sum, terms: maxTerms, converged: false };
}
