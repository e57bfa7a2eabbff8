import { digamma } from './digamma';
import { logGamma } from './logGamma';
import { fitResultOf, maximizeLogLikelihood, warmStartOnSample } from './maximizeLogLikelihood';
import type { BgNbdParams, FitResult, RepeatGroups } from './types';

/**
 * Fits the BG/NBD model (Fader, Hardie & Lee 2005) by maximum likelihood: BFGS with the exact gradient on
 * the logarithms of r, α, a, b (so they stay positive), started at 1 each — or, on many groups, where the
 * same search on a sample of them ended ({@link warmStartOnSample}; at a limiting case, a → 0 in the
 * sample too, from where the sample stopped along the flat ray); Nelder–Mead takes over where BFGS stops
 * short. The likelihood is evaluated once per group of customers with the same (x, t_x, T), weighted by
 * the group's size, and the parts that depend on x alone once per distinct x, so its cost grows with the
 * number of distinct histories, not of customers.
 *
 * Fails (with `converged: false` and a reason, no parameters) when there are no customers, no customer
 * with a repeat purchase (the drop-out process cannot be estimated), an invalid history (x not a whole
 * number ≥ 0, or not 0 ≤ t_x ≤ T), or when the optimiser does not converge. When a parameter runs off
 * towards 0 or ∞ (the likelihood flattens out that way: e.g. a → 0 when nobody seems to drop out, or a and
 * b growing together when a handful of customers fit one drop-out probability) the fit succeeds as a
 * limiting case of the model, with `boundary` saying so.
 *
 * @param groups Histories in weeks; see {@link RepeatGroups}.
 * @param options `warm` (default true): on many groups, start where a fit of a sample of them ended
 *   ({@link warmStartOnSample}); false always starts at 1 each.
 * @example
 * const fit = fitBgNbd({ frequency, recency, age, weight });
 * if (fit.converged) console.log(fit.params.r, fit.logLikelihood);
 */
export function fitBgNbd(groups: RepeatGroups, options: { warm?: boolean } = {}): FitResult<BgNbdParams> {
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

  const logLikelihood = bgnbdLikelihood(groups, customers);
  const fromLogs = (logs: readonly number[]): BgNbdParams => ({
    r: Math.exp(logs[0]!),
    alpha: Math.exp(logs[1]!),
    a: Math.exp(logs[2]!),
    b: Math.exp(logs[3]!),
  });

  return fitResultOf(
    maximizeLogLikelihood(
      logLikelihood,
      fromLogs,
      4,
      customers,
      options.warm === false
        ? null
        : warmStartOnSample(count, (every) => sampleOf(groups, every), fromLogs, 4, { limitingCase: true }),
    ),
    customers,
  );
}

/**
 * The likelihood of every `every`-th group ({@link warmStartOnSample}); null when none of them bought
 * again.
 */
function sampleOf(
  groups: RepeatGroups,
  every: number,
): { logLikelihood: ReturnType<typeof bgnbdLikelihood>; count: number } | null {
  const size = Math.ceil(groups.frequency.length / every);
  const sample: RepeatGroups = {
    frequency: new Float64Array(size),
    recency: new Float64Array(size),
    age: new Float64Array(size),
    weight: new Float64Array(size),
  };
  let customers = 0;
  let repeaters = 0;
  for (let k = 0, g = 0; k < size; k++, g += every) {
    sample.frequency[k] = groups.frequency[g]!;
    sample.recency[k] = groups.recency[g]!;
    sample.age[k] = groups.age[g]!;
    const w = groups.weight[g]!;
    sample.weight[k] = w;
    customers += w;
    if (groups.frequency[g]! > 0) repeaters += w;
  }
  if (customers === 0 || repeaters === 0) return null;
  return { logLikelihood: bgnbdLikelihood(sample, customers), count: customers };
}

/**
 * The BG/NBD log-likelihood of `groups` (valid histories, `customers` their total weight) as a function of
 * the parameters; with `gradient`, also its derivatives with respect to ln r, ln α, ln a, ln b.
 */
