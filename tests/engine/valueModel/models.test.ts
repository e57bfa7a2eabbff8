import { simulateBgNbd } from '../../../bench/simulateBgNbd';
import { bgnbdConditionalExpectedPurchases } from '../../../src/engine/valueModel/bgnbdConditionalExpectedPurchases';
import { bgnbdExpectedPurchases } from '../../../src/engine/valueModel/bgnbdExpectedPurchases';
import { bgnbdProbabilityAlive } from '../../../src/engine/valueModel/bgnbdProbabilityAlive';
import { fitBgNbd } from '../../../src/engine/valueModel/fitBgNbd';
import { fitGammaGamma } from '../../../src/engine/valueModel/fitGammaGamma';
import { gammaGammaExpectedOrderValue } from '../../../src/engine/valueModel/gammaGammaExpectedOrderValue';
import { groupRepeatHistories } from '../../../src/engine/valueModel/groupRepeatHistories';
import { predictedValue } from '../../../src/engine/valueModel/predictedValue';
import { summarizeRepeatPurchases } from '../../../src/engine/valueModel/summarizeRepeatPurchases';
import type { RepeatGroups } from '../../../src/engine/valueModel/types';

/** The repeat-purchase summary of simulated sales, to their last day. */
const summaryOf = (sales: ReturnType<typeof simulateBgNbd>): ReturnType<typeof summarizeRepeatPurchases> =>
  summarizeRepeatPurchases(sales.customer, sales.day, sales.amount, sales.customers, sales.endDay);

const params = { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 };
const groupsOf = (x: number[], tx: number[], t: number[], w = x.map(() => 1)): RepeatGroups => ({
  frequency: Float64Array.from(x),
  recency: Float64Array.from(tx),
  age: Float64Array.from(t),
  weight: Float64Array.from(w),
});

describe('BG/NBD predictions', () => {
  test('P(alive) is 1 without repeat purchases and falls the longer a buyer has been quiet', () => {
    expect(bgnbdProbabilityAlive(params, 0, 0, 30)).toBe(1);
    const quiet = [10, 20, 30, 38].map((tx) => bgnbdProbabilityAlive(params, 3, tx, 38));
    for (let k = 1; k < quiet.length; k++) expect(quiet[k]!).toBeGreaterThan(quiet[k - 1]!);
    for (const p of quiet) expect(p > 0 && p < 1).toBe(true);
  });

  test('the same quiet spell is more alarming for a frequent buyer; a recent one is safer the more they bought', () => {
    expect(bgnbdProbabilityAlive(params, 8, 30, 38)).toBeLessThan(bgnbdProbabilityAlive(params, 2, 30, 38));
    expect(bgnbdProbabilityAlive(params, 8, 38, 38)).toBeGreaterThan(
      bgnbdProbabilityAlive(params, 2, 38, 38),
    );
  });

  test('a customer just acquired (T = 0) expects what a new customer does: E[Y(t) | 0, 0, 0] = E[X(t)]', () => {
    for (const weeks of [1, 13, 52]) {
      expect(bgnbdConditionalExpectedPurchases(params, weeks, 0, 0, 0)).toBeCloseTo(
        bgnbdExpectedPurchases(params, weeks),
        12,
      );
    }
  });

  test('expected purchases grow with the horizon and are 0 at 0', () => {
    expect(bgnbdConditionalExpectedPurchases(params, 0, 2, 30, 38)).toBe(0);
    const ahead = [4, 13, 26, 52].map((weeks) => bgnbdConditionalExpectedPurchases(params, weeks, 2, 30, 38));
    for (let k = 1; k < ahead.length; k++) expect(ahead[k]!).toBeGreaterThan(ahead[k - 1]!);
  });

  test('a = 1 (division by a − 1) gives NaN, not a number to show', () => {
    expect(bgnbdConditionalExpectedPurchases({ ...params, a: 1 }, 10, 1, 5, 10)).toBeNaN();
    expect(bgnbdExpectedPurchases({ ...params, a: 1 }, 10)).toBeNaN();
  });
});

