/**
 * The digamma function ψ(x) = d/dx ln Γ(x), for real x: the recurrence ψ(x) = ψ(x + 1) − 1/x up to x ≥ 10,
 * then the asymptotic series; reflection for x < 0. About 15 significant digits away from its zero near
 * 1.4616. `NaN` at the poles (0, −1, −2, …).
 *
 * @param x Any real number (dimensionless).
 * @example digamma(1) // −0.5772156649015329 (minus the Euler–Mascheroni constant)
 */
export function digamma(x: number): number {
  if (Number.isNaN(x) || (x <= 0 && Number.isInteger(x))) return Number.NaN;
  if (x < 0) return digamma(1 - x) - Math.PI / Math.tan(Math.PI * x);
  let shift = 0;
  let z = x;
  while (z < 10) {
    shift -= 1 / z;
    z += 1;
  }
  const inverse = 1 / (z * z);
  // ψ(z) ~ ln z − 1/(2z) − Σ B₂ₖ / (2k z^2k)
  const series =
    inverse *
    (1 / 12 -
      inverse *
        (1 / 120 -
          inverse * (1 / 252 - inverse * (1 / 240 - inverse * (1 / 132 - (inverse * 691) / 32760)))));
  return shift + Math.log(z) - 0.5 / z - series;
}
