import { bgnbdExpectedIfAlive } from './bgnbdExpectedIfAlive';
import { bgnbdProbabilityAlive } from './bgnbdProbabilityAlive';
import { fitBgNbd } from './fitBgNbd';
import { frequencyAgePairs } from './frequencyAgePairs';
import { groupPurchasesByCustomer, type PurchasesByCustomer } from './groupPurchasesByCustomer';
import { groupRepeatHistories } from './groupRepeatHistories';
import { summarizePurchaseWindows } from './summarizePurchaseWindows';
import type { GroupedHistories, HoldoutCheck, HoldoutRow, RepeatPurchaseSummary } from './types';

const daysPerWeek = 7;
/** Calibration repeat purchases from this many on share the last row ("7+"). */
const lastRow = 7;

/**
 * What a holdout check reads before its fit: the calibration's and the holdout's summaries of the
 * purchases and the calibration's histories grouped for the fit (only typed arrays and numbers, so another
 * thread can prepare them and send them over).
 */
export interface HoldoutInputs {
  holdoutStart: number;
  holdoutEnd: number;
  countZeroAmounts: boolean;
  calibration: RepeatPurchaseSummary;
  holdout: RepeatPurchaseSummary;
  grouped: GroupedHistories;
}

/**
 * The {@link HoldoutInputs} of a check from `holdoutStart` to `holdoutEnd` (null when the holdout ends
 * before it starts: the check then has nothing to read).
 *
 * @example checkHoldout(customer, day, amount, n, start, end, true, byCustomer, prepareHoldout(byCustomer, start, end, true))
 */
export function prepareHoldout(
  purchases: PurchasesByCustomer,
  holdoutStart: number,
  holdoutEnd: number,
  countZeroAmounts: boolean,
): HoldoutInputs | null {
  if (!(holdoutEnd >= holdoutStart)) return null;
  const [calibration, holdout] = summarizePurchaseWindows(purchases, countZeroAmounts, [
    { startDay: Number.NEGATIVE_INFINITY, endDay: holdoutStart - 1 },
    { startDay: holdoutStart, endDay: holdoutEnd },
  ]) as [RepeatPurchaseSummary, RepeatPurchaseSummary];
  return holdoutInputsOf(calibration, holdout, holdoutStart, holdoutEnd, countZeroAmounts);
}

/**
 * The {@link HoldoutInputs} of summaries already made: the calibration's (every purchase day before
 * `holdoutStart`) and the holdout's (`holdoutStart` to `holdoutEnd`), e.g. in the same pass as the fit's
 * (`summarizePurchaseWindows`).
 */
export function holdoutInputsOf(
  calibration: RepeatPurchaseSummary,
  holdout: RepeatPurchaseSummary,
  holdoutStart: number,
  holdoutEnd: number,
  countZeroAmounts: boolean,
): HoldoutInputs {
  return {
    holdoutStart,
    holdoutEnd,
    countZeroAmounts,
    calibration,
    holdout,
    grouped: groupRepeatHistories(calibration),
  };
}

/**
 * Calibration-vs-holdout check of the BG/NBD: fits it on the purchases before `holdoutStart` (customers whose
 * first purchase falls before it, T measured to the day before it), then compares, per number of repeat
 * purchases in the calibration (0 … 7+), the mean purchase days each customer actually had from
 * `holdoutStart` to `holdoutEnd` with the mean the model expected for that span. Rows as for
 * `summarizeRepeatPurchases`.
 *
 * @param holdoutStart First day of the holdout (engine day number).
 * @param holdoutEnd Last day of the holdout, ≥ holdoutStart (else no fit, with that reason).
 * @param countZeroAmounts As for `summarizeRepeatPurchases`.
 * @param byCustomer The same rows grouped by customer ({@link groupPurchasesByCustomer}), when the caller
 *   has them: both summaries read them instead of grouping the rows again.
 * @param prepared The summaries and groups already made ({@link prepareHoldout}, e.g. by another thread),
 *   used when they are of the same holdout, amounts rule and customers; else they are made here.
 * @example
 * const check = checkHoldout(customer, day, amount, n, dayFromIso('1997-10-01')!, dayFromIso('1998-06-30')!);
 * check.rows.map((row) => [row.calibrationRepeats, row.actual, row.predicted]);
 */
export function checkHoldout(
  customer: ArrayLike<number>,
  day: ArrayLike<number>,
  amount: ArrayLike<number>,
  customerCount: number,
  holdoutStart: number,
  holdoutEnd: number,
  countZeroAmounts = false,
  byCustomer?: PurchasesByCustomer,
  prepared?: HoldoutInputs | null,
): HoldoutCheck {
  const calibrationEnd = holdoutStart - 1;
  const holdoutWeeks = (holdoutEnd - calibrationEnd) / daysPerWeek;
  if (!(holdoutEnd >= holdoutStart)) {
    const reason = 'the holdout ends before it starts';
    return {
      calibrationEnd,
      holdoutEnd,
      holdoutWeeks,
      fit: { converged: false, reason, customers: 0, iterations: 0 },
      rows: [],
      notPredicted: 0,
    };
  }
  const inputs =
    prepared?.holdoutStart === holdoutStart &&
    prepared.holdoutEnd === holdoutEnd &&
    prepared.countZeroAmounts === countZeroAmounts &&
    prepared.calibration.firstDay.length === customerCount
      ? prepared
      : prepareHoldout(
          byCustomer ?? groupPurchasesByCustomer(customer, day, amount, customerCount),
          holdoutStart,
          holdoutEnd,
          countZeroAmounts,
        )!;
  const { calibration, holdout } = inputs;
  const { groups, groupOf } = inputs.grouped;
  const fit = fitBgNbd(groups);
  if (!fit.converged) return { calibrationEnd, holdoutEnd, holdoutWeeks, fit, rows: [], notPredicted: 0 };

  // bgnbdConditionalExpectedPurchases per group, its (x, T) part once per pair.
  const pairs = frequencyAgePairs(groups.frequency, groups.age);
  const ifAlive = pairs.frequency.map((x, p) =>
    bgnbdExpectedIfAlive(fit.params, holdoutWeeks, x, pairs.age[p]!),
  );
  const expected = new Float64Array(groups.weight.length);
  for (let g = 0; g < expected.length; g++) {
    const alive = bgnbdProbabilityAlive(fit.params, groups.frequency[g]!, groups.recency[g]!, groups.age[g]!);
    expected[g] = holdoutWeeks === 0 ? 0 : ifAlive[pairs.pairOf[g]!]! * alive;
  }
  const customers = new Float64Array(lastRow + 1);
  const actual = new Float64Array(lastRow + 1);
  const predicted = new Float64Array(lastRow + 1);
  let notPredicted = 0;
  for (let c = 0; c < customerCount; c++) {
    const g = groupOf[c]!;
    if (g < 0) continue;
    const value = expected[g]!;
    if (Number.isNaN(value)) {
      notPredicted++;
      continue;
    }
    const row = Math.min(calibration.frequency[c]!, lastRow);
    customers[row]!++;
    actual[row]! += holdout.firstDay[c]! >= 0 ? holdout.frequency[c]! + 1 : 0;
    predicted[row]! += value;
  }
  const rows: HoldoutRow[] = [];
  for (let row = 0; row <= lastRow; row++) {
    const n = customers[row]!;
    if (n === 0) continue;
    rows.push({
      calibrationRepeats: row,
      customers: n,
      actual: actual[row]! / n,
      predicted: predicted[row]! / n,
    });
  }
  return { calibrationEnd, holdoutEnd, holdoutWeeks, fit, rows, notPredicted };
}
