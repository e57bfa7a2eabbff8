/**
 * Rounds a money total to 6 decimal places, which removes binary floating-point noise (0.1 + 0.2 =
 * 0.30000000000000004) so that sums do not depend on the order of the rows and equal totals compare equal
 * — ties in rankings are then never split by noise. Totals of 10^9 or more are left as they are (their
 * noise is below a millionth of a unit anyway).
 *
 * @example roundMoney(0.1 + 0.2) === 0.3
 */
export function roundMoney(value: number): number {
  return Math.abs(value) < 1e9 ? Math.round(value * 1e6) / 1e6 : value;
}
