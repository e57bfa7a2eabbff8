import { simulateBgNbd } from '../../../bench/simulateBgNbd';
import { bgnbdConditionalExpectedPurchases } from '../../../src/engine/valueModel/bgnbdConditionalExpectedPurchases';
import { bgnbdProbabilityAlive } from '../../../src/engine/valueModel/bgnbdProbabilityAlive';
import { fitValueModel } from '../../../src/engine/valueModel/fitValueModel';
import { gammaGammaExpectedOrderValue } from '../../../src/engine/valueModel/gammaGammaExpectedOrderValue';
import { predictedValue } from '../../../src/engine/valueModel/predictedValue';
import { summarizeRepeatPurchases } from '../../../src/engine/valueModel/summarizeRepeatPurchases';
import type { ValueModelResult } from '../../../src/engine/valueModel/types';
import { readCdnow, ymd } from './cdnowSample';
import fs from 'node:fs';
import path from 'node:path';
import { dayFromYmd } from '../../../src/engine/dayNumbers';

function fitted(result: ValueModelResult): Extract<ValueModelResult, { reason: null }> {
  if (result.valueModel === null) throw new Error(`no fit: ${result.reason}`);
  return result;
}

describe('fitValueModel on CDNOW, as of 1997-09-30', () => {
  const rows = readCdnow();
  // The rows after the as-of date (to June 1998) are in the data: the fit must ignore them.
  const result = fitted(
    fitValueModel(rows.customer, rows.day, rows.amount, rows.customerCount, ymd('19970930'), {
      horizonDays: 273, // 39 weeks, the published example's horizon
      countZeroAmounts: true,
    }),
  );
  const { valueModel, predictions } = result;

  test('the report object: weeks, the published parameters, the counts of customers used and left out', () => {
    expect(valueModel.timeUnit).toBe('week');
    expect(valueModel.bgnbd.r).toBeCloseTo(0.2426, 3);
    expect(valueModel.bgnbd.alpha).toBeCloseTo(4.4136, 2);
    expect(valueModel.bgnbd.logLikelihood).toBeCloseTo(-9582.43, 1);
    expect(valueModel.gammaGamma?.p).toBeCloseTo(6.25, 1);
    expect(valueModel.gammaGammaReason).toBeNull();
    expect(valueModel.counts).toEqual({
      bgnbd: 2357,
      repeatCustomers: 946,
      gammaGamma: 946,
      withoutRepeatPurchase: 1411,
      withoutPositiveRepeatSpend: 0,
      notPredicted: 0,
    });
    expect(JSON.parse(JSON.stringify(valueModel))).toEqual(valueModel);
  });

  test('per customer: customer 00004 (x 2, t_x 30.43, T 38.86) expects 1.226 purchases in 39 weeks', () => {
    expect(predictions.expectedPurchases[0]).toBeCloseTo(1.226, 3);
    expect(predictions.pAlive[0]).toBeCloseTo(0.7266, 2);
  });

  test('order value and predicted value follow from the fitted models for every customer', () => {
    const { bgnbd, gammaGamma } = valueModel;
    const params = { r: bgnbd.r, alpha: bgnbd.alpha, a: bgnbd.a, b: bgnbd.b };
    // Customer 00004: repeat days 1997-01-18 ($29.73) and 1997-08-02 ($14.96).
    const orderValue = gammaGammaExpectedOrderValue(gammaGamma!, 2, (29.73 + 14.96) / 2);
    expect(predictions.expectedOrderValue[0]).toBeCloseTo(orderValue, 10);
    expect(predictions.predictedValue[0]).toBeCloseTo(
      predictedValue(params, orderValue, 2, 213 / 7, 272 / 7),
      10,
    );
    for (let c = 0; c < rows.customerCount; c++) {
      expect(predictions.pAlive[c]! > 0 && predictions.pAlive[c]! <= 1).toBe(true);
      expect(predictions.predictedValue[c]! > 0).toBe(true);
    }
    expect(bgnbdConditionalExpectedPurchases(params, 39, 2, 213 / 7, 272 / 7)).toBeCloseTo(
      predictions.expectedPurchases[0]!,
      10,
    );
  });

  test('every prediction is exactly what the per-customer functions give (computed once per (x, T) pair)', () => {
    const { bgnbd, gammaGamma } = valueModel;
    const params = { r: bgnbd.r, alpha: bgnbd.alpha, a: bgnbd.a, b: bgnbd.b };
    const summary = summarizeRepeatPurchases(
      rows.customer,
      rows.day,
      rows.amount,
      rows.customerCount,
      ymd('19970930'),
      Number.NEGATIVE_INFINITY,
      true,
    );
    for (let c = 0; c < rows.customerCount; c++) {
      const [x, tx, t] = [summary.frequency[c]!, summary.recencyDays[c]! / 7, summary.ageDays[c]! / 7];
      expect(predictions.pAlive[c]).toBe(bgnbdProbabilityAlive(params, x, tx, t));
      expect(predictions.expectedPurchases[c]).toBe(
        bgnbdConditionalExpectedPurchases(params, 273 / 7, x, tx, t),
      );
      const orderValue = gammaGammaExpectedOrderValue(gammaGamma!, x, summary.meanRepeatSpend[c]!);
      expect(predictions.predictedValue[c]).toBe(orderValue * predictedValue(params, 1, x, tx, t));
    }
  });

  test('by default (the engine rule) the 8 customers whose only purchase was $0 have no predictions', () => {
    const strict = fitted(
      fitValueModel(rows.customer, rows.day, rows.amount, rows.customerCount, ymd('19970930')),
    );
    expect(strict.valueModel.counts.bgnbd).toBe(2349);
    const missing = Array.from(strict.predictions.pAlive).filter((p) => Number.isNaN(p)).length;
    expect(missing).toBe(8);
  });
});

