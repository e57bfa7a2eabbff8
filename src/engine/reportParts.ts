import type { AnalysisResult } from './analyze';
import type { Report, ReportCustomer, ReportHead } from './buildReport';
import { isoFromDay } from './dayNumbers';
import type { AnyMethod } from './methods/Method';
import { methods } from './methods/registry';
import { runViewOf } from './methods/runMethods';
import type { SkippedRow } from './types';

/** The JSON report in parts: all but the customers, and each customer on demand. */
export interface ReportParts {
  /** The report without `customers`: version, as-of, window, input, method, then the methods' top keys. */
  head: ReportHead;
  /** Customers in the report (result order). */
  count: number;
  /** Customer `i` of the report, built afresh on each call. */
  customer: (i: number) => ReportCustomer;
  /**
   * A customer's keys in report order (`id`, `name`, `rep`, then the methods'), each with its value for
   * customer `i`: what `customer(i)` puts together, for a writer that ships the values elsewhere.
   */
  fields: readonly ReportField[];
}

/** A key of the report's customers and its value for customer `i`. */
export type ReportField = readonly [key: string, value: (i: number) => unknown];

const skippedEntry = (s: SkippedRow): Report['input']['skipped'][number] => ({
  sheet: s.sheet,
  row: s.row,
  column: s.column,
  reason: s.reason,
});

/**
 * The parts of the JSON report ({@link buildReport} puts them together): a writer that streams the report
 * builds and writes one customer at a time, so a 100,000-customer report never holds every customer's
 * object at once.
 *
 * @example
 * const { head, count, customer } = reportParts(result);
 * customer(0); // { id: 'C001', name: 'Ann', rep: 'Kim', revenue: 1200, … }
 */
export function reportParts(result: AnalysisResult): ReportParts {
  const span = result.window;
  const run = runViewOf(result);
  const method = {} as Report['method'];
  const top: Record<string, unknown> = {};
  const { ids, names, reps, count } = result.roster;
  const fields: ReportField[] = [
    ['id', (i) => ids[i]!],
    ['name', (i) => names[i] ?? null],
    ['rep', (i) => reps[i] ?? null],
  ];
  for (const m of methods as readonly AnyMethod[]) {
    const out: unknown = run.output(m);
    Object.assign(method, m.report?.method?.(out, run));
    Object.assign(top, m.report?.top?.(out, run));
    fields.push(...Object.entries(m.report?.customer?.(out, run) ?? {}));
  }
  const head: ReportHead = {
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
    ...top,
  };
  // Every customer is a copy of one object with the report's keys in order, then filled in: an object grown
  // key by key under computed names turns into a slow dictionary past a dozen keys in V8, which took about
  // three times as long to build and twice as long to write as JSON (100,000 customers of 33 keys).
  const keys = fields.map(([name]) => name);
  const template: Record<string, unknown> = Object.fromEntries(
    keys.map((key): [string, null] => [key, null]),
  );
  const values = fields.map(([, value]) => value);
  const customer = (i: number): ReportCustomer => {
    const entry = { ...template } as ReportCustomer;
    for (let k = 0; k < keys.length; k++) entry[keys[k]!] = values[k]!(i);
    return entry;
  };
  return { head, count, customer, fields };
}
