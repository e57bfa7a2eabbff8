import type { EarlierCategories } from '../methods/Method';
import { abcByCode } from '../assignAbc';
import { svcdByCode } from '../assignSvcd';
import { addMonths } from '../dayNumbers';
import type { AbcClass, CustomerResult, PyramidTier, SvcdSegment } from '../types';
import type { RecordedCategories, RecordedRun } from './runHistory';
import { monthlyCohorts } from './monthlyCohorts';
import type { SalesRows } from '../parseSales';
import type { Period, PeriodTotals } from './periodTotals';
import { relationshipOf } from './relationshipKind';
import { tierChange } from './tierChange';
import {
  relationshipByCode,
  trendByCode,
  type CustomerMovement,
  type Movement,
  type MovementColumns,
  type MovementSettings,
  type RelationshipKind,
  type TierChange,
  type ValueTrend,
} from './types';
import { trendOf } from './valueTrend';

const tiers: readonly PyramidTier[] = [1, 2, 3, 4, 5];
const segments: readonly SvcdSegment[] = ['Star', 'Cow', 'Volcano', 'Dog'];
const classes: readonly AbcClass[] = ['A', 'B', 'C'];
/** The class code of no class in `MovementColumns.previousAbc` (after A, B and C). */
const noClass = 3;

/** One customer of the current analysis, as movement reads it. */
export type MovementCustomer = Pick<
  CustomerResult,
  'id' | 'pyramidTier' | 'pyramidValue' | 'svcd' | 'abc' | 'orders'
>;

/**
 * The current analysis's customers as columns (row i = customer i), as a run's methods hold them: no object
 * per customer.
 */
export interface MovementCustomerColumns {
  ids: readonly string[];
  /** Tier 1–5; 0 off the pyramid. */
  pyramidTier: Uint8Array;
  /** NaN off the pyramid. */
  pyramidValue: Float64Array;
  /** Segment code in `svcdByCode` (0: none). */
  svcd: Uint8Array;
  /** Class code in `abcByCode`. */
  abc: Uint8Array;
  orders: Int32Array;
}

/** What {@link analyzeMovement} compares. */
export interface MovementInput {
  /** The as-of date (day number). */
  asOf: number;
  /** The current analysis's customers, in result order: objects, or columns. */
  customers: readonly MovementCustomer[] | MovementCustomerColumns;
  /** The sales have profit (or cost): the relationship kinds then follow the profit trend. */
  hasProfit: boolean;
  /**
   * The tiers, pyramid values, segments and classes of the same analysis as of another day (by the run's
   * window rule); null when no sale is dated on or before it.
   */
  categoriesAt(asOf: number): EarlierCategories | null;
  /**
   * Per customer (in `customers` order), the revenue, profit and purchases of the sales dated in each of
   * the two periods (start…end): what analyses over those windows give them (see `periodTotals`), without
   * running them.
   */
  periodTotals(recent: Period, earlier: Period): [PeriodTotals, PeriodTotals];
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
  const current = 'ids' in input.customers ? input.customers : columnsOf(input.customers);
  const n = current.ids.length;
  // The earlier categories of customer i: from the earlier analysis's columns at earlierOf[i] (−1: none),
  // or from the recorded run (recordedOf[i]).
  let previous: EarlierCategories | null = null;
  let earlierOf: Int32Array | null = null;
  let recordedOf: (RecordedCategories | undefined)[] | null = null;
  let previousFound = true;
  if (recorded === null) {
    previous = input.categoriesAt(previousAsOf);
    previousFound = previous !== null;
    // Read from the columns, as `customers` would give them: the earlier customers' objects are never built.
    if (previous !== null) earlierOf = positionsIn(current.ids, previous.ids, previous.count);
  } else {
    recordedOf = current.ids.map((id) => recorded.customers.get(id));
  }
  // The two periods' values are sums over the sales rows: the same figures as analyses over those windows.
  const [recentTotals, earlierTotals] = input.periodTotals(recent, earlier);
  const recentProfit = recentTotals.profit;
  const earlierProfit = earlierTotals.profit;
  const tierCounts = emptyCounts(tiers.length + 1);
  const svcdCounts = emptyCounts(segments.length + 1);
  const abcCounts = emptyCounts(classes.length + 1);
  const changes = tierChanges();

