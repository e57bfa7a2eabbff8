/**
 * ln(e^a + e^b) without overflow or underflow: the larger term is factored out. `-Infinity` stands for a
 * term that is zero, so `logSumExp(a, -Infinity) === a`.
 *
 * @param a A logarithm (any real or −∞).
 * @param b A logarithm (any real or −∞).
 * @example logSumExp(1000, 1000) // 1000 + ln 2, where Math.log(Math.exp(1000) * 2) overflows
 */
export function logSumExp(a: number, b: number): number {
  if (a === Number.NEGATIVE_INFINITY) return b;
  if (b === Number.NEGATIVE_INFINITY) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}
