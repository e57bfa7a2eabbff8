import type { ParsedSales, ReadSales } from './parseSales';
import { SalesTotals, type SalesBounds } from './SalesTotals';

/**
 * The same parsed sales added up again over other bounds (another as-of date, a narrower window) from the
 * rows they kept, without reading the table again: the result equals `parseSales(…, bounds)` on the same
 * table. The rows are added in their table order with the same amounts, profits, orders and reps, so
 * every total, rounding included, is the one a fresh parse gives; ids, names, skipped rows and notes do
 * not depend on the bounds and are shared.
 *
 * @param sales Sales parsed with `keepRows` (their `rows` are read).
 * @param bounds The as-of date and the window's first day; null counts every row.
 * @param categoriesOnly Only what the pyramid, SVCD and ABC read is added up (the earlier analysis of
 *   movement, `categoriesAt`): with an order-id column, distinct purchase days are not counted
 *   (`purchaseDays` all 0), and no latest rep is kept (`latestRep` all −1). Every other total is the same.
 * @throws Error when the sales kept no rows.
 * @example const earlier = salesAt(parseSales(table, mapping, options, null, true), { asOf: 45_000, start: 44_900 });
 */
export function salesAt(sales: ParsedSales, bounds: SalesBounds, categoriesOnly = false): ParsedSales {
  if (sales.rows === null) throw new Error('salesAt needs sales parsed with keepRows.');
  return addUpSales({ ...sales, rows: sales.rows }, bounds, true, categoriesOnly);
}

/**
 * Read sales added up over `bounds`: what `parseSales` gives (it is `readSales` then this), and what
 * {@link salesAt} gives for other bounds. The rows are added in their table order.
 *
 * @param keepRows Keep the rows in the result's `rows` (else null).
 * @param categoriesOnly As for {@link salesAt}.
 * @example const parsed = addUpSales(readSales(table, mapping, options), null, true);
 */
export function addUpSales(
  sales: ReadSales,
  bounds: SalesBounds,
  keepRows: boolean,
  categoriesOnly = false,
): ParsedSales {
  const rows = sales.rows;
  const customers = sales.customerIds.length;
  // No kept row before the window's start (the default window begins at the first sale): every row up to the
  // as-of date is in the window, so lifetime value and latest purchase need not be added up apart (they are
  // the window's profit or revenue and last purchase: the same sums of the same rows in the same order).
  const within =
    bounds !== null && bounds.start <= sales.minDay
      ? { asOf: bounds.asOf, start: Number.NEGATIVE_INFINITY }
      : bounds;
  const totals = new SalesTotals(
    customers,
    rows.count,
    within,
    sales.orderCodes,
    sales.reps,
    !(categoriesOnly && sales.hasOrderId),
  );
  totals.readRowsFrom(rows.amount, rows.profit);
  const { customer, day, order } = rows;
  const rep = categoriesOnly ? null : rows.rep;
  for (let k = 0; k < rows.count; k++) {
    totals.add(customer[k]!, day[k]!, k, order === null ? -1 : order[k]!, rep === null ? -1 : rep[k]!);
  }
  // The kept rows are numbered by customer already: customer k's totals are record k's.
  const identity = new Int32Array(customers);
  for (let k = 0; k < customers; k++) identity[k] = k;
  return {
    ...sales,
    totals: totals.finish(identity, sales.hasOrderId, sales.minDay, sales.maxDay),
    rows: keepRows ? rows : null,
  };
}