  // Per customer, columns rather than objects: the report and the customer columns read them as they are,
  // and `customers` builds the objects only when something reads it (a sheet, the pane).
  const columns: MovementColumns = {
    previousTier: new Uint8Array(n),
    previousValue: new Float64Array(n).fill(Number.NaN),
    previousSvcd: new Uint8Array(n),
    previousAbc: new Uint8Array(n).fill(noClass),
    tierChange: new Array<TierChange | null>(n),
    valueTrend: new Uint8Array(n),
    profitTrend: new Uint8Array(n),
    relationship: new Uint8Array(n),
    recentRevenue: recentTotals.revenue,
    earlierRevenue: earlierTotals.revenue,
  };
  let earlierBuyers = 0;
  let retained = 0;
  let buyers = 0;
  let repeaters = 0;
  for (let i = 0; i < n; i++) {
    let previousTier: PyramidTier | null = null;
    let previousSvcd: SvcdSegment | null = null;
    let previousAbc: AbcClass | null = null;
    const at = earlierOf === null ? -1 : earlierOf[i]!;
    if (previous !== null && at >= 0) {
      const tier = previous.pyramidTier[at]!;
      const value = previous.pyramidValue[at]!;
      previousTier = tier === 0 ? null : (tier as PyramidTier);
      columns.previousValue[i] = value;
      previousSvcd = svcdByCode[previous.svcd[at]!] ?? null;
      previousAbc = abcByCode[previous.abc[at]!] ?? 'C';
    } else if (recordedOf !== null) {
      const r = recordedOf[i];
      if (r !== undefined) {
        previousTier = r.tier ?? null;
        previousSvcd = r.svcd ?? null;
        previousAbc = r.abc ?? null;
      }
    }
    const recentBought = recentTotals.bought[i] === 1;
    const earlierBought = earlierTotals.bought[i] === 1;
    const revenueTrend = trendOf(
      earlierBought,
      earlierTotals.revenue[i]!,
      recentBought,
      recentTotals.revenue[i]!,
      settings,
    );
    const profitTrend = input.hasProfit
      ? trendOf(
          earlierBought,
          earlierProfit === null ? 0 : earlierProfit[i]!,
          recentBought,
          recentProfit === null ? 0 : recentProfit[i]!,
          settings,
        )
      : null;
    if (earlierBought) earlierBuyers++;
    if (earlierBought && recentBought) retained++;
    const orders = current.orders[i]!;
    if (orders >= 1) buyers++;
    if (orders >= 2) repeaters++;
    const tierCode = current.pyramidTier[i]!;
    const tierNow = tierCode === 0 ? null : (tierCode as PyramidTier);
    const valueNow = current.pyramidValue[i]!;
    columns.previousTier[i] = previousTier ?? 0;
    const segment = segmentSlot(previousSvcd);
    columns.previousSvcd[i] = segment === segments.length ? 0 : segment + 1;
    columns.previousAbc[i] = classSlot(previousAbc);
    columns.tierChange[i] = changeOf(changes, previousTier, tierNow);
    columns.valueTrend[i] = trendCode(revenueTrend);
    columns.profitTrend[i] = trendCode(profitTrend);
    columns.relationship[i] = relationshipCode(
      relationshipOf(
        tierNow,
        Number.isNaN(valueNow) ? null : valueNow,
        orders,
        input.hasProfit ? profitTrend : revenueTrend,
      ),
    );
    tierCounts[tierSlot(previousTier)]![tierSlot(tierNow)]!++;
    const svcdNow = current.svcd[i]!;
    const abcNow = current.abc[i]!;
    svcdCounts[segmentSlot(previousSvcd)]![
      svcdNow === 0 || svcdNow > segments.length ? segments.length : svcdNow - 1
    ]!++;
    abcCounts[classSlot(previousAbc)]![abcNow < classes.length ? abcNow : classes.length]!++;
  }

  let customers: CustomerMovement[] | null = null;
  return {
    settings,
    previousAsOf,
    previousFrom: recorded === null ? 'sales' : 'history',
    previousFound,
    recent,
    earlier,
    tiers: { categories: tiers, counts: tierCounts },
    svcd: { categories: segments, counts: svcdCounts },
    abc: { categories: classes, counts: abcCounts },
    get customers(): CustomerMovement[] {
      return (customers ??= customersOf(columns));
    },
    columns,
    retention: {
      earlierBuyers,
      retained,
      rate: earlierBuyers === 0 ? null : retained / earlierBuyers,
    },
    repeatPurchases: { buyers, repeaters, rate: buyers === 0 ? null : repeaters / buyers },
    cohorts: monthlyCohorts(input.purchases, asOf),
  };
}

/**
 * Where each customer's id is among `ids` (its first `count`), −1 where absent. Both lists usually come in the
 * same order (the roster's), so one walk finds them; a map is built only when they do not.
 */
function positionsIn(current: readonly string[], ids: readonly string[], count: number): Int32Array {
  const positions = new Int32Array(current.length).fill(-1);
  let i = 0;
  for (let k = 0; k < count; k++) {
    const id = ids[k]!;
    while (i < current.length && current[i] !== id) i++;
    if (i === current.length) return positionsByMap(current, ids, count);
    positions[i++] = k;
  }
  return positions;
}

