import { identityPositions, orderByNumber, positionsWhere } from './orderByNumber';

/** Recency, frequency and monetary scores, 1–5 each. */
export interface RfmScores {
  r: number;
  f: number;
  m: number;
}

/** Per customer: null recency = no order in the window (no score). */
export interface RfmInput {
  recencyDays: number | null;
  orders: number;
  revenue: number;
}

/** RFM scores by customer as columns: 1–5, or 0 for a customer that is not scored. */
export interface RfmScoreColumns {
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
}

/**
 * Scores for one metric: 1 + floor(5 × w / n), where n is the number of scored values and w how many of
 * them are strictly worse. Ties share a score. A walk over groups of ties in the scored customers sorted
 * by value.
 *
 * @param ascending The scored customers, ascending by value.
 */
function scoreMetric(
  values: ArrayLike<number>,
  ascending: Int32Array,
  largerIsBetter: boolean,
  scores: Uint8Array,
): void {
  const n = ascending.length;
  let start = 0;
  while (start < n) {
    const value = values[ascending[start]!]!;
    let end = start + 1;
    while (end < n && values[ascending[end]!] === value) end++;
    // Larger is better: the values strictly below are worse; else those strictly above.
    const worse = largerIsBetter ? start : n - end;
    const score = 1 + Math.floor((5 * worse) / n);
    for (let k = start; k < end; k++) scores[ascending[k]!] = score;
    start = end;
  }
}

/**
 * {@link scoreMetric} without a sort, for whole-number values in a range at most a few times their count
 * (recency days, orders): how many scored values are strictly worse than each value, from a count of each
 * value. False (nothing written) for other values.
 *
 * @param scored The scored customers, in any order.
 */
function scoreWholeNumbers(
  values: ArrayLike<number>,
  scored: Int32Array,
  largerIsBetter: boolean,
  scores: Uint8Array,
): boolean {
  const n = scored.length;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < n; k++) {
    const value = values[scored[k]!]!;
    if (!Number.isInteger(value)) return false;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  if (n === 0) return true;
  if (max - min > 4 * n + 1024) return false;
  // worse[v − min]: the scored values strictly below v (larger is better), else strictly above.
  const worse = new Int32Array(max - min + 1);
  for (let k = 0; k < n; k++) worse[values[scored[k]!]! - min]!++;
  let total = 0;
  for (
    let d = largerIsBetter ? 0 : worse.length - 1;
    d >= 0 && d < worse.length;
    d += largerIsBetter ? 1 : -1
  ) {
    const count = worse[d]!;
    worse[d] = total;
    total += count;
  }
  for (let k = 0; k < n; k++) {
    const i = scored[k]!;
    scores[i] = 1 + Math.floor((5 * worse[values[i]! - min]!) / n);
  }
  return true;
}

/**
 * RFM scores over columns of customers: those with a recency (not NaN) and at least one order are scored.
 * Recency: fewer days is better; frequency: more orders is better; monetary: more revenue is better. A
 * customer's score on a metric is 1 + floor(5 × w / n), n = scored customers, w = how many of them are
 * strictly worse.
 *
 * @param revenueAscending All customers in ascending order of revenue, when the caller has sorted them.
 * @example scoreRfmColumns([1, 9], [3, 1], [90, 10]) // r, f and m all Uint8Array [3, 1]
 */
export function scoreRfmColumns(
  recencyDays: ArrayLike<number>,
  orders: ArrayLike<number>,
  revenue: ArrayLike<number>,
  revenueAscending: Int32Array | null = null,
): RfmScoreColumns {
  const count = recencyDays.length;
  const isScored = (i: number): boolean => !Number.isNaN(recencyDays[i]!) && orders[i]! > 0;
  const scored = positionsWhere(identityPositions(count), isScored);
  const columns: RfmScoreColumns = {
    r: new Uint8Array(count),
    f: new Uint8Array(count),
    m: new Uint8Array(count),
  };
  // Days and order counts are whole numbers: counted, not sorted.
  if (!scoreWholeNumbers(recencyDays, scored, false, columns.r))
    scoreMetric(recencyDays, orderByNumber(recencyDays, scored), false, columns.r);
  if (!scoreWholeNumbers(orders, scored, true, columns.f))
    scoreMetric(orders, orderByNumber(orders, scored), true, columns.f);
  const byRevenue =
    revenueAscending === null ? orderByNumber(revenue, scored) : positionsWhere(revenueAscending, isScored);
  scoreMetric(revenue, byRevenue, true, columns.m);
  return columns;
}

/**
 * Each customer's scores as one code, r × 36 + f × 6 + m (see `rfmSegmentTable`), −1 when not scored.
 *
 * @example rfmCodesOf(scoreRfmColumns([1, 9], [3, 1], [90, 10])) // Int16Array [129, 43]: 3×36+3×6+3, 1×36+1×6+1
 */
export function rfmCodesOf(scores: RfmScoreColumns): Int16Array {
  const count = scores.r.length;
  const codes = new Int16Array(count);
  for (let i = 0; i < count; i++) {
    const r = scores.r[i]!;
    codes[i] = r === 0 ? -1 : r * 36 + scores.f[i]! * 6 + scores.m[i]!;
  }
  return codes;
}

/**
 * RFM scores over customers with at least one order in the window (others get null); see
 * {@link scoreRfmColumns}.
 *
 * @example scoreRfm([{ recencyDays: 1, orders: 3, revenue: 90 }, { recencyDays: 9, orders: 1, revenue: 10 }]) // [{r:3,f:3,m:3},{r:1,f:1,m:1}]
 */
export function scoreRfm(customers: readonly RfmInput[]): (RfmScores | null)[] {
  const { r, f, m } = scoreRfmColumns(
    customers.map((c) => c.recencyDays ?? Number.NaN),
    customers.map((c) => c.orders),
    customers.map((c) => c.revenue),
  );
  return customers.map((_, i) => (r[i] === 0 ? null : { r: r[i]!, f: f[i]!, m: m[i]! }));
}
