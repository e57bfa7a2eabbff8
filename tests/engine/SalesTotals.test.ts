/**
 * The per-customer totals of `parseSales` against a plain reference model written with Maps and Sets, on
 * random sales: orders shared by customers and interleaved, blank order ids, returns and zero amounts,
 * dates as whole and fractional serials, yyyymmdd numbers, text and unreadable cells, blank and messy ids,
 * tables longer than one block of rows, the 1900 and 1904 date systems, and an as-of date and window start
 * (the second pass). Also: the shared revenue order of ABC and RFM gives what each sort gives alone.
 */
import fc from 'fast-check';
import { assignAbc } from '../../src/engine/assignAbc';
import { canonicalCodes } from '../../src/engine/canonicalCodes';
import { encodeColumn } from '../../src/engine/cellColumn';
import { orderByNumber } from '../../src/engine/orderByNumber';
import { orderByText } from '../../src/engine/orderByText';
import { parseDateCell, parseIdCell, parseNumberCell } from '../../src/engine/parseCell';
import { orderKey, parseSales, type ParsedSales } from '../../src/engine/parseSales';
import { roundMoney } from '../../src/engine/roundMoney';
import { scoreRfmColumns } from '../../src/engine/scoreRfm';
import type { SalesBounds } from '../../src/engine/SalesTotals';
import type { CellColumn, LoadedTable, RawCell } from '../../src/engine/types';
import { mulberry32 } from '../../src/sample/mulberry32';

interface Reference {
  revenue: number;
  profit: number;
  lifetime: number;
  orders: Set<string | number>;
  days: Set<number>;
  first: number;
  last: number;
  lastEver: number;
  seen: boolean;
  inWindow: boolean;
}

const headers = ['Customer ID', 'Date', 'Amount', 'Cost', 'Order ID'];
const mapping = { customerId: 0, date: 1, amount: 2, cost: 3, orderId: 4 };

