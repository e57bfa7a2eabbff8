import { logGamma } from './logGamma';
import { minimizeNelderMead } from './minimizeNelderMead';
import { runawayParameter } from './runawayParameter';
import type { FitResult, GammaGammaParams } from './types';

/**
 * Fits the Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV"; Colombo & Jiang 1999) by
 * maximum likelihood: Nelder–Mead on the logarithms of p, q, γ, started at 1 each. Each customer's mean
 * repeat spend m̄ over x repeat purchases has the density Γ(px+q) / (Γ(px) Γ(q)) · γ^q m̄^(px−1) x^(px) /
 * (γ + x m̄)^(px+q). The terms that depend on x alone are computed once per distinct x and the sums of
 * ln m̄ once, so an evaluation costs one logarithm per customer.
 *
 * Only customers with x ≥ 1 and m̄ > 0 can be used; the caller selects them (see {@link fitValueModel} for
 * the count left out). Fails with a reason when fewer than 2 are left, an input is invalid, the optimiser
 * does not converge, or a parameter runs off towards 0 or ∞ (e.g. q and γ growing together when every
 * customer spends alike).
 *
 * @param frequency Per customer, x: repeat purchases, a whole number ≥ 1.
 * @param meanSpend Per customer, m̄: mean spend of the repeat purchases, > 0 (money).
 * @example
 * const fit = fitGammaGamma(Float64Array.of(1, 2, 5), Float64Array.of(20, 35.5, 18));
 */
export function fitGammaGamma(
  frequency: ArrayLike<number>,
  meanSpend: ArrayLike<number>,
): FitResult<GammaGammaParams> {
  const count = frequency.length;
  const fail = (reason: string, iterations = 0): FitResult<GammaGammaParams> => ({
    converged: false,
    reason,
    customers: count,
    iterations,
  });
  if (count < 2) return fail(`${count} customer(s) with repeat spend; the spend model needs at least 2`);
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
      return fail(`customer ${c} has x ${x} and mean spend ${m}; the spend model needs x ≥ 1 and spend > 0`);
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

  const logLikelihood = ({ p, q, gamma }: GammaGammaParams): number => {
    let total = count * (q * Math.log(gamma) - logGamma(q)) + p * sumXLogM - sumLogM + p * sumXLogX;
    for (let k = 0; k < distinctX.length; k++) {
      const px = p * distinctX[k]!;
      total += countOfX[k]! * (logGamma(px + q) - logGamma(px));
    }
    for (let c = 0; c < count; c++) {
      const x = frequency[c]!;
      total -= (p * x + q) * Math.log(gamma + x * meanSpend[c]!);
    }
    return total;
  };
  const fromLogs = (logs: readonly number[]): GammaGammaParams => ({
    p: Math.exp(logs[0]!),
    q: Math.exp(logs[1]!),
    gamma: Math.exp(logs[2]!),
  });
  const found = minimizeNelderMead((logs) => -logLikelihood(fromLogs(logs)) / count, [0, 0, 0]);
  if (!found.converged) return fail(`the optimiser stopped: ${found.reason}`, found.iterations);
  const params = fromLogs(found.x);
  const runaway = runawayParameter(params);
  if (runaway !== null) return fail(runaway, found.iterations);
  return {
    converged: true,
    params,
    logLikelihood: logLikelihood(params),
    customers: count,
    iterations: found.iterations,
    evaluations: found.evaluations,
  };
}
