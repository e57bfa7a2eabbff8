/**
 * `runValueModel` in two halves: the fit (`runValueModelFit`) and the holdout check
 * (`runValueModelHoldout`), run apart (each grouping the rows itself, in either order, as the command
 * line's worker and main thread do), make the same run, bit for bit.
 */
import {
  defaultValueModelSettings,
  groupValueModelRows,
  runValueModel,
  runValueModelFit,
  runValueModelHoldout,
  summarizeValueModelRows,
  type ValueModelRows,
  type ValueModelSettings,
} from '../../../src/engine/valueModel/runValueModel';
import { readCdnow, ymd } from './cdnowSample';

const cdnow = readCdnow();
const rows: ValueModelRows = {
  count: cdnow.customer.length,
  customer: Int32Array.from(cdnow.customer),
  day: Int32Array.from(cdnow.day),
  amount: Float64Array.from(cdnow.amount),
};

/** The bytes of a typed array (bit-identical, NaN included). */
const bytesOf = (values: Float64Array | Int32Array | undefined): Buffer =>
  values === undefined ? Buffer.alloc(0) : Buffer.from(values.buffer, values.byteOffset, values.byteLength);

describe('the fit and the holdout check run apart give runValueModel', () => {
  test.each<[string, number, Partial<ValueModelSettings>]>([
    ['as of 1998-06-30, the default holdout', ymd('19980630'), {}],
    ['as of 1997-09-30, a holdout from 1997-07-01', ymd('19970930'), { valueHoldoutStart: '1997-07-01' }],
    ['a holdout that ends before it starts', ymd('19970930'), { valueHoldoutStart: '1998-01-01' }],
  ])('%s', (_name, asOf, changed) => {
    const settings = { ...defaultValueModelSettings(), ...changed };
    const run = runValueModel(rows, cdnow.customerCount, asOf, settings);
    expect(run.fit.valueModel).not.toBeNull();
    // The holdout first, then the fit, each on its own grouping.
    const holdout = runValueModelHoldout(rows, cdnow.customerCount, asOf, settings);
    const fit = runValueModelFit(rows, cdnow.customerCount, asOf, settings);
    expect({ fit, holdout }).toEqual(run);
    for (const key of ['pAlive', 'expectedPurchases', 'expectedOrderValue', 'predictedValue'] as const)
      expect(bytesOf(fit.predictions?.[key]).equals(bytesOf(run.fit.predictions?.[key]))).toBe(true);
    // And on one grouping shared by both.
    const byCustomer = groupValueModelRows(rows, cdnow.customerCount);
    expect(runValueModelHoldout(rows, cdnow.customerCount, asOf, settings, byCustomer)).toEqual(run.holdout);
    expect(runValueModelFit(rows, cdnow.customerCount, asOf, settings, byCustomer)).toEqual(run.fit);
    // The check's inputs made ahead (as the worker does), sent over (a structured clone, as a message is),
    // and read by the check.
    const prepared = structuredClone(summarizeValueModelRows(rows, asOf, settings, byCustomer).holdout);
    expect(prepared === null).toBe(changed.valueHoldoutStart === '1998-01-01');
    expect(runValueModelHoldout(rows, cdnow.customerCount, asOf, settings, byCustomer, prepared)).toEqual(
      run.holdout,
    );
  });

  test('inputs made ahead are read, and only when they are of the same holdout', () => {
    const settings = defaultValueModelSettings();
    const asOf = ymd('19980630');
    const run = runValueModel(rows, cdnow.customerCount, asOf, settings);
    const byCustomer = groupValueModelRows(rows, cdnow.customerCount);
    const prepared = summarizeValueModelRows(rows, asOf, settings, byCustomer).holdout!;
    // The check reads them: with one customer's calibration history changed, its fit is another.
    const altered = structuredClone(prepared);
    altered.grouped.groups.weight[0]! += 50;
    expect(
      runValueModelHoldout(rows, cdnow.customerCount, asOf, settings, byCustomer, altered).fit,
    ).not.toEqual(run.holdout!.fit);
    // Of another holdout start, another as-of date or other customers: not read (the same check as without).
    const otherStart = summarizeValueModelRows(
      rows,
      asOf,
      { ...settings, valueHoldoutStart: '1997-09-01' },
      byCustomer,
    ).holdout;
    const otherEnd = summarizeValueModelRows(rows, asOf - 1, settings, byCustomer).holdout;
    const fewer = summarizeValueModelRows(
      rows,
      asOf,
      settings,
      groupValueModelRows(rows, cdnow.customerCount - 1),
    ).holdout;
    for (const other of [otherStart, otherEnd, fewer]) {
      const poisoned = structuredClone(other)!;
      poisoned.grouped.groups.weight[0]! += 50;
      expect(runValueModelHoldout(rows, cdnow.customerCount, asOf, settings, byCustomer, poisoned)).toEqual(
        run.holdout,
      );
    }
  });

  test('rows past `count` are not read by either half', () => {
    const settings = defaultValueModelSettings();
    const asOf = ymd('19980630');
    const run = runValueModel(rows, cdnow.customerCount, asOf, settings);
    const longer: ValueModelRows = {
      count: rows.count,
      customer: Int32Array.from([...rows.customer, 0, 1]),
      day: Int32Array.from([...rows.day, ymd('19970101'), asOf]),
      amount: Float64Array.from([...rows.amount, 1e6, 1e6]),
    };
    expect(runValueModelHoldout(longer, cdnow.customerCount, asOf, settings)).toEqual(run.holdout);
    expect(runValueModelFit(longer, cdnow.customerCount, asOf, settings)).toEqual(run.fit);
  });
});
