/**
 * The standard median: the middle value, or the mean of the two middle values. Null for no values.
 *
 * @param reorder The values are a scratch array of the caller's that may be reordered (no copy is made).
 * @example median([1, 2, 3, 10]) === 2.5
 */
export function median(values: ArrayLike<number>, reorder = false): number | null {
  const n = values.length;
  if (n === 0) return null;
  const copy = reorder && values instanceof Float64Array ? values : Float64Array.from(values);
  const middle = n >> 1;
  const upper = selectNth(copy, middle);
  if (n % 2 === 1) return upper;
  // The lower middle is the largest value left of the upper one after the selection.
  let lower = copy[0]!;
  for (let k = 1; k < middle; k++) if (copy[k]! > lower) lower = copy[k]!;
  return (lower + upper) / 2;
}

/**
 * Quickselect: rearranges `values` so that position `nth` holds the value a sort would put there, smaller
 * or equal values left of it and larger or equal right of it; linear time on average.
 */
function selectNth(values: Float64Array, nth: number): number {
  let left = 0;
  let right = values.length - 1;
  while (left < right) {
    // Median of three as the pivot, which keeps sorted and reversed input linear.
    const mid = (left + right) >> 1;
    const a = values[left]!;
    const b = values[mid]!;
    const c = values[right]!;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i] = values[j]!;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (nth <= j) right = j;
    else if (nth >= i) left = i;
    else break;
  }
  return values[nth]!;
}

/**
 * SVCD's default axis threshold: the smallest value strictly above the median. Null when no value is
 * above the median (then nobody is "high" on that axis) or there are no values.
 *
 * @param reorder As for {@link median}.
 * @example thresholdAboveMedian([1, 1, 1, 2, 5]) === 2 // median 1: buying once is low
 */
export function thresholdAboveMedian(values: ArrayLike<number>, reorder = false): number | null {
  const middle = median(values, reorder);
  if (middle === null) return null;
  let best = Number.POSITIVE_INFINITY; // none yet (the values are finite)
  for (let k = 0; k < values.length; k++) {
    const value = values[k]!;
    if (value > middle && value < best) best = value;
  }
  return best === Number.POSITIVE_INFINITY ? null : best;
}
