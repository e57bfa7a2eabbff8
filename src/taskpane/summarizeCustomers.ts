import type {
  AbcClass,
  ChurnRisk,
  CustomerResult,
  PyramidTier,
  RfmSegment,
  SvcdSegment,
} from '../engine/types';

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

/** One ABC class as the results panel shows it. */
export interface ClassSummary {
  abc: AbcClass;
  customers: number;
  /** Share of the positive revenue of classes A and B (0–1); C has none by definition. */
  revenueShare: number;
}

/** A customer whose visit is overdue, for the per-rep list. */
export interface OverdueCustomer {
  id: string;
  name: string | null;
  /** Days the visit is overdue at the as-of date (≥ 1). */
  daysOverdue: number;
}

/** Visits of one sales rep (null = customers without a rep). */
export interface RepVisits {
  rep: string | null;
  customers: number;
  overdue: number;
  dueSoon: number;
  /** The most overdue customers first (ties by id), at most {@link mostOverdueShown}. */
  mostOverdue: OverdueCustomer[];
}

/** The numbers the results panel shows, computed from the per-customer results. */
export interface ResultsSummary {
  /** Every customer listed (customers table plus sales-only customers). */
  customers: number;
  /** Customers on the pyramid: any sales row in the window. */
  onPyramid: number;
  /**
   * Customers with no sales row in the window, so off the pyramid: prospects of the customers table, and
   * customers who bought only before the window.
   */
  withoutSalesInWindow: number;
  abc: Record<AbcClass, ClassSummary>;
  /** Customers per RFM segment (customers with an order in the window). */
  rfm: Record<RfmSegment, number>;
  /** Customers per churn risk (customers with an order in the window). */
  churn: Record<ChurnRisk, number>;
  /** Visits per sales rep, the rep with the most overdue first (ties by name; no rep last). */
  reps: RepVisits[];
  tiers: TierSummary[];
  segments: Record<SvcdSegment, SegmentSummary>;
  /** Customers whose next visit is before the as-of date. */
  overdue: number;
  /** Customers not overdue whose next visit is within 7 days after the as-of date (inclusive). */
  dueSoon: number;
}

const tiers: readonly PyramidTier[] = [1, 2, 3, 4, 5];
const segments: readonly SvcdSegment[] = ['Star', 'Cow', 'Volcano', 'Dog'];

/** RFM segments in the order of the rule table (best first); the Record type keeps it complete. */
const rfmOrder: Record<RfmSegment, number> = {
  Champions: 0,
  Loyal: 1,
  'Potential loyalist': 2,
  New: 3,
  Promising: 4,
  'Need attention': 5,
  'About to sleep': 6,
  'At risk': 7,
  "Can't lose them": 8,
  Hibernating: 9,
  Lost: 10,
};

/** Every RFM segment, best first. */
export const rfmSegments = (Object.keys(rfmOrder) as RfmSegment[]).sort((a, b) => rfmOrder[a] - rfmOrder[b]);

/** Churn risks, best first. */
export const churnRisks: readonly ChurnRisk[] = ['Active', 'At risk', 'Lapsed'];

/** How many of a rep's most overdue customers the pane names. */
export const mostOverdueShown = 3;

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
  const isDueSoon = (c: CustomerResult): boolean =>
    !c.overdue && c.nextVisitDue >= asOf && c.nextVisitDue <= asOf + dueSoonDays;
  const overdue = customers.filter((c) => c.overdue).length;
  const dueSoon = customers.filter(isDueSoon).length;

  const classRevenue = sum(customers.filter((c) => c.abc !== 'C').map((c) => c.revenue));
  const abc = {} as Record<AbcClass, ClassSummary>;
  for (const cls of ['A', 'B', 'C'] as const) {
    const members = customers.filter((c) => c.abc === cls);
    abc[cls] = {
      abc: cls,
      customers: members.length,
      revenueShare: cls === 'C' || classRevenue <= 0 ? 0 : sum(members.map((c) => c.revenue)) / classRevenue,
    };
  }
  const rfm = Object.fromEntries(rfmSegments.map((segment) => [segment, 0])) as Record<RfmSegment, number>;
  const churn: Record<ChurnRisk, number> = { Active: 0, 'At risk': 0, Lapsed: 0 };
  for (const c of customers) {
    if (c.rfm !== null) rfm[c.rfm.segment]++;
    if (c.churnRisk !== null) churn[c.churnRisk]++;
  }

  const byRep = new Map<string | null, CustomerResult[]>();
  for (const c of customers) {
    const list = byRep.get(c.rep);
    if (list === undefined) byRep.set(c.rep, [c]);
    else list.push(c);
  }
  const reps = [...byRep].map(([rep, members]): RepVisits => {
    const late = members
      .filter((c) => c.overdue)
      .sort((a, b) => a.nextVisitDue - b.nextVisitDue || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return {
      rep,
      customers: members.length,
      overdue: late.length,
      dueSoon: members.filter(isDueSoon).length,
      mostOverdue: late
        .slice(0, mostOverdueShown)
        .map((c) => ({ id: c.id, name: c.name, daysOverdue: asOf - c.nextVisitDue })),
    };
  });
  reps.sort(
    (a, b) =>
      Number(a.rep === null) - Number(b.rep === null) ||
      b.overdue - a.overdue ||
      (a.rep ?? '').localeCompare(b.rep ?? ''),
  );

  return {
    customers: customers.length,
    onPyramid: onPyramid.length,
    withoutSalesInWindow: customers.filter((c) => !c.hasSalesInWindow).length,
    abc,
    rfm,
    churn,
    reps,
    tiers: tierRows,
    segments: segmentRows,
    overdue,
    dueSoon,
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
