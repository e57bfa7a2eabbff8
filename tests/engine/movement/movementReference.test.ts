/**
 * analyzeMovement and monthlyCohorts against straightforward computations: the earlier categories looked up
 * in a map by id, the trends and relationship kinds from objects, the migration matrices counted from
 * pairs, the cohorts' months computed row by row. Random customers cover ties, returns, blanks, ids in a
 * different order from the earlier analysis's, ids it has and the current one lacks, and recorded runs.
 */
import { abcByCode } from '../../../src/engine/assignAbc';
import { svcdByCode } from '../../../src/engine/assignSvcd';
import { addMonths, dayFromIso } from '../../../src/engine/dayNumbers';
import type { EarlierCategories } from '../../../src/engine/methods/Method';
import {
  analyzeMovement,
  type MovementCustomer,
  type MovementCustomerColumns,
  type MovementInput,
} from '../../../src/engine/movement/analyzeMovement';
import { migrationMatrix } from '../../../src/engine/movement/migrationMatrix';
import { monthlyCohorts } from '../../../src/engine/movement/monthlyCohorts';
import type { PeriodTotals } from '../../../src/engine/movement/periodTotals';
import { relationshipKind } from '../../../src/engine/movement/relationshipKind';
import type { RecordedCategories, RecordedRun } from '../../../src/engine/movement/runHistory';
import { tierChange } from '../../../src/engine/movement/tierChange';
import type { CustomerMovement, MovementSettings } from '../../../src/engine/movement/types';
import { valueTrend } from '../../../src/engine/movement/valueTrend';
import type { SalesRows } from '../../../src/engine/parseSales';
import type { AbcClass, PyramidTier, SvcdSegment } from '../../../src/engine/types';
import { mulberry32 } from '../../../src/sample/mulberry32';

const random = mulberry32;

const settings: MovementSettings = { compareMonths: 3, growthThreshold: 0.1, declineThreshold: 0.1 };
const asOf = dayFromIso('2024-06-30')!;

/** Period totals with ties (equal values), zeros, returns (negative) and customers who did not buy. */
function totals(next: () => number, n: number, withProfit: boolean): PeriodTotals {
  const pick = (): number => [0, 100, 100, -50, 110, 90.5, 1e-9][Math.floor(next() * 7)]!;
  return {
    revenue: Float64Array.from({ length: n }, pick),
    profit: withProfit ? Float64Array.from({ length: n }, pick) : null,
    bought: Uint8Array.from({ length: n }, () => (next() < 0.7 ? 1 : 0)),
  };
}

/** Current customers: ids C000…, tiers with none, segments with none, orders 0–3. */
function customersOf(next: () => number, n: number): MovementCustomer[] {
  return Array.from({ length: n }, (_, i) => {
    const tier = Math.floor(next() * 6);
    return {
      id: `C${String(i).padStart(3, '0')}`,
      pyramidTier: tier === 0 ? null : (tier as PyramidTier),
      pyramidValue: next() < 0.1 ? null : [0, 10, -5, 200][Math.floor(next() * 4)]!,
      svcd: svcdByCode[Math.floor(next() * 5)] ?? null,
      abc: abcByCode[Math.floor(next() * 3)]!,
      orders: Math.floor(next() * 4),
    };
  });
}

/** The customers as the columns a run holds (tier 0, NaN and segment 0 for none; classes by code). */
function columnsOf(customers: MovementCustomer[]): MovementCustomerColumns {
  return {
    ids: customers.map((c) => c.id),
    pyramidTier: Uint8Array.from(customers, (c) => c.pyramidTier ?? 0),
    pyramidValue: Float64Array.from(customers, (c) => c.pyramidValue ?? Number.NaN),
    svcd: Uint8Array.from(customers, (c) => svcdByCode.indexOf(c.svcd)),
    abc: Uint8Array.from(customers, (c) => abcByCode.indexOf(c.abc)),
    orders: Int32Array.from(customers, (c) => c.orders),
  };
}

