import { dayFromIso } from '../dayNumbers';
import { checkHoldout, holdoutInputsOf, type HoldoutInputs } from './checkHoldout';
import { defaultHoldoutStart } from './defaultHoldoutStart';
import { fitValueModel } from './fitValueModel';
import { groupPurchasesByCustomer, type PurchasesByCustomer } from './groupPurchasesByCustomer';
import { summarizePurchaseWindows } from './summarizePurchaseWindows';
import type { HoldoutCheck, RepeatPurchaseSummary, ValueModelResult } from './types';

/** The value model's settings (flat keys of the analysis settings). */
export interface ValueModelSettings {
  /** Horizon of the expected purchases, in days (default 90). */
  valueHorizonDays: number;
  /** Monthly discount rate of the 12-month predicted value, as a fraction (default 0.01 = 1 %). */
  valueMonthlyDiscount: number;
  /** First day of the holdout check (ISO `YYYY-MM-DD`); null = the last third before the as-of date. */
  valueHoldoutStart: string | null;
}

/** Defaults of {@link ValueModelSettings}. */
export function defaultValueModelSettings(): ValueModelSettings {
  return { valueHorizonDays: 90, valueMonthlyDiscount: 0.01, valueHoldoutStart: null };
}

/** Sales rows as columns; `customer` is the run's customer index (−1 for none), rows 0 … count − 1. */
export interface ValueModelRows {
  count: number;
  customer: Int32Array;
  day: Int32Array;
  amount: Float64Array;
}

/**
 * The input of one {@link runValueModel} call as plain data (typed arrays and numbers, structured-clone
 * safe): what a step-wise analysis hands to its driver to fit, here or on another thread.
 */
export interface ValueModelJob {
  rows: ValueModelRows;
  customerCount: number;
  asOf: number;
  settings: ValueModelSettings;
}

/** The value model of one run: the fit with its per-customer predictions, and the holdout check. */
export interface ValueModelRun {
  fit: ValueModelResult;
  /** Null when the fit failed (no check without a model). */
  holdout: HoldoutCheck | null;
}

/**
 * Fits the value model on the sales rows up to the as-of date and checks it on a holdout, for the
 * customers of a run. A row of amount 0 counts as a purchase day here (a free item is still a purchase:
 * the CDNOW reference counts them, DESIGN's "amount > 0" rule does not; issue 14 wins); returns
 * (negative amounts) do not. The same as {@link runValueModelFit}, then (when the fit stands)
 * {@link runValueModelHoldout}, on the rows grouped once: the two halves may also run apart (on two
 * threads) and give the same run.
 *
 * @param rows Every usable sales row, any date (rows after the as-of date are left out here).
 * @param customerCount The run's customers.
 * @example
 * const run = runValueModel(input.salesRows(), ids.length, asOf, defaultValueModelSettings());
 * run.fit.valueModel?.bgnbd.r;
 */
export function runValueModel(
  rows: ValueModelRows,
  customerCount: number,
  asOf: number,
  settings: ValueModelSettings,
): ValueModelRun {
  // The fit, the holdout's calibration and the holdout summarise the same rows grouped once, in one pass.
  const byCustomer = groupValueModelRows(rows, customerCount);
  const summaries = summarizeValueModelRows(rows, asOf, settings, byCustomer);
  const fit = runValueModelFit(rows, customerCount, asOf, settings, byCustomer, summaries.fit);
  if (fit.valueModel === null) return { fit, holdout: null };
  return {
    fit,
    holdout: runValueModelHoldout(rows, customerCount, asOf, settings, byCustomer, summaries.holdout),
  };
}

/** The job's rows 0 … count − 1 of each column (views, not copies). */
function usedRows(rows: ValueModelRows): { customer: Int32Array; day: Int32Array; amount: Float64Array } {
  return {
    customer: rows.customer.subarray(0, rows.count),
    day: rows.day.subarray(0, rows.count),
    amount: rows.amount.subarray(0, rows.count),
  };
}

/**
 * The rows of a value model job grouped by customer ({@link groupPurchasesByCustomer}), as
 * {@link runValueModelFit} and {@link runValueModelHoldout} read them.
 *
 * @param into Where to write them, as for {@link groupPurchasesByCustomer}.
 * @example const byCustomer = groupValueModelRows(job.rows, job.customerCount);
 */
export function groupValueModelRows(
  rows: ValueModelRows,
  customerCount: number,
  into?: Omit<PurchasesByCustomer, 'customerCount'>,
): PurchasesByCustomer {
  const { customer, day, amount } = usedRows(rows);
  return groupPurchasesByCustomer(customer, day, amount, customerCount, into);
}

