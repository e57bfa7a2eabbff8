import { buildReport } from '../../src/engine/buildReport';
import { compareIds } from '../../src/engine/compareIds';
import { isoFromDay } from '../../src/engine/dayNumbers';
import type { RawCell } from '../../src/engine/types';
import {
  analyzeScenario,
  analyzeSales,
  customerOf,
  day,
  expectAnalysisError,
  fieldById,
  iso,
  seededRandom,
  shuffled,
} from '../helpers/tables';

describe('empty and tiny inputs', () => {
  test('no sales rows → NO_USABLE_ROWS', () => {
    expectAnalysisError(() => analyzeSales([]), 'NO_USABLE_ROWS');
  });

  test('one customer, one sale', () => {
    const result = analyzeSales([['Solo', '2024-05-05', 42]]);
    expect(result.window).toEqual({ start: day('2024-05-05'), end: day('2024-05-05'), months: 1 / 30.4375 });
    const c = customerOf(result, 'Solo');
    expect(c).toMatchObject({
      revenue: 42,
      orders: 1,
      purchaseDays: 1,
      recencyDays: 0,
      frequencyPerMonth: 30.4375,
      amountPerOrder: 42,
      // No value above the median of one value: nobody is high.
      svcd: 'Dog',
      abc: 'A',
      pyramidTier: 1,
      visitIntervalDays: 60,
      rfm: { r: 1, f: 1, m: 1, segment: 'Lost' },
      churnRisk: 'Active',
    });
    expect(iso(c.nextVisitDue)).toBe('2024-07-04');
  });

  test('all-equal customers: Dog, one tier, shared scores; ABC still cuts at 75 % by id', () => {
    const result = analyzeSales(['D', 'B', 'A', 'C'].map((id) => [id, '2024-01-01', 25]));
    expect(new Set(result.customers.map((c) => c.svcd))).toEqual(new Set(['Dog']));
    expect(new Set(result.customers.map((c) => c.pyramidTier))).toEqual(new Set([1]));
    expect(new Set(result.customers.map((c) => JSON.stringify(c.rfm)))).toEqual(
      new Set([JSON.stringify({ r: 1, f: 1, m: 1, segment: 'Lost' })]),
    );
    expect(fieldById(result, 'abc')).toEqual({ A: 'A', B: 'A', C: 'A', D: 'B' });
  });

  test('a workbook where nobody has an order (only returns) still analyses', () => {
    const result = analyzeSales([
      ['A', '2024-01-01', -10],
      ['B', '2024-01-02', 0],
    ]);
    expect(fieldById(result, 'abc')).toEqual({ A: 'C', B: 'C' });
    expect(fieldById(result, 'svcd')).toEqual({ A: null, B: null });
    expect(fieldById(result, 'rfm')).toEqual({ A: null, B: null });
    // n = 2: limits 1, 1, 1, 2, 2 → the second is tier 4.
    expect(fieldById(result, 'pyramidTier')).toEqual({ B: 1, A: 4 });
    expect(result.svcdThresholds).toMatchObject({ amount: null, frequency: null });
  });
});

describe('which customers, in which order', () => {
  const result = analyzeScenario({
    sales: {
      headers: ['Customer ID', 'Date', 'Amount'],
      rows: [
        ['C9', '2024-01-01', 10],
        ['C1', '2024-01-02', 10],
        ['C10', '2024-01-03', 10],
        ['X', '2024-01-04', 10],
        ['00042', '2024-01-05', 10],
        ['C2', '2024-01-06', 10],
        ['LATE', '2024-02-01', 10],
      ],
    },
    customers: {
      headers: ['Customer ID', 'Customer Name'],
      rows: [
        ['C3', 'Prospect'],
        ['C1', 'One'],
        [null, 'No id'],
        ['C1', 'One again'],
        ['C2', 'Two'],
      ],
    },
    settings: { asOf: '2024-01-31' },
  });

  test('customers-table customers in table order, then sales-only customers by id', () => {
    expect(result.customers.map((c) => c.id)).toEqual(['C3', 'C1', 'C2', '00042', 'C10', 'C9', 'X']);
    expect(['00042', 'C10', 'C9', 'X'].sort(compareIds)).toEqual(['00042', 'C10', 'C9', 'X']);
  });

  test('a customer seen only after the as-of date is not listed', () => {
    expect(result.customers.some((c) => c.id === 'LATE')).toBe(false);
  });

  test('inCustomersTable and names', () => {
    expect(fieldById(result, 'inCustomersTable')).toEqual({
      C3: true,
      C1: true,
      C2: true,
      '00042': false,
      C10: false,
      C9: false,
      X: false,
    });
    // A repeated id keeps its first row's name.
    expect(customerOf(result, 'C1').name).toBe('One');
  });

  test('duplicate ids in the customers table: one result, every row points at it, and a note', () => {
    expect(result.customers.filter((c) => c.id === 'C1')).toHaveLength(1);
    expect(result.customersTableRows).toEqual([0, 1, null, 1, 2]);
    const duplicate = result.notes.find((n) => n.message.includes('"C1" appears again'));
    expect(duplicate).toMatchObject({ sheet: 'Customers', row: 5, column: 'Customer ID' });
    expect(duplicate?.message).toContain('row 3');
    const blank = result.notes.find((n) => n.message.includes('blank customer id'));
    expect(blank).toMatchObject({ sheet: 'Customers', row: 4 });
  });

  test('the prospect has no sales: revenue 0, orders 0, class C, nulls elsewhere', () => {
    expect(customerOf(result, 'C3')).toMatchObject({
      revenue: 0,
      orders: 0,
      purchaseDays: 0,
      hasSalesInWindow: false,
      abc: 'C',
      svcd: null,
      pyramidTier: null,
      rfm: null,
      churnRisk: null,
      amountPerOrder: null,
      recencyDays: null,
      lastPurchase: null,
      firstPurchase: null,
      lastContact: null,
    });
  });
});

