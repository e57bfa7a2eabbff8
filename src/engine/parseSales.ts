import { canonicalCodes } from './canonicalCodes';
import { cellAt, cellsOf, encodeColumn, isDecimal, isEncoded, isPrefixedNumber } from './cellColumn';
import type { CustomerAggregates, SalesBounds } from './SalesTotals';
import { addUpSales } from './salesAt';
import { compareIds } from './compareIds';
import { date1904Offset, maxSerial, yyyymmddFrom } from './dayNumbers';
import { orderByText } from './orderByText';
import { orderCodesOf } from './orderCodesOf';
import {
  dayFromNumber,
  isErrorValue,
  parseDateCell,
  parseIdCell,
  parseNumberCell,
  parseTextCell,
} from './parseCell';
import type {
  CellColumn,
  ColumnMapping,
  DecimalColumn,
  EncodedColumn,
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
 * Sales rows parsed and added up per customer, with customer ids, order ids and sales reps interned to small
 * integers. No per-row objects or arrays are kept.
 */
export interface ParsedSales {
  /** Distinct customer ids of usable rows in ascending code-unit order; `rowCustomer` indexes into it. */
  customerIds: string[];
  /** The index of a customer id in `customerIds` (a map built on first use). */
  customerIndexOf: (id: string) => number | undefined;
  /**
   * Customer name from the sales table's name column (that of the latest row), by customer index; empty
   * when the table has no name column.
   */
  customerNames: (string | null)[];
  /** Per-customer totals over the bounds the sales were parsed with. */
  totals: CustomerAggregates;
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
  /** Every usable row, when parsed with `keepRows` (else null). */
  rows: KeptRows | null;
  /** Order integers are 0…orderCodes − 1 (0 without an order-id column). */
  orderCodes: number;
}

/** Usable sales rows as columns: row k's customer (index into `customerIds`), day number and amount. */
export interface SalesRows {
  count: number;
  customer: Int32Array;
  day: Int32Array;
  amount: Float64Array;
  /** Row k's profit (profit, or amount − cost; 0 when blank); null or absent when the sales have neither. */
  profit?: Float64Array | null;
}

/**
 * Usable sales rows as {@link SalesRows}, with what adding them up again needs (see `salesAt`): each row's
 * profit (profit, or amount − cost; 0 when blank), its order integer and its interned rep (−1 for none).
 */
export interface KeptRows extends SalesRows {
  profit: Float64Array | null;
  /** Null without an order-id column. */
  order: Int32Array | null;
  /** Null without a rep column. */
  rep: Int32Array | null;
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

function column(table: LoadedTable, mapping: ColumnMapping, field: FieldKey): CellColumn | null {
  const index = mapping[field];
  return index === undefined ? null : (table.columns[index] ?? null);
}

/** Marks an unreadable value in {@link DateReader}'s memo (below any −(day + 1)). */
const unreadableDay = -1e15;

/** Rows whose numbers are read into typed arrays at a time. */
const rowsPerBlock = 1 << 14;

/**
 * The numbers of a column from row `from` on, into `into` (as many as fit): NaN where a cell is not a
 * number or the column is missing or shorter. Each kind of column is read the cheapest way that gives what
 * {@link parseNumberCell} gives for its cells: a decimal column's numbers are `Number` of its texts
 * already (blanks NaN), an encoded column's distinct values are parsed once each.
 */
class NumberReader {
  private readonly cells: readonly RawCell[] | null = null;
  private readonly decimal: Float64Array | null = null;
  private readonly codes: Int32Array | null = null;
  /** The number of each distinct value of an encoded column. */
  private readonly valueNumbers: Float64Array | null = null;

  constructor(private readonly column: CellColumn | null) {
    if (column === null) return;
    if (isDecimal(column)) this.decimal = column.numbers;
    else if (isEncoded(column)) {
      this.codes = column.codes;
      const numbers = new Float64Array(column.values.length);
      column.values.forEach((value, code) => (numbers[code] = numberOf(value)));
      this.valueNumbers = numbers;
    } else this.cells = isPrefixedNumber(column) ? cellsOf(column) : column;
  }

  /** The number of every row from `from` on that fits in `into`. */
  read(from: number, into: Float64Array): void {
    let end = from;
    const { cells, decimal, codes, valueNumbers } = this;
    if (decimal !== null) {
      end = Math.min(from + into.length, decimal.length);
      into.set(decimal.subarray(from, end));
    } else if (codes !== null && valueNumbers !== null) {
      end = Math.min(from + into.length, codes.length);
      for (let i = from; i < end; i++) {
        const code = codes[i]!;
        into[i - from] = code < 0 ? Number.NaN : valueNumbers[code]!;
      }
    } else if (cells !== null) {
      end = Math.min(from + into.length, cells.length);
      for (let i = from; i < end; i++) into[i - from] = numberOf(cells[i]);
    }
    // A plain loop rather than fill(): code reached only after the hot loop has no type feedback, and an
    // optimised function would be thrown away on reaching it.
    for (let k = Math.max(0, end - from); k < into.length; k++) into[k] = Number.NaN;
  }

  /** Row i's cell described for a message. */
  describe(i: number): string {
    return describeCell(this.column === null ? null : cellAt(this.column, i));
  }
}

/** A cell's number as {@link parseNumberCell} reads it, NaN when none. */
function numberOf(cell: RawCell | undefined): number {
  // Written so a number goes straight into the typed array unboxed (x − x is 0 for finite x only):
  // merged with null, or passed through Number.isFinite, each would allocate a heap number per cell.
  return typeof cell === 'number' ? (cell - cell === 0 ? cell : Number.NaN) : numberOfText(cell);
}

/** The number of a cell that is not a number (text such as "1,234.50"), NaN when none. */
function numberOfText(cell: RawCell | undefined): number {
  return parseNumberCell(cell ?? null) ?? Number.NaN;
}

/** An unreadable date in a block of day numbers. */
const noDay = -0x80000000;

/**
 * Day numbers of rows `from`… (as many as fit in `into`), {@link noDay} where unreadable. Only rows with a
 * customer id are read (the others are skipped before their date is looked at), so ambiguous dates are
 * counted as before, once per row that uses one. With `cleanIds` no id value is blank, so any code will do.
 */
function readDays(
  reader: DateReader,
  dates: CellColumn,
  idCodes: Int32Array,
  canonical: Int32Array,
  from: number,
  into: Int32Array,
  firstDataRow: number,
  date1904: boolean,
  cleanIds: boolean,
): void {
  const end = Math.min(from + into.length, idCodes.length);
  for (let k = 0; k < into.length; k++) into[k] = noDay;
  if (isEncoded(dates) || isDecimal(dates) || isPrefixedNumber(dates)) {
    for (let i = from; i < end; i++) {
      const idValue = idCodes[i]!;
      if (idValue < 0 || (!cleanIds && canonical[idValue]! < 0)) continue;
      const day = reader.readAt(dates, i, firstDataRow + i);
      if (day !== null) into[i - from] = day;
    }
    return;
  }
  const offset = date1904 ? date1904Offset : 0;
  for (let i = from; i < end; i++) {
    const idValue = idCodes[i]!;
    if (idValue < 0 || (!cleanIds && canonical[idValue]! < 0)) continue;
    const cell = dates[i];
    // A whole-day serial (what Excel and the file readers hand over) is its own day number, as
    // dayFromNumber reads it; anything else goes through the date reader.
    if (typeof cell === 'number' && cell >= 1 && cell < yyyymmddFrom && cell === Math.floor(cell)) {
      if (cell + offset <= maxSerial) into[i - from] = cell + offset;
    } else {
      const day = reader.read(cell ?? null, firstDataRow + i);
      if (day !== null) into[i - from] = day;
    }
  }
}

/** Caches date parses by text: sales tables repeat the same few thousand dates. */
export class DateReader {
  private readonly cache = new Map<string, { day: number; ambiguous: boolean } | null>();
  /** Per value of an encoded column: NaN unparsed, the day, −(day + 1) when ambiguous, or unreadable. */
  private memo: Float64Array | null = null;
  ambiguousCount = 0;
  firstAmbiguous: { row: number; text: string } | null = null;

  constructor(private readonly options: ParseOptions) {}

  /**
   * Day number of row `i` of a column, or null when unreadable; each distinct value of an encoded column is
   * parsed once. A reader serves one column.
   */
  readAt(column: CellColumn, i: number, row: number): number | null {
    if (isDecimal(column) || isPrefixedNumber(column)) return this.read(cellAt(column, i), row);
    if (!isEncoded(column)) return this.read(column[i] ?? null, row);
    const code = column.codes[i] ?? -1;
    if (code < 0) return null;
    const memo = (this.memo ??= new Float64Array(column.values.length).fill(Number.NaN));
    let day = memo[code]!;
    if (Number.isNaN(day)) {
      const parsed = this.parse(column.values[code] ?? null);
      day = parsed === null ? unreadableDay : parsed.ambiguous ? -parsed.day - 1 : parsed.day;
      memo[code] = day;
    }
    if (day === unreadableDay) return null;
    if (day >= 0) return day;
    // Ambiguous text is memoised as −(day + 1) so it is still counted once per row.
    this.noteAmbiguous(row, column.values[code] as string);
    return -day - 1;
  }

  /** Day number of a cell, or null when unreadable; counts ambiguous day/month text. */
  read(cell: RawCell, row: number): number | null {
    if (typeof cell === 'number') return dayFromNumber(cell, this.options.date1904);
    let parsed;
    if (typeof cell === 'string') {
      parsed = this.cache.get(cell);
      if (parsed === undefined) {
        parsed = parseDateCell(cell, this.options.date1904, this.options.dateOrder);
        if (this.cache.size < 200_000) this.cache.set(cell, parsed);
      }
      if (parsed?.ambiguous === true) this.noteAmbiguous(row, cell);
    } else {
      parsed = this.parse(cell);
    }
    return parsed === null ? null : parsed.day;
  }

  private parse(cell: RawCell): { day: number; ambiguous: boolean } | null {
    return parseDateCell(cell, this.options.date1904, this.options.dateOrder);
  }

  private noteAmbiguous(row: number, text: string): void {
    this.ambiguousCount++;
    this.firstAmbiguous ??= { row, text };
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
      code: 'ambiguousDates',
      params: {
        count: this.ambiguousCount,
        example: this.firstAmbiguous.text,
        order: this.options.dateOrder,
      },
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
 * Sales rows read and numbered by customer, not yet added up: {@link ParsedSales} without its totals, its
 * rows always kept. What {@link parseSales} reads first; `addUpSales` (in `salesAt`) then adds the rows up.
 */
export interface ReadSales extends Omit<ParsedSales, 'totals' | 'rows'> {
  rows: KeptRows;
}

/**
 * Parses the sales table: customer id, date and amount (or quantity × unit price) are required per row;
 * a row with a blank customer id, an unreadable date or a non-numeric amount is skipped and listed with its
 * sheet row number, column and reason. Negative amounts (returns) are kept. A blank or non-numeric profit
 * or cost counts as 0 and is reported once with the number of rows. The rows are read first
 * ({@link readSales}), then added up (`addUpSales`).
 *
 * @param table The sales table with its mapped columns read.
 * @param mapping Column positions; needs customerId, date and amount or quantity + unitPrice.
 * @param bounds The as-of date and window start the totals are for; null counts every row.
 * @param keepRows Keep every usable row's customer, day and amount in `rows` (a method that fits on rows).
 */
export function parseSales(
  table: LoadedTable,
  mapping: ColumnMapping,
  options: ParseOptions,
  bounds: SalesBounds = null,
  keepRows = false,
): ParsedSales {
  return addUpSales(readSales(table, mapping, options), bounds, keepRows);
}

/**
 * The first half of {@link parseSales}: every row read, the usable ones kept and numbered by customer (in
 * ascending id order), with the skipped rows and the notes; nothing added up yet. The rows are final here,
 * so what reads only them (the value model) may start before the totals are made.
 *
 * @example const totals = addUpSales(readSales(table, mapping, options), null, true).totals;
 */
export function readSales(table: LoadedTable, mapping: ColumnMapping, options: ParseOptions): ReadSales {
  const n = table.rowCount;
  // Ids and order ids are read through their distinct values: each is parsed once, rows carry codes.
  const ids = encoded(column(table, mapping, 'customerId') ?? []);
  const idKeys = canonicalCodes(ids.values, parseIdCell);
  const dates = column(table, mapping, 'date') ?? [];
  // Money and quantities: numbers read a block at a time (see NumberReader).
  const amounts = column(table, mapping, 'amount');
  const quantities = amounts === null ? column(table, mapping, 'quantity') : null;
  const prices = amounts === null ? column(table, mapping, 'unitPrice') : null;
  const profits = column(table, mapping, 'profit');
  const costs = profits === null ? column(table, mapping, 'cost') : null;
  const profitColumn = profits ?? costs;
  const amountReader = new NumberReader(amounts ?? quantities);
  const priceReader = new NumberReader(prices);
  const profitReader = new NumberReader(profitColumn);
  const orderColumn = column(table, mapping, 'orderId');
  const orders = orderColumn === null ? null : orderCodesOf(orderColumn, n);
  const repsColumn = column(table, mapping, 'rep');
  const names = column(table, mapping, 'customerName');
  const profitSource: ProfitSource = profits !== null ? 'profit' : costs !== null ? 'cost' : null;
  // Kept rows hold the id's value code until the customers are numbered, at the end.
  const keptCustomer = new Int32Array(n);
  const keptDay = new Int32Array(n);
  const keptRep = repsColumn !== null ? new Int32Array(n) : null;
  // A kept column the table already holds as kept (a decimal amount or profit column's numbers, the order
  // integers) is that array itself while every row so far was kept unchanged; the first row left out (or a
  // blank profit counted as 0) makes a copy of the rows before it. On a clean million rows this saves
  // writing, and first touching, 20 MB.
  const amountShared = amounts !== null && isDecimal(amounts) ? sharedNumbers(amounts, n) : null;
  const profitShared = profits !== null && isDecimal(profits) ? sharedNumbers(profits, n) : null;
  const orderShared = orders !== null && orders.codes.length === n ? orders.codes : null;
  let keptAmount: Float64Array | null = amountShared === null ? new Float64Array(n) : null;
  let keptProfit: Float64Array | null =
    profitColumn !== null && profitShared === null ? new Float64Array(n) : null;
  let keptOrder: Int32Array | null = orders !== null && orderShared === null ? new Int32Array(n) : null;

  // Rows are kept with the canonical id value (the value code of the id's first spelling); the customers
  // are the values with a usable row (`used`), numbered in id order at the end.
  const { canonical } = idKeys;
  const cleanIds = idKeys.canonicalIsIdentity;
  const reps = new Interner();
  const valueNames: (string | null)[] | null =
    names === null ? null : new Array(ids.values.length).fill(null);
  const nameDays = names === null ? null : new Float64Array(ids.values.length).fill(-1);
  const used = new Uint8Array(ids.values.length);
  const skipped: SkippedRow[] = [];
  const dateReader = new DateReader(options);
  let missingProfit = 0;
  let firstMissingProfitRow = 0;
  let blankOrders = 0;
  let count = 0;
  let minDay = Number.POSITIVE_INFINITY;
  let maxDay = Number.NEGATIVE_INFINITY;
  const firstDataRow = table.headerRow + 1;
  const skip = (code: SkipCode, row: number, field: FieldKey, reason: string, amount = Number.NaN): void => {
    const entry: SkippedRow = {
      code,
      sheet: table.sheet,
      row,
      column: header(table, mapping, field),
      reason,
    };
    if (Number.isFinite(amount)) entry.amount = amount;
    skipped.push(entry);
  };
  /** The amount a row would have carried (quantity × unit price without an amount column); NaN if unreadable. */
  const amountInBlock = (b: number): number =>
    rowPrice === null ? rowAmount[b]! : rowAmount[b]! * rowPrice[b]!;
  // Numbers are read a block of rows at a time into typed arrays (NaN = not a number), so the row loop
  // handles unboxed numbers only and the buffers stay small (no per-row arrays of the whole table). The
  // amount buffer ends up holding each row's amount (quantity × unit price when there is no amount column)
  // and the profit buffer each row's profit, which are kept from there.
  const block = Math.min(n, rowsPerBlock);
  const rowAmount = new Float64Array(block);
  const rowPrice = amounts === null ? new Float64Array(block) : null;
  const rowProfit = profitColumn === null ? null : new Float64Array(block);
  // Day numbers are int32 (a boxed double per row would be garbage to collect); noDay = unreadable.
  const rowDay = new Int32Array(block);

  // b: the row's position in the block.
  for (let i = 0, b = block - 1; i < n; i++) {
    if (++b === block) {
      b = 0;
      amountReader.read(i, rowAmount);
      if (rowPrice !== null) priceReader.read(i, rowPrice);
      if (rowProfit !== null) profitReader.read(i, rowProfit);
      readDays(dateReader, dates, ids.codes, canonical, i, rowDay, firstDataRow, options.date1904, cleanIds);
    }
    const sheetRow = firstDataRow + i;
    const idValue = i < ids.codes.length ? ids.codes[i]! : -1;
    const customer = idValue < 0 ? -1 : cleanIds ? idValue : canonical[idValue]!;
    if (customer < 0) {
      const why = unreadableIdReason(idValue < 0 ? null : (ids.values[idValue] ?? null));
      skip(why.code, sheetRow, 'customerId', why.reason, amountInBlock(b));
      continue;
    }
    const day = rowDay[b]!;
    if (day === noDay) {
      skip(
        'dateUnreadable',
        sheetRow,
        'date',
        `date is not readable (${describeCell(cellAt(dates, i))})`,
        amountInBlock(b),
      );
      continue;
    }
    let amount = rowAmount[b]!;
    if (rowPrice === null) {
      if (Number.isNaN(amount)) {
        skip('amountNotNumber', sheetRow, 'amount', `amount is not a number (${amountReader.describe(i)})`);
        continue;
      }
    } else {
      if (Number.isNaN(amount)) {
        skip(
          'quantityNotNumber',
          sheetRow,
          'quantity',
          `quantity is not a number (${amountReader.describe(i)})`,
        );
        continue;
      }
      const price = rowPrice[b]!;
      if (Number.isNaN(price)) {
        skip(
          'unitPriceNotNumber',
          sheetRow,
          'unitPrice',
          `unit price is not a number (${priceReader.describe(i)})`,
        );
        continue;
      }
      amount *= price;
      rowAmount[b] = amount;
    }
    if (names !== null && valueNames !== null && nameDays !== null) {
      // The name of the latest row, ties by the smaller text: the same whatever the row order.
      const name = parseTextCell(cellAt(names, i));
      const current = valueNames[customer] ?? null;
      const currentDay = nameDays[customer]!;
      if (
        name !== null &&
        (day > currentDay || (day === currentDay && (current === null || compareIds(name, current) < 0)))
      ) {
        valueNames[customer] = name;
        nameDays[customer] = day;
      }
    }
    let profitChanged = false;
    if (rowProfit !== null) {
      let value = rowProfit[b]!;
      if (Number.isNaN(value)) {
        if (missingProfit === 0) firstMissingProfitRow = sheetRow;
        missingProfit++;
        value = 0;
        profitChanged = true;
      }
      rowProfit[b] = profitSource === 'profit' ? value : amount - value;
    }
    let order = -1;
    if (orders !== null) {
      order = orders.codes[i]!;
      if (order < 0) blankOrders++;
    }
    let rep = -1;
    if (repsColumn !== null) {
      const text = parseTextCell(cellAt(repsColumn, i));
      if (text !== null) rep = reps.intern(text);
    }
    used[customer] = 1;
    keptCustomer[count] = customer;
    keptDay[count] = day;
    if (keptAmount === null && count !== i) keptAmount = copyOfFirst(amountShared!, count);
    if (keptAmount !== null) keptAmount[count] = amount;
    if (keptProfit === null && profitShared !== null && (count !== i || profitChanged))
      keptProfit = copyOfFirst(profitShared, count);
    if (keptProfit !== null && rowProfit !== null) keptProfit[count] = rowProfit[b]!;
    if (keptOrder === null && orderShared !== null && count !== i)
      keptOrder = orderCopyOfFirst(orderShared, count);
    if (keptOrder !== null) keptOrder[count] = order;
    if (keptRep !== null) keptRep[count] = rep;
    if (day < minDay) minDay = day;
    if (day > maxDay) maxDay = day;
    count++;
  }

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
      code: 'missingProfit',
      params: { count: missingProfit, field },
    });
  }
  if (blankOrders > 0) {
    notes.push({
      sheet: table.sheet,
      row: null,
      column: header(table, mapping, 'orderId'),
      message: `${blankOrders} row(s) have no order id; they count towards revenue but not towards orders.`,
      code: 'blankOrderIds',
      params: { count: blankOrders },
    });
  }

  // Customers numbered in ascending id order, so per-customer arrays downstream are in the output's order.
  let usedCount = 0;
  for (let value = 0; value < used.length; value++) usedCount += used[value]!;
  const usedValues = new Int32Array(usedCount);
  for (let value = 0, k = 0; value < used.length; value++) if (used[value] === 1) usedValues[k++] = value;
  const usedIds = new Array<string>(usedCount);
  for (let k = 0; k < usedCount; k++) usedIds[k] = idKeys.keys[usedValues[k]!] as string;
  const byId = orderByText(usedIds);
  const sortedIds = new Array<string>(usedCount);
  const sortedNames: (string | null)[] = valueNames === null ? [] : new Array<string | null>(usedCount);
  const customerOfValue = new Int32Array(ids.values.length).fill(-1);
  for (let index = 0; index < usedCount; index++) {
    const value = usedValues[byId[index]!]!;
    customerOfValue[value] = index;
    sortedIds[index] = usedIds[byId[index]!]!;
    if (valueNames !== null) sortedNames[index] = valueNames[value] ?? null;
  }
  for (let k = 0; k < count; k++) keptCustomer[k] = customerOfValue[keptCustomer[k]!]!;
  const kept: KeptRows = {
    count,
    customer: keptCustomer,
    day: keptDay,
    // Rows left out at the end: a copy too, so the arrays past `count` are zeros whatever the columns.
    amount: keptAmount ?? (count === n ? amountShared! : copyOfFirst(amountShared!, count)),
    profit:
      keptProfit ?? (count === n || profitShared === null ? profitShared : copyOfFirst(profitShared, count)),
    order:
      keptOrder ?? (count === n || orderShared === null ? orderShared : orderCopyOfFirst(orderShared, count)),
    rep: keptRep,
  };

  let customerIndex: Map<string, number> | null = null;
  return {
    customerIds: sortedIds,
    customerIndexOf: (id) => {
      customerIndex ??= new Map(sortedIds.map((value, index) => [value, index]));
      return customerIndex.get(id);
    },
    customerNames: sortedNames,
    reps: reps.values,
    count,
    totalRows: n,
    skipped,
    notes,
    profitSource,
    hasOrderId: orders !== null,
    minDay: count === 0 ? 0 : minDay,
    maxDay: count === 0 ? 0 : maxDay,
    rows: kept,
    orderCodes: orders === null ? 0 : orders.count,
  };
}

/** The numbers of a decimal column's first `n` rows (its own array, not a copy); null when it is shorter. */
function sharedNumbers(column: DecimalColumn, n: number): Float64Array | null {
  return column.numbers.length < n ? null : column.numbers.subarray(0, n);
}

/** A new array as long as `source` holding its first `count` values (the rest 0). */
function copyOfFirst(source: Float64Array, count: number): Float64Array {
  const copy = new Float64Array(source.length);
  copy.set(source.subarray(0, count));
  return copy;
}

/** {@link copyOfFirst} for integers. */
function orderCopyOfFirst(source: Int32Array, count: number): Int32Array {
  const copy = new Int32Array(source.length);
  copy.set(source.subarray(0, count));
  return copy;
}

/** The column as codes into distinct values (plain cells are encoded here, in one pass). */
function encoded(cells: CellColumn): EncodedColumn {
  return isEncoded(cells) ? cells : encodeColumn(cellsOf(cells));
}

/** An order id as a comparable key: a number for numeric ids (so `42` and `"42"` match), else its text. */
export type OrderKey = string | number | null;

/** The {@link OrderKey} of a cell: numbers stay numbers, canonical number text becomes a number. */
export function orderKey(cell: RawCell): OrderKey {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  const text = parseIdCell(cell);
  if (text === null) return null;
  // Text starting with a letter other than I (Infinity) or N (NaN) is never number text.
  const first = text.charCodeAt(0) | 0x20;
  if (first >= 0x61 && first <= 0x7a && first !== 0x69 && first !== 0x6e) return text;
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
