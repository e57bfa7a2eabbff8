/** Where the sales rows are in a warehouse: a table and its columns. */
export interface WarehouseSales {
  /** The table, optionally with its schema (`shop.sales`). */
  table: string;
  customerId: string;
  /** A DATE (or TIMESTAMP) column. */
  date: string;
  amount: string;
  profit: string | null;
  /** Used when there is no profit column: profit = amount − cost. */
  cost: string | null;
  orderId: string | null;
}

/** An identifier in double quotes (ANSI), each part of a dotted name on its own. */
export const quoteName = (name: string, dotted = false): string =>
  (dotted ? name.split('.') : [name]).map((part) => `"${part.replace(/"/gu, '""')}"`).join('.');

/**
 * The usable sales rows of a warehouse table as the relation `customerSql` reads: `customer_id` (text,
 * trimmed), `day` (days since 1899-12-30), `amount`, `profit` (the profit column, else amount − cost, else
 * 0; a NULL counts as 0) and `order_id`. Rows without a customer id, a date or an amount are left out, as
 * the engine skips them.
 *
 * @example warehouseSource({ table: 'sales', customerId: 'customer_id', date: 'sale_date', amount: 'amount', profit: null, cost: null, orderId: null })
 */
export function warehouseSource(sales: WarehouseSales): string {
  const column = (name: string): string => quoteName(name);
  const amount = `CAST(${column(sales.amount)} AS DOUBLE PRECISION)`;
  const profit =
    sales.profit !== null
      ? `coalesce(CAST(${column(sales.profit)} AS DOUBLE PRECISION), 0)`
      : sales.cost !== null
        ? `${amount} - coalesce(CAST(${column(sales.cost)} AS DOUBLE PRECISION), 0)`
        : 'CAST(0 AS DOUBLE PRECISION)';
  const order =
    sales.orderId === null
      ? 'CAST(NULL AS VARCHAR)'
      : `nullif(trim(CAST(${column(sales.orderId)} AS VARCHAR)), '')`;
  const customer = `nullif(trim(CAST(${column(sales.customerId)} AS VARCHAR)), '')`;
  return `(SELECT ${customer} AS customer_id,
    CAST(CAST(${column(sales.date)} AS DATE) - DATE '1899-12-30' AS INTEGER) AS day,
    ${amount} AS amount, ${profit} AS profit, ${order} AS order_id
  FROM ${quoteName(sales.table, true)}
  WHERE ${customer} IS NOT NULL AND ${column(sales.date)} IS NOT NULL AND ${column(sales.amount)} IS NOT NULL)`;
}
