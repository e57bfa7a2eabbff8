import type { RawCell } from '../src/engine/types';
import { mulberry32 } from '../src/sample/mulberry32';

/** Headers of the synthetic sales table, in column order (recognised by the header mapper). */
export const salesHeaders = ['Order ID', 'Customer ID', 'Order Date', 'Amount', 'Cost'] as const;

/** Excel 1900-system serial of 2022-01-01, the first day of the synthetic sales. */
export const firstSalesDay = 44_562;
/** Days covered by the synthetic sales: 2022-01-01 … 2024-12-31 (three years). */
export const salesDays = 1_096;

/** Synthetic sales, column-major, in the shape a host hands to the engine. */
export interface SyntheticSales {
  /** {@link salesHeaders}. */
  headers: string[];
  /** `columns[c][i]`: order id (text), customer id (text), date (Excel serial), amount, cost. */
  columns: RawCell[][];
  rows: number;
  /** Customers; each has at least one order when there are at least three rows per customer. */
  customers: number;
  /** Distinct order ids. */
  orders: number;
}

/** Customers for a given number of sales rows: one per ten rows, 100,000 at a million rows. */
export function customersFor(rows: number): number {
  return Math.max(10, Math.round(rows / 10));
}

/**
 * Lines per order: `many` (1–5, as an order-line export such as Online Retail or Superstore) or `one` (each
 * row its own order, as a transaction log such as CDNOW: as many order ids as rows).
 */
export type OrderLines = 'many' | 'one';

/**
 * Generates deterministic synthetic sales: Pareto-skewed customers (a fifth of the customers place about
 * half of the orders after each placed a first one;
 * order sizes are Pareto-distributed per customer), dates spread over three years, 1–5 lines per order
 * (or one, see {@link OrderLines}) sharing the order's id, customer and date, about 1 % of lines returns
 * (negative amount and cost), and a cost per line from a per-customer margin (about one customer in ten
 * sells at a loss).
 *
 * @param rows Sales rows (lines) to generate.
 * @param customers Customers to draw from; default {@link customersFor}(rows).
 * @param seed PRNG seed; default 20240101.
 * @param lines Lines per order; default `many`.
 * @example const sales = generateSales(10_000); // 10,000 lines, 1,000 customers
 * @example const log = generateSales(10_000, undefined, undefined, 'one'); // 10,000 one-line orders
 */
export function generateSales(
  rows: number,
  customers = customersFor(rows),
  seed = 20_240_101,
  lines: OrderLines = 'many',
): SyntheticSales {
  const random = mulberry32(seed);
  const margins = new Float64Array(customers);
  const sizes = new Float64Array(customers);
  for (let c = 0; c < customers; c++) {
    margins[c] = random() < 0.1 ? -0.15 * random() : 0.05 + 0.35 * random();
    // Pareto (alpha 1.5) order size per customer, capped so one customer cannot dominate everything.
    sizes[c] = Math.min(40, 1 / Math.pow(1 - random(), 1 / 1.5));
  }
  const idWidth = String(customers - 1).length + 1;
  // A multiplicative permutation so a customer's id says nothing about its rank in the skew.
  const ids = Array.from(
    { length: customers },
    (_, c) => `C${String((c * 7_919 + 13) % customers).padStart(idWidth, '0')}`,
  );
  const orderIds: RawCell[] = new Array<RawCell>(rows);
  const customerIds: RawCell[] = new Array<RawCell>(rows);
  const days: RawCell[] = new Array<RawCell>(rows);
  const amounts: RawCell[] = new Array<RawCell>(rows);
  const costs: RawCell[] = new Array<RawCell>(rows);
  let row = 0;
  let order = 0;
  while (row < rows) {
    order++;
    // Every customer places one order first (so all of them appear), then the skew decides.
    const customer =
      order <= customers
        ? order - 1
        : Math.min(customers - 1, Math.floor(customers * Math.pow(random(), 2.5)));
    const day = firstSalesDay + Math.floor(random() * salesDays);
    const orderId = `SO${String(order).padStart(7, '0')}`;
    const orderLines = lines === 'one' ? 1 : 1 + Math.floor(random() * 5);
    for (let line = 0; line < orderLines && row < rows; line++, row++) {
      const returned = random() < 0.01;
      const value = Math.round((5 + 95 * random()) * sizes[customer]! * 100) / 100;
      const amount = returned ? -value : value;
      orderIds[row] = orderId;
      customerIds[row] = ids[customer]!;
      days[row] = day;
      amounts[row] = amount;
      costs[row] = Math.round(amount * (1 - margins[customer]!) * 100) / 100;
    }
  }
  return {
    headers: [...salesHeaders],
    columns: [orderIds, customerIds, days, amounts, costs],
    rows,
    customers,
    orders: order,
  };
}
