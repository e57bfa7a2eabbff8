import { digamma } from './digamma';
import { logGamma } from './logGamma';
import { fitResultOf, maximizeLogLikelihood, warmStartOnSample } from './maximizeLogLikelihood';
import type { FitResult, GammaGammaParams } from './types';

/**
 * Fits the Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV"; Colombo & Jiang 1999) by
 * maximum likelihood: BFGS with the exact gradient on the logarithms of p, q, γ, started at 1 each — or,
 * for many customers, where the same search on a sample of them ended ({@link warmStartOnSample}; not
 * when the sample's search ended at a limiting case); Nelder–Mead takes over where BFGS stops short.
 * Each customer's mean repeat spend m̄ over x repeat purchases has the density
 * Γ(px+q) / (Γ(px) Γ(q)) · γ^q m̄^(px−1) x^(px) / (γ + x m̄)^(px+q). The terms that depend on x alone are computed once per distinct x and the sums of
 * ln m̄ once, so an evaluation costs one logarithm per customer.
 *
 * Only customers with x ≥ 1 and m̄ > 0 can be used; the caller selects them (see {@link fitValueModel} for
 * the count left out). Fails with a reason when fewer than 2 are left, an input is invalid, or the
 * optimiser does not converge. A parameter running off towards 0 or ∞ (e.g. q and γ growing together when
 * every customer spends alike) gives a limiting case of the model, with `boundary` saying so.
 *
 * @param frequency Per customer, x: repeat purchases, a whole number ≥ 1.
 * @param meanSpend Per customer, m̄: mean spend of the repeat purchases, > 0 (money).
 * @param options `warm` (default true): for many customers, start where a fit of a sample of them ended
 *   ({@link warmStartOnSample}); false always starts at 1 each.
 * @example
 * const fit = fitGammaGamma(Float64Array.of(1, 2, 5), Float64Array.of(20, 35.5, 18));
 */
export function fitGammaGamma(
  frequency: ArrayLike<number>,
  meanSpend: ArrayLike<number>,
  options: { warm?: boolean } = {},
): FitResult<GammaGammaParams> {
  const count = frequency.length;
  const fail = (reason: string): FitResult<GammaGammaParams> => ({
    converged: false,
    reason,
    customers: count,
    iterations: 0,
  });
  if (count < 2) return fail(`${count} customer(s) with repeat spend; the spend model needs at least 2`);
  const logLikelihood = spendLikelihood(frequency, meanSpend);
  if (typeof logLikelihood === 'string') return fail(logLikelihood);
  const fromLogs = (logs: readonly number[]): GammaGammaParams => ({
    p: Math.exp(logs[0]!),
    q: Math.exp(logs[1]!),
    gamma: Math.exp(logs[2]!),
  });
  return fitResultOf(
    maximizeLogLikelihood(
      logLikelihood,
      fromLogs,
      3,
      count,
      options.warm === false
        ? null
        : warmStartOnSample(count, (every) => sampleOf(frequency, meanSpend, every), fromLogs, 3, {
            limitingCase: false,
          }),
    ),
    count,
  );
}

/**
 * The Gamma-Gamma log-likelihood of the customers as a function of the parameters (with `gradient`, also
 * its derivatives with respect to ln p, ln q, ln γ), or why a customer cannot be fitted.
 */