/** The earlier analysis's columns over `ids`. */
function earlierOf(next: () => number, ids: string[]): EarlierCategories {
  const count = ids.length;
  return {
    count,
    ids,
    pyramidTier: Uint8Array.from({ length: count }, () => Math.floor(next() * 6)),
    pyramidValue: Float64Array.from({ length: count }, () => (next() < 0.2 ? Number.NaN : next() * 100)),
    svcd: Uint8Array.from({ length: count }, () => Math.floor(next() * 5)),
    abc: Uint8Array.from({ length: count }, () => Math.floor(next() * 3)),
  };
}

const tiers: readonly PyramidTier[] = [1, 2, 3, 4, 5];
const segments: readonly SvcdSegment[] = ['Star', 'Cow', 'Volcano', 'Dog'];
const classes: readonly AbcClass[] = ['A', 'B', 'C'];

/** Movement's customers and every count equal the reference's. */
function expectSameMovement(
  movement: ReturnType<typeof analyzeMovement>,
  expected: ReturnType<typeof reference>,
): void {
  expect(movement.customers).toEqual(expected.customers);
  expect(movement.tiers).toEqual(expected.tiers);
  expect(movement.svcd).toEqual(expected.svcd);
  expect(movement.abc).toEqual(expected.abc);
  expect(movement.retention).toEqual(expected.retention);
  expect(movement.repeatPurchases).toEqual(expected.repeatPurchases);
}

/** The comparison as the straightforward code gave it: a map by id, objects per period, pairs counted. */
function reference(
  input: MovementInput & { customers: readonly MovementCustomer[] },
  recent: PeriodTotals,
  earlier: PeriodTotals,
) {
  const before = new Map<string, RecordedCategories & { value: number | null }>();
  if (input.recorded == null) {
    const previous = input.categoriesAt(0);
    for (let i = 0; previous !== null && i < previous.count; i++) {
      const tier = previous.pyramidTier[i]!;
      const value = previous.pyramidValue[i]!;
      before.set(previous.ids[i]!, {
        tier: tier === 0 ? null : (tier as PyramidTier),
        value: Number.isNaN(value) ? null : value,
        svcd: svcdByCode[previous.svcd[i]!] ?? null,
        abc: abcByCode[previous.abc[i]!] ?? 'C',
      });
    }
  } else for (const [id, c] of input.recorded.customers) before.set(id, { ...c, value: null });
  const period = (t: PeriodTotals, of: 'revenue' | 'profit', i: number) => ({
    bought: t.bought[i] === 1,
    value: (of === 'revenue' ? t.revenue : t.profit)?.[i] ?? 0,
  });
  const customers: CustomerMovement[] = input.customers.map((c, i) => {
    const p = before.get(c.id) ?? null;
    const r = period(recent, 'revenue', i);
    const e = period(earlier, 'revenue', i);
    const revenueTrend = valueTrend(e, r, settings);
    const profitTrend = input.hasProfit
      ? valueTrend(period(earlier, 'profit', i), period(recent, 'profit', i), settings)
      : null;
    return {
      previousTier: p?.tier ?? null,
      previousValue: p?.value ?? null,
      previousSvcd: p?.svcd ?? null,
      previousAbc: p?.abc ?? null,
      tierChange: tierChange(p?.tier ?? null, c.pyramidTier),
      valueTrend: revenueTrend,
      profitTrend,
      relationship: relationshipKind({
        tier: c.pyramidTier,
        value: c.pyramidValue,
        orders: c.orders,
        trend: input.hasProfit ? profitTrend : revenueTrend,
      }),
      recentRevenue: r.value,
      earlierRevenue: e.value,
    };
  });
  const pairs = <T>(pick: (m: CustomerMovement, c: MovementCustomer) => readonly [T | null, T | null]) =>
    customers.map((m, i) => pick(m, input.customers[i]!));
  const earlierBuyers = input.customers.filter((_, i) => earlier.bought[i] === 1).length;
  const retained = input.customers.filter((_, i) => earlier.bought[i] === 1 && recent.bought[i] === 1).length;
  const buyers = input.customers.filter((c) => c.orders >= 1).length;
  const repeaters = input.customers.filter((c) => c.orders >= 2).length;
  return {
    customers,
    retention: { earlierBuyers, retained, rate: earlierBuyers === 0 ? null : retained / earlierBuyers },
    repeatPurchases: { buyers, repeaters, rate: buyers === 0 ? null : repeaters / buyers },
    tiers: migrationMatrix(
      pairs((m, c) => [m.previousTier, c.pyramidTier]),
      tiers,
    ),
    svcd: migrationMatrix(
      pairs((m, c) => [m.previousSvcd, c.svcd]),
      segments,
    ),
    abc: migrationMatrix(
      pairs((m, c) => [m.previousAbc, c.abc]),
      classes,
    ),
  };
}

