import type { ParsedSales, SalesRows } from './parseSales';

/** Sales with their rows kept: parsed (`parseSales` with `keepRows`), or read (`readSales`). */
type WithRows = Pick<ParsedSales, 'rows' | 'customerIds'>;

/** The kept rows of `sales` with each customer numbered as in `ids` (−1 for one not there). */
export function rowsOfRoster(sales: WithRows, ids: readonly string[]): SalesRows {
  const rows = sales.rows!;
  // Without a customers table the roster is the sales' own list: the kept rows are numbered already.
  const customer = ids === sales.customerIds ? rows.customer.subarray(0, rows.count) : renumbered(sales, ids);
  return {
    count: rows.count,
    customer,
    day: rows.day.subarray(0, rows.count),
    amount: rows.amount.subarray(0, rows.count),
    profit: rows.profit === null ? null : rows.profit.subarray(0, rows.count),
  };
}

/** The kept rows' customers numbered as in `ids`. */
function renumbered(sales: WithRows, ids: readonly string[]): Int32Array {
  const rows = sales.rows!;
  const position = new Map(ids.map((id, index) => [id, index]));
  const indexOf = Int32Array.from(sales.customerIds, (id) => position.get(id) ?? -1);
  const customer = new Int32Array(rows.count);
  for (let k = 0; k < rows.count; k++) customer[k] = indexOf[rows.customer[k]!]!;
  return customer;
}
