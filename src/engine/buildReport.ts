import type { AnalysisResult } from './analyze';
import { isoFromDay } from './dayNumbers';
import type { AnyMethod } from './methods/Method';
import { methods } from './methods/registry';
import { runViewOf } from './methods/runMethods';
import type { SkippedRow } from './types';

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
  /** What the methods used: each method's `report.method` fields. */
  method: {
    valueBasis: 'profit' | 'revenue';
    svcdThresholds: { amountPerOrder: number | null; frequencyPerMonth: number | null; source: string };
    abcCut: number;
    visitsFrom: 'svcd' | 'abc';
    churnMedianGapDays: number | null;
    [field: string]: unknown;
  };
  customers: ReportCustomer[];
  /** Methods' top-level keys (`report.top`), e.g. `valueModel`. */
  [key: string]: unknown;
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
  const run = runViewOf(result);
  const method = {} as Report['method'];
  const top: Record<string, unknown> = {};
  const fields: [string, (i: number) => unknown][] = [];
  for (const m of methods as readonly AnyMethod[]) {
    const out: unknown = run.output(m);
    Object.assign(method, m.report?.method?.(out, run));
    Object.assign(top, m.report?.top?.(out, run));
    fields.push(...Object.entries(m.report?.customer?.(out, run) ?? {}));
  }
  const { ids, names, reps, count } = result.roster;
  const customers = new Array<ReportCustomer>(count);
  for (let i = 0; i < count; i++) {
    const customer = { id: ids[i]!, name: names[i] ?? null, rep: reps[i] ?? null } as ReportCustomer;
    for (const [name, value] of fields) customer[name] = value(i);
    customers[i] = customer;
  }
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
    method,
    customers,
    ...top,
  };
}
