import { compareIds } from './compareIds';
import { isErrorValue, parseDateCell, parseIdCell, parseNumberCell, parseTextCell } from './parseCell';
import type {
  ColumnMapping,
  DataNote,
  DateOrder,
  FieldKey,
  LoadedTable,
  RawCell,
  SkipCode,
  SkippedRow,
} from './types';

/** Where a profit figure comes from: a profit column, amount − cost, or nowhere. */
export type ProfitSource = 'profit' | 'cost' | null;

/**
 * Sales rows parsed into columns (one entry per *usable* row), with customer ids, order ids and sales reps
 * interned to small integers. No per-row objects are kept.
 */
export interface ParsedSales {
  /** Distinct customer ids in first-appearance order; `rowCustomer` indexes into it. */
  customerIds: string[];
  customerIndex: Map<string, number>;
  /** Customer name from the sales table's name column (that of the latest row), by customer index. */
  customerNames: (string | null)[];
  rowCustomer: Int32Array;
  /** Day number of each row. */
  rowDay: Int32Array;
  rowAmount: Float64Array;
  /** Profit per row (profit column, or amount − cost); null when there is neither. */
  rowProfit: Float64Array | null;
  /**
   * Order id per row (null when blank); null when no order-id column is mapped. Not interned: distinct
   * orders are counted per customer, which needs no global table of order ids.
   */
  rowOrder: OrderKey[] | null;
  /** Interned sales rep per row, −1 when blank; null without a rep column. */
  rowRep: Int32Array | null;
  reps: string[];
  /** Usable rows. */
  count: number;
  /** Data rows in the table. */
  totalRows: number;
  skipped: SkippedRow[];
  notes: DataNote[];
  profitSource: ProfitSource;
  hasOrderId: boolean;
  /** Smallest and largest day of usable rows (0 when none). */
  minDay: number;
  maxDay: number;
}

/** Options for reading cells. */
export interface ParseOptions {
  date1904: boolean;
  dateOrder: DateOrder;
}

function header(table: LoadedTable, mapping: ColumnMapping, field: FieldKey): string | null {
  const column = mapping[field];
  return column === undefined ? null : (table.headers[column] ?? '').trim();
}

function column(table: LoadedTable, mapping: ColumnMapping, field: FieldKey): RawCell[] | null {
  const index = mapping[field];
  return index === undefined ? null : (table.columns[index] ?? null);
}

/** Caches date parses by text: sales tables repeat the same few thousand dates. */
export class DateReader {
  private readonly cache = new Map<string, { day: number; ambiguous: boolean } | null>();
  ambiguousCount = 0;
  firstAmbiguous: { row: number; text: string } | null = null;

  constructor(private readonly options: ParseOptions) {}

  /** Day number of a cell, or null when unreadable; counts ambiguous day/month text. */
  read(cell: RawCell, row: number): number | null {
    let parsed;
    if (typeof cell === 'string') {
      parsed = this.cache.get(cell);
      if (parsed === undefined) {
        parsed = parseDateCell(cell, this.options.date1904, this.options.dateOrder);
        if (this.cache.size < 200_000) this.cache.set(cell, parsed);
      }
      if (parsed?.ambiguous === true) {
        this.ambiguousCount++;
        this.firstAmbiguous ??= { row, text: cell };
      }
    } else {
      parsed = parseDateCell(cell, this.options.date1904, this.options.dateOrder);
    }
    return parsed === null ? null : parsed.day;
  }

  /** A note for the Data issues sheet when ambiguous dates were read, else null. */
  ambiguityNote(sheet: string, column: string | null): DataNote | null {
    if (this.ambiguousCount === 0 || this.firstAmbiguous === null) return null;
    const order = this.options.dateOrder === 'dmy' ? 'day/month/year' : 'month/day/year';
    return {
      sheet,
      row: this.firstAmbiguous.row,
      column,
      message: `${this.ambiguousCount} date(s) such as "${this.firstAmbiguous.text}" could be read either way; they were read as ${order} (the date order setting).`,
    };
  }
}

/** Interns text to small integers; remembers the last value since rows of one order come together. */
class Interner {
  readonly values: string[] = [];
  readonly index = new Map<string, number>();
  private last: string | null = null;
  private lastId = -1;

