import { bgnbdConditionalExpectedPurchases } from '../../../src/engine/valueModel/bgnbdConditionalExpectedPurchases';
import { bgnbdExpectedPurchases } from '../../../src/engine/valueModel/bgnbdExpectedPurchases';
import { bgnbdProbabilityAlive } from '../../../src/engine/valueModel/bgnbdProbabilityAlive';
import { bgnbdLogLikelihood } from '../../../src/engine/valueModel/bgnbdLogLikelihood';
import { checkHoldout } from '../../../src/engine/valueModel/checkHoldout';
import { fitBgNbd } from '../../../src/engine/valueModel/fitBgNbd';
import { fitGammaGamma } from '../../../src/engine/valueModel/fitGammaGamma';
import { groupRepeatHistories } from '../../../src/engine/valueModel/groupRepeatHistories';
import { summarizeRepeatPurchases } from '../../../src/engine/valueModel/summarizeRepeatPurchases';
import type {
  BgNbdParams,
  FitResult,
  FitSuccess,
  GammaGammaParams,
} from '../../../src/engine/valueModel/types';
import { readCdnow, ymd } from './cdnowSample';

// Fader, Hardie & Lee (2005), "Counting your customers the easy way", and the lifetimes documentation of
// the same data: BG/NBD and Gamma-Gamma fits with calibration to 1997-09-30, time in weeks.
const publishedBgNbd = { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 };
const publishedLogLikelihood = -9582.43;
const publishedGammaGamma = { p: 6.25, q: 3.74, gamma: 15.44 };

const rows = readCdnow();
const calibrationEnd = ymd('19970930');
// Zero-dollar rows are purchases here (a free CD; for 8 customers their only one): the published 2,357
// customers include them.
const summary = summarizeRepeatPurchases(
  rows.customer,
  rows.day,
  rows.amount,
  rows.customerCount,
  calibrationEnd,
  undefined,
  true,
);
const { groups, groupOf } = groupRepeatHistories(summary);

function converged<P>(fit: FitResult<P>): FitSuccess<P> {
  if (!fit.converged) throw new Error(`fit did not converge: ${fit.reason}`);
  return fit;
}

function expectWithin(actual: number, expected: number, relative: number): void {
  expect(Math.abs(actual / expected - 1)).toBeLessThanOrEqual(relative);
}

