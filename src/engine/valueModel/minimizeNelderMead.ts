import type { Minimum } from './types';

/** Options of {@link minimizeNelderMead}. */
interface NelderMeadOptions {
  /** Size of the first simplex's steps along each axis, default 0.5 (in the units of x). */
  step?: number;
  /** Stop when the simplex's values differ by at most this (absolute, default 1e-11 × (1 + |best|)). */
  valueTolerance?: number;
  /** …and its points lie within this of the best along every axis, default 1e-8. */
  pointTolerance?: number;
  /** Iterations allowed over all restarts, default 20,000. */
  maxIterations?: number;
  /** Fresh simplexes built around the best point after a stop, to confirm it, default 3. */
  maxRestarts?: number;
}

/**
 * Minimises f by the Nelder–Mead simplex method (reflection 1, expansion 2, contraction ½, shrink ½), then
 * restarts from a fresh simplex around the best point until a restart no longer improves it: a simplex
 * can collapse short of a minimum, a restart notices. Non-finite values of f count as +∞ (outside the
 * domain). Dimension-free; suited to a handful of smooth parameters, such as the logarithms of a model's
 * positive parameters.
 *
 * `converged` is true only when the last run met both tolerances and a restart did not move the best point
 * by more than the value tolerance; otherwise `reason` says which limit stopped it.
 *
 * @param f The objective (called with a fresh array each time; it must not keep it).
 * @param start The starting point.
 * @example minimizeNelderMead(([x, y]) => (x! - 1) ** 2 + (y! + 2) ** 2, [0, 0]).x // ≈ [1, -2]
 */
export function minimizeNelderMead(
  f: (x: number[]) => number,
  start: readonly number[],
  options: NelderMeadOptions = {},
): Minimum {
  const n = start.length;
  const step = options.step ?? 0.5;
  const pointTolerance = options.pointTolerance ?? 1e-8;
  const maxIterations = options.maxIterations ?? 20_000;
  const maxRestarts = options.maxRestarts ?? 3;
  let evaluations = 0;
  const evaluate = (x: number[]): number => {
    evaluations++;
    const value = f(x.slice());
    return Number.isFinite(value) ? value : Number.POSITIVE_INFINITY;
  };
  const valueTolerance = (best: number): number => options.valueTolerance ?? 1e-11 * (1 + Math.abs(best));

  let bestPoint = start.slice();
  let bestValue = evaluate(bestPoint);
  if (bestValue === Number.POSITIVE_INFINITY) {
    return minimum(bestPoint, bestValue, 0, evaluations, false, 'the objective is not finite at the start');
  }
  let iterations = 0;
  for (let restart = 0; restart <= maxRestarts; restart++) {
    const before = bestValue;
    const points: number[][] = [bestPoint.slice()];
    const values: number[] = [bestValue];
    for (let axis = 0; axis < n; axis++) {
      const point = bestPoint.slice();
      point[axis]! += step;
      points.push(point);
      values.push(evaluate(point));
    }
    let settled = false;
    while (iterations < maxIterations) {
      sortSimplex(points, values);
      const low = values[0]!;
      const high = values[n]!;
      if (high - low <= valueTolerance(low) && spread(points) <= pointTolerance) {
        settled = true;
        break;
      }
      iterations++;
      const centroid = new Array<number>(n).fill(0);
      for (let k = 0; k < n; k++) for (let j = 0; j < n; j++) centroid[j]! += points[k]![j]! / n;
      const worst = points[n]!;
      const along = (t: number): number[] => centroid.map((c, j) => c + t * (c - worst[j]!));
      const reflected = along(1);
      const reflectedValue = evaluate(reflected);
      if (reflectedValue < low) {
        const expanded = along(2);
        const expandedValue = evaluate(expanded);
        if (expandedValue < reflectedValue) replaceWorst(points, values, expanded, expandedValue);
        else replaceWorst(points, values, reflected, reflectedValue);
        continue;
      }
      if (reflectedValue < values[n - 1]!) {
        replaceWorst(points, values, reflected, reflectedValue);
        continue;
      }
      // Contract towards the better of the worst point and its reflection.
      const outside = reflectedValue < high;
      const contracted = along(outside ? 0.5 : -0.5);
      const contractedValue = evaluate(contracted);
      if (contractedValue < (outside ? reflectedValue : high)) {
        replaceWorst(points, values, contracted, contractedValue);
        continue;
      }
      const best = points[0]!;
      for (let k = 1; k <= n; k++) {
        points[k] = points[k]!.map((v, j) => best[j]! + 0.5 * (v - best[j]!));
        values[k] = evaluate(points[k]!);
      }
    }
    sortSimplex(points, values);
    bestPoint = points[0]!;
    bestValue = values[0]!;
    if (!settled) {
      return minimum(
        bestPoint,
        bestValue,
        iterations,
        evaluations,
        false,
        `no convergence in ${maxIterations} iterations`,
      );
    }
    if (restart > 0 && before - bestValue <= valueTolerance(bestValue)) {
      return minimum(bestPoint, bestValue, iterations, evaluations, true, 'converged');
    }
  }
  return minimum(
    bestPoint,
    bestValue,
    iterations,
    evaluations,
    false,
    `still improving after ${maxRestarts} restarts`,
  );
}

function minimum(
  x: number[],
  value: number,
  iterations: number,
  evaluations: number,
  converged: boolean,
  reason: string,
): Minimum {
  return { x, value, iterations, evaluations, converged, reason };
}

/** Orders the simplex's points by value, best first (insertion sort: n + 1 is small and nearly sorted). */
function sortSimplex(points: number[][], values: number[]): void {
  for (let i = 1; i < values.length; i++) {
    const value = values[i]!;
    const point = points[i]!;
    let j = i - 1;
    while (j >= 0 && values[j]! > value) {
      values[j + 1] = values[j]!;
      points[j + 1] = points[j]!;
      j--;
    }
    values[j + 1] = value;
    points[j + 1] = point;
  }
}

function replaceWorst(points: number[][], values: number[], point: number[], value: number): void {
  points[points.length - 1] = point;
  values[values.length - 1] = value;
}

/** The largest distance along any axis between the best point and another. */
function spread(points: number[][]): number {
  const best = points[0]!;
  let largest = 0;
  for (let k = 1; k < points.length; k++) {
    for (let j = 0; j < best.length; j++) largest = Math.max(largest, Math.abs(points[k]![j]! - best[j]!));
  }
  return largest;
}
