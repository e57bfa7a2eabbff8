import fc from 'fast-check';
import { digamma } from '../../../src/engine/valueModel/digamma';
import { hypergeometric2F1 } from '../../../src/engine/valueModel/hypergeometric2F1';
import { logGamma } from '../../../src/engine/valueModel/logGamma';
import { logSumExp } from '../../../src/engine/valueModel/logSumExp';
import { minimizeBfgs } from '../../../src/engine/valueModel/minimizeBfgs';
import { minimizeNelderMead } from '../../../src/engine/valueModel/minimizeNelderMead';

describe('logGamma against known values', () => {
  // Reference values: Python's math.lgamma (C library), and closed forms where they exist.
  test.each<[number, number]>([
    [0.5, 0.5723649429247001], // ln √π
    [10, 12.801827480081469], // ln 9!
    [1, 0],
    [2, 0],
    [0.1, 2.2527126517342055],
    [3.5, 1.2009736023470738],
    [100, 359.1342053695754],
    [1000, 5905.220423209181],
    [0.001, 6.907178885383854],
    [1e-8, 18.42068073818021],
    [-0.5, 1.265512123484645], // ln |Γ(−½)| = ln 2√π
  ])('lnΓ(%d) = %d', (x, expected) => {
    expect(Math.abs(logGamma(x) - expected)).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(expected)));
  });

  test('poles and NaN', () => {
    expect(logGamma(0)).toBe(Number.POSITIVE_INFINITY);
    expect(logGamma(-3)).toBe(Number.POSITIVE_INFINITY);
    expect(logGamma(Number.NaN)).toBeNaN();
  });

  test('lnΓ(x + 1) − lnΓ(x) = ln x', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e4, noNaN: true }), (x) => {
        expect(Math.abs(logGamma(x + 1) - logGamma(x) - Math.log(x))).toBeLessThan(
          1e-11 * Math.max(1, logGamma(x + 1)),
        );
      }),
    );
  });
});

describe('digamma against known values', () => {
  // Reference values: scipy.special.digamma, and closed forms where they exist.
  test.each<[number, number]>([
    [1, -0.5772156649015329], // −γ
    [0.5, -1.9635100260214235], // −γ − 2 ln 2
    [10, 2.251752589066721],
    [0.01, -100.56088545786868],
    [3.7, 1.1671535393615113],
    [1e-6, -1000000.57721402],
    [-0.5, 0.03648997397857651],
    [100.5, 4.605174352581845],
  ])('ψ(%d) = %d', (x, expected) => {
    expect(Math.abs(digamma(x) - expected)).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(expected)));
  });

  test('ψ is the derivative of lnΓ, and a pole is NaN', () => {
    for (const x of [0.3, 1.7, 12.5, 250]) {
      const h = 1e-5 * x;
      expect(digamma(x)).toBeCloseTo((logGamma(x + h) - logGamma(x - h)) / (2 * h), 6);
    }
    expect(digamma(-2)).toBeNaN();
  });
});

describe('hypergeometric2F1 against closed forms', () => {
  test.each([0.01, 0.3, 0.5, 0.9, 0.99])('₂F₁(1, 1; 2; z) = −ln(1 − z) / z at z = %d', (z) => {
    const result = hypergeometric2F1(1, 1, 2, z);
    expect(result.converged).toBe(true);
    expect(result.value).toBeCloseTo(-Math.log1p(-z) / z, 12);
  });

  test.each([
    [0.24, 2.4, 0.7],
    [3.2, 1.7, 0.95],
    [2.5, 0.8, -0.6], // alternating terms: fine while they stay small (the models use z ≥ 0)
  ])('₂F₁(a, b; b; z) = (1 − z)^(−a) for a %d, b %d, z %d', (a, b, z) => {
    const result = hypergeometric2F1(a, b, b, z);
    expect(result.converged).toBe(true);
    expect(Math.abs(result.value / (1 - z) ** -a - 1)).toBeLessThan(1e-12);
  });

  test('₂F₁(½, ½; 3/2; z²) = arcsin(z) / z', () => {
    expect(hypergeometric2F1(0.5, 0.5, 1.5, 0.64).value).toBeCloseTo(Math.asin(0.8) / 0.8, 12);
  });

  test('a series that ends is a polynomial', () => {
    const [b, c, z] = [2.5, 3.25, 0.8];
    const result = hypergeometric2F1(-2, b, c, z);
    expect(result.converged).toBe(true);
    expect(result.value).toBeCloseTo(1 - (2 * b * z) / c + (b * (b + 1) * z * z) / (c * (c + 1)), 14);
  });

  test('non-convergence is reported, not hidden', () => {
    expect(hypergeometric2F1(1, 1, 2, 1).converged).toBe(false);
    expect(hypergeometric2F1(1, 1, -2, 0.5).converged).toBe(false);
    const cut = hypergeometric2F1(1, 1, 2, 0.999, 1e-14, 100);
    expect(cut.converged).toBe(false);
    expect(cut.terms).toBe(100);
  });
});

