import { minimizeBfgs } from './minimizeBfgs';
import { minimizeNelderMead } from './minimizeNelderMead';
import { runawayParameter } from './runawayParameter';
import type { FitResult, Minimum } from './types';

/** Where a search starts: the parameters' logarithms, and a first guess of the inverse Hessian there. */
export interface WarmStart {
  start: number[];
  inverse: number[][];
}

/** Entries (groups of histories, customers) from which a fit first searches on a sample of them. */
const warmFromEntries = 16_384;

/** Entries in that sample, about. */
const sampleEntries = 4096;

/**
 * Where the search on many entries starts: where the same search on every k-th entry ended, its point and
 * its estimate of the inverse Hessian (the objective is per customer, so both carry over), for about two
 * evaluations on all entries; the search on all of them then needs a handful of evaluations instead of
 * dozens, and stops at the same tolerance. With `limitingCase`, a sample's search that ended where a
 * parameter runs off is a start too: the search on all entries goes on along the flat ray from there.
 *
 * @param count Entries the likelihood sums over.
 * @param sampleOf The log-likelihood of entries 0, `every`, 2·`every`, … and the customers they weigh;
 *   null when those cannot be fitted.
 * @returns Null (start at 1 each) for fewer than 16,384 entries, or when the sample's search failed.
 * @example maximizeLogLikelihood(logLikelihood, fromLogs, 4, customers, warmStartOnSample(count, sampleOf, fromLogs, 4, { limitingCase: true }))
 */
export function warmStartOnSample<P extends object>(
  count: number,
  sampleOf: (
    every: number,
  ) => { logLikelihood: (params: P, gradient?: Float64Array) => number; count: number } | null,
  fromLogs: (logs: readonly number[]) => P,
  dimension: number,
  options: { limitingCase: boolean },
): WarmStart | null {
  if (count < warmFromEntries) return null;
  const sample = sampleOf(Math.floor(count / sampleEntries));
  if (sample === null) return null;
  const { found, boundary } = maximizeLogLikelihood(sample.logLikelihood, fromLogs, dimension, sample.count);
  if (!found.converged || (boundary !== null && !options.limitingCase) || found.inverse === undefined)
    return null;
  return { start: found.x, inverse: found.inverse };
}

/**
 * Maximum-likelihood search shared by the value models: BFGS with the exact gradient on the logarithms of
 * the parameters (so they stay positive), started at 1 each, minimising the mean negative log-likelihood;
 * when BFGS stops short, Nelder–Mead (no gradient) goes on from where it stopped — unless a parameter is
 * running off towards 0 or ∞ (the likelihood flattens out: a limiting case of the model), where Nelder–Mead
 * would only wander further along the same ray.
 *
 * @param logLikelihood The total log-likelihood at the parameters; with `gradient` (zeros, one per
 *   parameter), also writes its derivatives with respect to the parameters' logarithms there.
 * @param fromLogs The parameters from their logarithms.
 * @param dimension How many parameters.
 * @param count Customers the likelihood sums over (the objective is per customer, for the tolerances).
 * @param warm Where to start instead ({@link warmStartOnSample}).
 * @returns The search (iterations and evaluations of both methods added up), the parameters it found, the
 *   log-likelihood there (as the search computed it at that point: the same number as `logLikelihood(params)`,
 *   without evaluating it again), and `boundary`: {@link runawayParameter}'s sentence when one ran off, else
 *   null.
 * @example
 * maximizeLogLikelihood((p, g) => { if (g) g[0] = 2 - 2 * p.k; return 2 * Math.log(p.k) - p.k; }, (l) => ({ k: Math.exp(l[0]!) }), 1, 1).params.k // ≈ 2
 */
export function maximizeLogLikelihood<P extends object>(
  logLikelihood: (params: P, gradient?: Float64Array) => number,
  fromLogs: (logs: readonly number[]) => P,
  dimension: number,
  count: number,
  warm: WarmStart | null = null,
): { found: Minimum; params: P; logLikelihood: number; boundary: string | null } {
  // The log-likelihood at each point tried, in order (with or without the gradient it is the same number).
  const tried: { logs: number[]; value: number }[] = [];
  const at = (logs: readonly number[], gradient?: Float64Array): number => {
    const value = logLikelihood(fromLogs(logs), gradient);
    tried.push({ logs: logs.slice(), value });
    return value;
  };
  // The derivatives are written to one typed array, whose shape never changes (stores into the optimiser's
  // fresh arrays of zeros would change those arrays' kind, and the compiled likelihood would be thrown away).
  const derivatives = new Float64Array(dimension);
  let found = minimizeBfgs(
    (logs, gradient) => {
      derivatives.fill(0);
      const value = -at(logs, derivatives) / count;
      for (let j = 0; j < gradient.length; j++) gradient[j] = -derivatives[j]! / count;
      return value;
    },
    warm?.start ?? new Array<number>(dimension).fill(0),
    warm === null ? {} : { inverse: warm.inverse },
  );
  if (!found.converged && runawayParameter(fromLogs(found.x)) === null) {
    const fallback = minimizeNelderMead((logs) => -at(logs) / count, found.x);
    found = {
      ...fallback,
      iterations: found.iterations + fallback.iterations,
      evaluations: found.evaluations + fallback.evaluations,
    };
  }
  const params = fromLogs(found.x);
  const x = found.x;
  let last = tried.length - 1;
  while (last >= 0 && !tried[last]!.logs.every((v, j) => v === x[j])) last--;
  const value = last >= 0 ? tried[last]!.value : logLikelihood(params);
  return { found, params, logLikelihood: value, boundary: runawayParameter(params) };
}

/**
 * A value model's fit from its {@link maximizeLogLikelihood} search over `customers`: the parameters (a
 * limiting case too, with its `boundary` sentence), or why the optimiser stopped short inside the bounds.
 */
export function fitResultOf<P extends object>(
  search: ReturnType<typeof maximizeLogLikelihood<P>>,
  customers: number,
): FitResult<P> {
  const { found, params, logLikelihood, boundary } = search;
  if (!found.converged && boundary === null)
    return {
      converged: false,
      reason: `the optimiser stopped: ${found.reason}`,
      customers,
      iterations: found.iterations,
    };
  return {
    converged: true,
    params,
    logLikelihood,
    customers,
    iterations: found.iterations,
    evaluations: found.evaluations,
    boundary,
  };
}
