import { bgnbdConditionalExpectedPurchases } from './bgnbdConditionalExpectedPurchases';
import type { BgNbdParams } from './types';

/** Weeks in an average calendar month (365.25 / 12 / 7). */
const weeksPerMonth = 365.25 / 12 / 7;

/**
 * A customer's predicted value over the next `months` months: for each month m, the BG/NBD's expected
 * purchases in that month (the conditional expectation up to the month's end minus up to its start) times
 * the expected order value, discounted by (1 + monthlyDiscount)^m. Months are 365.25 / 12 days. This is
 * what Python `lifetimes`' `customer_lifetime_value` computes (there with 4.345 weeks a month in weekly
 * units). `NaN` when an expectation cannot be computed (see {@link bgnbdConditionalExpectedPurchases}).
 *
 * @param orderValue Expected average order value (money), e.g. from the Gamma-Gamma model.
 * @param frequency x: repeat purchases.
 * @param recency t_x in weeks.
 * @param age T in weeks.
 * @param months Default 12.
 * @param monthlyDiscount Discount rate per month as a fraction, default 0.01 (1 %).
 * @example predictedValue({ r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 }, 30.94, 2, 30.43, 38.86) // ≈ 45.5 (money, the order value's unit)
 */
export function predictedValue(
  params: BgNbdParams,
  orderValue: number,
  frequency: number,
  recency: number,
  age: number,
  months = 12,
  monthlyDiscount = 0.01,
): number {
  let total = 0;
  let before = 0;
  for (let m = 1; m <= months; m++) {
    const upTo = bgnbdConditionalExpectedPurchases(params, m * weeksPerMonth, frequency, recency, age);
    total += ((upTo - before) * orderValue) / (1 + monthlyDiscount) ** m;
    before = upTo;
  }
  return total;
}
