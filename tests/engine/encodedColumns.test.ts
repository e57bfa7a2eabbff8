/**
 * The engine reads plain and encoded (dictionary) columns alike: `analyze` gives deep-equal results
 * whichever of the sales table's columns (and the customers table's and the visits log's) a host hands
 * over encoded, on synthetic, messy and real data, with default settings (one pass) and with an earlier
 * as-of date and a six-month window (the second pass).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { generateSales, salesDays, firstSalesDay } from '../../bench/generateSales';
import { analyze, type AnalysisInput, type AnalysisResult, type TableInput } from '../../src/engine/analyze';
import { cellsOf, encodeColumn } from '../../src/engine/cellColumn';
import { chooseTables } from '../../src/engine/chooseTables';
import { isoFromDay } from '../../src/engine/dayNumbers';
import { resolveSettings } from '../../src/engine/defaultSettings';
import { AnalysisError } from '../../src/engine/errors';
import { mapHeaders } from '../../src/engine/mapHeaders';
import type {
  AnalysisSettings,
  CellColumn,
  EncodedColumn,
  LoadedTable,
  RawCell,
  SourceTable,
} from '../../src/engine/types';
import { parseCsv } from '../../src/host/file/parseCsv';
import { mulberry32 } from '../../src/sample/mulberry32';

/** Which columns of a table to hand over encoded. */
type Encoding = (column: number) => boolean;

const plain: Encoding = () => false;
const everything: Encoding = () => true;
const only =
  (...columns: number[]): Encoding =>
  (column) =>
    columns.includes(column);
const byMask =
  (mask: number): Encoding =>
  (column) =>
    (mask & (1 << column)) !== 0;

/** How a column is encoded: encodeColumn, or a host's dictionary in another order (see scrambled). */
type Encoder = (cells: readonly RawCell[], column: number) => EncodedColumn;

/**
 * Encodes like a host whose dictionary is not in first-appearance order and holds texts the column does
 * not use (the .xlsx shared-string table): the values of encodeColumn plus unused ones, shuffled.
 */
function scrambled(seed: number): Encoder {
  return (cells, column) => {
    const { codes, values } = encodeColumn(cells);
    const unused: RawCell[] = ['unused', ' unused ', 987_654_321, '#N/A', ' C1 ', 'C1', '42', 42, null, ''];
    const all = [...values, ...unused.filter((value) => !values.includes(value))];
    const random = mulberry32(seed + column);
    const place = all.map((_, k) => k);
    for (let k = place.length - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      [place[k], place[j]] = [place[j]!, place[k]!];
    }
    const shuffledValues = new Array<RawCell>(all.length);
    all.forEach((value, k) => {
      shuffledValues[place[k]!] = value;
    });
    return { codes: codes.map((code) => place[code]!), values: shuffledValues };
  };
}

/** A loaded table from column-major cells, the chosen columns encoded. */
function loaded(
  sheet: string,
  headers: string[],
  columns: RawCell[][],
  encoding: Encoding,
  encoder: Encoder = encodeColumn,
): LoadedTable {
  const source: SourceTable = {
    sheet,
    tableName: null,
    headerRow: 1,
    firstColumn: 1,
    headers,
    rowCount: Math.max(0, ...columns.map((column) => column.length)),
  };
  const cells: CellColumn[] = columns.map((column, c) => (encoding(c) ? encoder(column, c) : column));
  return { ...source, columns: cells };
}

/** A raw table: headers and columns. */
interface RawTable {
  headers: string[];
  columns: RawCell[][];
}

interface Tables {
  sales: RawTable;
  customers?: RawTable;
  visits?: RawTable;
}