/** Random sales rows, column-major; `messy` adds blanks, padded ids, text numbers and unreadable cells. */
function randomColumns(rows: number, seed: number, messy: boolean): RawCell[][] {
  const random = mulberry32(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const columns: RawCell[][] = headers.map(() => new Array<RawCell>(rows));
  const customers = Math.max(3, Math.floor(rows / 7));
  for (let i = 0; i < rows; i++) {
    const c = Math.floor(random() * random() * customers);
    let id: RawCell = `K${c}`;
    if (messy && random() < 0.05) id = pick([null, '', '  ', '#N/A', ` K${c} `, c]);
    const serial = 45_000 + Math.floor(random() * 400);
    let date: RawCell = serial;
    if (messy && random() < 0.1)
      date = pick<RawCell>([serial + 0.75, 20240105, '2024-03-01', 'someday', null, -5, 3e6, 99_999_999]);
    let amount: RawCell = Math.round((random() * 200 - 20) * 100) / 100;
    if (random() < 0.03) amount = 0;
    if (messy && random() < 0.05) amount = pick<RawCell>(['1,234.50', 'n/a', null, '(12.5)']);
    const cost: RawCell = messy && random() < 0.05 ? null : Math.round(random() * 5000) / 100;
    // Orders: a small pool, so some are shared by customers and their lines interleave.
    let order: RawCell = `O${Math.floor(random() * rows * 0.4)}`;
    if (random() < 0.05) order = pick<RawCell>([null, 42, '42', ' 42 ']);
    const row = [id, date, amount, cost, order];
    row.forEach((cell, k) => {
      columns[k]![i] = cell;
    });
  }
  return columns;
}

function table(columns: CellColumn[], rows: number): LoadedTable {
  return { sheet: 'Sales', tableName: null, headerRow: 1, firstColumn: 1, headers, rowCount: rows, columns };
}

/** The totals by plain reading of every row, as DESIGN.md states them. */
function reference(columns: RawCell[][], date1904: boolean, bounds: SalesBounds): Map<string, Reference> {
  const asOf = bounds === null ? Number.POSITIVE_INFINITY : bounds.asOf;
  const start = bounds === null ? Number.NEGATIVE_INFINITY : bounds.start;
  const totals = new Map<string, Reference>();
  const rows = columns[0]!.length;
  for (let i = 0; i < rows; i++) {
    const id = parseIdCell(columns[0]![i] ?? null);
    if (id === null) continue;
    const day = parseDateCell(columns[1]![i] ?? null, date1904, 'mdy')?.day ?? null;
    if (day === null) continue;
    const amount = parseNumberCell(columns[2]![i] ?? null);
    if (amount === null) continue;
    let t = totals.get(id);
    if (t === undefined) {
      t = {
        revenue: 0,
        profit: 0,
        lifetime: 0,
        orders: new Set(),
        days: new Set(),
        first: -1,
        last: -1,
        lastEver: -1,
        seen: false,
        inWindow: false,
      };
      totals.set(id, t);
    }
    if (day > asOf) continue;
    const profit = amount - (parseNumberCell(columns[3]![i] ?? null) ?? 0);
    t.seen = true;
    t.lifetime += profit;
    if (amount > 0) t.lastEver = Math.max(t.lastEver, day);
    if (day < start) continue;
    t.inWindow = true;
    t.revenue += amount;
    t.profit += profit;
    if (amount > 0) {
      t.days.add(day);
      const order = orderKey(columns[4]![i] ?? null);
      if (order !== null) t.orders.add(order);
      t.first = t.first === -1 ? day : Math.min(t.first, day);
      t.last = Math.max(t.last, day);
    }
  }
  return totals;
}

function expectSameTotals(parsed: ParsedSales, expected: Map<string, Reference>): void {
  expect([...parsed.customerIds]).toEqual(orderedIds([...expected.keys()]));
  const t = parsed.totals;
  parsed.customerIds.forEach((id, s) => {
    const e = expected.get(id)!;
    const actual = {
      id,
      revenue: t.revenue[s],
      profit: t.profit[s],
      lifetime: t.lifetimeValue[s],
      orders: t.orders[s],
      days: t.purchaseDays[s],
      first: t.firstPurchase[s],
      last: t.lastPurchase[s],
      lastEver: t.lastPurchaseEver[s],
      seen: t.seenUpToAsOf[s] === 1,
      inWindow: t.hasSalesInWindow[s] === 1,
    };
    expect(actual).toEqual({
      id,
      revenue: roundMoney(e.revenue),
      profit: roundMoney(e.profit),
      lifetime: roundMoney(e.lifetime),
      orders: e.orders.size,
      days: e.days.size,
      first: e.first,
      last: e.last,
      lastEver: e.lastEver,
      seen: e.seen,
      inWindow: e.inWindow,
    });
  });
}

function orderedIds(ids: string[]): string[] {
  const order = orderByText(ids);
  return Array.from(order, (k) => ids[k]!);
}

describe('parseSales totals against a reference model', () => {
  const cases: [string, number, boolean][] = [
    ['clean rows in one block', 2_000, false],
    ['messy rows in one block', 2_000, true],
    ['clean rows over several blocks', 40_000, false],
    ['messy rows over several blocks', 40_000, true],
  ];
  test.each(cases)('%s', (_, rows, messy) => {
    const columns = randomColumns(rows, rows + (messy ? 1 : 0), messy);
    for (const date1904 of [false, true]) {
      for (const encode of [false, true]) {
        const handed = encode ? columns.map((column) => encodeColumn(column)) : columns;
        const parsed = parseSales(table(handed, rows), mapping, { date1904, dateOrder: 'mdy' });
        expectSameTotals(parsed, reference(columns, date1904, null));
        const bounds = { asOf: parsed.maxDay - 40, start: parsed.minDay + 60 };
        const windowed = parseSales(table(handed, rows), mapping, { date1904, dateOrder: 'mdy' }, bounds);
        expectSameTotals(windowed, reference(columns, date1904, bounds));
      }
    }
  });

  test('an order shared by two customers counts once for each, however its lines interleave', () => {
    const rows: RawCell[][] = [
      ['A', 45_000, 10, 0, 'X'],
      ['B', 45_000, 10, 0, 'X'],
      ['A', 45_001, 10, 0, 'X'],
      ['B', 45_002, -5, 0, 'Y'],
      ['A', 45_001, 10, 0, 'Y'],
      ['B', 45_003, 10, 0, 'X'],
    ];
    const columns = headers.map((_, c) => rows.map((row) => row[c] ?? null));
    const parsed = parseSales(table(columns, rows.length), mapping, { date1904: false, dateOrder: 'mdy' });
    expectSameTotals(parsed, reference(columns, false, null));
    // A: orders X and Y; B: X only (its Y line is a return, not a purchase).
    expect(Array.from(parsed.totals.orders)).toEqual([2, 1]);
    expect(Array.from(parsed.totals.purchaseDays)).toEqual([2, 2]);
  });

  test('whole serials read as the date reader reads them, at the edges of the serial range', () => {
    const cells: RawCell[] = [1, 0, 2_958_465, 2_958_466, 2_957_000, 1.5, 19_000_100, 19_000_101, 20_240_105];
    for (const date1904 of [false, true]) {
      const columns: RawCell[][] = [
        cells.map((_, i) => `C${i}`),
        cells,
        cells.map(() => 1),
        cells.map(() => 0),
        cells.map((_, i) => `O${i}`),
      ];
      const parsed = parseSales(table(columns, cells.length), mapping, { date1904, dateOrder: 'mdy' });
      expectSameTotals(parsed, reference(columns, date1904, null));
      const read = cells.filter((cell) => parseDateCell(cell, date1904, 'mdy') !== null).length;
      expect(parsed.count).toBe(read);
      expect(parsed.skipped).toHaveLength(cells.length - read);
    }
  });
});

describe('canonical codes', () => {
  test('say when every value is its own key', () => {
    expect(canonicalCodes(['a', 'b'], parseIdCell).canonicalIsIdentity).toBe(true);
    expect(canonicalCodes(['a', ' a'], parseIdCell).canonicalIsIdentity).toBe(false);
    expect(canonicalCodes(['a', '#N/A'], parseIdCell).canonicalIsIdentity).toBe(false);
    expect(canonicalCodes(['a', 7], parseIdCell).canonicalIsIdentity).toBe(false);
  });
});

describe('one revenue order for ABC and RFM', () => {
  const money = fc.oneof(
    fc.constantFrom(0, -0, 10, 10.5, -3),
    fc.integer({ min: -50, max: 500 }).map((cents) => cents / 10),
  );
  test('ABC classes are the same with the shared ascending order as with their own sort', () => {
    fc.assert(
      fc.property(
        fc.array(money, { minLength: 1, maxLength: 80 }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        (revenue, cut) => {
          const ids = revenue.map((_, i) => `c${String(i).padStart(3, '0')}`);
          const byId = orderByText(ids);
          const ascending = orderByNumber(revenue, byId);
          expect(assignAbc(ids, revenue, cut, byId, ascending)).toEqual(assignAbc(ids, revenue, cut, byId));
        },
      ),
      { numRuns: 300 },
    );
  });
  test('RFM scores are the same with the shared ascending order as with their own sort', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(money, fc.integer({ min: 0, max: 4 }), fc.option(fc.integer({ min: 0, max: 9 }))), {
          minLength: 1,
          maxLength: 80,
        }),
        (customers) => {
          const revenue = customers.map(([value]) => value);
          const orders = customers.map(([, count]) => count);
          const recency = customers.map(([, , days]) => days ?? Number.NaN);
          const ascending = orderByNumber(revenue);
          expect(scoreRfmColumns(recency, orders, revenue, ascending)).toEqual(
            scoreRfmColumns(recency, orders, revenue),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
