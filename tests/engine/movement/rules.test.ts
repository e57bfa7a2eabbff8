/** The pure rules of movement, table-driven: tier change, value trend, relationship kind, matrix, cohorts. */
import { dayFromIso } from '../../../src/engine/dayNumbers';
import { migrationMatrix } from '../../../src/engine/movement/migrationMatrix';
import { monthlyCohorts } from '../../../src/engine/movement/monthlyCohorts';
import { relationshipKind } from '../../../src/engine/movement/relationshipKind';
import { tierChange } from '../../../src/engine/movement/tierChange';
import { valueTrend } from '../../../src/engine/movement/valueTrend';
import type { PyramidTier } from '../../../src/engine/types';

const d = (iso: string): number => dayFromIso(iso)!;

describe('tierChange', () => {
  it.each<[PyramidTier | null, PyramidTier | null, string | null]>([
    [3, 1, 'up 2'],
    [5, 1, 'up 4'],
    [1, 2, 'down 1'],
    [2, 5, 'down 3'],
    [4, 4, 'same'],
    [null, 2, 'new'],
    [2, null, 'lost'],
    [null, null, null],
  ])('from %p to %p is %p', (previous, current, expected) => {
    expect(tierChange(previous, current)).toBe(expected);
  });
});

describe('valueTrend', () => {
  const t = { growthThreshold: 0.1, declineThreshold: 0.2 };
  const both = (earlier: number, recent: number) =>
    valueTrend({ bought: true, value: earlier }, { bought: true, value: recent }, t);
  it.each([
    [100, 110, 'growing'], // +10 % reaches the growth threshold
    [100, 109.99, 'stable'],
    [100, 80, 'declining'], // −20 % reaches the decline threshold
    [100, 80.01, 'stable'],
    [-50, -10, 'growing'], // a smaller loss: +80 % of |−50|
    [-50, -100, 'declining'],
    [0, 5, 'growing'],
    [0, -5, 'declining'],
    [0, 0, 'stable'],
  ])('from %p to %p is %p', (earlier, recent, expected) => {
    expect(both(earlier, recent)).toBe(expected);
  });
  it('is new, lapsed or null by who bought in which period', () => {
    const none = { bought: false, value: 0 };
    expect(valueTrend(none, { bought: true, value: 1 }, t)).toBe('new');
    expect(valueTrend({ bought: true, value: 1 }, none, t)).toBe('lapsed');
    expect(valueTrend(none, none, t)).toBeNull();
  });
});

describe('relationshipKind', () => {
  it.each([
    [{ tier: 1, value: 10, orders: 5, trend: 'growing' }, 'biggestProfit'],
    [{ tier: 2, value: 10, orders: 1, trend: null }, 'biggestProfit'],
    [{ tier: 2, value: -1, orders: 3, trend: 'stable' }, null],
    [{ tier: 1, value: 10, orders: 5, trend: 'declining' }, 'losingValue'],
    [{ tier: 3, value: 10, orders: 5, trend: 'lapsed' }, 'losingValue'],
    [{ tier: 4, value: 10, orders: 5, trend: 'lapsed' }, null],
    [{ tier: 5, value: 10, orders: 1, trend: 'new' }, 'transactional'],
    [{ tier: 4, value: 10, orders: 1, trend: 'growing' }, 'transactional'],
    [{ tier: 4, value: 10, orders: 2, trend: 'growing' }, 'couldBecomeBiggest'],
    [{ tier: 3, value: 10, orders: 2, trend: 'new' }, 'couldBecomeBiggest'],
    [{ tier: 5, value: 10, orders: 2, trend: 'growing' }, null],
    [{ tier: null, value: null, orders: 0, trend: 'lapsed' }, null],
  ] as const)('%p is %p', (input, expected) => {
    expect(relationshipKind(input)).toBe(expected);
  });
});

describe('migrationMatrix', () => {
  it('puts earlier categories in rows and current ones in columns, none last', () => {
    const matrix = migrationMatrix<string>(
      [
        ['A', 'A'],
        ['A', 'B'],
        ['B', 'A'],
        [null, 'C'],
        ['C', null],
        [null, null],
      ],
      ['A', 'B', 'C'],
    );
    expect(matrix.counts).toEqual([
      [1, 1, 0, 0],
      [1, 0, 0, 0],
      [0, 0, 0, 1],
      [0, 0, 1, 1],
    ]);
  });
});

describe('monthlyCohorts', () => {
  it('groups by first-purchase month and counts buyers in each later month up to the as-of month', () => {
    const cohorts = monthlyCohorts(
      [
        { customer: 'b', day: d('2024-02-29') },
        { customer: 'a', day: d('2024-01-31') },
        { customer: 'a', day: d('2024-01-01') },
        { customer: 'a', day: d('2024-03-01') },
        { customer: 'b', day: d('2024-04-15') },
        { customer: 'c', day: d('2024-02-01') },
        // After the as-of date: ignored, so d is no customer yet.
        { customer: 'd', day: d('2024-04-16') },
      ],
      d('2024-04-15'),
    );
    expect(cohorts).toEqual([
      { month: '2024-01', customers: 1, active: [1, 0, 1, 0] },
      { month: '2024-02', customers: 2, active: [2, 0, 1] },
    ]);
  });
  it('is empty without purchases', () => {
    expect(monthlyCohorts([], d('2024-01-01'))).toEqual([]);
  });
  it('reads sales rows the same way: amount > 0, customer ≥ 0, up to the as-of date; a customer without a purchase is no cohort', () => {
    const rows = [
      [1, '2024-02-29', 10],
      [0, '2024-01-31', 5],
      [0, '2024-01-01', 5],
      [0, '2024-03-01', 1],
      [1, '2024-04-15', 2],
      [2, '2024-02-01', 3],
      [3, '2024-04-16', 4],
      [4, '2024-03-03', -5],
      [-1, '2024-01-05', 9],
      [2, '2023-12-31', 0],
    ] as const;
    const cohorts = monthlyCohorts(
      {
        count: rows.length,
        customer: Int32Array.from(rows, (row) => row[0]),
        day: Int32Array.from(rows, (row) => d(row[1])),
        amount: Float64Array.from(rows, (row) => row[2]),
      },
      d('2024-04-15'),
    );
    expect(cohorts).toEqual([
      { month: '2024-01', customers: 1, active: [1, 0, 1, 0] },
      { month: '2024-02', customers: 2, active: [2, 0, 1] },
    ]);
  });
});