/** The engine's input built as a host builds it: tables mapped by chooseTables, settings resolved. */
function inputOf(
  tables: Tables,
  encoding: Encoding,
  settings: Partial<AnalysisSettings> = {},
  otherEncoding: Encoding = encoding,
  encoder: Encoder = encodeColumn,
): AnalysisInput {
  const sales = loaded('Sales', tables.sales.headers, tables.sales.columns, encoding, encoder);
  const customers =
    tables.customers === undefined
      ? null
      : loaded('Customers', tables.customers.headers, tables.customers.columns, otherEncoding, encoder);
  const visits =
    tables.visits === undefined
      ? null
      : loaded('Visits', tables.visits.headers, tables.visits.columns, otherEncoding, encoder);
  const chosen = chooseTables([
    sales,
    ...(customers === null ? [] : [customers]),
    ...(visits === null ? [] : [visits]),
  ]);
  const withMapping = (
    table: LoadedTable | null,
    mapping: TableInput['mapping'] | undefined,
  ): TableInput | null => (table === null || mapping === undefined ? null : { table, mapping });
  return {
    sales: { table: sales, mapping: chosen.sales.mapping },
    customers: withMapping(customers, chosen.customers?.mapping),
    visits: withMapping(visits, chosen.visits?.mapping),
    date1904: false,
    settings: resolveSettings(settings),
  };
}

/** A result, or the code and message of the AnalysisError it ended with. */
function outcome(input: AnalysisInput): AnalysisResult | { error: string } {
  try {
    return analyze(input);
  } catch (error) {
    if (error instanceof AnalysisError) return { error: `${error.code}: ${error.message}` };
    throw error;
  }
}

function expectSameAsPlain(
  tables: Tables,
  encodings: readonly Encoding[],
  settings: Partial<AnalysisSettings> = {},
): AnalysisResult | { error: string } {
  const expected = outcome(inputOf(tables, plain, settings));
  for (const encoding of encodings) expect(outcome(inputOf(tables, encoding, settings))).toEqual(expected);
  return expected;
}

function resultOf(value: AnalysisResult | { error: string }): AnalysisResult {
  if ('error' in value) throw new Error(`Expected a result, got ${value.error}`);
  return value;
}

/** Every subset of `count` columns as an encoding, the empty one left out. */
function allSubsets(count: number): Encoding[] {
  return Array.from({ length: 2 ** count - 1 }, (_, k) => byMask(k + 1));
}

describe('synthetic sales (bench/generateSales, 5,000 rows)', () => {
  const sales = generateSales(5_000);
  const tables: Tables = { sales: { headers: sales.headers, columns: sales.columns } };
  const lastDay = firstSalesDay + salesDays - 1;
  const narrow: Partial<AnalysisSettings> = { asOf: isoFromDay(lastDay - 200), windowMonths: 6 };

  it('gives the same result for every subset of encoded columns (default settings, one pass)', () => {
    const result = resultOf(expectSameAsPlain(tables, allSubsets(sales.headers.length)));
    expect(result.customers.length).toBe(sales.customers);
    expect(result.input.usedRows).toBe(5_000);
  });

  it('gives the same result for every subset with an earlier as-of date and a 6-month window (second pass)', () => {
    const result = resultOf(expectSameAsPlain(tables, allSubsets(sales.headers.length), narrow));
    // The second pass ran: rows on both sides of the window were left out.
    expect(result.input.afterAsOfRows).toBeGreaterThan(0);
    expect(result.input.beforeWindowRows).toBeGreaterThan(0);
    expect(result.input.usedRows).toBeLessThan(5_000);
    expect(result.window.end).toBe(lastDay - 200);
  });

  it('gives the same result with only an as-of date, and with only a window', () => {
    expectSameAsPlain(tables, [everything, only(0, 1), only(2)], { asOf: isoFromDay(lastDay - 30) });
    expectSameAsPlain(tables, [everything, only(0, 1), only(3, 4)], { windowMonths: 6 });
  });

  it('gives the same result with a customers table and a visits log handed over encoded', () => {
    const ids = [...new Set(sales.columns[1] ?? [])].slice(0, 300);
    const customers: RawTable = {
      headers: ['Customer ID', 'Customer Name', 'Sales Rep'],
      columns: [
        [...ids, 'NEW-1', ' NEW-1 ', null],
        [...ids.map((id, k) => (k % 7 === 0 ? null : `Name of ${String(id)}`)), 'New one', 'Dup', null],
        [...ids.map((_, k) => `Rep ${k % 4}`), null, null, null],
      ],
    };
    const random = mulberry32(99);
    const visitIds = Array.from({ length: 800 }, () => ids[Math.floor(random() * ids.length)] ?? null);
    const visits: RawTable = {
      headers: ['Customer ID', 'Visit Date'],
      columns: [
        visitIds.map((id, k) => (k % 50 === 0 ? ` ${String(id)} ` : id)),
        visitIds.map((_, k) =>
          k % 3 === 0
            ? isoFromDay(firstSalesDay + Math.floor(random() * salesDays))
            : firstSalesDay + Math.floor(random() * salesDays),
        ),
      ],
    };
    const withTables: Tables = { ...tables, customers, visits };
    for (const settings of [{}, narrow]) {
      const expected = resultOf(outcome(inputOf(withTables, plain, settings)));
      expect(expected.hasVisitsLog).toBe(true);
      expect(expected.customersTableRows).not.toBeNull();
      for (const [salesEncoding, otherEncoding] of [
        [plain, everything],
        [everything, plain],
        [everything, everything],
        [only(1, 2), only(0)],
      ] as const) {
        expect(outcome(inputOf(withTables, salesEncoding, settings, otherEncoding))).toEqual(expected);
      }
      expect(outcome(inputOf(withTables, everything, settings, everything, scrambled(5)))).toEqual(expected);
    }
  });
});

