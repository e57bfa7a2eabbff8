/**
 * Stable sort of positions by a number, in linear time: a counting sort for integers in a small range, two
 * 16-bit radix passes for whole hundredths (money), else an LSD radix sort over the 64 bits of each value
 * (16 bits a pass, passes whose digit is the same everywhere skipped). Sorting 100,000 customers this way
 * takes a few milliseconds where a comparator sort takes tens.
 *
 * @param values The number of each position (−0 sorts as 0; NaN must not occur).
 * @param order Positions to sort, in the order that breaks ties (e.g. ascending id); default 0…n−1 over
 *   `values`.
 * @param descending Largest first; ties still keep their order in `order`.
 * @returns A new array of the positions of `order`, sorted.
 * @example orderByNumber([3, 1, 2]) // Int32Array [1, 2, 0]
 */
export function orderByNumber(
  values: ArrayLike<number>,
  order: Int32Array = identityPositions(values.length),
  descending = false,
): Int32Array {
  const n = order.length;
  const small = countingSortOfIntegers(values, order, descending);
  if (small !== null) return small;
  const hundredths = orderByHundredths(values, order, descending);
  if (hundredths !== null) return hundredths;
  // Sortable unsigned keys: flip every bit of negatives, only the sign bit of positives; all bits again for
  // a descending sort.
  const keys = new Float64Array(n);
  const words = new Uint32Array(keys.buffer);
  for (let k = 0; k < n; k++) keys[k] = values[order[k]!]! + 0;
  const flip = descending ? 0xffffffff : 0;
  for (let k = 0; k < 2 * n; k += 2) {
    const high = words[k + 1]!;
    const negative = high >>> 31 === 1;
    words[k] = (negative ? ~words[k]! : words[k]!) ^ flip;
    words[k + 1] = (negative ? ~high : high ^ 0x80000000) ^ flip;
  }
  // One counting pass for all four 16-bit digits; a digit that is the same for every key needs no pass.
  const counts = new Uint32Array(4 * 65_536);
  for (let k = 0; k < n; k++) {
    const low = words[2 * k]!;
    const high = words[2 * k + 1]!;
    counts[low & 0xffff]!++;
    counts[65_536 + (low >>> 16)]!++;
    counts[131_072 + (high & 0xffff)]!++;
    counts[196_608 + (high >>> 16)]!++;
  }
  let from: Int32Array = identityPositions(n);
  let to: Int32Array = new Int32Array(n);
  // Little-endian words: the low word of key k is words[2k]. Digits from least to most significant.
  for (let pass = 0; pass < 4 && n > 0; pass++) {
    const word = pass >> 1;
    const shift = (pass & 1) * 16;
    const base = pass * 65_536;
    if (counts[base + ((words[word]! >>> shift) & 0xffff)] === n) continue;
    // Exclusive prefix sums: where each digit's keys start.
    let total = 0;
    for (let d = base; d < base + 65_536; d++) {
      const count = counts[d]!;
      counts[d] = total;
      total += count;
    }
    for (let j = 0; j < n; j++) {
      const k = from[j]!;
      const digit = base + ((words[2 * k + word]! >>> shift) & 0xffff);
      to[counts[digit]!++] = k;
    }
    [from, to] = [to, from];
  }
  const sorted = new Int32Array(n);
  for (let j = 0; j < n; j++) sorted[j] = order[from[j]!]!;
  return sorted;
}

/**
 * The same sort in one counting pass when every value is an integer and their range is at most a few
 * times the count (days, order counts); null otherwise.
 */
function countingSortOfIntegers(
  values: ArrayLike<number>,
  order: Int32Array,
  descending: boolean,
): Int32Array | null {
  const n = order.length;
  if (n === 0) return new Int32Array(0);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < n; k++) {
    const value = values[order[k]!]!;
    if (!Number.isInteger(value)) return null;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  if (max - min > 4 * n + 1024) return null;
  const counts = new Int32Array(max - min + 2);
  const keyOf = (value: number): number => (descending ? max - value : value - min);
  for (let k = 0; k < n; k++) counts[keyOf(values[order[k]!]!) + 1]!++;
  for (let d = 1; d < counts.length; d++) counts[d] = counts[d]! + counts[d - 1]!;
  const sorted = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const position = order[k]!;
    sorted[counts[keyOf(values[position]!)]!++] = position;
  }
  return sorted;
}

