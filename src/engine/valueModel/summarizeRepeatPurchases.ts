import type { RepeatPurchaseSummary } from './types';

/**
 * From sales rows to the histories the value models use, per customer: the purchase days (distinct days
 * with a row of amount > 0) from `startDay` to `endDay` inclusive; frequency = purchase days − 1; recency =
 * last − first purchase day; T (`ageDays`) = end day − first purchase day; mean repeat spend = the mean,
 * over the purchase days after the first, of the day's amount (the sum of its rows with amount > 0), which is
 * how Python `lifetimes` (`summary_data_from_transaction_data`, daily periods) computes `monetary_value`.
 * Rows with a negative customer index, an amount ≤ 0 (< 0 with `countZeroAmounts`) or not a number, or a
 * day outside the range are skipped. Linear time: rows are bucketed by customer, then each customer's few days are sorted.
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
  const rows = customer.length;
  const counts = new Int32Array(customerCount + 1);
  const firstDay = new Int32Array(customerCount).fill(-1);
  const counted = (row: number): boolean => {
    const value = amount[row]!;
    const when = day[row]!;
    return (
      customer[row]! >= 0 &&
      (value > 0 || (countZeroAmounts && value === 0)) &&
      when >= startDay &&
      when <= endDay
    );
  };
  for (let row = 0; row < rows; row++) {
    if (!counted(row)) continue;
    const c = customer[row]!;
    const when = day[row]!;
    counts[c + 1]!++;
    if (firstDay[c] === -1 || when < firstDay[c]!) firstDay[c] = when;
  }
  // Bucket the purchase days by customer (counting sort), and add up the amounts after the first day.
  for (let c = 0; c < customerCount; c++) counts[c + 1]! += counts[c]!;
  const offsets = counts.slice(0, customerCount + 1);
  const days = new Int32Array(counts[customerCount]!);
  const repeatAmount = new Float64Array(customerCount);
  for (let row = 0; row < rows; row++) {
    if (!counted(row)) continue;
    const c = customer[row]!;
    const when = day[row]!;
    days[offsets[c]!++] = when;
    if (when > firstDay[c]!) repeatAmount[c]! += amount[row]!;
  }

  const frequency = new Int32Array(customerCount);
  const recencyDays = new Int32Array(customerCount);
  const ageDays = new Int32Array(customerCount);
  const meanRepeatSpend = new Float64Array(customerCount);
  let customersWithPurchases = 0;
  for (let c = 0; c < customerCount; c++) {
    const from = counts[c]!;
    const to = counts[c + 1]!;
    if (to === from) continue;
    customersWithPurchases++;
    // A customer's few days sorted in place (insertion sort; a long run by the typed array's sort).
    if (to - from > 32) days.subarray(from, to).sort();
    else {
      for (let k = from + 1; k < to; k++) {
        const value = days[k]!;
        let j = k - 1;
        while (j >= from && days[j]! > value) {
          days[j + 1] = days[j]!;
          j--;
        }
        days[j + 1] = value;
      }
    }
    let distinct = 1;
    for (let k = from + 1; k < to; k++) if (days[k] !== days[k - 1]) distinct++;
    const first = days[from]!;
    frequency[c] = distinct - 1;
    recencyDays[c] = days[to - 1]! - first;
    ageDays[c] = endDay - first;
    meanRepeatSpend[c] = distinct > 1 ? repeatAmount[c]! / (distinct - 1) : 0;
  }
  return { firstDay, frequency, recencyDays, ageDays, meanRepeatSpend, customersWithPurchases };
}