/** Headers of the messy table; quantity × unit price stands in for an amount. */
const messyHeaders = [
  'Order ID',
  'Customer ID',
  'Customer Name',
  'Order Date',
  'Quantity',
  'Unit Price',
  'Cost',
  'Sales Rep',
  'Region',
];

const firstDay = 45_000;
const days = 400;

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** A messy sales table: blanks, errors, untidy and numeric ids, text dates, text money. */
function messySales(seed: number, rows: number, customers = 40): RawTable {
  const random = mulberry32(seed);
  const columns: RawCell[][] = messyHeaders.map(() => []);
  for (let i = 0; i < rows; i++) {
    const k = Math.floor(random() * customers);
    const roll = random();
    const id: RawCell =
      roll < 0.04
        ? pick(random, [null, '', '  ', '#N/A', ' #N/A ', '#REF!'])
        : roll < 0.12
          ? pick(random, [42, '42', ' 42 ', 7, '7', '007', true, 'TRUE'])
          : roll < 0.2
            ? pick(random, [` C${k} `, `C${k} `, `\tC${k}`])
            : `C${k}`;
    const orderNumber = 1000 + Math.floor(random() * rows * 0.6);
    const order: RawCell =
      random() < 0.05
        ? pick(random, [null, '#N/A', ' '])
        : random() < 0.3
          ? pick(random, [orderNumber, String(orderNumber), ` ${orderNumber} `, `0${orderNumber}`])
          : pick(random, [`SO${orderNumber}`, ` SO${orderNumber}`, `so${orderNumber}`]);
    const day = firstDay + Math.floor(random() * days);
    const dateRoll = random();
    const date: RawCell =
      dateRoll < 0.04
        ? pick(random, [null, 'soon', '#N/A', true, '', '31/02/2024'])
        : dateRoll < 0.3
          ? pick(random, [
              isoFromDay(day),
              `${isoFromDay(day)} 10:30:00`,
              ` ${isoFromDay(day)} `,
              isoFromDay(day).replace(/-/gu, '/'),
              Number(isoFromDay(day).replace(/-/gu, '')),
              isoFromDay(day).replace(/-/gu, ''),
            ])
          : dateRoll < 0.36
            ? pick(random, [
                '03/04/2024',
                '13/04/2024',
                '04/13/2024',
                '5 Jan 2024',
                'Jan 5, 2024',
                '2024年1月5日',
              ])
            : random() < 0.2
              ? day + 0.75
              : day;
    const quantity: RawCell =
      random() < 0.04 ? pick(random, [null, 'abc', '#N/A', '', ' 3 ', '2']) : 1 + Math.floor(random() * 5);
    const money = Math.round(random() * 50_000) / 100;
    const price: RawCell =
      random() < 0.06
        ? pick(random, ['$1,234.50', '12,5', '(3.00)', '#N/A', null, String(money), `¥${money}`])
        : random() < 0.02
          ? -money
          : money;
    const cost: RawCell =
      random() < 0.05
        ? pick(random, [null, '#N/A', 'n/a', '1.5', ' 2 '])
        : Math.round(money * 0.7 * 100) / 100;
    const name: RawCell = random() < 0.1 ? pick(random, [null, '#N/A', ' ', ` Name ${k} `]) : `Name ${k}`;
    const rep: RawCell =
      random() < 0.1 ? pick(random, [null, '#N/A']) : pick(random, ['Ann', 'Bo', 'Cy', '  Ann']);
    const region: RawCell = pick(random, ['East', 'West', null]);
    const row = [order, id, name, date, quantity, price, cost, rep, region];
    row.forEach((cell, c) => columns[c]!.push(cell));
  }
  return { headers: [...messyHeaders], columns };
}

