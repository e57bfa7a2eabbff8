import { planVisits, type VisitInput } from '../../src/engine/planVisits';
import type { AbcClass, RawCell, SvcdSegment } from '../../src/engine/types';
import { analyzeScenario, customerOf, day, iso } from '../helpers/tables';

describe('planVisits', () => {
  const asOf = 1000;

  test.each<[SvcdSegment | null, AbcClass, number, number]>([
    ['Star', 'C', 7, 4],
    ['Cow', 'C', 14, 2],
    ['Volcano', 'A', 30, 1],
    ['Dog', 'A', 60, 0.5],
    // No SVCD segment (no order in the window): visited like ABC class C, whatever its ABC class.
    [null, 'A', 60, 0.5],
    [null, 'C', 60, 0.5],
  ])('SVCD model: %s (ABC %s) → every %i days, %d a month', (svcd, abc, interval, perMonth) => {
    const [plan] = planVisits([{ svcd, abc, lastContact: 950 }], 'svcd', asOf);
    expect(plan).toMatchObject({ intervalDays: interval, perMonth, nextVisitDue: 950 + interval });
  });

  test.each<[AbcClass, SvcdSegment | null, number, number]>([
    ['A', 'Dog', 15, 2],
    ['B', 'Star', 30, 1],
    ['C', 'Star', 60, 0.5],
    ['C', null, 60, 0.5],
  ])('ABC model: class %s (SVCD %s) → every %i days, %d a month', (abc, svcd, interval, perMonth) => {
    const [plan] = planVisits([{ svcd, abc, lastContact: 950 }], 'abc', asOf);
    expect(plan).toMatchObject({ intervalDays: interval, perMonth, nextVisitDue: 950 + interval });
  });

  test.each<[string, number | null, number, boolean]>([
    ['due before the as-of date is overdue', 992, 999, true],
    ['due on the as-of date is not overdue', 993, 1000, false],
    ['due after the as-of date', 994, 1001, false],
    ['never contacted: due on the as-of date, not overdue', null, 1000, false],
  ])('Star: %s', (_name, lastContact, due, overdue) => {
    const input: VisitInput = { svcd: 'Star', abc: 'A', lastContact };
    expect(planVisits([input], 'svcd', asOf)[0]).toMatchObject({ nextVisitDue: due, overdue });
  });
});

describe('visits through analyze: last contact = latest visit up to the as-of date, else last purchase', () => {
  const sales: RawCell[][] = [
    ['A', '2024-03-01', 100],
    ['B', '2024-03-10', 100],
    ['C', '2024-03-20', 100],
    ['D', '2024-03-25', 100],
    ['D', '2024-03-31', 100],
  ];
  const visits: RawCell[][] = [
    ['A', '2024-01-10', 'Ann'],
    ['A', '2024-02-10', 'Ann'],
    ['B', '2024-04-05', 'Bob'],
    ['C', '2024-03-28', 'Cy'],
    ['C', 'someday', 'Cy'],
    [null, '2024-03-28', 'Cy'],
  ];
  const result = analyzeScenario({
    sales: { headers: ['Customer ID', 'Date', 'Amount'], rows: sales },
    customers: {
      headers: ['Customer ID', 'Customer Name'],
      rows: [
        ['A', 'a'],
        ['B', 'b'],
        ['C', 'c'],
        ['D', 'd'],
        ['P', 'prospect'],
      ],
    },
    visits: { headers: ['Customer ID', 'Visit Date', 'Sales Rep'], rows: visits },
    settings: { visitsFrom: 'abc' },
  });

  test.each<[string, string | null, string]>([
    // A visit older than the last purchase still is the last contact.
    ['A', '2024-02-10', 'visit'],
    // B's only visit is after the as-of date: ignored, the last purchase is used.
    ['B', '2024-03-10', 'purchase'],
    ['C', '2024-03-28', 'visit'],
    ['D', '2024-03-31', 'purchase'],
    ['P', null, 'nothing'],
  ])('%s: last contact %s (%s)', (id, expected) => {
    expect(iso(customerOf(result, id).lastContact)).toBe(expected);
  });

  test('next visit due = last contact + the class interval; never contacted is due on the as-of date', () => {
    expect(iso(result.asOf)).toBe('2024-03-31');
    const due = Object.fromEntries(
      result.customers.map((c) => [c.id, [c.abc, c.visitIntervalDays, iso(c.nextVisitDue), c.overdue]]),
    );
    // Revenue 100 each for A, B, C and 200 for D: D 0 % before → A, then A (40 %), B (60 %), C (80 % → B).
    expect(due).toEqual({
      D: ['A', 15, '2024-04-15', false],
      A: ['A', 15, '2024-02-25', true],
      B: ['A', 15, '2024-03-25', true],
      C: ['B', 30, '2024-04-27', false],
      P: ['C', 60, '2024-03-31', false],
    });
  });

  test('visits after the as-of date and unreadable visit rows are not counted', () => {
    expect(result.hasVisitsLog).toBe(true);
    expect(result.input.visitsRows).toBe(6);
    expect(result.input.visitsSkipped.map((s) => [s.row, s.code])).toEqual([
      [6, 'dateUnreadable'],
      [7, 'customerBlank'],
    ]);
    // In the window (2024-03-01 … 2024-03-31) only C's visit of 03-28 counts.
    expect(result.input.visitsUsed).toBe(1);
    expect(customerOf(result, 'C').visitsInWindow).toBe(1);
    expect(customerOf(result, 'A').visitsInWindow).toBe(0);
  });

  test('SVCD model by default; a customer without an order is visited like class C', () => {
    const svcd = analyzeScenario({
      sales: { headers: ['Customer ID', 'Date', 'Amount'], rows: [...sales, ['R', '2024-03-15', -10]] },
      settings: { svcdAmountThreshold: 150, svcdFrequencyThreshold: 1.5 },
    });
    const plan = Object.fromEntries(
      svcd.customers.map((c) => [c.id, [c.svcd, c.visitIntervalDays, c.visitsPerMonth]]),
    );
    // D: 2 orders in 31 days (≈1.96 a month), 100 per order → Cow. Others: 1 order → Dog. R: no order.
    expect(plan).toEqual({
      A: ['Dog', 60, 0.5],
      B: ['Dog', 60, 0.5],
      C: ['Dog', 60, 0.5],
      D: ['Cow', 14, 2],
      R: [null, 60, 0.5],
    });
    expect(iso(customerOf(svcd, 'D').nextVisitDue)).toBe('2024-04-14');
    // R never bought (only a return): never contacted, due on the as-of date.
    expect(customerOf(svcd, 'R').lastContact).toBeNull();
    expect(customerOf(svcd, 'R').nextVisitDue).toBe(day('2024-03-31'));
  });
});
