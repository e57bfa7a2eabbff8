import type { EarlierCategories } from '../methods/Method';
import { abcByCode } from '../assignAbc';
import { svcdByCode } from '../assignSvcd';
import { addMonths } from '../dayNumbers';
import type { AbcClass, CustomerResult, PyramidTier, SvcdSegment } from '../types';
import type { RecordedCategories, RecordedRun } from './runHistory';
import { migrationMatrix } from './migrationMatrix';
import { monthlyCohorts } from './monthlyCohorts';
import type { SalesRows } from '../parseSales';
import type { PeriodTotals } from './periodTotals';
import { relationshipKind } from './relationshipKind';
import { tierChange } from './tierChange';
import type { CustomerMovement, Movement, MovementSettings } from './types';
import { valueTrend, type PeriodValue } from './valueTrend';

const tiers: readonly PyramidTier[] = [1, 2, 3, 4, 5];
const segments: readonly SvcdSegment[] = ['Star', 'Cow', 'Volcano', 'Dog'];
const classes: readonly AbcClass[] = ['A', 'B', 'C'];

/** One customer of the current analysis, as movement reads it. */
export type MovementCustomer = Pick<
  CustomerResult,
  'id' | 'pyramidTier' | 'pyramidValue' | 'svcd' | 'abc' | 'orders'
>;

/** What {@link analyzeMovement} compares. */
export interface MovementInput {
  /** The as-of date (day number). */
  asOf: number;
  /** The current analysis's customers, in result order. */
  customers: readonly MovementCustomer[];
  /** The sales have profit (or cost): the relationship kinds then follow the profit trend. */
  hasProfit: boolean;
  /**
   * The tiers, pyramid values, segments and classes of the same analysis as of another day (by the run's
   * window rule); null when no sale is dated on or before it.
   */
  categoriesAt(asOf: number): EarlierCategories | null;
  /**
   * Per customer (in `customers` order), the revenue, profit and purchases of the sales dated start…end:
   * what an analysis over that window gives them (see `periodTotals`), without running one.
   */
  periodTotals(start: number, end: number): PeriodTotals;
  /**
   * Purchases (amount > 0) as customer id and day, or the sales rows with customers numbered as
   * `customers`; those after the as-of date are ignored (see `monthlyCohorts`).
   */
  purchases: Iterable<{ customer: string; day: number }> | SalesRows;
  /**
   * The latest run recorded in the workbook with an as-of date before this one (`runHistory.before`):
   * when given, the earlier tiers, segments and classes come from it instead of re-analysing the sales.
   */
  recorded?: RecordedRun | null;
}

/** Customer i's revenue (or profit) in a period and whether it bought in it. */
function periodValue(totals: PeriodTotals, of: 'revenue' | 'profit', i: number): PeriodValue {
  const values = of === 'revenue' ? totals.revenue : totals.profit;
  return { bought: totals.bought[i] === 1, value: values?.[i] ?? 0 };
}

/** A customer's categories at the earlier date, from the earlier analysis or a recorded run. */
interface Earlier extends RecordedCategories {
  /** Pyramid value then; null off the pyramid, and from a recorded run (values are not recorded). */
  value: number | null;
}

/**
 * Compares an analysis with the same analysis N calendar months earlier (N = `compareMonths`) and
 * measures loyalty:
 * - the earlier as-of date is that of the latest run recorded in the workbook before the as-of date
 *   (`input.recorded`: its tiers, segments and classes as saved, so archived sales rows do not matter);
 *   without one, the as-of date minus N calendar months, and the earlier analysis runs the same models over
 *   the same tables with the same window rule;
 * - migration matrices of pyramid tiers (1–5), SVCD segments and ABC classes, each plus "none", rows
 *   earlier, columns now, over the current analysis's customers;
 * - per customer: earlier tier, segment and class, tier change, revenue and profit trend — the last N
 *   months (earlier date + 1 … as-of) against the N months before (see `valueTrend`) — and the kind of
 *   relationship customer (see `relationshipKind`, on the profit trend when there is profit data, else the
 *   revenue trend);
 * - retention: of the customers who bought (amount > 0) in the N months up to the earlier date, the share
 *   who bought again in the N months after it;
 * - repeat-purchase rate: of the customers with an order in the analysis window, the share with two or more;
 * - monthly cohorts (see `monthlyCohorts`).
 *
 * @example analyzeMovement({ asOf, customers: result.customers, hasProfit: true, categoriesAt, purchases }, { compareMonths: 3, growthThreshold: 0.1, declineThreshold: 0.1 }).tiers.counts
 */
