import { groupPurchasesByCustomer } from './groupPurchasesByCustomer';
import { summarizePurchasesByCustomer } from './summarizePurchasesByCustomer';
import type { RepeatPurchaseSummary } from './types';

/**
 * From sales rows to the histories the value models use, per customer: the purchase days (distinct days
 * with a row of amount > 0) from `startDay` to `endDay` inclusive; frequency = purchase days − 1; recency =
 * last − first purchase day; T (`ageDays`) = end day − first purchase day; mean repeat spend = the mean,
 * over the purchase days after the first, of the day's amount (the sum of its rows with amount > 0), which is
 * how Python `lifetimes` (`summary_data_from_transaction_data`, daily periods) computes `monetary_value`.
 * Rows with a negative customer index, an amount ≤ 0 (< 0 with `countZeroAmounts`) or not a number, or a
 * day outside the range are skipped. Linear time: rows are bucketed by customer ({@link groupPurchasesByCustomer}),
 * then each customer's few days are sorted ({@link summarizePurchasesByCustomer}, which several summaries of
 * the same rows can share the bucketing through).
 *
 * @param customer Per row, the customer's index 0 … customerCount − 1 (−1 for none).
 * @param day Per row, the engine's whole day number.
 * @param amount Per row, the money amount.
 * @param endDay The last day that counts (the as-of or calibration end date); T is measured to it.
 * @param startDay The first day that counts, default: every day up to `endDay`.
 * @param countZeroAmounts Whether a row of amount 0 makes a purchase day, default false (the engine's rule).
 *   Data where a zero-amount row is a real purchase (CDNOW: free CDs, 8 customers' only purchase) need it to
 *   count those customers as the published fits do.
 * @example
 * summarizeRepeatPurchases([0, 0, 0], [10, 10, 24], [5, 7, 9], 1, 31).meanRepeatSpend[0] // 9 (one repeat day)
 */
export function summarizeRepeatPurchases(
  customer: ArrayLike<number>,
  day: ArrayLike<number>,
  amount: ArrayLike<number>,
  customerCount: number,
  endDay: number,
  startDay = Number.NEGATIVE_INFINITY,
  countZeroAmounts = false,
): RepeatPurchaseSummary {
  return summarizePurchasesByCustomer(
    groupPurchasesByCustomer(customer, day, amount, customerCount),
    endDay,
    startDay,
    countZeroAmounts,
  );
}