describe('CDNOW sample, calibration to 1997-09-30: the published fits', () => {
  const bgnbd = converged(fitBgNbd(groups));

  test('2,357 customers, 946 of them with a repeat purchase day, grouped into fewer distinct histories', () => {
    expect(summary.customersWithPurchases).toBe(2357);
    expect(summary.frequency.filter((x) => x > 0).length).toBe(946);
    expect(bgnbd.customers).toBe(2357);
    expect(groups.weight.length).toBeLessThan(2357);
  });

  test('without zero-amount purchase days (the engine rule) the 8 free-CD-only customers are left out', () => {
    const strict = summarizeRepeatPurchases(
      rows.customer,
      rows.day,
      rows.amount,
      rows.customerCount,
      calibrationEnd,
    );
    expect(strict.customersWithPurchases).toBe(2349);
  });

  test('BFGS with the exact gradient needs a few dozen likelihood evaluations (a wrong gradient needs hundreds)', () => {
    expect(bgnbd.evaluations).toBeLessThan(60);
  });

  test('BG/NBD r, α, a, b within 0.5 % and the log-likelihood −9582.43', () => {
    const { params } = bgnbd;
    for (const key of ['r', 'alpha', 'a', 'b'] as const)
      expectWithin(params[key], publishedBgNbd[key], 0.005);
    expect(bgnbd.logLikelihood).toBeCloseTo(publishedLogLikelihood, 1);
  });

  test('the grouped likelihood equals the sum of the per-customer likelihoods', () => {
    let sum = 0;
    for (let c = 0; c < rows.customerCount; c++) {
      const g = groupOf[c]!;
      sum += bgnbdLogLikelihood(bgnbd.params, groups.frequency[g]!, groups.recency[g]!, groups.age[g]!);
    }
    expect(sum).toBeCloseTo(bgnbd.logLikelihood, 6);
  });

  test('a small move of any parameter lowers the likelihood (it is a maximum)', () => {
    for (const key of ['r', 'alpha', 'a', 'b'] as const) {
      for (const factor of [0.99, 1.01]) {
        const moved: BgNbdParams = { ...bgnbd.params, [key]: bgnbd.params[key] * factor };
        const ll = groups.frequency.reduce(
          (total, x, g) =>
            total + groups.weight[g]! * bgnbdLogLikelihood(moved, x, groups.recency[g]!, groups.age[g]!),
          0,
        );
        expect(ll).toBeLessThan(bgnbd.logLikelihood);
      }
    }
  });

  test('customer 00004 is the published example: x 2, t_x 30.43, T 38.86 weeks; 1.226 purchases in 39 weeks', () => {
    const g = groupOf[0]!;
    expect(groups.frequency[g]).toBe(2);
    expect(groups.recency[g]).toBeCloseTo(30.43, 2);
    expect(groups.age[g]).toBeCloseTo(38.86, 2);
    for (const params of [publishedBgNbd, bgnbd.params]) {
      expect(bgnbdConditionalExpectedPurchases(params, 39, 2, 30.43, 38.86)).toBeCloseTo(1.226, 3);
    }
    // At the published parameters, against mpmath (30 digits).
    expect(bgnbdConditionalExpectedPurchases(publishedBgNbd, 39, 2, 30.43, 38.86)).toBeCloseTo(
      1.225922657987,
      11,
    );
    expect(bgnbdProbabilityAlive(publishedBgNbd, 2, 30.43, 38.86)).toBeCloseTo(0.7266140448542, 12);
  });

  test.each<[number, number]>([
    [1, 0.0532],
    [3, 0.1506],
    [32, 1.0437],
  ])('E[X(%d weeks)] = %d', (weeks, expected) => {
    // To the published 4 decimals at 1, 3 and 32 weeks; at 78 weeks the exact value is 1.85796 (see the
    // mpmath check below), 0.02 % above the published 1.8576.
    expect(Math.abs(bgnbdExpectedPurchases(bgnbd.params, weeks) - expected)).toBeLessThan(
      weeks < 78 ? 5e-5 : 5e-4,
    );
    expectWithin(bgnbdExpectedPurchases(publishedBgNbd, weeks), expected, 0.0005);
  });

  test.each<[number, number]>([
    [32, 1.0437639538152],
    [78, 1.8580239048663],
  ])('E[X(%d weeks)] at the published parameters = %d (mpmath, 30 digits)', (weeks, reference) => {
    expect(bgnbdExpectedPurchases(publishedBgNbd, weeks)).toBeCloseTo(reference, 11);
  });

  test('Gamma-Gamma on the 946 repeat customers’ mean repeat spend: p, q, γ within 0.5 %', () => {
    const x: number[] = [];
    const spend: number[] = [];
    summary.frequency.forEach((f, c) => {
      if (f > 0 && summary.meanRepeatSpend[c]! > 0) {
        x.push(f);
        spend.push(summary.meanRepeatSpend[c]!);
      }
    });
    expect(x.length).toBe(946);
    const fit = converged(fitGammaGamma(x, spend));
    // BFGS stops at the objective's precision instead of walking its rounding noise for hundreds of steps.
    expect(fit.evaluations).toBeLessThan(150);
    const params: GammaGammaParams = fit.params;
    for (const key of ['p', 'q', 'gamma'] as const)
      expectWithin(params[key], publishedGammaGamma[key], 0.005);
  });
});

describe('CDNOW holdout: fit to 1997-09-30, compare 1997-10-01 … 1998-06-30', () => {
  const check = checkHoldout(
    rows.customer,
    rows.day,
    rows.amount,
    rows.customerCount,
    ymd('19971001'),
    ymd('19980630'),
    true,
  );

  test('the calibration fit is the published one and the holdout is 39 weeks', () => {
    const fit = converged(check.fit);
    expectWithin(fit.params.r, publishedBgNbd.r, 0.005);
    expect(check.holdoutWeeks).toBeCloseTo(39, 0);
    expect(check.notPredicted).toBe(0);
  });

  test('rows 0 … 7+ cover every customer, and the model tracks the holdout', () => {
    expect(check.rows.map((row) => row.calibrationRepeats)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(check.rows.reduce((total, row) => total + row.customers, 0)).toBe(2357);
    expect(check.rows[0]!.customers).toBe(1411);
    // Measured: predicted / actual 0.95, 0.75, 0.75, 0.97, 0.85, 0.90, 0.91, 0.97; both rise with the
    // calibration repeats.
    for (const row of check.rows) {
      expect(row.predicted / row.actual).toBeGreaterThan(0.7);
      expect(row.predicted / row.actual).toBeLessThan(1.05);
    }
    for (let k = 1; k < check.rows.length; k++) {
      expect(check.rows[k]!.predicted).toBeGreaterThan(check.rows[k - 1]!.predicted);
    }
  });

  test('a holdout that ends before it starts is refused with the reason', () => {
    const backwards = checkHoldout(
      rows.customer,
      rows.day,
      rows.amount,
      rows.customerCount,
      ymd('19971001'),
      ymd('19970901'),
    );
    expect(backwards.fit).toMatchObject({ converged: false, reason: 'the holdout ends before it starts' });
    expect(backwards.rows).toEqual([]);
  });
});
