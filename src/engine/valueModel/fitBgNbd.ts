import { logGamma } from './logGamma';
import { logSumExp } from './logSumExp';
import { minimizeNelderMead } from './minimizeNelderMead';
import type { BgNbdParams, FitResult, RepeatGroups } from './types';

/**
 * Fits the BG/NBD model (Fader, Hardie & Lee 2005) by maximum likelihood: Nelder–Mead on the logarithms of
 * r, α, a, b (so they stay positive), started at 1 each. The likelihood is evaluated once per group of
 * customers with the same (x, t_x, T), weighted by the group's size, and the parts that depend on x alone
 * once per distinct x, so its cost grows with the number of distinct histories, not of customers.
 *
 * Fails (with `converged: false` and a reason, no parameters) when there are no customers, no customer
 * with a repeat purchase (the drop-out process cannot be estimated), an invalid history (x not a whole
 * number ≥ 0, or not 0 ≤ t_x ≤ T), or when the optimiser does not converge.
 *
 * @param groups Histories in weeks; see {@link RepeatGroups}.
 * @example
 * const fit = fitBgNbd({ frequency, recency, age, weight });
 * if (fit.converged) console.log(fit.params.r, fit.logLikelihood);
 */
export function fitBgNbd(groups: RepeatGroups): FitResult<BgNbdParams> {
  const { frequency, recency, age, weight } = groups;
  const count = frequency.length;
  let customers = 0;
  let repeaters = 0;
  for (let g = 0; g < count; g++) {
    const x = frequency[g]!;
    const w = weight[g]!;
    if (!(Number.isInteger(x) && x >= 0 && recency[g]! >= 0 && recency[g]! <= age[g]! && w >= 0)) {
      return failure(
        `customer group ${g} has an invalid history (x ${x}, t_x ${recency[g]}, T ${age[g]})`,
        customers,
      );
    }
    customers += w;
    if (x > 0) repeaters += w;
  }
  if (customers === 0) return failure('there are no customers to fit', 0);
  if (repeaters === 0)
    return failure('no customer bought again, so the drop-out rate cannot be estimated', customers);

  // The parts of the likelihood that depend on x alone, once per distinct x.
  const xIndex = new Map<number, number>();
  const distinctX: number[] = [];
  const weightOfX: number[] = [];
  const groupX = new Int32Array(count);
  for (let g = 0; g < count; g++) {
    const x = frequency[g]!;
    let k = xIndex.get(x);
    if (k === undefined) {
      k = distinctX.length;
      xIndex.set(x, k);
      distinctX.push(x);
      weightOfX.push(0);
    }
    weightOfX[k]! += weight[g]!;
    groupX[g] = k;
  }
  const partOfX = new Float64Array(distinctX.length);
  const logDropOdds = new Float64Array(distinctX.length);

  const logLikelihood = (params: BgNbdParams): number => {
    const { r, alpha, a, b } = params;
    const lnA = Math.log(a);
    let total = r * Math.log(alpha) * customers;
    const fixed = logGamma(a + b) - logGamma(b) - logGamma(r);
    for (let k = 0; k < distinctX.length; k++) {
      const x = distinctX[k]!;
      partOfX[k] = logGamma(r + x) + logGamma(b + x) - logGamma(a + b + x) + fixed;
      total += weightOfX[k]! * partOfX[k]!;
      logDropOdds[k] = x > 0 ? lnA - Math.log(b + x - 1) : Number.NEGATIVE_INFINITY;
    }
    for (let g = 0; g < count; g++) {
      const w = weight[g]!;
      if (w === 0) continue;
      const x = frequency[g]!;
      const stillAlive = -(r + x) * Math.log(alpha + age[g]!);
      const droppedOut =
        x > 0 ? logDropOdds[groupX[g]!]! - (r + x) * Math.log(alpha + recency[g]!) : Number.NEGATIVE_INFINITY;
      total += w * logSumExp(stillAlive, droppedOut);
    }
    return total;
  };
  const fromLogs = (logs: readonly number[]): BgNbdParams => ({
    r: Math.exp(logs[0]!),
    alpha: Math.exp(logs[1]!),
    a: Math.exp(logs[2]!),
    b: Math.exp(logs[3]!),
  });

  const found = minimizeNelderMead((logs) => -logLikelihood(fromLogs(logs)) / customers, [0, 0, 0, 0]);
  if (!found.converged) return failure(`the optimiser stopped: ${found.reason}`, customers, found.iterations);
  const params = fromLogs(found.x);
  return {
    converged: true,
    params,
    logLikelihood: logLikelihood(params),
    customers,
    iterations: found.iterations,
    evaluations: found.evaluations,
  };
}

function failure(reason: string, customers: number, iterations = 0): FitResult<BgNbdParams> {
  return { converged: false, reason, customers, iterations };
}