function spendLikelihood(
  frequency: ArrayLike<number>,
  meanSpend: ArrayLike<number>,
): ((params: GammaGammaParams, gradient?: Float64Array) => number) | string {
  const count = frequency.length;
  const xIndex = new Map<number, number>();
  const distinctX: number[] = [];
  const countOfX: number[] = [];
  let sumXLogX = 0;
  let sumXLogM = 0;
  let sumLogM = 0;
  for (let c = 0; c < count; c++) {
    const x = frequency[c]!;
    const m = meanSpend[c]!;
    if (!(Number.isInteger(x) && x >= 1 && m > 0 && Number.isFinite(m))) {
      return `customer ${c} has x ${x} and mean spend ${m}; the spend model needs x ≥ 1 and spend > 0`;
    }
    let k = xIndex.get(x);
    if (k === undefined) {
      k = distinctX.length;
      xIndex.set(x, k);
      distinctX.push(x);
      countOfX.push(0);
    }
    countOfX[k]!++;
    sumXLogX += x * Math.log(x);
    sumXLogM += x * Math.log(m);
    sumLogM += Math.log(m);
  }

  const xOf = new Float64Array(count);
  const spendTotal = new Float64Array(count);
  for (let c = 0; c < count; c++) {
    xOf[c] = frequency[c]!;
    spendTotal[c] = frequency[c]! * meanSpend[c]!;
  }
  // The sums handed to addCustomerTerms and back: the total, then the derivatives by p, q and γ.
  const sums = new Float64Array(4);

  /** The log-likelihood; with `gradient`, also its derivatives with respect to ln p, ln q, ln γ. */
  return ({ p, q, gamma }: GammaGammaParams, gradient?: Float64Array): number => {
    const logGammaParam = Math.log(gamma);
    let total = count * (q * logGammaParam - logGamma(q)) + p * sumXLogM - sumLogM + p * sumXLogX;
    let dp = sumXLogM + sumXLogX;
    let dq = gradient === undefined ? 0 : count * (logGammaParam - digamma(q));
    let dGamma = (count * q) / gamma;
    for (let k = 0; k < distinctX.length; k++) {
      const x = distinctX[k]!;
      const px = p * x;
      total += countOfX[k]! * (logGamma(px + q) - logGamma(px));
      if (gradient !== undefined) {
        const psiPXQ = digamma(px + q);
        dp += countOfX[k]! * x * (psiPXQ - digamma(px));
        dq += countOfX[k]! * psiPXQ;
      }
    }
    sums[0] = total;
    sums[1] = dp;
    sums[2] = dq;
    sums[3] = dGamma;
    // The first few customers by themselves, so that the function has run to its end before its loop is
    // compiled (else the compiled loop lacks what follows it and is thrown away at every evaluation).
    const few = Math.min(count, 16);
    addCustomerTerms(sums, p, q, gamma, xOf, spendTotal, 0, few);
    addCustomerTerms(sums, p, q, gamma, xOf, spendTotal, few, count);
    total = sums[0]!;
    dp = sums[1]!;
    dq = sums[2]!;
    dGamma = sums[3]!;
    if (gradient !== undefined) {
      gradient[0] = dp * p;
      gradient[1] = dq * q;
      gradient[2] = dGamma * gamma;
    }
    return total;
  };
}

/** The likelihood of every `every`-th customer ({@link warmStartOnSample}); the customers are valid. */
function sampleOf(
  frequency: ArrayLike<number>,
  meanSpend: ArrayLike<number>,
  every: number,
): { logLikelihood: (params: GammaGammaParams, gradient?: Float64Array) => number; count: number } | null {
  const size = Math.ceil(frequency.length / every);
  const sampleFrequency = new Float64Array(size);
  const sampleSpend = new Float64Array(size);
  for (let k = 0, c = 0; k < size; k++, c += every) {
    sampleFrequency[k] = frequency[c]!;
    sampleSpend[k] = meanSpend[c]!;
  }
  const logLikelihood = spendLikelihood(sampleFrequency, sampleSpend);
  return typeof logLikelihood === 'string' ? null : { logLikelihood, count: size };
}

/**
 * Adds the terms of customers `from` … `to` − 1, in customer order, to the sums in `sums` (the total, then
 * the derivatives' sums by p, q and γ): one logarithm of γ + x m̄ each. A function of its own, so that it is
 * compiled once for every evaluation of the likelihood.
 */
function addCustomerTerms(
  sums: Float64Array,
  p: number,
  q: number,
  gamma: number,
  frequency: Float64Array,
  spendTotal: Float64Array,
  from: number,
  to: number,
): void {
  let total = sums[0]!;
  let dp = sums[1]!;
  let dq = sums[2]!;
  let dGamma = sums[3]!;
  for (let c = from; c < to; c++) {
    const x = frequency[c]!;
    const denominator = gamma + spendTotal[c]!;
    const logDenominator = Math.log(denominator);
    total -= (p * x + q) * logDenominator;
    dp -= x * logDenominator;
    dq -= logDenominator;
    dGamma -= (p * x + q) / denominator;
  }
  sums[0] = total;
  sums[1] = dp;
  sums[2] = dq;
  sums[3] = dGamma;
}
