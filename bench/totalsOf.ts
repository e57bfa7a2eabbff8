/**
 * Checksums of per-customer aggregates, used to show that the engine and each reference computed the same
 * thing: customer count and the sums of revenue, profit, orders, purchase days and last-purchase days.
 */
export interface CustomerTotals {
  customers: number;
  revenue: number;
  profit: number;
  orders: number;
  purchaseDays: number;
  /** Σ of last purchase day (Excel serials) over customers with a purchase. */
  lastPurchase: number;
}

/** Per-customer values, one iterable per aggregate; null, undefined and non-numbers count as nothing. */
export type TotalsColumns = Record<Exclude<keyof CustomerTotals, 'customers'>, Iterable<unknown>>;

/**
 * Sums per-customer aggregate columns into {@link CustomerTotals}. Bigints (DuckDB counts) are converted.
 *
 * @example totalsOf(2, { revenue: [10, 5], profit: [1, 2], orders: [1, 1], purchaseDays: [1, 1], lastPurchase: [45000, 45001] })
 */
export function totalsOf(customers: number, columns: TotalsColumns): CustomerTotals {
  const sum = (values: Iterable<unknown>): number => {
    let total = 0;
    for (const value of values) {
      if (typeof value === 'number' && Number.isFinite(value)) total += value;
      else if (typeof value === 'bigint') total += Number(value);
    }
    return total;
  };
  return {
    customers,
    revenue: sum(columns.revenue),
    profit: sum(columns.profit),
    orders: sum(columns.orders),
    purchaseDays: sum(columns.purchaseDays),
    lastPurchase: sum(columns.lastPurchase),
  };
}
