import { dayFromIso } from '../dayNumbers';
import { checkHoldout } from './checkHoldout';
import { defaultHoldoutStart } from './defaultHoldoutStart';
import { fitValueModel } from './fitValueModel';
import { groupPurchasesByCustomer } from './groupPurchasesByCustomer';
import type { HoldoutCheck, ValueModelResult } from './types';

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
 * (negative amounts) do not.
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
  const customer = rows.customer.subarray(0, rows.count);
  const day = rows.day.subarray(0, rows.count);
  const amount = rows.amount.subarray(0, rows.count);
  let firstDay = Number.POSITIVE_INFINITY;
  for (let k = 0; k < rows.count; k++) {
    if (customer[k]! >= 0 && amount[k]! >= 0 && day[k]! < firstDay) firstDay = day[k]!;
  }
  // The fit, the holdout's calibration and the holdout summarise the same rows grouped once.
  const byCustomer = groupPurchasesByCustomer(customer, day, amount, customerCount);
  const fit = fitValueModel(customer, day, amount, customerCount, asOf, {
    horizonDays: settings.valueHorizonDays,
    monthlyDiscount: settings.valueMonthlyDiscount,
    countZeroAmounts: true,
    byCustomer,
  });
  if (fit.valueModel === null) return { fit, holdout: null };
  const start =
    settings.valueHoldoutStart === null
      ? defaultHoldoutStart(firstDay, asOf)
      : (dayFromIso(settings.valueHoldoutStart) ?? asOf + 1);
  const holdout = checkHoldout(customer, day, amount, customerCount, start, asOf, true, byCustomer);
  return { fit, holdout };
}
