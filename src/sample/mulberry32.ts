/**
 * A small, fast, seeded generator of uniform numbers in [0, 1) (mulberry32): the same seed gives the same
 * sequence on every machine, so generated workbooks and benchmark data are deterministic.
 *
 * @example const random = mulberry32(42); random(); // 0.6011037519201636
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