describe('messy sales tables', () => {
  const table = messySales(1, 800);
  const tables: Tables = { sales: table };
  const narrow: Partial<AnalysisSettings> = { asOf: isoFromDay(firstDay + days - 90), windowMonths: 6 };

  it('maps every messy column (quantity × unit price, cost, rep and name included)', () => {
    expect(mapHeaders(messyHeaders)).toEqual({
      orderId: 0,
      customerId: 1,
      customerName: 2,
      date: 3,
      quantity: 4,
      unitPrice: 5,
      cost: 6,
      rep: 7,
      region: 8,
    });
  });

  it('exercises what it means to: skipped rows, ambiguous dates, missing costs, blank orders, merged ids', () => {
    const result = resultOf(outcome(inputOf(tables, plain)));
    const codes = new Set(result.input.skipped.map((row) => row.code));
    expect([...codes].sort()).toEqual([
      'customerBlank',
      'customerError',
      'dateUnreadable',
      'quantityNotNumber',
      'unitPriceNotNumber',
    ]);
    const messages = result.notes.map((note) => note.message).join('\n');
    expect(messages).toMatch(/could be read either way/u);
    expect(messages).toMatch(/blank or non-numeric cost/u);
    expect(messages).toMatch(/have no order id/u);
    const ids = result.customers.map((customer) => customer.id);
    expect(ids).toContain('42');
    expect(ids).toContain('007');
    expect(ids).toContain('TRUE');
    expect(ids.filter((id) => id !== id.trim())).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives the same result for every subset of encoded columns (default settings)', () => {
    expectSameAsPlain(tables, allSubsets(messyHeaders.length - 1));
  });

  it('gives the same result for every subset of encoded columns (earlier as-of date, 6-month window)', () => {
    const result = resultOf(expectSameAsPlain(tables, allSubsets(messyHeaders.length - 1), narrow));
    expect(result.input.afterAsOfRows).toBeGreaterThan(0);
    expect(result.input.beforeWindowRows).toBeGreaterThan(0);
  });

  it('gives the same result when the dictionaries are in another order and hold unused values', () => {
    for (const settings of [{}, narrow]) {
      const expected = outcome(inputOf(tables, plain, settings));
      for (const seed of [1, 2, 3]) {
        expect(outcome(inputOf(tables, everything, settings, plain, scrambled(seed)))).toEqual(expected);
        expect(outcome(inputOf(tables, only(0, 1), settings, plain, scrambled(seed)))).toEqual(expected);
        expect(outcome(inputOf(tables, only(2, 3, 7), settings, plain, scrambled(seed)))).toEqual(expected);
      }
    }
  });

  it('gives the same result with day-first dates and fixed SVCD thresholds', () => {
    expectSameAsPlain(tables, [everything, only(3), only(0, 1, 3)], {
      dateOrder: 'dmy',
      svcdAmountThreshold: 100,
      svcdFrequencyThreshold: 0.5,
    });
  });

  it('gives the same result with an amount and a profit column instead of quantity × price and cost', () => {
    const amounts = table.columns[5]!.map((price, i) => {
      const quantity = table.columns[4]![i];
      return typeof price === 'number' && typeof quantity === 'number' ? price * quantity : price;
    });
    const withAmount: Tables = {
      sales: {
        headers: ['Order ID', 'Customer ID', 'Customer Name', 'Order Date', 'Amount', 'Profit'],
        columns: [
          table.columns[0]!,
          table.columns[1]!,
          table.columns[2]!,
          table.columns[3]!,
          amounts,
          table.columns[6]!,
        ],
      },
    };
    const result = resultOf(expectSameAsPlain(withAmount, allSubsets(6)));
    expect(result.profitSource).toBe('profit');
    expectSameAsPlain(withAmount, allSubsets(6), narrow);
  });

  it('gives the same outcome on random messy tables, random encodings and random settings', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 2 ** messyHeaders.length - 1 }),
        fc.record({
          asOfBack: fc.option(fc.integer({ min: -30, max: days + 30 })),
          windowMonths: fc.option(fc.integer({ min: 1, max: 24 })),
          dateOrder: fc.constantFrom('mdy' as const, 'dmy' as const),
        }),
        (seed, rows, mask, choice) => {
          const messy: Tables = { sales: messySales(seed, rows, 1 + (seed % 30)) };
          const settings: Partial<AnalysisSettings> = {
            asOf: choice.asOfBack === null ? null : isoFromDay(firstDay + days - choice.asOfBack),
            windowMonths: choice.windowMonths,
            dateOrder: choice.dateOrder,
          };
          const expected = outcome(inputOf(messy, plain, settings));
          expect(outcome(inputOf(messy, byMask(mask), settings))).toEqual(expected);
          expect(outcome(inputOf(messy, everything, settings))).toEqual(expected);
          expect(outcome(inputOf(messy, byMask(mask), settings, plain, scrambled(seed)))).toEqual(expected);
        },
      ),
      { seed: 20240707, numRuns: 150 },
    );
  });

  it('reports the same error when no row is usable', () => {
    const unusable: Tables = {
      sales: {
        headers: ['Customer ID', 'Date', 'Amount'],
        columns: [
          [null, '#N/A', ' '],
          [1, 2, 3],
          [4, 5, 6],
        ],
      },
    };
    const expected = expectSameAsPlain(unusable, allSubsets(3));
    expect(expected).toEqual({ error: expect.stringMatching(/^NO_USABLE_ROWS: /u) as unknown });
  });
});

