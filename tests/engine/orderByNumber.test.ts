/**
 * orderByNumber (LSD radix over float64 bits, counting sort for small integer ranges) against a reference
 * comparator sort on (value, position in `order`), over many seeded random inputs.
 */
import { identityPositions, orderByNumber } from '../../src/engine/orderByNumber';
import { mulberry32 } from '../../src/sample/mulberry32';

/** The stable sort `orderByNumber` promises, by `Array.prototype.sort` (−0 and 0 compare equal). */
function reference(values: ArrayLike<number>, order?: ArrayLike<number>, descending = false): number[] {
  const positions =
    order === undefined ? Array.from({ length: values.length }, (_, k) => k) : [...Array.from(order)];
  return positions
    .map((position, rank) => ({ position, rank }))
    .sort((a, b) => {
      const x = values[a.position]!;
      const y = values[b.position]!;
      if (x < y) return descending ? 1 : -1;
      if (x > y) return descending ? -1 : 1;
      return a.rank - b.rank;
    })
    .map((entry) => entry.position);
}

function expectSorted(values: ArrayLike<number>, order?: Int32Array, descending = false): void {
  const actual = orderByNumber(values, order, descending);
  expect(actual).toBeInstanceOf(Int32Array);
  expect(Array.from(actual)).toEqual(reference(values, order, descending));
}

/** A random position subset of 0…n−1 in random order. */
function randomSubset(n: number, random: () => number): Int32Array {
  const positions = Array.from({ length: n }, (_, k) => k).filter(() => random() < 0.6);
  for (let k = positions.length - 1; k > 0; k--) {
    const j = Math.floor(random() * (k + 1));
    [positions[k], positions[j]] = [positions[j]!, positions[k]!];
  }
  return Int32Array.from(positions);
}

type Generator = (random: () => number, n: number) => number[];

/** Value generators; each names the shape of input it exercises. */
const generators: Record<string, Generator> = {
  'fractional money values with duplicates': (random, n) =>
    Array.from({ length: n }, () => Math.round((random() * 2 - 1) * 20_000) / 100),
  'small-range integers (counting path)': (random, n) =>
    Array.from({ length: n }, () => Math.floor(random() * 41) - 20),
  'non-negative day numbers in a small range (counting path)': (random, n) =>
    Array.from({ length: n }, () => 44_562 + Math.floor(random() * (n + 5))),
  'big-range integers (radix path)': (random, n) =>
    Array.from({ length: n }, () => Math.floor((random() * 2 - 1) * 1e12)),
  'integers beyond 2^53': (random, n) =>
    Array.from({ length: n }, () => (random() < 0.5 ? -1 : 1) * 2 ** (53 + Math.floor(random() * 200))),
  'huge and tiny magnitudes of both signs': (random, n) =>
    Array.from({ length: n }, () => {
      const magnitude = 10 ** Math.floor(random() * 600 - 300) * (1 + random());
      return random() < 0.5 ? -magnitude : magnitude;
    }),
  'subnormals, extremes and zeros': (random, n) => {
    const pool = [
      0,
      -0,
      Number.MIN_VALUE,
      -Number.MIN_VALUE,
      2 * Number.MIN_VALUE,
      Number.MAX_VALUE,
      -Number.MAX_VALUE,
      Number.EPSILON,
      1,
      -1,
      1 + Number.EPSILON,
      1 - Number.EPSILON / 2,
      Number.MAX_SAFE_INTEGER,
      Number.MIN_SAFE_INTEGER,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
    ];
    return Array.from({ length: n }, () => pool[Math.floor(random() * pool.length)]!);
  },
  'values differing only in their lowest mantissa bits': (random, n) =>
    Array.from({ length: n }, () => 1 + Math.floor(random() * 70_000) * Number.EPSILON),
  'powers of two (only the top digit differs)': (random, n) =>
    Array.from({ length: n }, () => (random() < 0.3 ? -1 : 1) * 2 ** Math.floor(random() * 40 - 20)),
  'mixed zeros and negative zeros': (random, n) =>
    Array.from({ length: n }, () => (random() < 0.5 ? 0 : -0) + (random() < 0.2 ? 0.5 : 0)),
  'integers with one fraction (radix path)': (random, n) => {
    const values = Array.from({ length: n }, () => Math.floor(random() * 10));
    values[Math.floor(random() * n)] = 2.5;
    return values;
  },
  'all equal': (_random, n) => new Array<number>(n).fill(7.25),
};

