import { mapHeaders } from '../../engine/mapHeaders';
import { AnalysisError } from '../../engine/errors';
import type { ColumnMapping, DateOrder, FieldKey, Language } from '../../engine/types';

/** A column of the input as DuckDB describes it. */
export interface DescribedColumn {
  name: string;
  /** DuckDB's type name, e.g. `VARCHAR`, `DOUBLE`, `DATE`, `TIMESTAMP`, `BIGINT`. */
  type: string;
}

/** The usable sales rows of a file as SQL, with what the customer query needs to know of them. */
export interface FileSalesRows {
  /**
   * A query of every data row of the file parsed: `customer_id`, `day`, `amount`, `order_id` (NULL where
   * blank or unreadable) and `profit_cell` (the profit or cost cell as a number).
   */
  parsed: string;
  /**
   * A parenthesised query of the usable rows of the table `parsed_rows` holding {@link parsed}'s rows:
   * `customer_id`, `day`, `amount`, `profit`, `order_id` (the relation `customerSql` reads).
   */
  usable: string;
  hasProfit: boolean;
  hasOrderId: boolean;
  mapping: ColumnMapping;
}

const quote = (name: string): string => `"${name.replace(/"/gu, '""')}"`;
const isText = (type: string): boolean => /^(VARCHAR|TEXT|STRING)/iu.test(type);
const isNumber = (type: string): boolean =>
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL|REAL)/iu.test(
    type,
  );

/** A column's cell as a number (NULL when it is not one), as the engine reads numbers: text is trimmed. */
function numberOf(column: DescribedColumn): string {
  const cell = quote(column.name);
  return isText(column.type) ? `TRY_CAST(trim(${cell}) AS DOUBLE)` : `TRY_CAST(${cell} AS DOUBLE)`;
}

/**
 * A column's cell as a day number (days since 1899-12-30), NULL when unreadable: DATE and TIMESTAMP
 * columns as they are (time of day dropped), numbers as Excel serials, text as ISO dates with or without a
 * time, `yyyymmdd`, `yyyy/m/d`, `yyyy年m月d日` and `m/d/yyyy` (or `d/m/yyyy` with `dateOrder` dmy).
 */
function dayOf(column: DescribedColumn, dateOrder: DateOrder): string {
  const cell = quote(column.name);
  if (isNumber(column.type)) return `TRY_CAST(floor(TRY_CAST(${cell} AS DOUBLE)) AS INTEGER)`;
  if (!isText(column.type)) return `CAST(CAST(${cell} AS DATE) - DATE '1899-12-30' AS INTEGER)`;
  const text = `trim(${cell})`;
  const formats = [
    '%Y%m%d',
    '%Y/%m/%d',
    '%Y年%m月%d日',
    dateOrder === 'dmy' ? '%d/%m/%Y' : '%m/%d/%Y',
    dateOrder === 'dmy' ? '%d/%m/%Y %H:%M' : '%m/%d/%Y %H:%M',
  ];
  const parsed = [`TRY_CAST(${text} AS TIMESTAMP)`, ...formats.map((f) => `try_strptime(${text}, '${f}')`)];
  return `CAST(CAST(coalesce(${parsed.join(', ')}) AS DATE) - DATE '1899-12-30' AS INTEGER)`;
}

/** A column's cell as an id: text trimmed (blank = NULL); a whole number as its digits (`42`, not `42.0`). */
function idOf(column: DescribedColumn): string {
  const cell = quote(column.name);
  if (isText(column.type)) return `nullif(trim(${cell}), '')`;
  if (isNumber(column.type))
    return `CASE WHEN ${cell} = floor(${cell}) THEN CAST(CAST(${cell} AS HUGEINT) AS VARCHAR) ELSE CAST(${cell} AS VARCHAR) END`;
  return `nullif(trim(CAST(${cell} AS VARCHAR)), '')`;
}

/**
 * The usable sales rows of a file DuckDB reads (`from`: e.g. `read_csv('sales.csv', all_varchar = true)`),
 * with the columns found by the engine's own header rules ({@link mapHeaders}). A row is usable, as for the
 * engine, when it has a customer id, a readable date and a numeric amount (or quantity and unit price); a
 * blank or non-numeric profit or cost counts as 0.
 *
 * @throws AnalysisError `missingColumn` (exit code 5) when the customer id, date or amount columns are missing.
 * @example fileSalesRows("read_parquet('s.parquet')", [{ name: 'Customer ID', type: 'VARCHAR' }, …], 'mdy', 'en', 's.parquet')
 */
export function fileSalesRows(
  from: string,
  columns: readonly DescribedColumn[],
  dateOrder: DateOrder,
  language: Language,
  sheet: string,
): FileSalesRows {
  const headers = columns.map((c) => c.name);
  const mapping = mapHeaders(headers);
  const column = (field: FieldKey): DescribedColumn | null => {
    const at = mapping[field];
    return at === undefined ? null : (columns[at] ?? null);
  };
  const missing = (fields: FieldKey[]): AnalysisError =>
    AnalysisError.of({ key: 'missingColumn', sheet, fields, headers }, language);
  const customerId = column('customerId');
  const date = column('date');
  if (customerId === null) throw missing(['customerId']);
  if (date === null) throw missing(['date']);
  const amountColumn = column('amount');
  const quantity = column('quantity');
  const price = column('unitPrice');
  let amount: string;
  if (amountColumn !== null) amount = numberOf(amountColumn);
  else if (quantity !== null && price !== null) amount = `${numberOf(quantity)} * ${numberOf(price)}`;
  else throw missing(quantity === null ? ['amount', 'quantity'] : ['unitPrice']);
  const profitColumn = column('profit');
  const costColumn = profitColumn === null ? column('cost') : null;
  const profitCell = profitColumn ?? costColumn;
  const profit =
    profitColumn !== null
      ? 'coalesce(profit_cell, 0)'
      : costColumn !== null
        ? 'amount - coalesce(profit_cell, 0)'
        : 'CAST(0 AS DOUBLE)';
  const order = column('orderId');
  const parsed = `SELECT ${idOf(customerId)} AS customer_id, ${dayOf(date, dateOrder)} AS day,
    ${amount} AS amount, ${order === null ? 'CAST(NULL AS VARCHAR)' : idOf(order)} AS order_id,
    ${profitCell === null ? 'CAST(NULL AS DOUBLE)' : numberOf(profitCell)} AS profit_cell
  FROM ${from}`;
  const usable = `(SELECT customer_id, day, amount, ${profit} AS profit, order_id FROM parsed_rows
  WHERE customer_id IS NOT NULL AND day IS NOT NULL AND amount IS NOT NULL AND NOT isnan(amount))`;
  return {
    parsed,
    usable,
    hasProfit: profitColumn !== null || costColumn !== null,
    hasOrderId: order !== null,
    mapping,
  };
}