function bgnbdLikelihood(
  groups: RepeatGroups,
  customers: number,
): (params: BgNbdParams, gradient?: Float64Array) => number {
  const { frequency, recency, age, weight } = groups;
  const count = frequency.length;
  // The parts of the likelihood that depend on x alone, once per distinct x; the logarithms of α + T and
  // α + t_x once per distinct T and t_x (whole days in practice: a few hundred values for any number of
  // customers). Per group there is then one exp and one log1p.
  const xs = new Distinct(frequency, weight);
  const ages = new Distinct(age, weight);
  const recencies = new Distinct(recency, weight);
  const partOfX = new Float64Array(xs.values.length);
  const logDropOdds = new Float64Array(xs.values.length);
  const inverseBX = new Float64Array(xs.values.length);
  const logAlphaAge = new Float64Array(ages.values.length);
  const inverseAlphaAge = new Float64Array(ages.values.length);
  const logAlphaRecency = new Float64Array(recencies.values.length);
  const inverseAlphaRecency = new Float64Array(recencies.values.length);
  const d = new Float64Array(count);
  const e = new Float64Array(count);
  const log1pE = new Float64Array(count);
  const terms: GroupTerms = {
    weight,
    frequency,
    xOf: xs.of,
    partOfX,
    inverseBX,
    ageOf: ages.of,
    logAlphaAge,
    inverseAlphaAge,
    recencyOf: recencies.of,
    logAlphaRecency,
    inverseAlphaRecency,
    d,
    e,
    log1pE,
  };
  // The sums handed to addGroupTerms and back: the total, then the derivatives by r, α, a and b.
  const sums = new Float64Array(5);

  /**
   * The log-likelihood at the parameters; with `gradient`, also its derivatives with respect to ln r,
   * ln α, ln a, ln b (the digamma function for the gamma-function parts; per group, the share s of the
   * "dropped out after the last purchase" term weighs the two terms' derivatives).
   */
  return (params: BgNbdParams, gradient?: Float64Array): number => {
    const { r, alpha, a, b } = params;
    const lnA = Math.log(a);
    let total = r * Math.log(alpha) * customers;
    const fixed = logGamma(a + b) - logGamma(b) - logGamma(r);
    let dr = Math.log(alpha) * customers;
    let dAlpha = (r / alpha) * customers;
    let da = 0;
    let db = 0;
    const psiAB = gradient === undefined ? 0 : digamma(a + b);
    const psiB = gradient === undefined ? 0 : digamma(b);
    const psiR = gradient === undefined ? 0 : digamma(r);
    for (let k = 0; k < xs.values.length; k++) {
      const x = xs.values[k]!;
      partOfX[k] = logGamma(r + x) + logGamma(b + x) - logGamma(a + b + x) + fixed;
      logDropOdds[k] = x > 0 ? lnA - Math.log(b + x - 1) : Number.NEGATIVE_INFINITY;
      inverseBX[k] = x > 0 ? 1 / (b + x - 1) : 0;
      if (gradient !== undefined) {
        const w = xs.weights[k]!;
        const psiABX = digamma(a + b + x);
        dr += w * (digamma(r + x) - psiR);
        da += w * (psiAB - psiABX);
        db += w * (psiAB + digamma(b + x) - psiB - psiABX);
      }
    }
    for (let k = 0; k < ages.values.length; k++) {
      logAlphaAge[k] = Math.log(alpha + ages.values[k]!);
      inverseAlphaAge[k] = 1 / (alpha + ages.values[k]!);
    }
    for (let k = 0; k < recencies.values.length; k++) {
      logAlphaRecency[k] = Math.log(alpha + recencies.values[k]!);
      inverseAlphaRecency[k] = 1 / (alpha + recencies.values[k]!);
    }
    // ln(e^A3 + e^A4) with A3 = −(r+x) ln(α+T), A4 = ln(a/(b+x−1)) − (r+x) ln(α+t_x): as t_x ≤ T, A4 − A3
    // can be large, so the larger term is factored out (log-sum-exp): per group d = A4 − A3, e = e^−|d|
    // and ln(1 + e), each in a loop of its own (the exp and log1p calls run faster one after another than
    // between the sums'), then the sums. s = e^A4 / (e^A3 + e^A4).
    dropOutLogOdds(d, r, frequency, xs.of, logDropOdds, ages.of, logAlphaAge, recencies.of, logAlphaRecency);
    expOfMinusAbs(d, e);
    log1pOf(e, log1pE);
    sums[0] = total;
    sums[1] = dr;
    sums[2] = dAlpha;
    sums[3] = da;
    sums[4] = db;
    // The first few groups by themselves, so that the function has run to its end before its loop is
    // compiled (else the compiled loop lacks what follows it and is thrown away at every evaluation).
    const few = Math.min(count, 16);
    addGroupTerms(sums, gradient !== undefined, r, a, terms, 0, few);
    addGroupTerms(sums, gradient !== undefined, r, a, terms, few, count);
    total = sums[0];
    dr = sums[1];
    dAlpha = sums[2];
    da = sums[3];
    db = sums[4];
    if (gradient !== undefined) {
      gradient[0] = dr * r;
      gradient[1] = dAlpha * alpha;
      gradient[2] = da * a;
      gradient[3] = db * b;
    }
    return total;
  };
}

/**
 * Per group g, d = ln(a / (b + x − 1)) + (r + x)(ln(α + T) − ln(α + t_x)): the log-odds of "dropped out
 * after the last purchase" against "still alive" (−∞ for x = 0), from the parts per distinct x, T and t_x.
 */