  intern(value: string): number {
    if (value === this.last) return this.lastId;
    let id = this.index.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.index.set(value, id);
    }
    this.last = value;
    this.lastId = id;
    return id;
  }
}

/**
 * Parses the sales table: customer id, date and amount (or quantity × unit price) are required per row;
 * a row with a blank customer id, an unreadable date or a non-numeric amount is skipped and listed with its
 * sheet row number, column and reason. Negative amounts (returns) are kept. A blank or non-numeric profit
 * or cost counts as 0 and is reported once with the number of rows.
 *
 * @param table The sales table with its mapped columns read.
 * @param mapping Column positions; needs customerId, date and amount or quantity + unitPrice.
 */
export function parseSales(table: LoadedTable, mapping: ColumnMapping, options: ParseOptions): ParsedSales {
  const n = table.rowCount;
  const ids = column(table, mapping, 'customerId') ?? [];
  const dates = column(table, mapping, 'date') ?? [];
  const amounts = column(table, mapping, 'amount');
  const quantities = amounts === null ? column(table, mapping, 'quantity') : null;
  const prices = amounts === null ? column(table, mapping, 'unitPrice') : null;
  const profits = column(table, mapping, 'profit');
  const costs = profits === null ? column(table, mapping, 'cost') : null;
  const orders = column(table, mapping, 'orderId');
  const repsColumn = column(table, mapping, 'rep');
  const names = column(table, mapping, 'customerName');
  const profitSource: ProfitSource = profits !== null ? 'profit' : costs !== null ? 'cost' : null;

  const customers = new Interner();
  const reps = new Interner();
  const customerNames: (string | null)[] = [];
  const nameDays: number[] = [];
  const rowCustomer = new Int32Array(n);
  const rowDay = new Int32Array(n);
  const rowAmount = new Float64Array(n);
  const rowProfit = profitSource === null ? null : new Float64Array(n);
  const rowOrder: OrderKey[] | null = orders === null ? null : new Array<OrderKey>(n);
  const rowRep = repsColumn === null ? null : new Int32Array(n);
  const skipped: SkippedRow[] = [];
  const dateReader = new DateReader(options);
  let missingProfit = 0;
  let firstMissingProfitRow = 0;
  let count = 0;
  let minDay = Number.POSITIVE_INFINITY;
  let maxDay = Number.NEGATIVE_INFINITY;
  const firstDataRow = table.headerRow + 1;
  const skip = (code: SkipCode, row: number, field: FieldKey, reason: string): void => {
    skipped.push({ code, sheet: table.sheet, row, column: header(table, mapping, field), reason });
  };

  for (let i = 0; i < n; i++) {
    const sheetRow = firstDataRow + i;
    const idCell = ids[i] ?? null;
    const id = parseIdCell(idCell);
    if (id === null) {
      const why = unreadableIdReason(idCell);
      skip(why.code, sheetRow, 'customerId', why.reason);
      continue;
    }
    const dateCell = dates[i] ?? null;
    const day = dateReader.read(dateCell, sheetRow);
    if (day === null) {
      skip('dateUnreadable', sheetRow, 'date', `date is not readable (${describeCell(dateCell)})`);
      continue;
    }
    let amount: number | null;
    if (amounts !== null) {
      amount = parseNumberCell(amounts[i] ?? null);
      if (amount === null) {
        skip(
          'amountNotNumber',
          sheetRow,
          'amount',
          `amount is not a number (${describeCell(amounts[i] ?? null)})`,
        );
        continue;
      }
    } else {
      const quantity = parseNumberCell(quantities?.[i] ?? null);
      if (quantity === null) {
        skip(
          'quantityNotNumber',
          sheetRow,
          'quantity',
          `quantity is not a number (${describeCell(quantities?.[i] ?? null)})`,
        );
        continue;
      }
      const price = parseNumberCell(prices?.[i] ?? null);
      if (price === null) {
        skip(
          'unitPriceNotNumber',
          sheetRow,
          'unitPrice',
          `unit price is not a number (${describeCell(prices?.[i] ?? null)})`,
        );
        continue;
      }
      amount = quantity * price;
    }
    const customer = customers.intern(id);
    if (customer === customerNames.length) {
      customerNames.push(null);
      nameDays.push(-1);
    }
    if (names !== null) {
      // The name of the latest row, ties by the smaller text: the same whatever the row order.
      const name = parseTextCell(names[i] ?? null);
      const current = customerNames[customer] ?? null;
      const currentDay = nameDays[customer]!;
      if (
        name !== null &&
        (day > currentDay || (day === currentDay && (current === null || compareIds(name, current) < 0)))
      ) {
        customerNames[customer] = name;
        nameDays[customer] = day;
      }
    }
    rowCustomer[count] = customer;
    rowDay[count] = day;
    rowAmount[count] = amount;
    if (rowProfit !== null) {
      const source = profits ?? costs;
      const value = parseNumberCell(source?.[i] ?? null);
      if (value === null) {
        if (missingProfit === 0) firstMissingProfitRow = sheetRow;
        missingProfit++;
      }
      rowProfit[count] = profitSource === 'profit' ? (value ?? 0) : amount - (value ?? 0);
    }
    if (rowOrder !== null && orders !== null) {
      rowOrder[count] = orderKey(orders[i] ?? null);
    }
    if (rowRep !== null && repsColumn !== null) {
      const rep = parseTextCell(repsColumn[i] ?? null);
      rowRep[count] = rep === null ? -1 : reps.intern(rep);
    }
    if (day < minDay) minDay = day;
    if (day > maxDay) maxDay = day;
    count++;
  }

  if (rowOrder !== null) rowOrder.length = count;
  const notes: DataNote[] = [];
  const ambiguity = dateReader.ambiguityNote(table.sheet, header(table, mapping, 'date'));
  if (ambiguity !== null) notes.push(ambiguity);
  if (missingProfit > 0) {
    const field = profitSource === 'profit' ? 'profit' : 'cost';
    notes.push({
      sheet: table.sheet,
      row: firstMissingProfitRow,
      column: header(table, mapping, field),
      message: `${missingProfit} row(s) have a blank or non-numeric ${field}; it was counted as 0.`,
    });
  }
  if (orders !== null) {
    let blankOrders = 0;
    for (let i = 0; i < count; i++) if (rowOrder?.[i] === null) blankOrders++;
    if (blankOrders > 0) {
      notes.push({
        sheet: table.sheet,
        row: null,
        column: header(table, mapping, 'orderId'),
        message: `${blankOrders} row(s) have no order id; they count towards revenue but not towards orders.`,
      });
    }
  }

  return {
    customerIds: customers.values,
    customerIndex: customers.index,
    customerNames,
    rowCustomer: rowCustomer.subarray(0, count),
    rowDay: rowDay.subarray(0, count),
    rowAmount: rowAmount.subarray(0, count),
    rowProfit: rowProfit === null ? null : rowProfit.subarray(0, count),
    rowOrder: rowOrder === null ? null : ((rowOrder.length = count), rowOrder),
    rowRep: rowRep === null ? null : rowRep.subarray(0, count),
    reps: reps.values,
    count,
    totalRows: n,
    skipped,
    notes,
    profitSource,
    hasOrderId: orders !== null,
    minDay: count === 0 ? 0 : minDay,
    maxDay: count === 0 ? 0 : maxDay,
  };
}

/** An order id as a comparable key: a number for numeric ids (so `42` and `"42"` match), else its text. */
export type OrderKey = string | number | null;

/** The {@link OrderKey} of a cell: numbers stay numbers, canonical number text becomes a number. */
export function orderKey(cell: RawCell): OrderKey {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  const text = parseIdCell(cell);
  if (text === null) return null;
  const asNumber = Number(text);
  return String(asNumber) === text ? asNumber : text;
}

/** Why a customer id cell gives no id: an error value (named) or a blank. */
export function unreadableIdReason(cell: RawCell): { code: SkipCode; reason: string } {
  return isErrorValue(cell)
    ? { code: 'customerError', reason: `customer id is an error value (${cell.trim()})` }
    : { code: 'customerBlank', reason: 'customer id is blank' };
}

/** A short, safe description of a cell for messages. */
export function describeCell(cell: RawCell): string {
  if (cell === null) return 'blank';
  if (typeof cell === 'string') {
    if (cell.trim() === '') return 'blank';
    const text = cell.length > 40 ? `${cell.slice(0, 40)}…` : cell;
    return `"${text}"`;
  }
  return String(cell);
}