const noRows: SalesRows = {
  count: 0,
  customer: new Int32Array(0),
  day: new Int32Array(0),
  amount: new Float64Array(0),
};

describe('analyzeMovement against the straightforward comparison', () => {
  const cases: [string, (next: () => number, ids: string[]) => string[]][] = [
    ['earlier ids a subsequence in the same order', (next, ids) => ids.filter(() => next() < 0.8)],
    ['earlier ids in another order', (next, ids) => [...ids].sort(() => next() - 0.5)],
    [
      'earlier ids the current analysis lacks (a narrower window now)',
      (next, ids) => ['B000', ...ids.filter(() => next() < 0.5), 'Z999'],
    ],
    ['no earlier customer', () => []],
  ];
  for (const [name, earlierIds] of cases) {
    for (const hasProfit of [true, false]) {
      it(`${name}, ${hasProfit ? 'with' : 'without'} profit`, () => {
        const next = random(name.length * 7 + (hasProfit ? 1 : 0));
        const customers = customersOf(next, 400);
        const previous = earlierOf(
          next,
          earlierIds(
            next,
            customers.map((c) => c.id),
          ),
        );
        const recent = totals(next, customers.length, hasProfit);
        const earlier = totals(next, customers.length, hasProfit);
        const input: MovementInput & { customers: MovementCustomer[] } = {
          asOf,
          customers,
          hasProfit,
          categoriesAt: () => previous,
          periodTotals: (later, before) => {
            expect(later.start).toBeGreaterThan(before.end);
            return [recent, earlier];
          },
          purchases: noRows,
        };
        const movement = analyzeMovement(input, settings);
        const expected = reference(input, recent, earlier);
        expectSameMovement(movement, expected);
        // The same customers as columns (as a run's movement method hands them over) compare the same.
        const asColumns = analyzeMovement({ ...input, customers: columnsOf(customers) }, settings);
        expectSameMovement(asColumns, expected);
        expect(asColumns.columns).toEqual(movement.columns);
        // Something of each kind was compared.
        expect(new Set(movement.customers.map((c) => c.tierChange)).size).toBeGreaterThan(1);
      });
    }
  }

  it('takes the earlier categories from a recorded run', () => {
    const next = random(99);
    const customers = customersOf(next, 300);
    const recordedCustomers = new Map<string, RecordedCategories>();
    for (const c of customers) {
      if (next() < 0.3) continue;
      const tier = Math.floor(next() * 6);
      recordedCustomers.set(c.id, {
        tier: tier === 0 ? null : (tier as PyramidTier),
        svcd: svcdByCode[Math.floor(next() * 5)] ?? null,
        abc: next() < 0.2 ? null : abcByCode[Math.floor(next() * 3)]!,
      });
    }
    recordedCustomers.set('gone', { tier: 1, svcd: 'Star', abc: 'A' });
    const recorded = { asOf: addMonths(asOf, -2), customers: recordedCustomers } as RecordedRun;
    const recent = totals(next, customers.length, true);
    const earlier = totals(next, customers.length, true);
    const input: MovementInput & { customers: MovementCustomer[] } = {
      asOf,
      customers,
      hasProfit: true,
      categoriesAt: () => {
        throw new Error('a recorded run needs no earlier analysis');
      },
      periodTotals: (later, before) => {
        expect(later.start).toBeGreaterThan(before.end);
        return [recent, earlier];
      },
      purchases: noRows,
      recorded,
    };
    const movement = analyzeMovement(input, settings);
    const expected = reference(input, recent, earlier);
    expect(movement.previousFrom).toBe('history');
    expectSameMovement(movement, expected);
  });
});