function dropOutLogOdds(
  d: Float64Array,
  r: number,
  frequency: Float64Array,
  xOf: Int32Array,
  logDropOdds: Float64Array,
  ageOf: Int32Array,
  logAlphaAge: Float64Array,
  recencyOf: Int32Array,
  logAlphaRecency: Float64Array,
): void {
  for (let g = 0; g < d.length; g++) {
    const rx = r + frequency[g]!;
    d[g] = logDropOdds[xOf[g]!]! + rx * (logAlphaAge[ageOf[g]!]! - logAlphaRecency[recencyOf[g]!]!);
  }
}

/** The arrays {@link addGroupTerms} reads: per group, per distinct x, T and t_x, and per group again. */
interface GroupTerms {
  weight: Float64Array;
  frequency: Float64Array;
  xOf: Int32Array;
  partOfX: Float64Array;
  inverseBX: Float64Array;
  ageOf: Int32Array;
  logAlphaAge: Float64Array;
  inverseAlphaAge: Float64Array;
  recencyOf: Int32Array;
  logAlphaRecency: Float64Array;
  inverseAlphaRecency: Float64Array;
  /** Per group, d (see {@link dropOutLogOdds}), e = e^−|d| and ln(1 + e). */
  d: Float64Array;
  e: Float64Array;
  log1pE: Float64Array;
}

/**
 * Adds the terms of groups `from` … `to` − 1, in group order, to the sums in `sums` (the total; with
 * `withGradient` also the derivatives' sums by r, α, a, b, each weighted by the share s of the "dropped out"
 * term). A function of its own, so that it is compiled once for every evaluation of the likelihood.
 */
function addGroupTerms(
  sums: Float64Array,
  withGradient: boolean,
  r: number,
  a: number,
  terms: GroupTerms,
  from: number,
  to: number,
): void {
  const { weight, frequency, xOf, partOfX, inverseBX, ageOf, logAlphaAge, inverseAlphaAge } = terms;
  const { recencyOf, logAlphaRecency, inverseAlphaRecency, d, e, log1pE } = terms;
  let total = sums[0]!;
  let dr = sums[1]!;
  let dAlpha = sums[2]!;
  let da = sums[3]!;
  let db = sums[4]!;
  for (let g = from; g < to; g++) {
    const w = weight[g]!;
    if (w === 0) continue;
    const k = xOf[g]!;
    const rx = r + frequency[g]!;
    const ageK = ageOf[g]!;
    const recencyK = recencyOf[g]!;
    const logAge = logAlphaAge[ageK]!;
    const dg = d[g]!;
    const alive = -rx * logAge;
    total += w * (partOfX[k]! + alive + (dg > 0 ? dg : 0) + log1pE[g]!);
    if (withGradient) {
      const eg = e[g]!; // 0 for x = 0 (d = −∞)
      const share = dg > 0 ? 1 / (1 + eg) : eg / (1 + eg);
      dr -= w * ((1 - share) * logAge + share * logAlphaRecency[recencyK]!);
      dAlpha -= w * rx * ((1 - share) * inverseAlphaAge[ageK]! + share * inverseAlphaRecency[recencyK]!);
      da += (w * share) / a;
      db -= w * share * inverseBX[k]!;
    }
  }
  sums[0] = total;
  sums[1] = dr;
  sums[2] = dAlpha;
  sums[3] = da;
  sums[4] = db;
}

/** e^−|d| of each d (0 for d = ±∞). */
function expOfMinusAbs(d: Float64Array, into: Float64Array): void {
  for (let g = 0; g < d.length; g++) into[g] = Math.exp(-Math.abs(d[g]!));
}

/** ln(1 + e) of each e. */
function log1pOf(e: Float64Array, into: Float64Array): void {
  for (let g = 0; g < e.length; g++) into[g] = Math.log1p(e[g]!);
}

function failure(reason: string, customers: number): FitResult<BgNbdParams> {
  return { converged: false, reason, customers, iterations: 0 };
}

/** The distinct values of a column (those with weight > 0 first seen) and, per entry, its value's index. */
class Distinct {
  readonly values: number[] = [];
  /** Total weight of each distinct value. */
  readonly weights: number[] = [];
  readonly of: Int32Array;

  constructor(column: Float64Array, weight: Float64Array) {
    const index = new Map<number, number>();
    this.of = new Int32Array(column.length);
    for (let g = 0; g < column.length; g++) {
      if (weight[g] === 0) continue;
      const value = column[g]!;
      let k = index.get(value);
      if (k === undefined) {
        k = this.values.length;
        index.set(value, k);
        this.values.push(value);
        this.weights.push(0);
      }
      this.weights[k]! += weight[g]!;
      this.of[g] = k;
    }
  }
}