describe('orderByNumber', () => {
  it('sorts the documented example', () => {
    expect(orderByNumber([3, 1, 2])).toEqual(Int32Array.from([1, 2, 0]));
    expect(orderByNumber([3, 1, 2], undefined, true)).toEqual(Int32Array.from([0, 2, 1]));
  });

  it('sorts an empty input to an empty array, with or without an order', () => {
    expect(orderByNumber([])).toEqual(new Int32Array(0));
    expect(orderByNumber([1.5, 2], new Int32Array(0))).toEqual(new Int32Array(0));
    expect(orderByNumber([], undefined, true)).toEqual(new Int32Array(0));
  });

  it('sorts a single value', () => {
    expect(Array.from(orderByNumber([0.1]))).toEqual([0]);
    expect(Array.from(orderByNumber([5, 0.1], Int32Array.from([1])))).toEqual([1]);
  });

  it('treats -0 and 0 as equal and keeps their order (both paths, both directions)', () => {
    const integers = [0, -0, 0, -0, -1, 1];
    expect(Array.from(orderByNumber(integers))).toEqual([4, 0, 1, 2, 3, 5]);
    expect(Array.from(orderByNumber(integers, undefined, true))).toEqual([5, 0, 1, 2, 3, 4]);
    const fractions = [0, -0, 0.5, -0, -0.5, 0];
    expect(Array.from(orderByNumber(fractions))).toEqual([4, 0, 1, 3, 5, 2]);
    expect(Array.from(orderByNumber(fractions, undefined, true))).toEqual([2, 0, 1, 3, 5, 4]);
  });

  it('puts negatives before positives and orders negatives by value, not by magnitude', () => {
    const values = [-0.01, -1000.5, 3.75, -3.75, 0.01, -2e-300, 2e300];
    expect(Array.from(orderByNumber(values))).toEqual([1, 3, 0, 5, 4, 2, 6]);
  });

  it('keeps infinities at the ends', () => {
    const values = [1, Number.POSITIVE_INFINITY, -1.5, Number.NEGATIVE_INFINITY, 0];
    expect(Array.from(orderByNumber(values))).toEqual([3, 2, 4, 0, 1]);
  });

  it('is stable for duplicates: ties keep ascending positions, also when descending', () => {
    const values = [2.5, 1.25, 2.5, 1.25, 2.5, 1.25];
    expect(Array.from(orderByNumber(values))).toEqual([1, 3, 5, 0, 2, 4]);
    expect(Array.from(orderByNumber(values, undefined, true))).toEqual([0, 2, 4, 1, 3, 5]);
    const counts = [3, 1, 3, 1, 3, 1];
    expect(Array.from(orderByNumber(counts))).toEqual([1, 3, 5, 0, 2, 4]);
    expect(Array.from(orderByNumber(counts, undefined, true))).toEqual([0, 2, 4, 1, 3, 5]);
  });

  it('breaks ties by the given order, not by position', () => {
    const values = [1, 1, 1, 0.5, 0.5];
    const order = Int32Array.from([2, 4, 0, 3, 1]);
    expect(Array.from(orderByNumber(values, order))).toEqual([4, 3, 2, 0, 1]);
    expect(Array.from(orderByNumber(values, order, true))).toEqual([2, 0, 1, 4, 3]);
    const integers = [7, 7, 7, 2, 2];
    expect(Array.from(orderByNumber(integers, order))).toEqual([4, 3, 2, 0, 1]);
  });

  it('returns a new array and leaves `order` and `values` unchanged', () => {
    const values = Float64Array.from([3.5, -1, 2]);
    const order = Int32Array.from([2, 0, 1]);
    const sorted = orderByNumber(values, order);
    expect(sorted).not.toBe(order);
    expect(Array.from(order)).toEqual([2, 0, 1]);
    expect(Array.from(values)).toEqual([3.5, -1, 2]);
    expect(Array.from(sorted)).toEqual([1, 2, 0]);
  });

  it('reads typed arrays as well as plain arrays', () => {
    const plain = [0.3, -7, 12, 0.3, 1e9];
    expect(orderByNumber(Float64Array.from(plain))).toEqual(orderByNumber(plain));
    expect(orderByNumber(Int32Array.from([5, -2, 5, 0]))).toEqual(Int32Array.from([1, 3, 0, 2]));
  });

  it('switches between the counting path and the radix path at the range limit with the same results', () => {
    // Range 4n + 1024 is the limit of the counting path; one more goes by radix.
    const n = 100;
    for (const range of [4 * n + 1023, 4 * n + 1024, 4 * n + 1025]) {
      const random = mulberry32(range);
      const values = Array.from({ length: n }, () => Math.floor(random() * 20));
      values[0] = -Math.floor(range / 2);
      values[1] = values[0] + range;
      expectSorted(values);
      expectSorted(values, undefined, true);
    }
  });

  it('sorts whole hundredths in two passes up to a span of 2^32 − 1 hundredths, and past it by all 64 bits', () => {
    for (const span of [2 ** 32 - 1, 2 ** 32, 2 ** 32 + 1]) {
      const random = mulberry32(span % 1_000);
      const values = Array.from({ length: 300 }, () => (Math.round(random() * 20_000) - 10_000) / 100);
      values[0] = -1e6;
      values[1] = (-1e8 + span) / 100;
      expectSorted(values);
      expectSorted(values, undefined, true);
    }
  });

  it('sorts hundredths at the magnitude limit (1e13) and past it, and values that are not hundredths', () => {
    const random = mulberry32(99);
    const near = Array.from({ length: 200 }, () => 1e13 - Math.floor(random() * 1_000) / 100);
    near[0] = 1e13;
    expectSorted(near);
    expectSorted([...near, 1e13 + 0.125, 1e13 + 0.25]);
    expectSorted(near.map((value, k) => (k === 5 ? value + 0.001 : value)));
    expectSorted([0.1, 0.2, 0.30000000000000004, 0.3, 0.1 + 0.2, -0.07, 0.07, -0, 0]);
  });

  describe.each(Object.entries(generators))('random inputs: %s', (_name, generate) => {
    it.each([1, 2, 3, 17, 256, 3_000])('n = %i, ascending and descending, whole and subset', (n) => {
      for (let seed = 1; seed <= 5; seed++) {
        const random = mulberry32(seed * 7_919 + n);
        const values = generate(random, n);
        expectSorted(values);
        expectSorted(values, undefined, true);
        const subset = randomSubset(n, random);
        expectSorted(values, subset);
        expectSorted(values, subset, true);
      }
    });
  });

  it('sorts 100,000 money values as the reference does', () => {
    const random = mulberry32(42);
    const values = Float64Array.from({ length: 100_000 }, () => Math.round((random() - 0.3) * 1e7) / 100);
    expectSorted(values);
    expectSorted(values, undefined, true);
  });
});

describe('identityPositions', () => {
  it.each([0, 1, 5, 1000])('gives 0 … n−1 for n = %i', (n) => {
    const positions = identityPositions(n);
    expect(positions).toBeInstanceOf(Int32Array);
    expect(positions).toHaveLength(n);
    expect(Array.from(positions)).toEqual(Array.from({ length: n }, (_, k) => k));
  });
});