describe('fitBgNbd reports what it cannot do', () => {
  test('no customers', () => {
    const fit = fitBgNbd(groupsOf([], [], []));
    expect(fit).toMatchObject({ converged: false, reason: 'there are no customers to fit' });
  });

  test('no repeat buyer', () => {
    const fit = fitBgNbd(groupsOf([0, 0], [0, 0], [10, 20]));
    expect(fit.converged).toBe(false);
    if (!fit.converged) expect(fit.reason).toMatch(/no customer bought again/u);
  });

  test('an impossible history (recency after T)', () => {
    const fit = fitBgNbd(groupsOf([1], [12], [10]));
    expect(fit.converged).toBe(false);
    if (!fit.converged) expect(fit.reason).toMatch(/invalid history/u);
    expect('params' in fit).toBe(false);
  });

  test('a parameter running off to infinity: the fit stands as a limiting case, flagged, with finite predictions', () => {
    // Thirteen customers fit one drop-out probability: a and b grow together without bound.
    const fit = fitBgNbd(
      groupsOf([0, 1, 2, 0, 5, 1], [0, 3, 8, 0, 20, 1], [10, 12, 30, 25, 30, 2], [3, 1, 2, 4, 1, 2]),
    );
    if (!fit.converged) throw new Error(fit.reason);
    expect(fit.boundary).toMatch(/grows without bound.*limiting case.*this number does not/u);
    const ahead = bgnbdConditionalExpectedPurchases(fit.params, 10, 2, 8, 30);
    expect(Number.isFinite(ahead) && ahead > 0).toBe(true);
  });

  test('a towards 0 (nobody drops out): the search stops where the likelihood is flat to its rounding', () => {
    // Drawn with a drop-out chance of about 1e-6: the likelihood rises ever more slowly as a → 0. Every
    // halving of the line search there promises a decrease far below the objective's rounding; tried one
    // after another (as before), they cost this fit 363 evaluations to move nowhere.
    const sales = simulateBgNbd(
      200,
      { r: 0.5, alpha: 5, a: 1e-3, b: 1e3 },
      { p: 6, q: 4, gamma: 15 },
      365,
      84,
      3,
    );
    const summary = summaryOf(sales);
    const fit = fitBgNbd(groupRepeatHistories(summary).groups);
    if (!fit.converged) throw new Error(fit.reason);
    expect(fit.boundary).toMatch(/^a shrinks towards 0/u);
    expect(fit.evaluations).toBeLessThan(120);
    // The predictions at the limit stand: a customer's expected purchases are finite and positive.
    const ahead = bgnbdConditionalExpectedPurchases(fit.params, 10, 2, 8, 30);
    expect(Number.isFinite(ahead) && ahead > 0).toBe(true);
  });

  test('a towards 0 on many groups: the warm start goes along the flat ray for fewer evaluations, predictions unmoved', () => {
    const sales = simulateBgNbd(
      60_000,
      { r: 0.5, alpha: 5, a: 1e-3, b: 1e3 },
      { p: 6, q: 4, gamma: 15 },
      365,
      84,
      1,
    );
    const summary = summaryOf(sales);
    const { groups } = groupRepeatHistories(summary);
    expect(groups.frequency.length).toBeGreaterThan(16_384);
    const warm = fitBgNbd(groups);
    const cold = fitBgNbd(groups, { warm: false });
    if (!warm.converged || !cold.converged) throw new Error('a fit failed');
    expect(warm.boundary).toMatch(/^a shrinks towards 0/u);
    expect(cold.boundary).toMatch(/^a shrinks towards 0/u);
    expect(warm.evaluations).toBeLessThan(cold.evaluations);
    // Anywhere along the ray is as likely, to the objective's precision; what is predicted stays put.
    expect(warm.logLikelihood).toBeGreaterThan(cold.logLikelihood - 1e-11 * Math.abs(cold.logLikelihood));
    for (const [x, tx, t] of [
      [0, 0, 40],
      [3, 20, 45],
      [12, 50, 52],
    ] as const) {
      const ahead = bgnbdConditionalExpectedPurchases(warm.params, 26, x, tx, t);
      const before = bgnbdConditionalExpectedPurchases(cold.params, 26, x, tx, t);
      expect(Math.abs(ahead / before - 1)).toBeLessThan(1e-4);
    }
  });

  test('a fit inside the bounds has no boundary note', () => {
    const sales = simulateBgNbd(
      1500,
      { r: 0.5, alpha: 6, a: 0.7, b: 2 },
      { p: 5, q: 4, gamma: 20 },
      364,
      56,
      3,
    );
    const summary = summaryOf(sales);
    const fit = fitBgNbd(groupRepeatHistories(summary).groups);
    expect(fit).toMatchObject({ converged: true, boundary: null });
  });

  test('weights stand for repeated customers: grouped histories fit like one entry per customer', () => {
    const sales = simulateBgNbd(
      1500,
      { r: 0.5, alpha: 6, a: 0.7, b: 2 },
      { p: 5, q: 4, gamma: 20 },
      364,
      56,
      3,
    );
    const summary = summaryOf(sales);
    const { groups, groupOf } = groupRepeatHistories(summary);
    const each = (column: Float64Array): number[] => Array.from(groupOf, (g) => column[g]!);
    const grouped = fitBgNbd(groups);
    const perCustomer = fitBgNbd(groupsOf(each(groups.frequency), each(groups.recency), each(groups.age)));
    if (!grouped.converged || !perCustomer.converged) throw new Error('fit failed');
    expect(groups.weight.length).toBeLessThan(1500);
    expect(grouped.customers).toBe(1500);
    expect(grouped.logLikelihood).toBeCloseTo(perCustomer.logLikelihood, 6);
    for (const key of ['r', 'alpha', 'a', 'b'] as const) {
      expect(grouped.params[key]).toBeCloseTo(perCustomer.params[key], 3);
    }
  });
});

