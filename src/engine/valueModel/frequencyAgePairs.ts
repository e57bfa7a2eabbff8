/** The distinct (x, T) pairs of a set of histories, and each history's pair. */
export interface FrequencyAgePairs {
  /** Per history, the index of its pair. */
  pairOf: Int32Array;
  /** Per pair, x (repeat purchases). */
  frequency: number[];
  /** Per pair, T (weeks). */
  age: number[];
}

/**
 * The distinct (x, T) pairs of histories, in order of first appearance. What the BG/NBD expects of a
 * customer if still alive depends on x and T alone, not on t_x (see `bgnbdExpectedIfAlive`): computed once
 * per pair, it serves every history of that pair; there are far fewer pairs than histories.
 *
 * @param frequency Per history, x: a whole number ≥ 0.
 * @param age Per history, T in weeks.
 * @example frequencyAgePairs([0, 2, 0], [5, 5, 5]) // { pairOf: [0, 1, 0], frequency: [0, 2], age: [5, 5] }
 */
export function frequencyAgePairs(frequency: ArrayLike<number>, age: ArrayLike<number>): FrequencyAgePairs {
  const count = frequency.length;
  let maxX = 0;
  for (let g = 0; g < count; g++) maxX = Math.max(maxX, frequency[g] ?? 0);
  const ageIndex = new Map<number, number>();
  const pairIndex = new Map<number, number>();
  const pairOf = new Int32Array(count);
  const pairFrequency: number[] = [];
  const pairAge: number[] = [];
  for (let g = 0; g < count; g++) {
    const x = frequency[g] ?? 0;
    const t = age[g] ?? 0;
    let a = ageIndex.get(t);
    if (a === undefined) {
      a = ageIndex.size;
      ageIndex.set(t, a);
    }
    const key = a * (maxX + 1) + x;
    let p = pairIndex.get(key);
    if (p === undefined) {
      p = pairFrequency.length;
      pairIndex.set(key, p);
      pairFrequency.push(x);
      pairAge.push(t);
    }
    pairOf[g] = p;
  }
  return { pairOf, frequency: pairFrequency, age: pairAge };
}