describe('logSumExp', () => {
  test('ln(eᵃ + eᵇ) without overflow or underflow', () => {
    expect(logSumExp(1000, 1000)).toBeCloseTo(1000 + Math.LN2, 12);
    expect(logSumExp(-1000, -1001)).toBeCloseTo(-1000 + Math.log1p(Math.exp(-1)), 12);
    expect(logSumExp(Math.log(2), Math.log(3))).toBeCloseTo(Math.log(5), 14);
  });
  test('−∞ is a zero term', () => {
    expect(logSumExp(Number.NEGATIVE_INFINITY, 4)).toBe(4);
    expect(logSumExp(4, Number.NEGATIVE_INFINITY)).toBe(4);
  });
});

describe('minimizeBfgs', () => {
  const rosenbrock = ([x, y]: number[], gradient: number[]): number => {
    gradient[0] = -400 * x! * (y! - x! ** 2) - 2 * (1 - x!);
    gradient[1] = 200 * (y! - x! ** 2);
    return 100 * (y! - x! ** 2) ** 2 + (1 - x!) ** 2;
  };

  test('finds the minimum of Rosenbrock’s valley with few evaluations and says it converged', () => {
    const found = minimizeBfgs(rosenbrock, [-1.2, 1]);
    expect(found.converged).toBe(true);
    expect(found.reason).toMatch(/^converged/u);
    expect(found.x[0]).toBeCloseTo(1, 6);
    expect(found.x[1]).toBeCloseTo(1, 6);
    expect(found.evaluations).toBeLessThan(200);
  });

  test('a flat valley on a large value: stops at the precision of the objective, as converged', () => {
    // Rosenbrock's valley, scaled down and lifted to 1e6: near the minimum a step's decrease is far below
    // the rounding of 1e6, and only noise is left to walk.
    const found = minimizeBfgs(
      ([x, y], gradient) => {
        const value = rosenbrock([x!, y!], gradient);
        gradient[0]! *= 1e-3;
        gradient[1]! *= 1e-3;
        return 1e6 + 1e-3 * value;
      },
      [-1.2, 1],
    );
    expect(found).toMatchObject({ converged: true, reason: 'converged to the precision of the objective' });
    expect(found.x[0]).toBeCloseTo(1, 1);
    expect(found.evaluations).toBeLessThan(300);
  });

  test('running out of iterations is reported with the reason', () => {
    const found = minimizeBfgs(rosenbrock, [-1.2, 1], { maxIterations: 5 });
    expect(found).toMatchObject({ converged: false, reason: 'no convergence in 5 iterations' });
  });

  test('a wrong gradient stops the line search, reported as such', () => {
    const found = minimizeBfgs(
      ([x], gradient) => {
        gradient[0] = -2 * (x! - 3); // the sign is wrong: every step goes uphill
        return (x! - 3) ** 2;
      },
      [0],
    );
    expect(found).toMatchObject({ converged: false, reason: 'the line search found no lower point' });
  });

  test('steps into a region where f is not finite are shortened', () => {
    const found = minimizeBfgs(
      ([x], gradient) => {
        gradient[0] = 1 - 1 / x!;
        return x! > 0 ? x! - Math.log(x!) : Number.NaN; // minimum at 1
      },
      [8],
    );
    expect(found.converged).toBe(true);
    expect(found.x[0]).toBeCloseTo(1, 8);
  });
});

describe('minimizeNelderMead', () => {
  test('finds the minimum of Rosenbrock’s valley and says it converged', () => {
    const found = minimizeNelderMead(([x, y]) => 100 * (y! - x! ** 2) ** 2 + (1 - x!) ** 2, [-1.2, 1]);
    expect(found.converged).toBe(true);
    expect(found.reason).toBe('converged');
    expect(found.x[0]).toBeCloseTo(1, 5);
    expect(found.x[1]).toBeCloseTo(1, 5);
    expect(found.iterations).toBeGreaterThan(0);
    expect(found.evaluations).toBeGreaterThan(found.iterations);
  });

  test('a minimum on a domain edge: non-finite values count as outside', () => {
    const found = minimizeNelderMead(([x]) => (x! < 0 ? Number.NaN : (x! - 2) ** 2 + 1), [5]);
    expect(found.converged).toBe(true);
    expect(found.x[0]).toBeCloseTo(2, 6);
    expect(found.value).toBeCloseTo(1, 12);
  });

  test('running out of iterations is reported with the reason', () => {
    const found = minimizeNelderMead(([x, y]) => 100 * (y! - x! ** 2) ** 2 + (1 - x!) ** 2, [-1.2, 1], {
      maxIterations: 10,
    });
    expect(found.converged).toBe(false);
    expect(found.reason).toBe('no convergence in 10 iterations');
  });

  test('an objective that is not finite at the start is reported', () => {
    const found = minimizeNelderMead(() => Number.POSITIVE_INFINITY, [0]);
    expect(found.converged).toBe(false);
    expect(found.reason).toMatch(/not finite at the start/u);
  });
});
