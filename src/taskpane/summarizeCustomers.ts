import { churnByCode, type ChurnCodes } from '../engine/assessChurn';
import { abcByCode } from '../engine/assignAbc';
import { svcdByCode } from '../engine/assignSvcd';
import { compareIds } from '../engine/compareIds';
import type { CustomerMeasures } from '../engine/customerMeasures';
import type { AbcOutput } from '../engine/methods/abcMethod';
import type { CustomerRoster } from '../engine/methods/Method';
import type { PyramidOutput } from '../engine/methods/pyramidMethod';
import type { RfmOutput } from '../engine/methods/rfmMethod';
import type { SvcdOutput } from '../engine/methods/svcdMethod';
import type { VisitsOutput } from '../engine/methods/visitsMethod';
import type { AbcClass, ChurnRisk, PyramidTier, RfmSegment, SvcdSegment } from '../engine/types';

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
const classes: readonly AbcClass[] = ['A', 'B', 'C'];

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

/** What {@link summarizeCustomers} reads of an analysis (an `AnalysisResult` is one). */
export interface SummaryInput {
  asOf: number;
  valueBasis: 'profit' | 'revenue';
  roster: Pick<CustomerRoster, 'count' | 'ids' | 'names' | 'reps'>;
  outputs: {
    measures: Pick<CustomerMeasures, 'revenue' | 'profit' | 'hasSalesInWindow'>;
    pyramid: Pick<PyramidOutput, 'tiers'>;
    svcd: Pick<SvcdOutput, 'codes'>;
    abc: Pick<AbcOutput, 'codes'>;
    visits: Pick<VisitsOutput, 'overdue' | 'nextVisitDue'>;
    rfm: Pick<RfmOutput, 'codes' | 'results'>;
    churn: Pick<ChurnCodes, 'codes'>;
  };
}

/**
 * Counts and shares per pyramid tier and SVCD segment, and visits overdue or due soon, read from the
 * methods' per-customer outputs in one pass (no per-customer objects).
 *
 * @param result The analysis (its as-of date is an Excel 1900-system serial, whole days).
 * @returns Tier and segment shares are of the totals over customers that have a tier (segment); profit
 *   shares are null without profit data or when the total profit is not positive (a share of a loss would
 *   read backwards).
 */
export function summarizeCustomers(result: SummaryInput): ResultsSummary {
  const { asOf } = result;
  const { count, ids, names, reps: repOf } = result.roster;
  const { revenue, profit, hasSalesInWindow } = result.outputs.measures;
  const tierOf = result.outputs.pyramid.tiers;
  const svcdOf = result.outputs.svcd.codes;
  const abcOf = result.outputs.abc.codes;
  const { overdue: overdueOf, nextVisitDue } = result.outputs.visits;
  const rfmOf = result.outputs.rfm;
  const churnOf = result.outputs.churn.codes;

  const tierFigures = tiers.map(() => ({ customers: 0, revenue: 0, profit: 0 }));
  let onPyramid = 0;
  let totalRevenue = 0;
  let totalProfit = 0;
  const segmentFigures = new Map(segments.map((segment) => [segment, { customers: 0, revenue: 0 }]));
  let segmentedRevenue = 0;
  const classFigures = new Map(classes.map((cls) => [cls, { customers: 0, revenue: 0 }]));
  let classRevenue = 0;
  const rfm = Object.fromEntries(rfmSegments.map((segment) => [segment, 0])) as Record<RfmSegment, number>;
  const churn: Record<ChurnRisk, number> = { Active: 0, 'At risk': 0, Lapsed: 0 };
  let withoutSalesInWindow = 0;
  let overdue = 0;
  let dueSoon = 0;
  const isDueSoon = (i: number): boolean =>
    overdueOf[i] !== 1 && nextVisitDue[i]! >= asOf && nextVisitDue[i]! <= asOf + dueSoonDays;
  const byRep = new Map<string | null, number[]>();
  for (let i = 0; i < count; i++) {
    const tier = tierOf[i]!;
    if (tier !== 0) {
      const f = tierFigures[tier - 1]!;
      f.customers++;
      f.revenue += revenue[i]!;
      f.profit += profit[i]!;
      onPyramid++;
      totalRevenue += revenue[i]!;
      totalProfit += profit[i]!;
    }
    const segment = svcdByCode[svcdOf[i]!] ?? null;
    if (segment !== null) {
      const s = segmentFigures.get(segment)!;
      s.customers++;
      s.revenue += revenue[i]!;
      segmentedRevenue += revenue[i]!;
    }
    const cls = abcByCode[abcOf[i]!] ?? 'C';
    const c = classFigures.get(cls)!;
    c.customers++;
    c.revenue += revenue[i]!;
    if (cls !== 'C') classRevenue += revenue[i]!;
    const scores = rfmOf.results[rfmOf.codes[i]!] ?? null;
    if (scores !== null) rfm[scores.segment]++;
    const risk = churnByCode[churnOf[i]!] ?? null;
    if (risk !== null) churn[risk]++;
    if (hasSalesInWindow[i] !== 1) withoutSalesInWindow++;
    if (overdueOf[i] === 1) overdue++;
    if (isDueSoon(i)) dueSoon++;
    const rep = repOf[i] ?? null;
    const list = byRep.get(rep);
    if (list === undefined) byRep.set(rep, [i]);
    else list.push(i);
  }
  const hasProfit = result.valueBasis === 'profit' && onPyramid > 0;
  const tierRows = tiers.map((tier): TierSummary => {
    const f = tierFigures[tier - 1]!;
    return {
      tier,
      customers: f.customers,
      customerShare: onPyramid === 0 ? 0 : f.customers / onPyramid,
      revenueShare: totalRevenue > 0 ? f.revenue / totalRevenue : 0,
      profitShare: hasProfit && totalProfit > 0 ? f.profit / totalProfit : null,
    };
  });
  const segmentRows = {} as Record<SvcdSegment, SegmentSummary>;
  for (const segment of segments) {
    const s = segmentFigures.get(segment)!;
    segmentRows[segment] = {
      segment,
      customers: s.customers,
      revenue: s.revenue,
      revenueShare: segmentedRevenue > 0 ? s.revenue / segmentedRevenue : 0,
    };
  }
  const abc = {} as Record<AbcClass, ClassSummary>;
  for (const cls of classes) {
    const c = classFigures.get(cls)!;
    abc[cls] = {
      abc: cls,
      customers: c.customers,
      revenueShare: cls === 'C' || classRevenue <= 0 ? 0 : c.revenue / classRevenue,
    };
  }
  const reps = [...byRep].map(([rep, members]): RepVisits => {
    const late = members
      .filter((i) => overdueOf[i] === 1)
      .sort((a, b) => nextVisitDue[a]! - nextVisitDue[b]! || compareIds(ids[a]!, ids[b]!));
    return {
      rep,
      customers: members.length,
      overdue: late.length,
      dueSoon: members.filter(isDueSoon).length,
      mostOverdue: late
        .slice(0, mostOverdueShown)
        .map((i) => ({ id: ids[i]!, name: names[i] ?? null, daysOverdue: asOf - nextVisitDue[i]! })),
    };
  });
  reps.sort(
    (a, b) =>
      Number(a.rep === null) - Number(b.rep === null) ||
      b.overdue - a.overdue ||
      (a.rep ?? '').localeCompare(b.rep ?? ''),
  );

  return {
    customers: count,
    onPyramid,
    withoutSalesInWindow,
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
