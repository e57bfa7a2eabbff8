/**
 * Sales rows that can be purchases (customer ≥ 0, amount ≥ 0), grouped by customer: customer c's rows are
 * `from[c]` to `from[c + 1]` − 1 of `day` and `amount`, in their row order.
 */
export interface PurchasesByCustomer {
  /** Customers 0 … customerCount − 1. */
  customerCount: number;
  /** customerCount + 1 offsets into `day` and `amount`. */
  from: Int32Array;
  /** The rows' days as given (a summary truncates them to whole days where the rows' summary did). */
  day: Float64Array;
  amount: Float64Array;
}

/**
 * Groups sales rows by customer with a counting sort (two passes over the rows), keeping each customer's
 * rows in row order, so sums over a customer's rows add in the order the rows come. Rows with a customer
 * index outside 0 … customerCount − 1 or an amount below zero or not a number are left out: no summary of the value model
 * counts them. The fit, the holdout's calibration and the holdout itself each summarise the same grouping
 * ({@link summarizePurchasesByCustomer}) instead of scanning the rows twice each.
 *
 * @param customer Per row, the customer's index 0 … customerCount − 1 (−1 for none).
 * @param day Per row, the engine's whole day number.
 * @param amount Per row, the money amount.
 * @param into Where to write the grouping, when the caller wants it there (e.g. memory shared with another
 *   thread): `from` of customerCount + 1 entries, `day` and `amount` of at least one per row. The result's
 *   arrays are then these (`day` and `amount` cut to the rows kept).
 * @example
 * const byCustomer = groupPurchasesByCustomer([1, 0, 1], [10, 11, 12], [5, 6, -1], 2);
 * [...byCustomer.from]; // [0, 1, 2]: customer 0's row, then customer 1's first row (the return is left out)
 */
export function groupPurchasesByCustomer(
  customer: ArrayLike<number>,
  day: ArrayLike<number>,
  amount: ArrayLike<number>,
  customerCount: number,
  into?: Omit<PurchasesByCustomer, 'customerCount'>,
): PurchasesByCustomer {
  const rows = customer.length;
  const from = into?.from.fill(0) ?? new Int32Array(customerCount + 1);
  for (let row = 0; row < rows; row++) {
    const c = customer[row]!;
    if (c >= 0 && c < customerCount && amount[row]! >= 0) from[c + 1]!++;
  }
  for (let c = 0; c < customerCount; c++) from[c + 1]! += from[c]!;
  const next = from.slice(0, customerCount);
  const kept = from[customerCount]!;
  const days = into?.day.subarray(0, kept) ?? new Float64Array(kept);
  const amounts = into?.amount.subarray(0, kept) ?? new Float64Array(kept);
  for (let row = 0; row < rows; row++) {
    const c = customer[row]!;
    const value = amount[row]!;
    if (c < 0 || c >= customerCount || !(value >= 0)) continue;
    const at = next[c]!++;
    days[at] = day[row]!;
    amounts[at] = value;
  }
  return { customerCount, from, day: days, amount: amounts };
}
