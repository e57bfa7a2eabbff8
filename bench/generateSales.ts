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
  /**
   * `columns[c][i]`, in the order of `headers`: order id, customer id (text, or numbers for numeric ids),
   * date (Excel serial), amount, cost.
   */
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
 * Lines per order: `many` (1–5, as an order-line export such as Online Retail or Superstore), `one` (each
 * row its own order, as a transaction log such as CDNOW: as many order ids as rows) or `lots` (1–20, as a
 * wholesaler's or a supermarket's orders).
 */
export type OrderLines = 'many' | 'one' | 'lots';

/** How ids are written: `text` (`C000042`, `SO0000001`) or `numeric` (`42`, `1000001`, as numbers). */
export type IdKind = 'text' | 'numeric';

/** The shape of a sales table: lines per order, kind of ids, and whether it has an order-id column. */
export interface SalesShape {
  lines: OrderLines;
  ids: IdKind;
  /** False: the table has no order-id column (orders are then purchase days). */
  orderIds: boolean;
}

/** The shapes the bench measures, by name (`lines-1-5` is the bench's default data). */
export const salesShapes = {
  'lines-1-5': { lines: 'many', ids: 'text', orderIds: true },
  'one-line': { lines: 'one', ids: 'text', orderIds: true },
  'one-line-numeric': { lines: 'one', ids: 'numeric', orderIds: true },
  'lines-1-20-numeric': { lines: 'lots', ids: 'numeric', orderIds: true },
  'no-order-id': { lines: 'many', ids: 'text', orderIds: false },
} as const satisfies Record<string, SalesShape>;

/** The name of one of {@link salesShapes}. */
export type SalesShapeName = keyof typeof salesShapes;

/**
 * {@link generateSales} in a named shape: the same customers, days and amounts, ids as numbers for a
 * numeric shape, and the order-id column dropped (headers and columns) for `no-order-id`.
 *
 * @example const sales = generateShapedSales(10_000, 'one-line-numeric');
 */
export function generateShapedSales(rows: number, shape: SalesShapeName): SyntheticSales {
  const { lines, ids, orderIds } = salesShapes[shape];
  const sales = generateSales(rows, undefined, undefined, lines, ids);
  if (orderIds) return sales;
  return { ...sales, headers: sales.headers.slice(1), columns: sales.columns.slice(1) };
}

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
 * @param idKind Text ids (default) or numbers: customer c + 1 and order 1,000,000 + n.
 * @example const sales = generateSales(10_000); // 10,000 lines, 1,000 customers
 * @example const log = generateSales(10_000, undefined, undefined, 'one'); // 10,000 one-line orders
 */
export function generateSales(
  rows: number,
  customers = customersFor(rows),
  seed = 20_240_101,
  lines: OrderLines = 'many',
  idKind: IdKind = 'text',
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
  const ids: RawCell[] = Array.from({ length: customers }, (_, c) => {
    const id = (c * 7_919 + 13) % customers;
    return idKind === 'numeric' ? id + 1 : `C${String(id).padStart(idWidth, '0')}`;
  });
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
    const orderId = idKind === 'numeric' ? 1_000_000 + order : `SO${String(order).padStart(7, '0')}`;
    const orderLines =
      lines === 'one' ? 1 : lines === 'lots' ? 1 + Math.floor(random() * 20) : 1 + Math.floor(random() * 5);
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
