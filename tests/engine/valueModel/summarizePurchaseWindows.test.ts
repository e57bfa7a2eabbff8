import { groupPurchasesByCustomer } from '../../../src/engine/valueModel/groupPurchasesByCustomer';
import * as oneWindow from '../../../src/engine/valueModel/summarizePurchasesByCustomer';
import { summarizePurchaseWindows } from '../../../src/engine/valueModel/summarizePurchaseWindows';
import {
  defaultValueModelSettings,
  groupValueModelRows,
  runValueModel,
  runValueModelFit,
  runValueModelHoldout,
  summarizeValueModelRows,
} from '../../../src/engine/valueModel/runValueModel';
import { readCdnow, ymd } from './cdnowSample';

/**
 * Rows of 300 customers in no order: amounts with cents (a different order of addition would show in the
 * last bits), returns, zeros, NaN, rows without a customer, customers with over 32 rows, and days drawn
 * by `dayOf` (whole days, or days with fractions and below 0, which take the one-window statements).
 */
function rowsWith(dayOf: (draw: (n: number) => number) => number): {
  customer: number[];
  day: number[];
  amount: number[];
} {
  let seed = 11;
  const draw = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const customer: number[] = [];
  const day: number[] = [];
  const amount: number[] = [];
  for (let k = 0; k < 5000; k++) {
    const c = draw(40) === 0 ? draw(4) : draw(310) - 10;
    customer.push(c < 0 ? -1 : c);
    day.push(dayOf(draw));
    const kind = draw(40);
    amount.push(
      kind === 0 ? -draw(5000) / 100 : kind === 1 ? 0 : kind === 2 ? Number.NaN : draw(100_000) / 100 + 0.01,
    );
  }
  return { customer, day, amount };
}

const windows = [
  { startDay: Number.NEGATIVE_INFINITY, endDay: 650 },
  { startDay: Number.NEGATIVE_INFINITY, endDay: 399 },
  { startDay: 400, endDay: 650 },
  { startDay: 100, endDay: 120 },
  { startDay: 700, endDay: 800 },
];

describe('summarizePurchaseWindows: several windows in one pass, each exactly its own summary', () => {
  test.each([
    ['whole days', (draw: (n: number) => number) => draw(700)],
    ['a few customers on few days (many repeats of a day)', (draw: (n: number) => number) => 300 + draw(3)],
    ['days with fractions and below 0', (draw: (n: number) => number) => (draw(900) - 100) / (1 + draw(3))],
  ])('%s, zeros counted and not', (_, dayOf) => {
    const { customer, day, amount } = rowsWith(dayOf);
    const grouped = groupPurchasesByCustomer(customer, day, amount, 300);
    for (const countZero of [true, false]) {
      const summaries = summarizePurchaseWindows(grouped, countZero, windows);
      expect(summaries).toHaveLength(windows.length);
      windows.forEach(({ startDay, endDay }, w) => {
        // toEqual compares doubles with Object.is: the repeat spends are equal to the last bit.
        expect(summaries[w]).toEqual(
          oneWindow.summarizePurchasesByCustomer(grouped, endDay, startDay, countZero),
        );
      });
      expect(summaries[0]!.customersWithPurchases).toBeGreaterThan(100);
    }
  });

  test('no windows, no customers: nothing to summarise', () => {
    const grouped = groupPurchasesByCustomer([], [], [], 0);
    expect(summarizePurchaseWindows(grouped, true, [])).toEqual([]);
    expect(summarizePurchaseWindows(grouped, true, windows.slice(0, 1))[0]!.customersWithPurchases).toBe(0);
  });

  test('the value model summarises its rows once for the fit, the calibration and the holdout, with the same run (CDNOW)', () => {
    const cdnow = readCdnow();
    const rows = { count: cdnow.customer.length, ...cdnow };
    const asOf = ymd('19980630');
    const settings = defaultValueModelSettings();
    const spy = jest.spyOn(oneWindow, 'summarizePurchasesByCustomer');
    try {
      const run = runValueModel(rows, cdnow.customerCount, asOf, settings);
      expect(spy).not.toHaveBeenCalled();
      // The same run as the fit and the check each summarising on their own.
      const byCustomer = groupValueModelRows(rows, cdnow.customerCount);
      const fit = runValueModelFit(rows, cdnow.customerCount, asOf, settings, byCustomer);
      const holdout = runValueModelHoldout(rows, cdnow.customerCount, asOf, settings, byCustomer);
      expect(spy).toHaveBeenCalled();
      expect(run).toEqual({ fit, holdout });
      expect(run.holdout?.rows.length).toBeGreaterThan(0);
      const summaries = summarizeValueModelRows(rows, asOf, settings, byCustomer);
      expect(summaries.fit).toEqual(
        oneWindow.summarizePurchasesByCustomer(byCustomer, asOf, Number.NEGATIVE_INFINITY, true),
      );
      expect(summaries.holdout?.holdoutEnd).toBe(asOf);
    } finally {
      spy.mockRestore();
    }
  });
});
