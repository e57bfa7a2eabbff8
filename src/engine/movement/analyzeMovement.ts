import type { AnalysisInput, AnalysisResult } from '../analyze';
import { addMonths } from '../dayNumbers';
import { AnalysisError } from '../errors';
import type { AbcClass, PyramidTier, SvcdSegment } from '../types';
import { analyzeAt } from './analyzeAt';
import { migrationMatrix } from './migrationMatrix';
import { monthlyCohorts } from './monthlyCohorts';
import { monthlyPurchases } from './monthlyPurchases';
import { periodTotals } from './periodTotals';
import { relationshipKind } from './relationshipKind';
import { tierChange } from './tierChange';
import type { CustomerMovement, Movement, MovementSettings, PeriodTotals } from './types';
import { valueTrend } from './valueTrend';

const tiers: readonly PyramidTier[] = [1, 2, 3, 4, 5];
const segments: readonly SvcdSegment[] = ['Star', 'Cow', 'Volcano', 'Dog'];
const classes: readonly AbcClass[] = ['A', 'B', 'C'];

/**
 * Compares an analysis with the same analysis N calendar months earlier (N = `compareMonths`) and
 * measures loyalty:
 * - the earlier as-of date is the as-of date minus N calendar months; the earlier analysis runs the same
 *   models over the same tables with the same window rule (see `analyzeAt`);
 * - migration matrices of pyramid tiers (1–5), SVCD segments and ABC classes, each plus "none", rows
 *   earlier, columns now, over the current analysis's customers;
 * - per customer: earlier tier, segment and class, tier change, revenue and profit trend (last N months
 *   against the N months before, see `valueTrend`) and the kind of relationship customer (see
 *   `relationshipKind`, on the profit trend when there is profit data, else the revenue trend);
 * - retention: of the customers who bought (amount > 0) in the N months before the earlier date
 *   (inclusive of it), the share who bought again in the N months after it up to the as-of date;
 * - repeat-purchase rate: of the customers with an order in the analysis window, the share with two or more;
 * - monthly cohorts (see `monthlyCohorts`).
 *
 * @throws AnalysisError `BAD_SETTING` when `compareMonths` is not a whole number ≥ 1.
 * @example analyzeMovement(input, analyze(input), defaultMovementSettings()).tiers.counts[0]
 */
export function analyzeMovement(
  input: AnalysisInput,
  result: AnalysisResult,
  settings: MovementSettings,
): Movement {
  const months = settings.compareMonths;
  if (!Number.isInteger(months) || months < 1)
    throw AnalysisError.of({ key: 'badCompareMonths', value: months }, result.settings.language);
  const asOf = result.asOf;
  const previousAsOf = addMonths(asOf, -months);
  const recent = { start: previousAsOf + 1, end: asOf };
  const earlier = { start: addMonths(previousAsOf, -months) + 1, end: previousAsOf };
  const previous = analyzeAt(input, previousAsOf);
  const before = new Map<string, number>();
  previous?.customers.forEach((c, index) => before.set(c.id, index));
  const recentTotals = periodTotals(input, recent.start, recent.end);
  const earlierTotals = periodTotals(input, earlier.start, earlier.end);
  const hasProfit = result.valueBasis === 'profit';
  const periodValue = (t: PeriodTotals | undefined, of: 'revenue' | 'profit') => ({
    bought: t !== undefined && t.purchaseDays > 0,
    value: t === undefined ? 0 : of === 'revenue' ? t.revenue : (t.profit ?? 0),
  });

  const customers: CustomerMovement[] = result.customers.map((c) => {
    const index = before.get(c.id);
    const p = index === undefined || previous === null ? null : previous.customers[index]!;
    const r = recentTotals.get(c.id);
    const e = earlierTotals.get(c.id);
    const revenueTrend = valueTrend(periodValue(e, 'revenue'), periodValue(r, 'revenue'), settings);
    const profitTrend = hasProfit
      ? valueTrend(periodValue(e, 'profit'), periodValue(r, 'profit'), settings)
      : null;
    return {
      previousTier: p?.pyramidTier ?? null,
      previousValue: p?.pyramidValue ?? null,
      previousSvcd: p?.svcd ?? null,
      previousAbc: p?.abc ?? null,
      tierChange: tierChange(p?.pyramidTier ?? null, c.pyramidTier),
      valueTrend: revenueTrend,
      profitTrend,
      relationship: relationshipKind({
        tier: c.pyramidTier,
        value: c.pyramidValue,
        orders: c.orders,
        trend: hasProfit ? profitTrend : revenueTrend,
      }),
      recentRevenue: r?.revenue ?? 0,
      earlierRevenue: e?.revenue ?? 0,
    };
  });

  let earlierBuyers = 0;
  let retained = 0;
  for (const [id, e] of earlierTotals) {
    if (e.purchaseDays === 0) continue;
    earlierBuyers++;
    if ((recentTotals.get(id)?.purchaseDays ?? 0) > 0) retained++;
  }
  let buyers = 0;
  let repeaters = 0;
  for (const c of result.customers) {
    if (c.orders >= 1) buyers++;
    if (c.orders >= 2) repeaters++;
  }
  const pairs = <T>(pick: (m: CustomerMovement, index: number) => readonly [T | null, T | null]) =>
    customers.map(pick);
  return {
    settings,
    previousAsOf,
    previousFound: previous !== null,
    recent,
    earlier,
    tiers: migrationMatrix(
      pairs((m, i) => [m.previousTier, result.customers[i]!.pyramidTier]),
      tiers,
    ),
    svcd: migrationMatrix(
      pairs((m, i) => [m.previousSvcd, result.customers[i]!.svcd]),
      segments,
    ),
    abc: migrationMatrix(
      pairs((m, i) => [m.previousAbc, result.customers[i]!.abc]),
      classes,
    ),
    customers,
    retention: {
      earlierBuyers,
      retained,
      rate: earlierBuyers === 0 ? null : retained / earlierBuyers,
    },
    repeatPurchases: { buyers, repeaters, rate: buyers === 0 ? null : repeaters / buyers },
    cohorts: monthlyCohorts(monthlyPurchases(input, asOf), asOf),
  };
}