describe('ids and order ids that are the same key', () => {
  const headers = ['Order ID', 'Customer ID', 'Date', 'Amount'];
  const rowsOf = (rows: RawCell[][]): Tables => ({
    sales: { headers, columns: headers.map((_, c) => rows.map((row) => row[c] ?? null)) },
  });
  const sales = rowsOf([
    [42, 42, 45_000, 10],
    ['42', '42', 45_000, 5],
    [' 42 ', ' 42 ', '2023-03-15', 1],
    ['SO1', 'C1', 45_010, 20],
    [' SO1', 'C1 ', 45_010, 2],
    ['042', 42, 45_020, 3],
    [null, 'C1', 45_020, 4],
    ['#N/A', '#N/A', 45_020, 100],
  ]);

  it('counts 42, "42" and " 42 " as one customer and one order, encoded or not', () => {
    const result = resultOf(expectSameAsPlain(sales, allSubsets(4)));
    const byId = new Map(result.customers.map((customer) => [customer.id, customer]));
    expect([...byId.keys()]).toEqual(['42', 'C1']);
    expect(byId.get('42')).toMatchObject({ revenue: 19, orders: 2, purchaseDays: 2 });
    expect(byId.get('C1')).toMatchObject({ revenue: 26, orders: 1 });
    expect(result.input.skipped.map((row) => [row.row, row.code])).toEqual([[9, 'customerError']]);
  });
});

