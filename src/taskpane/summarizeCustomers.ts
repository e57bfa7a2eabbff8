import type { CustomerResult, PyramidTier, SvcdSegment } from '../engine/types';

/** One pyramid tier as the results panel shows it. */
export interface TierSummary {
  tier: PyramidTier;
  customers: number;
  /** Share of all customers on the pyramid (0–1). */
  customerShare: number;
  /** Share of the pyramid's revenue (0–1); 0 when the total is not positive. */
  revenueShare: number;
  /** Share of the pyramid's profit (0–1, negative for a loss); null without profit data or total ≤ 0. */
  profitShare: number | null;
}

/** One SVCD segment as the results panel shows it. */
export interface SegmentSummary {
  segment: SvcdSegment;
  customers: number;
  revenue: number;
  /** Share of the revenue of all segmented customers (0–1); 0 when that total is not positive. */
  revenueShare: number;
}

/** The numbers the results panel shows, computed from the per-customer results. */
export interface ResultsSummary {
  customers: number;
  tiers: TierSummary[];
  segments: Record<SvcdSegment, SegmentSummary>;
  /** Customers whose next visit is before the as-of date. */
  overdue: number;
  /** Customers not overdue whose next visit is within 7 days after the as-of date (inclusive). */
  dueSoon: number;
}

const tiers: readonly PyramidTier[] = [1, 2, 3, 4, 5];
const segments: readonly SvcdSegment[] = ['Star', 'Cow', 'Volcano', 'Dog'];

/** Days ahead that count as "due soon" in the visits line. */
export const dueSoonDays = 7;

/**
 * Counts and shares per pyramid tier and SVCD segment, and visits overdue or due soon.
 *
 * @param customers The analysis' per-customer results.
 * @param asOf The as-of date as an Excel 1900-system serial (whole days).
 * @returns Tier and segment shares are of the totals over customers that have a tier (segment); a
 *   customer with no profit data counts 0 profit, and profit shares are null when no customer has profit
 *   data or the total profit is not positive (a share of a loss would read backwards).
 */
export function summarizeCustomers(customers: readonly CustomerResult[], asOf: number): ResultsSummary {
  const onPyramid = customers.filter((c) => c.pyramidTier !== null);
  const totalRevenue = sum(onPyramid.map((c) => c.revenue));
  const hasProfit = onPyramid.some((c) => c.profit !== null);
  const totalProfit = sum(onPyramid.map((c) => c.profit ?? 0));
  const tierRows = tiers.map((tier): TierSummary => {
    const members = onPyramid.filter((c) => c.pyramidTier === tier);
    return {
      tier,
      customers: members.length,
      customerShare: onPyramid.length === 0 ? 0 : members.length / onPyramid.length,
      revenueShare: totalRevenue > 0 ? sum(members.map((c) => c.revenue)) / totalRevenue : 0,
      profitShare: hasProfit && totalProfit > 0 ? sum(members.map((c) => c.profit ?? 0)) / totalProfit : null,
    };
  });
  const segmented = customers.filter((c) => c.svcd !== null);
  const segmentedRevenue = sum(segmented.map((c) => c.revenue));
  const segmentRows = {} as Record<SvcdSegment, SegmentSummary>;
  for (const segment of segments) {
    const members = segmented.filter((c) => c.svcd === segment);
    const revenue = sum(members.map((c) => c.revenue));
    segmentRows[segment] = {
      segment,
      customers: members.length,
      revenue,
      revenueShare: segmentedRevenue > 0 ? revenue / segmentedRevenue : 0,
    };
  }
  const overdue = customers.filter((c) => c.overdue).length;
  const dueSoon = customers.filter(
    (c) => !c.overdue && c.nextVisitDue >= asOf && c.nextVisitDue <= asOf + dueSoonDays,
  ).length;
  return { customers: customers.length, tiers: tierRows, segments: segmentRows, overdue, dueSoon };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
