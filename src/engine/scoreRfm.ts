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

/**
 * Scores for one metric: 1 + floor(5 × w / n), where n is the number of scored values and w how many of
 * them are strictly worse. Ties share a score. Sort once, then count: O(n log n).
 */
function scoreMetric(values: readonly number[], largerIsBetter: boolean): number[] {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  return values.map((value) => {
    let worse: number;
    if (largerIsBetter) {
      worse = lowerBound(sorted, value);
    } else {
      worse = n - upperBound(sorted, value);
    }
    return 1 + Math.floor((5 * worse) / n);
  });
}

/** First index whose value is ≥ `value`: the count of values strictly below it. */
function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose value is > `value`. */
function upperBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * RFM scores over customers with at least one order in the window (others get null). Recency: fewer days
 * is better; frequency: more orders is better; monetary: more revenue is better. A customer's score on a
 * metric is 1 + floor(5 × w / n), n = scored customers, w = how many of them are strictly worse.
 *
 * @example scoreRfm([{ recencyDays: 1, orders: 3, revenue: 90 }, { recencyDays: 9, orders: 1, revenue: 10 }]) // [{r:3,f:3,m:3},{r:1,f:1,m:1}]
 */
export function scoreRfm(customers: readonly RfmInput[]): (RfmScores | null)[] {
  const eligible: number[] = [];
  customers.forEach((c, index) => {
    if (c.recencyDays !== null && c.orders > 0) eligible.push(index);
  });
  const r = scoreMetric(
    eligible.map((i) => customers[i]!.recencyDays!),
    false,
  );
  const f = scoreMetric(
    eligible.map((i) => customers[i]!.orders),
    true,
  );
  const m = scoreMetric(
    eligible.map((i) => customers[i]!.revenue),
    true,
  );
  const scores: (RfmScores | null)[] = customers.map(() => null);
  eligible.forEach((customer, k) => {
    scores[customer] = { r: r[k]!, f: f[k]!, m: m[k]! };
  });
  return scores;
}
