/**
 * The standard median: the middle value, or the mean of the two middle values. Null for no values.
 *
 * @example median([1, 2, 3, 10]) === 2.5
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * SVCD's default axis threshold: the smallest value strictly above the median. Null when no value is
 * above the median (then nobody is "high" on that axis) or there are no values.
 *
 * @example thresholdAboveMedian([1, 1, 1, 2, 5]) === 2 // median 1: buying once is low
 */
export function thresholdAboveMedian(values: readonly number[]): number | null {
  const middle = median(values);
  if (middle === null) return null;
  let best: number | null = null;
  for (const value of values) if (value > middle && (best === null || value < best)) best = value;
  return best;
}
