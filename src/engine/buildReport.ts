import type { AnalysisResult } from './analyze';
import { reportParts } from './reportParts';

/**
 * One customer in the JSON report; keys are always English: id, name and rep, then each method's fields
 * (`Method.report.customer`) in registry order.
 */
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
  /** Fields of methods added later (typed here when they become part of the contract). */
  [field: string]: unknown;
}

/** The JSON report without its customers (see {@link Report}). */
export interface ReportHead {
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
  /** What the methods used: each method's `report.method` fields. */
  method: {
    valueBasis: 'profit' | 'revenue';
    svcdThresholds: { amountPerOrder: number | null; frequencyPerMonth: number | null; source: string };
    abcCut: number;
    visitsFrom: 'svcd' | 'abc';
    churnMedianGapDays: number | null;
    [field: string]: unknown;
  };
  /** Methods' top-level keys (`report.top`), e.g. `valueModel`. */
  [key: string]: unknown;
}

/** The command line's JSON report (DESIGN.md, "Command line contract"), version 1. */
export interface Report extends ReportHead {
  customers: ReportCustomer[];
}

/**
 * The JSON report: every customer of the customers table plus every customer id in the sales rows up to
 * the as-of date, once each, with full-precision amounts and null where a value does not apply; dates as
 * ISO text. Extra keys beyond DESIGN.md's example (name, rep, lastContact, overdue, lifetimeValue, method,
 * afterAsOfRows…) only add information. A writer that streams the report builds one customer at a time
 * with {@link reportParts} instead.
 */
export function buildReport(result: AnalysisResult): Report {
  const { head, count, customer } = reportParts(result);
  return { ...head, customers: Array.from({ length: count }, (_, i) => customer(i)) };
}