describe('fits on 100,000 synthetic customers recover the parameters they were drawn with', () => {
  // The data of bench/valueModelFitMain.ts, where BFGS once walked the Gamma-Gamma objective's rounding
  // noise for 14,000 evaluations.
  const truth = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };
  const spend = { p: 6, q: 4, gamma: 15 };
  const sales = simulateBgNbd(100_000, truth, spend);
  const summary = summaryOf(sales);

  test('BG/NBD within the sampling error (about 10 %)', () => {
    const fit = fitBgNbd(groupRepeatHistories(summary).groups);
    if (!fit.converged) throw new Error(fit.reason);
    for (const key of ['r', 'alpha', 'a', 'b'] as const) {
      expect(Math.abs(fit.params[key] / truth[key] - 1)).toBeLessThan(0.1);
    }
  });

  test('BG/NBD on many groups starts where a fit of a sample ended: the same optimum in a few evaluations', () => {
    const { groups } = groupRepeatHistories(summary);
    expect(groups.frequency.length).toBeGreaterThan(16_384);
    const warm = fitBgNbd(groups);
    const cold = fitBgNbd(groups, { warm: false });
    if (!warm.converged || !cold.converged) throw new Error('a fit failed');
    // Both stop at the same gradient tolerance: the parameters agree far inside the sampling error, and
    // neither likelihood is meaningfully higher.
    for (const key of ['r', 'alpha', 'a', 'b'] as const)
      expect(Math.abs(warm.params[key] / cold.params[key] - 1)).toBeLessThan(1e-5);
    expect(Math.abs(warm.logLikelihood - cold.logLikelihood)).toBeLessThan(
      1e-12 * Math.abs(cold.logLikelihood),
    );
    expect(warm.boundary).toBeNull();
    // The sample's search costs about two evaluations on all groups; what follows, a handful.
    expect(cold.evaluations).toBeGreaterThan(20);
    expect(warm.evaluations).toBeLessThan(cold.evaluations / 2);
  });

  test('Gamma-Gamma within the sampling error', () => {
    const x: number[] = [];
    const m: number[] = [];
    summary.frequency.forEach((f, c) => {
      if (f > 0) {
        x.push(f);
        m.push(summary.meanRepeatSpend[c]!);
      }
    });
    const fit = fitGammaGamma(x, m);
    if (!fit.converged) throw new Error(fit.reason);
    // BFGS stops at the objective's precision instead of walking its rounding noise for hundreds of steps.
    expect(fit.evaluations).toBeLessThan(150);
    // p is well determined; q and γ trade off against each other, their ratio (the mean of ν) less so.
    expect(Math.abs(fit.params.p / spend.p - 1)).toBeLessThan(0.1);
    expect(Math.abs(fit.params.gamma / (fit.params.q - 1) / (spend.gamma / (spend.q - 1)) - 1)).toBeLessThan(
      0.1,
    );
  });

  test('Gamma-Gamma on many customers starts where a fit of a sample ended: the same optimum, sooner', () => {
    const x: number[] = [];
    const m: number[] = [];
    summary.frequency.forEach((f, c) => {
      if (f > 0) {
        x.push(f);
        m.push(summary.meanRepeatSpend[c]!);
      }
    });
    expect(x.length).toBeGreaterThan(16_384);
    const warm = fitGammaGamma(x, m);
    const cold = fitGammaGamma(x, m, { warm: false });
    if (!warm.converged || !cold.converged) throw new Error('a fit failed');
    for (const key of ['p', 'q', 'gamma'] as const)
      expect(Math.abs(warm.params[key] / cold.params[key] - 1)).toBeLessThan(1e-5);
    expect(Math.abs(warm.logLikelihood - cold.logLikelihood)).toBeLessThan(
      1e-12 * Math.abs(cold.logLikelihood),
    );
    expect(warm.boundary).toBeNull();
    expect(cold.evaluations).toBeGreaterThan(20);
    expect(warm.evaluations).toBeLessThan(cold.evaluations / 2);
  });
});

