import * as grouping from '../../../src/engine/valueModel/groupPurchasesByCustomer';
import { runValueModel, defaultValueModelSettings } from '../../../src/engine/valueModel/runValueModel';
import { summarizePurchasesByCustomer } from '../../../src/engine/valueModel/summarizePurchasesByCustomer';
import { summarizeRepeatPurchases } from '../../../src/engine/valueModel/summarizeRepeatPurchases';
import type { RepeatPurchaseSummary } from '../../../src/engine/valueModel/types';
import { readCdnow, ymd } from './cdnowSample';

/** The summary written plainly, row by row in row order: what the grouped summary must give, bit for bit. */
function plainSummary(
  customer: number[],
  day: number[],
  amount: number[],
  customerCount: number,
  endDay: number,
  startDay: number,
  countZeroAmounts: boolean,
): RepeatPurchaseSummary {
  const firstDay = new Int32Array(customerCount).fill(-1);
  const frequency = new Int32Array(customerCount);
  const recencyDays = new Int32Array(customerCount);
  const ageDays = new Int32Array(customerCount);
  const meanRepeatSpend = new Float64Array(customerCount);
  let customersWithPurchases = 0;
  for (let c = 0; c < customerCount; c++) {
    const rows = customer
      .map((_, k) => k)
      .filter((k) => {
        const value = amount[k]!;
        return (
          customer[k] === c &&
          (value > 0 || (countZeroAmounts && value === 0)) &&
          day[k]! >= startDay &&
          day[k]! <= endDay
        );
      });
    if (rows.length === 0) continue;
    customersWithPurchases++;
    const first = Math.min(...rows.map((k) => day[k]!));
    firstDay[c] = first;
    let repeat = 0;
    for (const k of rows) if (day[k]! > first) repeat += amount[k]!;
    const days = [...new Set(rows.map((k) => day[k]!))].sort((a, b) => a - b);
    frequency[c] = days.length - 1;
    recencyDays[c] = days[days.length - 1]! - first;
    ageDays[c] = endDay - first;
    meanRepeatSpend[c] = days.length > 1 ? repeat / (days.length - 1) : 0;
  }
  return { firstDay, frequency, recencyDays, ageDays, meanRepeatSpend, customersWithPurchases };
}

describe('summarizePurchasesByCustomer: the rows grouped by customer once, summarised several times', () => {
  // 400 customers, rows in no order, amounts with cents (so a different order of addition would show in
  // the last bits), returns, zeros, NaN, rows without a customer, and a few customers with over 32 rows.
  let seed = 7;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const customer: number[] = [];
  const day: number[] = [];
  const amount: number[] = [];
  for (let k = 0; k < 6000; k++) {
    const c = next(50) === 0 ? next(5) : next(420) - 10;
    customer.push(c < 0 ? -1 : c);
    day.push(next(c % 9 === 0 ? 20 : 700));
    const kind = next(40);
    amount.push(
      kind === 0 ? -next(5000) / 100 : kind === 1 ? 0 : kind === 2 ? Number.NaN : next(100_000) / 100 + 0.01,
    );
  }
  const grouped = grouping.groupPurchasesByCustomer(customer, day, amount, 400);

  test.each([
    ['every day up to the end', 650, Number.NEGATIVE_INFINITY, false],
    ['a calibration end', 400, Number.NEGATIVE_INFINITY, true],
    ['a holdout', 650, 401, true],
    ['a holdout, zeros not counted', 650, 401, false],
  ])('%s: exactly the plain summary and summarizeRepeatPurchases', (_, endDay, startDay, countZero) => {
    const expected = plainSummary(customer, day, amount, 400, endDay, startDay, countZero);
    const summary = summarizePurchasesByCustomer(grouped, endDay, startDay, countZero);
    expect(summary).toEqual(expected);
    expect(summarizeRepeatPurchases(customer, day, amount, 400, endDay, startDay, countZero)).toEqual(
      expected,
    );
    // toEqual compares doubles with Object.is: the repeat spends are equal to the last bit.
    expect(summary.customersWithPurchases).toBeGreaterThan(50);
  });

  test('rows outside the customers, returns and amounts that are not numbers are left out of the grouping', () => {
    const few = grouping.groupPurchasesByCustomer(
      [1, -1, 0, 5, 1, 0],
      [3, 4, 5, 6, 7, 8],
      [2, 9, -1, 4, 0, Number.NaN],
      2,
    );
    expect(Array.from(few.from)).toEqual([0, 0, 2]);
    expect(Array.from(few.day)).toEqual([3, 7]);
    expect(Array.from(few.amount)).toEqual([2, 0]);
  });

  test('grouped into arrays the caller gives (longer than needed, not zeroed): the same grouping there', () => {
    const into = {
      from: new Int32Array(401).fill(7),
      day: new Float64Array(customer.length + 5).fill(3),
      amount: new Float64Array(customer.length + 5).fill(3),
    };
    const there = grouping.groupPurchasesByCustomer(customer, day, amount, 400, into);
    expect(there).toEqual(grouped);
    expect(there.from).toBe(into.from);
    expect(there.day.buffer).toBe(into.day.buffer);
    expect(there.amount.buffer).toBe(into.amount.buffer);
  });

  test('the value model groups the rows once for the fit, the calibration and the holdout (CDNOW)', () => {
    const cdnow = readCdnow();
    const spy = jest.spyOn(grouping, 'groupPurchasesByCustomer');
    try {
      const rows = { count: cdnow.customer.length, ...cdnow };
      const run = runValueModel(rows, cdnow.customerCount, ymd('19980630'), defaultValueModelSettings());
      expect(run.fit.valueModel).not.toBeNull();
      expect(run.holdout?.rows.length).toBeGreaterThan(0);
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });
});