describe('monthlyCohorts from sales rows against purchases month by month', () => {
  /** Rows with returns, blanks (customer −1), rows after the as-of date and dates out of order. */
  function rowsOf(next: () => number, count: number, firstDay: number, customers = 1500): SalesRows {
    const rows: SalesRows = {
      count,
      customer: Int32Array.from({ length: count }, () =>
        next() < 0.05 ? -1 : Math.floor(next() * customers),
      ),
      day: Int32Array.from({ length: count }, () => firstDay + Math.floor(next() * (asOf + 40 - firstDay))),
      amount: Float64Array.from({ length: count }, () => (next() < 0.1 ? -20 : next() < 0.05 ? 0 : 35)),
    };
    return rows;
  }
  const purchasesOf = (rows: SalesRows) => {
    const list: { customer: string; day: number }[] = [];
    for (let k = 0; k < rows.count; k++) {
      if (rows.customer[k]! >= 0 && rows.amount[k]! > 0)
        list.push({ customer: String(rows.customer[k]), day: rows.day[k]! });
    }
    return list;
  };

  it('equals the cohorts of the purchases listed one by one', () => {
    const rows = rowsOf(random(5), 3000, dayFromIso('2022-11-15')!);
    const cohorts = monthlyCohorts(rows, asOf);
    expect(cohorts.length).toBeGreaterThan(12);
    expect(cohorts).toEqual(monthlyCohorts(purchasesOf(rows), asOf));
  });

  it('equals them with many customers of few rows each (grouped by month, not marked per customer)', () => {
    const rows = rowsOf(random(8), 400, dayFromIso('2022-01-01')!, 40_000);
    const cohorts = monthlyCohorts(rows, asOf);
    expect(cohorts.length).toBeGreaterThan(12);
    expect(cohorts).toEqual(monthlyCohorts(purchasesOf(rows), asOf));
  });

  it('equals them over more than 32 months (several words of marks per customer)', () => {
    const rows = rowsOf(random(9), 6000, dayFromIso('2019-03-10')!, 300);
    // Customer 7 buys only from the 40th month on: its first month is in its second word of marks.
    for (let k = 0; k < rows.count; k++)
      if (rows.customer[k] === 7) rows.day[k] = dayFromIso('2022-07-01')! + (k % 500);
    const cohorts = monthlyCohorts(rows, asOf);
    expect(cohorts[0]!.month).toBe('2019-03');
    expect(cohorts.length).toBeGreaterThan(12);
    expect(cohorts.at(-1)!.month >= '2022-07').toBe(true);
    expect(cohorts).toEqual(monthlyCohorts(purchasesOf(rows), asOf));
  });

  it('equals them when a stray date lies decades before the rest', () => {
    const rows = rowsOf(random(6), 500, dayFromIso('2023-01-01')!);
    rows.day[7] = dayFromIso('1931-02-03')!;
    rows.customer[7] = 3;
    rows.amount[7] = 12;
    const cohorts = monthlyCohorts(rows, asOf);
    expect(cohorts[0]!.month).toBe('1931-02');
    expect(cohorts).toEqual(monthlyCohorts(purchasesOf(rows), asOf));
  });
});