/** {@link positionsIn} through a map of `ids` (the last of equal ids wins). */
function positionsByMap(current: readonly string[], ids: readonly string[], count: number): Int32Array {
  const index = new Map<string, number>();
  for (let k = 0; k < count; k++) index.set(ids[k]!, k);
  return Int32Array.from(current, (id) => index.get(id) ?? -1);
}

/** Customers given as objects, as columns. */
function columnsOf(customers: readonly MovementCustomer[]): MovementCustomerColumns {
  return {
    ids: customers.map((c) => c.id),
    pyramidTier: Uint8Array.from(customers, (c) => c.pyramidTier ?? 0),
    pyramidValue: Float64Array.from(customers, (c) => c.pyramidValue ?? Number.NaN),
    svcd: Uint8Array.from(customers, (c) => (c.svcd === null ? 0 : segments.indexOf(c.svcd) + 1)),
    abc: Uint8Array.from(customers, (c) => classSlot(c.abc)),
    orders: Int32Array.from(customers, (c) => c.orders),
  };
}

/** A (size × size) matrix of zeros. */
function emptyCounts(size: number): number[][] {
  return Array.from({ length: size }, () => new Array<number>(size).fill(0));
}

// The row or column of a category in a migration matrix: its place in `tiers`, `segments` or `classes`, or
// the last ("none") for null or anything else. Written out rather than looked up with indexOf: six a customer.

/** A tier's row or column: 0…4 for tiers 1…5, 5 for none. */
function tierSlot(tier: PyramidTier | null): number {
  return tier === 1 ? 0 : tier === 2 ? 1 : tier === 3 ? 2 : tier === 4 ? 3 : tier === 5 ? 4 : 5;
}

/** A segment's row or column: its place in `segments`, 4 for none. */
function segmentSlot(segment: SvcdSegment | null): number {
  return segment === 'Star'
    ? 0
    : segment === 'Cow'
      ? 1
      : segment === 'Volcano'
        ? 2
        : segment === 'Dog'
          ? 3
          : 4;
}

/** A class's row or column: its place in `classes`, 3 for none. */
function classSlot(abc: AbcClass | null): number {
  return abc === 'A' ? 0 : abc === 'B' ? 1 : abc === 'C' ? 2 : 3;
}

/** {@link tierChange} of every pair of tiers 0…5 (0: none), at previous × 6 + current. */
function tierChanges(): (TierChange | null)[] {
  const tier = (code: number): PyramidTier | null => (code === 0 ? null : (code as PyramidTier));
  return Array.from({ length: 36 }, (_, k) => tierChange(tier(Math.floor(k / 6)), tier(k % 6)));
}

/** {@link tierChange} from the table of {@link tierChanges} (computed for a tier outside 1…5). */
function changeOf(
  changes: readonly (TierChange | null)[],
  previous: PyramidTier | null,
  current: PyramidTier | null,
): TierChange | null {
  const p = previous ?? 0;
  const c = current ?? 0;
  return Number.isInteger(p) && Number.isInteger(c) && p >= 0 && p <= 5 && c >= 0 && c <= 5
    ? changes[p * 6 + c]!
    : tierChange(previous, current);
}

/** A trend's code in `trendByCode`. */
function trendCode(trend: ValueTrend | null): number {
  return trend === null ? 0 : trendByCode.indexOf(trend);
}

/** A relationship kind's code in `relationshipByCode`. */
function relationshipCode(kind: RelationshipKind | null): number {
  return kind === null ? 0 : relationshipByCode.indexOf(kind);
}

/** The customers' movements as objects, from the columns. */
function customersOf(columns: MovementColumns): CustomerMovement[] {
  const n = columns.previousTier.length;
  const customers = new Array<CustomerMovement>(n);
  for (let i = 0; i < n; i++) {
    const tier = columns.previousTier[i]!;
    const value = columns.previousValue[i]!;
    customers[i] = {
      previousTier: tier === 0 ? null : (tier as PyramidTier),
      previousValue: Number.isNaN(value) ? null : value,
      previousSvcd: svcdByCode[columns.previousSvcd[i]!] ?? null,
      previousAbc: classes[columns.previousAbc[i]!] ?? null,
      tierChange: columns.tierChange[i]!,
      valueTrend: trendByCode[columns.valueTrend[i]!] ?? null,
      profitTrend: trendByCode[columns.profitTrend[i]!] ?? null,
      relationship: relationshipByCode[columns.relationship[i]!] ?? null,
      recentRevenue: columns.recentRevenue[i]!,
      earlierRevenue: columns.earlierRevenue[i]!,
    };
  }
  return customers;
}