describe('the online retail CSV (quantity × unit price, text dates, numeric-looking ids, blank ids)', () => {
  const csvPath = path.resolve(__dirname, '../../..', 'shared/data/online_retail_2010-12.csv');
  const csv = parseCsv(readFileSync(csvPath, 'utf8'));
  const tables: Tables = {
    sales: { headers: csv.headers, columns: csv.columns.map((column) => [...cellsOf(column)]) },
  };

  it('gives the same result with every column plain, every column encoded and the id columns encoded', () => {
    const result = resultOf(
      expectSameAsPlain(tables, [
        everything,
        only(csv.headers.indexOf('InvoiceNo'), csv.headers.indexOf('CustomerID')),
        only(csv.headers.indexOf('InvoiceDate')),
        only(csv.headers.indexOf('Quantity'), csv.headers.indexOf('UnitPrice')),
      ]),
    );
    expect(result.customers.length).toBeGreaterThan(800);
    expect(result.input.skipped.some((row) => row.code === 'customerBlank')).toBe(true);
  });

  it('gives the same result for the last two weeks only (second pass)', () => {
    const result = resultOf(outcome(inputOf(tables, plain, {})));
    const settings = { asOf: isoFromDay(result.asOf - 3), windowMonths: 1 };
    const narrowed = resultOf(expectSameAsPlain(tables, [everything], settings));
    expect(narrowed.input.afterAsOfRows).toBeGreaterThan(0);
  });
});

/**
 * An encoded column as the .xlsx streaming reader (ColumnBuilder) and `columnOfLength` build it: blanks
 * are code −1 rather than a null value, and the codes may stop before the table's last row.
 */
function hostEncoded(cells: readonly RawCell[], length = cells.length): EncodedColumn {
  const values: RawCell[] = [];
  const index = new Map<RawCell, number>();
  const codes = new Int32Array(length).fill(-1);
  cells.slice(0, length).forEach((cell, i) => {
    if (cell === null) return;
    let code = index.get(cell);
    if (code === undefined) {
      code = values.length;
      values.push(cell);
      index.set(cell, code);
    }
    codes[i] = code;
  });
  return { codes, values };
}

describe('encoded columns with blank (−1) codes, as the streaming .xlsx reader hands them over', () => {
  const headers = ['Order ID', 'Customer ID', 'Customer Name', 'Order Date', 'Amount', 'Sales Rep'];
  const rows: RawCell[][] = [
    ['SO1', 'C1', 'Ann', '2024-01-05', 10, 'R1'],
    [null, 'C2', null, '2024-01-06', 20, null],
    ['SO2', null, 'Bo', '2024-01-07', 30, 'R2'],
    ['SO3', 'C1', 'Ann', '2024-01-08', null, 'R1'],
    ['SO4', 'C3', 'Cy', '2024-01-09', 40, 'R2'],
  ];
  const columns = headers.map((_, c) => rows.map((row) => row[c] ?? null));
  const tablesOf = (encoded: readonly number[], length?: number): AnalysisInput => {
    const input = inputOf({ sales: { headers, columns } }, plain);
    const table = input.sales.table;
    table.columns = columns.map((column, c) => (encoded.includes(c) ? hostEncoded(column, length) : column));
    return input;
  };
  const expected = outcome(tablesOf([]));

  it.each([
    ['order ids', [0]],
    ['customer ids', [1]],
    ['names', [2]],
    ['amounts', [4]],
    ['reps', [5]],
    ['ids, names, amounts and reps', [0, 1, 2, 4, 5]],
  ])('reads blank codes in %s as blanks', (_what, encoded) => {
    expect(outcome(tablesOf(encoded))).toEqual(expected);
  });

  it('reads a blank code in an encoded date column as a blank date', () => {
    // Row 2 (C2) has a customer and an amount; only its date is blank.
    const dates = [...columns[3]!];
    dates[1] = null;
    const withBlankDate = columns.map((column, c) => (c === 3 ? dates : column));
    const input = tablesOf([]);
    input.sales.table.columns = withBlankDate;
    const plainOutcome = outcome(input);
    const encodedInput = tablesOf([]);
    encodedInput.sales.table.columns = withBlankDate.map((column, c) =>
      c === 3 ? hostEncoded(column) : column,
    );
    expect(outcome(encodedInput)).toEqual(plainOutcome);
  });

  it('reads columns whose codes stop before the last row as blank there (all but the date column)', () => {
    const shortInput = tablesOf([0, 1, 2, 4, 5], 3);
    const plainShort = tablesOf([]);
    plainShort.sales.table.columns = columns.map((column, c) => (c === 3 ? column : column.slice(0, 3)));
    expect(outcome(shortInput)).toEqual(outcome(plainShort));
  });
});
