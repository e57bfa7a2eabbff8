import type { Minimum } from './types';

/** Options of {@link minimizeBfgs}. */
interface BfgsOptions {
  /** Converged when every component of the gradient is at most this in size; default 1e-8. */
  gradientTolerance?: number;
  /** Default 500. */
  maxIterations?: number;
  /** Largest move along any axis in one step, default 2 (in the units of x). */
  maxStep?: number;
  /**
   * When no lower point can be found any more (the objective's rounding hides further decrease), the
   * gradient may be at most this for the stop to count as converged; default 1e-5.
   */
  stallTolerance?: number;
  /**
   * The first guess of the inverse Hessian at `start` (a warm start: the one a search of a similar objective
   * ended with); default the identity, scaled to the curvature of the first step.
   */
  inverse?: readonly (readonly number[])[];
}

/**
 * Minimises a smooth f with its gradient by BFGS (quasi-Newton; the inverse Hessian built up from the
 * gradients' changes) with a backtracking line search (Armijo's sufficient decrease). Non-finite values
 * count as outside the domain: the step is shortened. Suited to a handful of parameters such as the
 * logarithms of a model's positive parameters, where it needs a few dozen evaluations where Nelder–Mead
 * needs hundreds.
 *
 * `converged` is true when the gradient met the tolerance, or when no lower point can be found even along
 * the steepest descent (the objective's rounding) and the gradient is within `stallTolerance`; otherwise
 * `reason` says what stopped it (the iteration limit, or a line search that found no lower point).
 *
 * @param f Writes the gradient at x into `gradient` (same length as x) and returns the value at x.
 * @param start The starting point.
 * @example
 * minimizeBfgs(([x, y], g) => { g[0] = 2 * (x! - 1); g[1] = 4 * (y! + 2); return (x! - 1) ** 2 + 2 * (y! + 2) ** 2; }, [0, 0]).x // ≈ [1, −2]
 */
export function minimizeBfgs(
  f: (x: number[], gradient: number[]) => number,
  start: readonly number[],
  options: BfgsOptions = {},
): Minimum {
  const n = start.length;
  const gradientTolerance = options.gradientTolerance ?? 1e-8;
  const maxIterations = options.maxIterations ?? 500;
  const maxStep = options.maxStep ?? 2;
  const stallTolerance = options.stallTolerance ?? 1e-5;
  let evaluations = 0;
  const evaluate = (x: number[], gradient: number[]): number => {
    evaluations++;
    const value = f(x.slice(), gradient);
    return Number.isFinite(value) && gradient.every(Number.isFinite) ? value : Number.POSITIVE_INFINITY;
  };
  let inverse = options.inverse?.map((row) => row.slice()) ?? identity(n);
  let scaled = options.inverse !== undefined;
  const done = (
    x: number[],
    value: number,
    iterations: number,
    converged: boolean,
    reason: string,
  ): Minimum => ({
    x,
    value,
    iterations,
    evaluations,
    converged,
    reason,
    inverse,
  });

  let x = start.slice();
  let gradient = new Array<number>(n).fill(0);
  let value = evaluate(x, gradient);
  if (value === Number.POSITIVE_INFINITY)
    return done(x, value, 0, false, 'the objective is not finite at the start');
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    if (gradient.every((g) => Math.abs(g) <= gradientTolerance))
      return done(x, value, iteration, true, 'converged');
    let direction = times(inverse, gradient).map((v) => -v);
    let slope = dot(gradient, direction);
    if (!(slope < 0)) {
      inverse = identity(n);
      scaled = false;
      direction = gradient.map((g) => -g);
      slope = dot(gradient, direction);
    }
    const longest = Math.max(...direction.map(Math.abs));
    let step = longest > maxStep ? maxStep / longest : 1;
    const nextGradient = new Array<number>(n).fill(0);
    let next: number[] = x;
    let nextValue = Number.POSITIVE_INFINITY;
    // A decrease within the objective's rounding is no decrease: it only walks the noise. So after the
    // first try the search stops halving once even the decrease the slope promises over the step is that
    // small (where the likelihood flattens out towards a limiting case, each further try would be noise).
    const noise = 1e-14 * (1 + Math.abs(value));
    let lower = false;
    for (let halvings = 0; halvings < 30 && (halvings === 0 || -step * slope > noise); halvings++) {
      next = x.map((v, j) => v + step * direction[j]!);
      nextValue = evaluate(next, nextGradient);
      if (nextValue <= value + 1e-4 * step * slope) {
        lower = value - nextValue > noise;
        break;
      }
      step /= 2;
    }
    if (!lower) {
      if (gradient.every((g) => Math.abs(g) <= stallTolerance)) {
        return done(x, value, iteration, true, 'converged to the precision of the objective');
      }
      if (scaled || inverse.some((row, i) => row.some((v, j) => v !== (i === j ? 1 : 0)))) {
        // Try again along the steepest descent before giving up.
        inverse = identity(n);
        scaled = false;
        continue;
      }
      return done(x, value, iteration, false, 'the line search found no lower point');
    }
    const s = next.map((v, j) => v - x[j]!);
    const y = nextGradient.map((g, j) => g - gradient[j]!);
    const sy = dot(s, y);
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (!scaled) {
        // Scale the first guess of the inverse Hessian to the curvature just seen.
        inverse = identity(n).map((row) => row.map((v) => (v * sy) / dot(y, y)));
        scaled = true;
      }
      inverse = bfgsUpdate(inverse, s, y, 1 / sy);
    }
    x = next;
    value = nextValue;
    gradient = nextGradient;
  }
  if (gradient.every((g) => Math.abs(g) <= gradientTolerance))
    return done(x, value, maxIterations, true, 'converged');
  return done(x, value, maxIterations, false, `no convergence in ${maxIterations} iterations`);
}

function identity(n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}

function dot(u: readonly number[], v: readonly number[]): number {
  let sum = 0;
  for (let j = 0; j < u.length; j++) sum += u[j]! * v[j]!;
  return sum;
}

function times(matrix: number[][], v: readonly number[]): number[] {
  return matrix.map((row) => dot(row, v));
}

/** H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ. */
function bfgsUpdate(h: number[][], s: number[], y: number[], rho: number): number[][] {
  const hy = times(h, y);
  const yhy = dot(y, hy);
  return h.map((row, i) =>
    row.map((v, j) => v - rho * (hy[i]! * s[j]! + s[i]! * hy[j]!) + (rho * rho * yhy + rho) * s[i]! * s[j]!),
  );
}
