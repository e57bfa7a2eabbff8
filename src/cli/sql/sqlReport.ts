import type { Report } from '../../engine/buildReport';
import { isoFromDay } from '../../engine/dayNumbers';
import type { AnalysisSettings } from '../../engine/types';

/** One row of the customer query (`customerSql` with dates as day numbers). */
export interface SqlRow {
  customer_id: string;
  revenue: number;
  profit: number | null;
  orders: number;
  purchase_days: number;
  first_purchase: number | null;
  last_purchase: number | null;
  recency_days: number | null;
  frequency_per_month: number;
  amount_per_order: number | null;
  svcd: string | null;
  abc: string;
  pyramid_tier: number | null;
  visits_per_month: number;
  visit_interval_days: number;
  last_contact: number | null;
  next_visit_due: number;
  overdue: boolean;
  r: number | null;
  f: number | null;
  m: number | null;
  rfm_segment: string | null;
  churn_risk: string | null;
  lifetime_value: number;
  as_of: number;
  window_start: number;
  window_months: number;
  svcd_amount_threshold: number | null;
  svcd_frequency_threshold: number | null;
  churn_median_gap_days: number | null;
  used_rows: number;
  after_as_of_rows: number;
  before_window_rows: number;
}

/** What the SQL path leaves out of the engine's report, said in the report itself. */
export const notComputedBySql = [
  'customers[].name',
  'customers[].rep',
  'input.skipped (only the count: skippedCount)',
  'input.visitsRows (no visits log)',
  'valueModel (BG/NBD + Gamma-Gamma) and customers[].pAlive, expectedPurchases, expectedOrderValue, predictedValue',
  'movement, retention and customers[].previousTier, tierChange, valueTrend, profitTrend, relationship',
  'calls',
] as const;

/** The JSON report of a SQL run: the engine's report's shared fields, plus `engine` saying what is left out. */
export interface SqlReport {
  version: 1;
  engine: { name: 'duckdb'; version: string; notComputed: readonly string[]; note: string };
  asOf: string;
  window: Report['window'];
  /** The engine's input counts, without the lists of skipped rows and the visits log (not read here). */
  input: Omit<Report['input'], 'skipped' | 'visitsRows' | 'visitsSkipped'>;
  method: {
    valueBasis: 'profit' | 'revenue';
    svcdThresholds: { amountPerOrder: number | null; frequencyPerMonth: number | null; source: string };
    abcCut: number;
    visitsFrom: 'svcd' | 'abc';
    churnMedianGapDays: number | null;
    churnFrom: 'gap';
  };
  customers: Record<string, unknown>[];
}

const day = (value: number | null): string | null => (value === null ? null : isoFromDay(value));

/** What a SQL run knows besides the query's rows. */
export interface SqlRun {
  settings: AnalysisSettings;
  salesRows: number;
  skippedCount: number;
  hasProfit: boolean;
  duckDbVersion: string;
}

/**
 * The report's fields other than `customers`, from the run figures the query repeats on every row (any
 * row serves).
 *
 * @example sqlReportHead(rows[0], run).asOf // '2024-12-31'
 */
export function sqlReportHead(first: SqlRow, run: SqlRun): Omit<SqlReport, 'customers'> {
  const { settings } = run;
  return {
    version: 1,
    engine: {
      name: 'duckdb',
      version: run.duckDbVersion,
      notComputed: notComputedBySql,
      note: "Computed by the SQL query of `customer-pyramid sql` in DuckDB; these fields equal the built-in engine's. Leave out --engine duckdb for the fields listed in notComputed.",
    },
    asOf: isoFromDay(first.as_of),
    window: {
      start: isoFromDay(first.window_start),
      end: isoFromDay(first.as_of),
      months: first.window_months,
    },
    input: {
      salesRows: run.salesRows,
      usedRows: first.used_rows,
      skippedCount: run.skippedCount,
      afterAsOfRows: first.after_as_of_rows,
      beforeWindowRows: first.before_window_rows,
    },
    method: {
      valueBasis: run.hasProfit ? 'profit' : 'revenue',
      svcdThresholds: {
        amountPerOrder: first.svcd_amount_threshold,
        frequencyPerMonth: first.svcd_frequency_threshold,
        source: `${settings.svcdAmountThreshold === null ? 'median' : 'fixed'}/${settings.svcdFrequencyThreshold === null ? 'median' : 'fixed'}`,
      },
      abcCut: settings.abcCut,
      visitsFrom: settings.visitsFrom,
      churnMedianGapDays: first.churn_median_gap_days,
      churnFrom: 'gap',
    },
  };
}

/**
 * One customer of the report, keyed and shaped as in the engine's report (`buildReport`).
 *
 * @example sqlReportCustomer(row, true).abc // 'A'
 */
export function sqlReportCustomer(row: SqlRow, hasProfit: boolean): Record<string, unknown> {
  return {
    id: row.customer_id,
    revenue: row.revenue,
    profit: hasProfit ? row.profit : null,
    orders: row.orders,
    purchaseDays: row.purchase_days,
    firstPurchase: day(row.first_purchase),
    lastPurchase: day(row.last_purchase),
    recencyDays: row.recency_days,
    frequencyPerMonth: row.frequency_per_month,
    amountPerOrder: row.amount_per_order,
    svcd: row.svcd,
    abc: row.abc,
    pyramidTier: row.pyramid_tier,
    visitsPerMonth: row.visits_per_month,
    visitIntervalDays: row.visit_interval_days,
    lastContact: day(row.last_contact),
    nextVisitDue: isoFromDay(row.next_visit_due),
    overdue: row.overdue,
    rfm:
      row.r === null || row.f === null || row.m === null || row.rfm_segment === null
        ? null
        : { r: row.r, f: row.f, m: row.m, segment: row.rfm_segment },
    lifetimeValue: row.lifetime_value,
    churnRisk: row.churn_risk,
  };
}

/**
 * The JSON report of the customer query's rows, keyed and shaped as the engine's (`buildReport`) for every
 * field the query computes; `engine.notComputed` lists the engine's fields it leaves out.
 *
 * @param rows The query's rows, in the order of the report (by id).
 * @example sqlReport(rows, { settings, salesRows: 100, skippedCount: 0, hasProfit: true, duckDbVersion: 'v1.5.0' }).customers[0].abc // 'A'
 */
export function sqlReport(rows: readonly SqlRow[], run: SqlRun): SqlReport {
  const first = rows[0];
  if (first === undefined) throw new Error('The customer query returned no customer.');
  return {
    ...sqlReportHead(first, run),
    customers: rows.map((row) => sqlReportCustomer(row, run.hasProfit)),
  };
}