/** A generated book: 40 customers, 600 lines with order ids, returns, zero lines, ties and profit. */
function generatedRows(cents: boolean): RawCell[][] {
  const random = seededRandom(20240601);
  const rows: RawCell[][] = [];
  for (let i = 0; i < 600; i++) {
    const customer = `K${String(Math.floor(random() * 40)).padStart(2, '0')}`;
    const date = isoFromDay(day('2024-01-01') + Math.floor(random() * 180));
    const kind = random();
    const base = cents ? Math.round(random() * 50000) / 100 : Math.floor(random() * 20) * 25;
    const amount = kind < 0.08 ? -base : kind < 0.12 ? 0 : base;
    const order = `O${Math.floor(random() * 250)}`;
    const profit = cents ? Math.round(amount * 0.3 * 100) / 100 : amount / 5;
    rows.push([order, customer, date, amount, profit]);
  }
  return rows;
}

describe('results do not depend on the order of the sales rows', () => {
  const headers = ['Order ID', 'Customer ID', 'Order Date', 'Sales', 'Profit'];
  const run = (rows: RawCell[][]) =>
    buildReport(
      analyzeScenario({ sales: { headers, rows }, settings: { windowMonths: 4, asOf: '2024-06-15' } }),
    );

  test.each([1, 2, 3])('whole-number amounts, shuffle %i', (seed) => {
    const rows = generatedRows(false);
    expect(run(shuffled(rows, seed))).toEqual(run(rows));
  });

  test.each([1, 2, 3])('cent amounts, shuffle %i: segments, classes, tiers and scores', (seed) => {
    const rows = generatedRows(true);
    const pick = (report: ReturnType<typeof run>) =>
      report.customers.map((c) => [
        c.id,
        c.svcd,
        c.abc,
        c.pyramidTier,
        c.rfm,
        c.churnRisk,
        c.orders,
        c.nextVisitDue,
      ]);
    const original = run(rows);
    const other = run(shuffled(rows, seed));
    expect(pick(other)).toEqual(pick(original));
    other.customers.forEach((c, i) => {
      expect(c.revenue).toBeCloseTo(original.customers[i]!.revenue, 6);
    });
  });
});

describe('money totals that are equal in cents are equal, whatever the row order', () => {
  // X buys 0.01 + 3.13 + 12.35 = 15.49, Y buys 15.49 once; 18 others buy less. n = 20: tier 1 holds one
  // customer, so X and Y tie across the tier 1 / 2 boundary and must share tier 1 (ties never split).
  const others: RawCell[][] = Array.from({ length: 18 }, (_, i) => [
    `O${String(i).padStart(2, '0')}`,
    '2024-01-10',
    10 - i / 2,
  ]);
  const xRows: RawCell[][] = [
    ['X', '2024-01-01', 0.01],
    ['X', '2024-01-02', 3.13],
    ['X', '2024-01-03', 12.35],
  ];
  test.each([
    ['as written', xRows],
    ['reversed', [...xRows].reverse()],
  ])('X lines %s: X and Y share tier 1 and have equal revenue', (_name, rows) => {
    const result = analyzeSales([['Y', '2024-01-05', 15.49], ...rows, ...others]);
    const tiers = fieldById(result, 'pyramidTier');
    expect({ X: tiers.X, Y: tiers.Y }).toEqual({ X: 1, Y: 1 });
    expect(customerOf(result, 'X').revenue).toBe(customerOf(result, 'Y').revenue);
  });
});

describe('equal cent totals share an RFM monetary score', () => {
  test('X (0.01 + 3.13 + 12.35) and Y (15.49) tie on revenue, so both get M 1', () => {
    const result = analyzeSales([
      ['X', '2024-01-01', 0.01],
      ['X', '2024-01-01', 3.13],
      ['X', '2024-01-01', 12.35],
      ['Y', '2024-01-01', 15.49],
    ]);
    // Same recency and orders too: nobody is strictly worse on anything.
    expect(fieldById(result, 'rfm')).toEqual({
      X: { r: 1, f: 1, m: 1, segment: 'Lost' },
      Y: { r: 1, f: 1, m: 1, segment: 'Lost' },
    });
  });
});