/** Largest magnitude {@link orderByHundredths} takes: doubles there are 0.002 apart, far finer than 0.01. */
const largestHundredths = 1e13;

/**
 * The same sort in two 16-bit passes when every value is a whole number of hundredths (money, counts) and
 * they span less than 2³² hundredths; null otherwise. Exact: each value is `c / 100` for the integer `c`
 * it is sorted by, and distinct integers below 10¹⁵ give distinct, equally ordered quotients.
 */
function orderByHundredths(
  values: ArrayLike<number>,
  order: Int32Array,
  descending: boolean,
): Int32Array | null {
  const n = order.length;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < n; k++) {
    const value = values[order[k]!]!;
    const hundredths = Math.round(value * 100);
    if (!(Math.abs(value) <= largestHundredths) || hundredths / 100 !== value) return null;
    if (hundredths < min) min = hundredths;
    if (hundredths > max) max = hundredths;
  }
  if (max - min >= 2 ** 32) return null;
  const keys = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    const hundredths = Math.round(values[order[k]!]! * 100);
    keys[k] = descending ? max - hundredths : hundredths - min;
  }
  return orderByKeys32(keys, order);
}

/**
 * Stable sort of `order` by unsigned 32-bit keys (`keys[k]` is that of `order[k]`; `keys` is overwritten):
 * an LSD radix sort over the bits in use, in one pass up to 12 bits, else two passes of half of them each.
 * The keys move with the positions, so every pass reads its input in sequence.
 */
export function orderByKeys32(keys: Uint32Array, order: Int32Array): Int32Array {
  const n = order.length;
  let used = 0;
  for (let k = 0; k < n; k++) used |= keys[k]!;
  const bits = 32 - Math.clz32(used);
  if (bits === 0) return order.slice();
  const passes = bits <= 12 ? 1 : 2;
  const digitBits = Math.ceil(bits / passes);
  const buckets = 2 ** digitBits;
  const mask = buckets - 1;
  const counts = new Uint32Array(2 * buckets);
  for (let k = 0; k < n; k++) {
    const key = keys[k]!;
    counts[key & mask]!++;
    counts[buckets + ((key >>> digitBits) & mask)]!++;
  }
  const sorted = new Int32Array(n);
  let fromKeys: Uint32Array = keys;
  let fromPositions: Int32Array = order;
  let toKeys: Uint32Array = new Uint32Array(n);
  let toPositions: Int32Array = passes === 1 ? sorted : new Int32Array(n);
  for (let pass = 0; pass < passes; pass++) {
    const shift = pass * digitBits;
    const base = pass * buckets;
    let total = 0;
    for (let d = base; d < base + buckets; d++) {
      const count = counts[d]!;
      counts[d] = total;
      total += count;
    }
    for (let j = 0; j < n; j++) {
      const key = fromKeys[j]!;
      const at = counts[base + ((key >>> shift) & mask)]!++;
      toKeys[at] = key;
      toPositions[at] = fromPositions[j]!;
    }
    fromKeys = toKeys;
    fromPositions = toPositions;
    toKeys = keys;
    toPositions = sorted;
  }
  return sorted;
}

/** The positions of `order` that `keep` accepts, in their order there. */
export function positionsWhere(order: Int32Array, keep: (position: number) => boolean): Int32Array {
  // One call of `keep` per position (a callback is rarely inlined); the rest of the buffer is left unused.
  const kept = new Int32Array(order.length);
  let count = 0;
  for (let k = 0; k < order.length; k++) {
    const position = order[k]!;
    if (keep(position)) kept[count++] = position;
  }
  return kept.subarray(0, count);
}

/** 0, 1, …, n − 1. */
export function identityPositions(n: number): Int32Array {
  const positions = new Int32Array(n);
  for (let k = 0; k < n; k++) positions[k] = k;
  return positions;
}