/**
 * The fit of {@link runValueModel}: `run.fit`, with its per-customer predictions.
 *
 * @param byCustomer The rows grouped by {@link groupValueModelRows}, when the caller has them.
 * @param summary The fit's summary of them ({@link summarizeValueModelRows}), when the caller has it.
 * @example const fit = runValueModelFit(job.rows, job.customerCount, job.asOf, job.settings);
 */
export function runValueModelFit(
  rows: ValueModelRows,
  customerCount: number,
  asOf: number,
  settings: ValueModelSettings,
  byCustomer: PurchasesByCustomer = groupValueModelRows(rows, customerCount),
  summary?: RepeatPurchaseSummary,
): ValueModelResult {
  const { customer, day, amount } = usedRows(rows);
  return fitValueModel(customer, day, amount, customerCount, asOf, {
    horizonDays: settings.valueHorizonDays,
    monthlyDiscount: settings.valueMonthlyDiscount,
    countZeroAmounts: true,
    byCustomer,
    ...(summary && { summary }),
  });
}

/**
 * The holdout check of {@link runValueModel}: `run.holdout` when the fit stands (it does not depend on
 * the fit, so it may run before it, or beside it on another thread).
 *
 * @param byCustomer The rows grouped by {@link groupValueModelRows}, when the caller has them.
 * @param prepared What the check reads before its fit, when another thread made it
 *   ({@link summarizeValueModelRows}): used when it is of the same holdout, else made here.
 * @example const holdout = runValueModelHoldout(job.rows, job.customerCount, job.asOf, job.settings);
 */
export function runValueModelHoldout(
  rows: ValueModelRows,
  customerCount: number,
  asOf: number,
  settings: ValueModelSettings,
  byCustomer: PurchasesByCustomer = groupValueModelRows(rows, customerCount),
  prepared?: HoldoutInputs | null,
): HoldoutCheck {
  const { customer, day, amount } = usedRows(rows);
  const start = holdoutStartOf(rows, asOf, settings);
  return checkHoldout(customer, day, amount, customerCount, start, asOf, true, byCustomer, prepared);
}

/**
 * The fit's summary of the grouped rows (every purchase day to the as-of date) and what the holdout check
 * reads before its fit ({@link HoldoutInputs}, null when the check has nothing to read), in one pass over
 * the rows (`summarizePurchaseWindows`): for {@link runValueModelFit} and {@link runValueModelHoldout},
 * here or on two threads.
 *
 * @example const { fit, holdout } = summarizeValueModelRows(job.rows, job.asOf, job.settings, byCustomer);
 */
export function summarizeValueModelRows(
  rows: ValueModelRows,
  asOf: number,
  settings: ValueModelSettings,
  byCustomer: PurchasesByCustomer,
): { fit: RepeatPurchaseSummary; holdout: HoldoutInputs | null } {
  const holdoutStart = holdoutStartOf(rows, asOf, settings);
  const all = { startDay: Number.NEGATIVE_INFINITY, endDay: asOf };
  if (!(asOf >= holdoutStart)) {
    const [fit] = summarizePurchaseWindows(byCustomer, true, [all]) as [RepeatPurchaseSummary];
    return { fit, holdout: null };
  }
  const [fit, calibration, holdout] = summarizePurchaseWindows(byCustomer, true, [
    all,
    { startDay: Number.NEGATIVE_INFINITY, endDay: holdoutStart - 1 },
    { startDay: holdoutStart, endDay: asOf },
  ]) as [RepeatPurchaseSummary, RepeatPurchaseSummary, RepeatPurchaseSummary];
  return { fit, holdout: holdoutInputsOf(calibration, holdout, holdoutStart, asOf, true) };
}

/** The holdout's first day: the setting's, else the last third of the span from the first purchase. */
function holdoutStartOf(rows: ValueModelRows, asOf: number, settings: ValueModelSettings): number {
  const { customer, day, amount } = usedRows(rows);
  let firstDay = Number.POSITIVE_INFINITY;
  for (let k = 0; k < rows.count; k++) {
    if (customer[k]! >= 0 && amount[k]! >= 0 && day[k]! < firstDay) firstDay = day[k]!;
  }
  return settings.valueHoldoutStart === null
    ? defaultHoldoutStart(firstDay, asOf)
    : (dayFromIso(settings.valueHoldoutStart) ?? asOf + 1);
}
