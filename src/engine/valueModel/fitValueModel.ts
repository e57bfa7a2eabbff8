import { bgnbdExpectedIfAlive } from './bgnbdExpectedIfAlive';
import { bgnbdProbabilityAlive } from './bgnbdProbabilityAlive';
import { fitBgNbd } from './fitBgNbd';
import { fitGammaGamma } from './fitGammaGamma';
import { frequencyAgePairs } from './frequencyAgePairs';
import { gammaGammaExpectedOrderValue } from './gammaGammaExpectedOrderValue';
import { groupPurchasesByCustomer, type PurchasesByCustomer } from './groupPurchasesByCustomer';
import { groupRepeatHistories } from './groupRepeatHistories';
import { summarizePurchasesByCustomer } from './summarizePurchasesByCustomer';
import type { GammaGammaParams, RepeatPurchaseSummary, ValueModelResult } from './types';

/** Options of {@link fitValueModel}. */
interface ValueModelOptions {
  /** Horizon of `expectedPurchases`, in days; default 90. */
  horizonDays?: number;
  /** Months of `predictedValue`; default 12. */
  months?: number;
  /** Monthly discount rate of `predictedValue` as a fraction; default 0.01 (1 %). */
  monthlyDiscount?: number;
  /** Fewer customers with a purchase than this: no fit (the reason says so); default 30. */
  minCustomers?: number;
  /** As for `summarizeRepeatPurchases`; default false. */
  countZeroAmounts?: boolean;
  /**
   * The same rows grouped by customer ({@link groupPurchasesByCustomer}), when the caller has them: the
   * summary then reads them instead of grouping the rows again.
   */
  byCustomer?: PurchasesByCustomer;
  /**
   * The rows' summary to the as-of date (every purchase day up to it, with `countZeroAmounts`), when the
   * caller made it in the same pass as others (`summarizePurchaseWindows`): neither grouping nor summary is
   * then made here.
   */
  summary?: RepeatPurchaseSummary;
}

const daysPerWeek = 7;
/** Weeks in an average calendar month (365.25 / 12 / 7), as in predictedValue. */
const weeksPerMonth = 365.25 / 12 / 7;

/**
 * Fits the customer value models on sales rows up to the as-of date and predicts per customer: the BG/NBD
 * on every customer with a purchase day (repeat purchase days, in weeks), the Gamma-Gamma on those with a
 * repeat purchase day and a positive mean repeat spend; then P(alive), expected purchases in the next
 * `horizonDays` days, expected average order value and predicted value over the next `months` months.
 *
 * Returns `valueModel: null` with a reason when the data cannot support a fit: fewer than `minCustomers`
 * customers, nobody buying on a second day, or an optimiser that did not converge. A fit that is a limiting
 * case of a model (e.g. nobody seems to drop out) stands, with a sentence in `notes`. When only the spend
 * model fails, the purchase predictions stand and `gammaGamma` is null with its reason; order and
 * predicted values are then NaN. Customers without a purchase day up to the as-of date get NaN throughout.
 *
 * @param customer Per row, the customer's index 0 … customerCount − 1 (−1 for none).
 * @param day Per row, the engine's whole day number.
 * @param amount Per row, the money amount.
 * @param asOf The as-of day: rows after it are ignored, T is measured to it.
 * @example
 * const result = fitValueModel(customer, day, amount, customerCount, asOf);
 * if (result.valueModel === null) console.log(result.reason);
 * else console.log(result.valueModel.bgnbd.r, result.predictions.pAlive[0]);
 */