export function analyzeMovement(input: MovementInput, settings: MovementSettings): Movement {
  const months = settings.compareMonths;
  const { asOf } = input;
  const monthsBefore = addMonths(asOf, -months);
  const recorded = input.recorded ?? null;
  const previousAsOf = recorded?.asOf ?? monthsBefore;
  const recent = { start: monthsBefore + 1, end: asOf };
  const earlier = { start: addMonths(monthsBefore, -months) + 1, end: monthsBefore };
  const before = new Map<string, Earlier>();
  let previousFound = true;
  if (recorded === null) {
    const previous = input.categoriesAt(previousAsOf);
    previousFound = previous !== null;
    // Read from the columns, as `customers` would give them: the earlier customers' objects are never built.
    if (previous !== null) {
      const { count, ids, pyramidTier, pyramidValue, svcd, abc } = previous;
      for (let i = 0; i < count; i++) {
        const tier = pyramidTier[i]!;
        const value = pyramidValue[i]!;
        before.set(ids[i]!, {
          tier: tier === 0 ? null : (tier as PyramidTier),
          value: Number.isNaN(value) ? null : value,
          svcd: svcdByCode[svcd[i]!] ?? null,
          abc: abcByCode[abc[i]!] ?? 'C',
        });
      }
    }
  } else {
    for (const [id, c] of recorded.customers) before.set(id, { ...c, value: null });
  }
  // The two periods' values are sums over the sales rows: the same figures as analyses over those windows.
  const recentTotals = input.periodTotals(recent.start, recent.end);
  const earlierTotals = input.periodTotals(earlier.start, earlier.end);

  const customers: CustomerMovement[] = input.customers.map((c, i) => {
    const p = before.get(c.id) ?? null;
    const r = periodValue(recentTotals, 'revenue', i);
    const e = periodValue(earlierTotals, 'revenue', i);
    const revenueTrend = valueTrend(e, r, settings);
    const profitTrend = input.hasProfit
      ? valueTrend(periodValue(earlierTotals, 'profit', i), periodValue(recentTotals, 'profit', i), settings)
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

  let earlierBuyers = 0;
  let retained = 0;
  for (let i = 0; i < input.customers.length; i++) {
    if (earlierTotals.bought[i] !== 1) continue;
    earlierBuyers++;
    if (recentTotals.bought[i] === 1) retained++;
  }
  let buyers = 0;
  let repeaters = 0;
  for (const c of input.customers) {
    if (c.orders >= 1) buyers++;
    if (c.orders >= 2) repeaters++;
  }
  const pairs = <T>(pick: (m: CustomerMovement, c: MovementCustomer) => readonly [T | null, T | null]) =>
    customers.map((m, i) => pick(m, input.customers[i]!));
  return {
    settings,
    previousAsOf,
    previousFrom: recorded === null ? 'sales' : 'history',
    previousFound,
    recent,
    earlier,
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
    customers,
    retention: {
      earlierBuyers,
      retained,
      rate: earlierBuyers === 0 ? null : retained / earlierBuyers,
    },
    repeatPurchases: { buyers, repeaters, rate: buyers === 0 ? null : repeaters / buyers },
    cohorts: monthlyCohorts(input.purchases, asOf),
  };
}
