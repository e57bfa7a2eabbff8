import type { AnalysisResult } from './analyze';
import { isoFromDay } from './dayNumbers';
import type { SkippedRow } from './types';

/** One customer in the JSON report; keys are always English. */
export interface ReportCustomer {
  id: string;
  name: string | null;
  rep: string | null;
  revenue: number;
  profit: number | null;
  orders: number;
  purchaseDays: number;
  firstPurchase: string | null;
  lastPurchase: string | null;
  recencyDays: number | null;
  frequencyPerMonth: number;
  amountPerOrder: number | null;
  svcd: string | null;
  abc: string;
  pyramidTier: number | null;
  visitsPerMonth: number;
  visitIntervalDays: number;
  lastContact: string | null;
  nextVisitDue: string;
  overdue: boolean;
  rfm: { r: number; f: number; m: number; segment: string } | null;
  churnRisk: string | null;
  lifetimeValue: number;
  /** With a comparison: the pyramid tier at the earlier date (null when no sales in its window). */
  previousTier?: number | null;
  tierChange?: string | null;
  /** Revenue in the last N months against the N months before (growing, stable, declining, new, lapsed). */
  valueTrend?: string | null;
  profitTrend?: string | null;
  relationship?: string | null;
}

/** The command line's JSON report (DESIGN.md, "Command line contract"), version 1. */
export interface Report {
  version: 1;
  asOf: string;
  window: { start: string; end: string; months: number };
  input: {
    salesRows: number;
    usedRows: number;
    skippedCount: number;
    skipped: { sheet: string; row: number; column: string | null; reason: string }[];
    afterAsOfRows: number;
    beforeWindowRows: number;
    visitsRows: number;
    visitsSkipped: { sheet: string; row: number; column: string | null; reason: string }[];
  };
  method: {
    valueBasis: 'profit' | 'revenue';
    svcdThresholds: { amountPerOrder: number | null; frequencyPerMonth: number | null; source: string };
    abcCut: number;
    visitsFrom: 'svcd' | 'abc';
    churnMedianGapDays: number | null;
  };
  customers: ReportCustomer[];
  /** With a comparison (`compareMonths`): the tier migration matrix and its siblings. */
  movement?: {
    previousAsOf: string;
    compareMonths: number;
    /** 6×6 counts: rows earlier tier 1–5 then none, columns current tier 1–5 then none. */
    tiers: number[][];
    /** 5×5: Star, Cow, Volcano, Dog, none. */
    svcd: number[][];
    /** 4×4: A, B, C, none. */
    abc: number[][];
  };
  retention?: {
    earlierPeriod: { start: string; end: string };
    recentPeriod: { start: string; end: string };
    earlierBuyers: number;
    retained: number;
    rate: number | null;
    repeatPurchase: { buyers: number; repeaters: number; rate: number | null };
    cohorts: { month: string; customers: number; active: number[] }[];
  };
}

const skippedEntry = (s: SkippedRow): Report['input']['skipped'][number] => ({
  sheet: s.sheet,
  row: s.row,
  column: s.column,
  reason: s.reason,
});

/**
 * The JSON report: every customer of the customers table plus every customer id in the sales rows up to
 * the as-of date, once each, with full-precision amounts and null where a value does not apply; dates as
 * ISO text. Extra keys beyond DESIGN.md's example (name, rep, lastContact, overdue, lifetimeValue, method,
 * afterAsOfRows…) only add information.
 */
export function buildReport(result: AnalysisResult): Report {
  const span = result.window;
  const iso = (day: number | null): string | null => (day === null ? null : isoFromDay(day));
  return {
    version: 1,
    asOf: isoFromDay(result.asOf),
    window: {
      start: isoFromDay(span.start),
      end: isoFromDay(span.end),
      months: span.months,
    },
    input: {
      salesRows: result.input.salesRows,
      usedRows: result.input.usedRows,
      skippedCount: result.input.skippedCount,
      skipped: result.input.skipped.map(skippedEntry),
      afterAsOfRows: result.input.afterAsOfRows,
      beforeWindowRows: result.input.beforeWindowRows,
      visitsRows: result.input.visitsRows,
      visitsSkipped: result.input.visitsSkipped.map(skippedEntry),
    },
    method: {
      valueBasis: result.valueBasis,
      svcdThresholds: {
        amountPerOrder: result.svcdThresholds.amount,
        frequencyPerMonth: result.svcdThresholds.frequency,
        source: `${result.svcdThresholds.amountSource}/${result.svcdThresholds.frequencySource}`,
      },
      abcCut: result.settings.abcCut,
      visitsFrom: result.settings.visitsFrom,
      churnMedianGapDays: result.churn.medianGap,
    },
    customers: result.customers.map((c, index) => ({
      id: c.id,
      name: c.name,
      rep: c.rep,
      revenue: c.revenue,
      profit: c.profit,
      orders: c.orders,
      purchaseDays: c.purchaseDays,
      firstPurchase: iso(c.firstPurchase),
      lastPurchase: iso(c.lastPurchase),
      recencyDays: c.recencyDays,
      frequencyPerMonth: c.frequencyPerMonth,
      amountPerOrder: c.amountPerOrder,
      svcd: c.svcd,
      abc: c.abc,
      pyramidTier: c.pyramidTier,
      visitsPerMonth: c.visitsPerMonth,
      visitIntervalDays: c.visitIntervalDays,
      lastContact: iso(c.lastContact),
      nextVisitDue: isoFromDay(c.nextVisitDue),
      overdue: c.overdue,
      rfm: c.rfm,
      churnRisk: c.churnRisk,
      lifetimeValue: c.lifetimeValue,
      ...movementFields(result, index),
    })),
    ...movementReport(result),
  };
}

/** A customer's movement fields (none without a comparison). */
function movementFields(result: AnalysisResult, index: number): Partial<ReportCustomer> {
  const m = result.movement?.customers[index];
  if (m === undefined) return {};
  return {
    previousTier: m.previousTier,
    tierChange: m.tierChange,
    valueTrend: m.valueTrend,
    profitTrend: m.profitTrend,
    relationship: m.relationship,
  };
}

/** The report's `movement` and `retention` (none without a comparison). */
function movementReport(result: AnalysisResult): Pick<Report, 'movement' | 'retention'> {
  const movement = result.movement;
  if (movement === null) return {};
  const span = (p: { start: number; end: number }) => ({
    start: isoFromDay(p.start),
    end: isoFromDay(p.end),
  });
  return {
    movement: {
      previousAsOf: isoFromDay(movement.previousAsOf),
      compareMonths: movement.settings.compareMonths,
      tiers: movement.tiers.counts,
      svcd: movement.svcd.counts,
      abc: movement.abc.counts,
    },
    retention: {
      earlierPeriod: span(movement.earlier),
      recentPeriod: span(movement.recent),
      earlierBuyers: movement.retention.earlierBuyers,
      retained: movement.retention.retained,
      rate: movement.retention.rate,
      repeatPurchase: movement.repeatPurchases,
      cohorts: movement.cohorts,
    },
  };
}