describe('Gamma-Gamma', () => {
  const gg = { p: 6.25, q: 3.74, gamma: 15.44 };

  test('expected order value: a weighted mean of the population mean and the customer’s own mean', () => {
    const population = (gg.p * gg.gamma) / (gg.q - 1);
    expect(gammaGammaExpectedOrderValue(gg, 0, 999)).toBeCloseTo(population, 12);
    const x = 4;
    const own = 50;
    const weight = (gg.p * x) / (gg.p * x + gg.q - 1);
    expect(gammaGammaExpectedOrderValue(gg, x, own)).toBeCloseTo(
      weight * own + (1 - weight) * population,
      12,
    );
    expect(gammaGammaExpectedOrderValue({ ...gg, q: 0.9 }, 2, 10)).toBeNaN();
  });

  test('fits report too few customers and invalid spend', () => {
    expect(fitGammaGamma([1], [10])).toMatchObject({ converged: false, customers: 1 });
    const bad = fitGammaGamma([1, 2], [10, 0]);
    expect(bad.converged).toBe(false);
    if (!bad.converged) expect(bad.reason).toMatch(/spend > 0/u);
  });

  test('customers who all spend alike: q and γ run off (flagged), and everyone’s expected order value is that spend', () => {
    const x = Array.from({ length: 200 }, (_, k) => 1 + (k % 5));
    const alike = fitGammaGamma(
      x,
      x.map(() => 20),
    );
    if (!alike.converged) throw new Error(alike.reason);
    expect(alike.boundary).toMatch(/grows without bound.*limiting case/u);
    for (const frequency of [0, 1, 5]) {
      expect(gammaGammaExpectedOrderValue(alike.params, frequency, 20)).toBeCloseTo(20, 2);
    }
  });
});

describe('predictedValue', () => {
  const [x, tx, t] = [3, 20, 38];

  test('without discount it telescopes to the expected purchases over 12 months × the order value', () => {
    const months12 = (12 * 365.25) / 12 / 7;
    const purchases = bgnbdConditionalExpectedPurchases(params, months12, x, tx, t);
    expect(predictedValue(params, 30, x, tx, t, 12, 0)).toBeCloseTo(30 * purchases, 10);
  });

  test('each month’s purchases discounted by (1 + d)^m', () => {
    const month = 365.25 / 12 / 7;
    let expected = 0;
    for (let m = 1; m <= 12; m++) {
      const inMonth =
        bgnbdConditionalExpectedPurchases(params, m * month, x, tx, t) -
        bgnbdConditionalExpectedPurchases(params, (m - 1) * month, x, tx, t);
      expected += (inMonth * 30) / 1.01 ** m;
    }
    expect(predictedValue(params, 30, x, tx, t)).toBeCloseTo(expected, 10);
    expect(predictedValue(params, 30, x, tx, t)).toBeLessThan(predictedValue(params, 30, x, tx, t, 12, 0));
  });
});