describe('fitValueModel says why it cannot fit', () => {
  const daily = (
    customers: number,
    days: (c: number) => number[],
    spend: (c: number, k: number) => number,
  ) => {
    const customer: number[] = [];
    const day: number[] = [];
    const amount: number[] = [];
    for (let c = 0; c < customers; c++) {
      days(c).forEach((d, k) => {
        customer.push(c);
        day.push(d);
        amount.push(spend(c, k));
      });
    }
    return { customer, day, amount, customers };
  };

  test('too few customers', () => {
    const sales = daily(
      5,
      (c) => [c, c + 10],
      () => 10,
    );
    const result = fitValueModel(sales.customer, sales.day, sales.amount, sales.customers, 100);
    expect(result).toEqual({
      valueModel: null,
      reason: '5 customer(s) bought up to the as-of date; the value model needs at least 30',
      predictions: null,
    });
  });

  test('nobody bought on a second day', () => {
    const sales = daily(
      40,
      (c) => [c],
      () => 10,
    );
    const result = fitValueModel(sales.customer, sales.day, sales.amount, sales.customers, 100);
    expect(result.valueModel).toBeNull();
    expect(result.reason).toMatch(/BG\/NBD.*no customer bought again/u);
  });

  test('every purchase costs the same: the spend fit is a limiting case, noted; order values are own means', () => {
    // Purchases as the BG/NBD draws them, each costing 20. Spend never varies around a customer's own mean
    // (a day with two purchases makes 40), so p runs off to ∞ and each repeat customer's own mean is trusted.
    const sales = simulateBgNbd(
      2000,
      { r: 0.5, alpha: 6, a: 0.7, b: 2 },
      { p: 5, q: 4, gamma: 20 },
      364,
      56,
      11,
    );
    sales.amount.fill(20);
    const result = fitted(
      fitValueModel(sales.customer, sales.day, sales.amount, sales.customers, sales.endDay),
    );
    expect(result.valueModel.notes).toEqual([
      expect.stringMatching(/^Spend model \(Gamma-Gamma\): p grows without bound.*limiting case/u),
    ]);
    const summary = summarizeRepeatPurchases(
      sales.customer,
      sales.day,
      sales.amount,
      sales.customers,
      sales.endDay,
    );
    summary.frequency.forEach((x, c) => {
      if (x > 0) expect(result.predictions.expectedOrderValue[c]).toBeCloseTo(summary.meanRepeatSpend[c]!, 3);
    });
  });

  test('the spend model alone fails: purchase predictions stand, order and predicted values are NaN', () => {
    // Every repeat purchase but one customer's is free: one customer is left for the spend model.
    const sales = simulateBgNbd(
      2000,
      { r: 0.5, alpha: 6, a: 0.7, b: 2 },
      { p: 5, q: 4, gamma: 20 },
      364,
      56,
      11,
    );
    const first = new Map<number, number>();
    sales.customer.forEach((c, k) => first.set(c, Math.min(first.get(c) ?? Infinity, sales.day[k]!)));
    const paying = sales.customer.find((c, k) => sales.day[k]! > first.get(c)!)!;
    const amount = Array.from(sales.amount, (value, k) => {
      const c = sales.customer[k]!;
      return c === paying || sales.day[k] === first.get(c) ? value : 0;
    });
    const result = fitted(
      fitValueModel(sales.customer, sales.day, amount, sales.customers, sales.endDay, {
        countZeroAmounts: true,
      }),
    );
    expect(result.valueModel.gammaGamma).toBeNull();
    expect(result.valueModel.gammaGammaReason).toBe(
      'the spend model could not be fitted: 1 customer(s) with repeat spend; the spend model needs at least 2',
    );
    expect(result.valueModel.counts.gammaGamma).toBe(0);
    expect(result.valueModel.counts.withoutPositiveRepeatSpend).toBe(
      result.valueModel.counts.repeatCustomers - 1,
    );
    expect(Number.isNaN(result.predictions.pAlive[1]!)).toBe(false);
    expect(result.predictions.expectedOrderValue[1]).toBeNaN();
    expect(result.predictions.predictedValue[1]).toBeNaN();
  });

  test('customers whose repeat days are all $0 are counted as left out of the spend model', () => {
    const sales = simulateBgNbd(
      1000,
      { r: 0.5, alpha: 6, a: 0.7, b: 2 },
      { p: 5, q: 4, gamma: 20 },
      364,
      56,
      5,
    );
    // Customer 0 buys again on two more days, for nothing.
    const customer = [...sales.customer, 0, 0];
    const day = [...sales.day, sales.endDay - 1, sales.endDay];
    const amount = [...sales.amount, 0, 0];
    const only = customer.map((c, k) => (c !== 0 || day[k]! >= sales.endDay - 1 || k === 0 ? c : -1));
    const result = fitted(
      fitValueModel(only, day, amount, sales.customers, sales.endDay, { countZeroAmounts: true }),
    );
    expect(result.valueModel.counts.withoutPositiveRepeatSpend).toBe(1);
    expect(result.valueModel.counts.gammaGamma).toBe(result.valueModel.counts.repeatCustomers - 1);
    // Still predicted: the model's expectation for two repeat days of $0 each.
    const { p, q, gamma } = result.valueModel.gammaGamma!;
    expect(result.predictions.expectedOrderValue[0]).toBeCloseTo((p * gamma) / (2 * p + q - 1), 10);
  });

  test('one month of a real shop (online retail, December 2010): no drop-out to see, said in a note', () => {
    const csv = path.resolve(__dirname, '../../../..', 'shared/data/online_retail_2010-12.csv');
    const ids = new Map<string, number>();
    const customer: number[] = [];
    const day: number[] = [];
    const amount: number[] = [];
    for (const line of fs.readFileSync(csv, 'utf8').split('\n').slice(1)) {
      // InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country; read from the end
      // as descriptions may hold commas.
      const cells = line.split(',');
      const n = cells.length;
      const id = cells[n - 2];
      if (n < 8 || id === undefined || id === '') continue;
      const date = cells[n - 4]!;
      if (!ids.has(id)) ids.set(id, ids.size);
      customer.push(ids.get(id)!);
      day.push(dayFromYmd(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)))!);
      amount.push(Number(cells[n - 5]) * Number(cells[n - 3]));
    }
    const result = fitted(fitValueModel(customer, day, amount, ids.size, Math.max(...day)));
    expect(ids.size).toBeGreaterThan(900);
    expect(result.valueModel.notes).toEqual([
      expect.stringMatching(/^Purchase model.*a shrinks towards 0.*too short a window/u),
    ]);
    // No drop-out in sight: everyone who bought is almost surely still a customer.
    for (const p of result.predictions.pAlive) if (!Number.isNaN(p)) expect(p).toBeGreaterThan(0.999);
  });
});