export function fitValueModel(
  customer: ArrayLike<number>,
  day: ArrayLike<number>,
  amount: ArrayLike<number>,
  customerCount: number,
  asOf: number,
  options: ValueModelOptions = {},
): ValueModelResult {
  const horizonWeeks = (options.horizonDays ?? 90) / daysPerWeek;
  const months = options.months ?? 12;
  const monthlyDiscount = options.monthlyDiscount ?? 0.01;
  const minCustomers = options.minCustomers ?? 30;
  const summary =
    options.summary ??
    summarizePurchasesByCustomer(
      options.byCustomer ?? groupPurchasesByCustomer(customer, day, amount, customerCount),
      asOf,
      Number.NEGATIVE_INFINITY,
      options.countZeroAmounts ?? false,
    );
  const fail = (reason: string): ValueModelResult => ({ valueModel: null, reason, predictions: null });
  if (summary.customersWithPurchases < minCustomers) {
    return fail(
      `${summary.customersWithPurchases} customer(s) bought up to the as-of date; the value model needs at least ${minCustomers}`,
    );
  }
  const { groups, groupOf } = groupRepeatHistories(summary);
  const bgnbd = fitBgNbd(groups);
  if (!bgnbd.converged) return fail(`the purchase model (BG/NBD) could not be fitted: ${bgnbd.reason}`);

  // The spend model: customers with a repeat purchase day and a positive mean repeat spend.
  const spendFrequency: number[] = [];
  const spendMean: number[] = [];
  let withoutRepeatPurchase = 0;
  let withoutPositiveRepeatSpend = 0;
  for (let c = 0; c < customerCount; c++) {
    if (summary.firstDay[c]! < 0) continue;
    if (summary.frequency[c] === 0) withoutRepeatPurchase++;
    else if (!(summary.meanRepeatSpend[c]! > 0)) withoutPositiveRepeatSpend++;
    else {
      spendFrequency.push(summary.frequency[c]!);
      spendMean.push(summary.meanRepeatSpend[c]!);
    }
  }
  const gammaGammaFit = fitGammaGamma(spendFrequency, spendMean);
  let gammaGamma: GammaGammaParams | null = null;
  let gammaGammaReason: string | null = null;
  if (!gammaGammaFit.converged)
    gammaGammaReason = `the spend model could not be fitted: ${gammaGammaFit.reason}`;
  else if (gammaGammaFit.params.q <= 1) {
    gammaGammaReason = `the spend model's q is ${gammaGammaFit.params.q.toPrecision(3)} ≤ 1: spend per order has no finite mean`;
  } else gammaGamma = gammaGammaFit.params;

  // Predictions once per group of identical histories, then per customer. What a customer is expected to
  // buy if alive depends on (x, T) alone: once per pair, times the group's P(alive) (the same operations as
  // bgnbdConditionalExpectedPurchases and predictedValue, so the same numbers).
  const groupCount = groups.weight.length;
  const pairs = frequencyAgePairs(groups.frequency, groups.age);
  const pairCount = pairs.frequency.length;
  const ifAliveInHorizon = new Float64Array(pairCount);
  for (let p = 0; p < pairCount; p++) {
    ifAliveInHorizon[p] = bgnbdExpectedIfAlive(
      bgnbd.params,
      horizonWeeks,
      pairs.frequency[p]!,
      pairs.age[p]!,
    );
  }
  const groupAlive = new Float64Array(groupCount);
  const groupExpected = new Float64Array(groupCount);
  for (let g = 0; g < groupCount; g++) {
    const [x, tx, t] = [groups.frequency[g]!, groups.recency[g]!, groups.age[g]!];
    groupAlive[g] = bgnbdProbabilityAlive(bgnbd.params, x, tx, t);
    groupExpected[g] = horizonWeeks === 0 ? 0 : ifAliveInHorizon[pairs.pairOf[g]!]! * groupAlive[g]!;
  }
  // Predicted value is linear in the order value: the discounted purchases once per group (predictedValue
  // with an order value of 1, month by month).
  const groupDiscountedPurchases = new Float64Array(groupCount).fill(Number.NaN);
  if (gammaGamma !== null) {
    const ifAliveByMonth = new Float64Array(pairCount * months);
    for (let p = 0; p < pairCount; p++) {
      for (let m = 1; m <= months; m++) {
        ifAliveByMonth[p * months + m - 1] = bgnbdExpectedIfAlive(
          bgnbd.params,
          m * weeksPerMonth,
          pairs.frequency[p]!,
          pairs.age[p]!,
        );
      }
    }
    const discount = new Float64Array(months + 1);
    for (let m = 1; m <= months; m++) discount[m] = (1 + monthlyDiscount) ** m;
    const orderValue = 1;
    for (let g = 0; g < groupCount; g++) {
      const alive = groupAlive[g]!;
      const first = pairs.pairOf[g]! * months - 1;
      let total = 0;
      let before = 0;
      for (let m = 1; m <= months; m++) {
        const upTo = ifAliveByMonth[first + m]! * alive;
        total += ((upTo - before) * orderValue) / discount[m]!;
        before = upTo;
      }
      groupDiscountedPurchases[g] = total;
    }
  }
  const pAlive = new Float64Array(customerCount).fill(Number.NaN);
  const expectedPurchases = new Float64Array(customerCount).fill(Number.NaN);
  const expectedOrderValue = new Float64Array(customerCount).fill(Number.NaN);
  const predicted = new Float64Array(customerCount).fill(Number.NaN);
  let notPredicted = 0;
  for (let c = 0; c < customerCount; c++) {
    const g = groupOf[c]!;
    if (g < 0) continue;
    pAlive[c] = groupAlive[g]!;
    expectedPurchases[c] = groupExpected[g]!;
    if (gammaGamma !== null) {
      const orderValue = gammaGammaExpectedOrderValue(
        gammaGamma,
        summary.frequency[c]!,
        summary.meanRepeatSpend[c]!,
      );
      expectedOrderValue[c] = orderValue;
      predicted[c] = orderValue * groupDiscountedPurchases[g]!;
    }
    if (Number.isNaN(expectedPurchases[c]) || (gammaGamma !== null && Number.isNaN(predicted[c])))
      notPredicted++;
  }
  return {
    valueModel: {
      timeUnit: 'week',
      bgnbd: { ...bgnbd.params, logLikelihood: bgnbd.logLikelihood },
      gammaGamma,
      gammaGammaReason,
      notes: [
        ...(bgnbd.boundary === null ? [] : [`Purchase model (BG/NBD): ${bgnbd.boundary}.`]),
        ...(gammaGamma === null || !gammaGammaFit.converged || gammaGammaFit.boundary === null
          ? []
          : [`Spend model (Gamma-Gamma): ${gammaGammaFit.boundary}.`]),
      ],
      counts: {
        bgnbd: bgnbd.customers,
        repeatCustomers: bgnbd.customers - withoutRepeatPurchase,
        gammaGamma: gammaGamma === null ? 0 : spendFrequency.length,
        withoutRepeatPurchase,
        withoutPositiveRepeatSpend,
        notPredicted,
      },
    },
    reason: null,
    predictions: {
      pAlive,
      expectedPurchases,
      expectedOrderValue,
      predictedValue: predicted,
      repeatPurchases: summary.frequency,
    },
  };
}
