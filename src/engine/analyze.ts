import type { RunHistory } from './movement/runHistory';
import type { SvcdThresholds } from './assignSvcd';
import type { CallHistory } from './calls/Call';
import { gatherMeasures } from './customerMeasures';
import { listCustomers } from './listCustomers';
import { namesAndReps } from './namesAndReps';
import { rowsOfRoster } from './rowsOfRoster';
import { customerResultsOf, type CustomerResultColumns } from './customerResultColumns';
import { AnalysisError } from './errors';
import { parseCustomerTable, type ParsedCustomerTable } from './parseCustomerTable';
import {
  readSales,
  type ParseOptions,
  type ParsedSales,
  type ProfitSource,
  type ReadSales,
  type SalesRows,
} from './parseSales';
import { parseVisits } from './parseVisits';
import type { CustomerRoster, EarlierCategories, RunTables } from './methods/Method';
import { Rankings } from './methods/Rankings';
import { categoryMethods, type MethodOutputs } from './methods/registry';
import { methodSteps, runMethods, validateMethodSettings } from './methods/runMethods';
import type { AnalysisSteps } from './AnalysisStep';
import { runSteps } from './runSteps';
import { isoFromDay } from './dayNumbers';
import { resolveWindow } from './resolveWindow';
import { addUpSales, salesAt } from './salesAt';
import { valueModelJob } from './methods/valueModelMethod';
import type { ValueModelJob } from './valueModel/runValueModel';
import type {
  AnalysisSettings,
  AnalysisWindow,
  ColumnMapping,
  CustomerResult,
  DataNote,
  FieldKey,
  Language,
  LoadedTable,
  SkippedRow,
} from './types';

/** A table with its columns read and mapped. */
export interface TableInput {
  table: LoadedTable;
  mapping: ColumnMapping;
}

/** Everything {@link analyze} needs: the tables, the workbook's date system and complete settings. */
export interface AnalysisInput {
  sales: TableInput;
  customers: TableInput | null;
  visits: TableInput | null;
  /** The care rules table (issue 16); absent or null when the workbook has none. */
  careRules?: TableInput | null;
  /**
   * What earlier Calls sheets said, read back by the host (`CallHistory`): contacts count as the customers'
   * last contact, calls not done yet are listed again. Absent or null when there is none.
   */
  callHistory?: CallHistory | null;
  date1904: boolean;
  settings: AnalysisSettings;
  /**
   * True for the analysis a comparison runs at another date ({@link MethodInput.analyzeAt}): methods whose
   * results a comparison never reads (the value model's fits) skip their work.
   */
  comparison?: boolean;
  /**
   * False when the host reads no call list (the command line's JSON report without `--calls`): the calls
   * method then lists no call (`outputs.calls.list` empty, `nextCall` all NaN) but still reads the care
   * tables for their notes and rule count. Absent or true: the list is made.
   */
  callList?: boolean;
  /**
   * The tiers, segments and classes of earlier runs that the workbook's run record holds (see
   * `runHistory`): movement compares with the latest one before the as-of date. Null or absent: none.
   */
  history?: RunHistory | null;
}

/** Counts of input rows and the rows that were not used. */
export interface InputSummary {
  salesSheet: string;
  /** Data rows in the sales table. */
  salesRows: number;
  /** Rows with a readable customer, date and amount inside the window */
  usedRows: number;
  skippedCount: number;
  skipped: SkippedRow[];
  /** Readable rows dated after the as-of date (ignored). */
  afterAsOfRows: number;
  /** Readable rows dated before the window (they count only towards lifetime value). */
  beforeWindowRows: number;
  customersSheet: string | null;
  customersRows: number;
  visitsSheet: string | null;
  visitsRows: number;
  visitsUsed: number;
  visitsSkipped: SkippedRow[];
}

/** The result of one analysis: every customer, the window, the thresholds used and the input report. */
export interface AnalysisResult {
  settings: AnalysisSettings;
  asOf: number;
  window: AnalysisWindow;
  /**
   * Customers-table customers in table order, then sales-only customers by id. Built from `perCustomer` on
   * first read.
   */
  readonly customers: CustomerResult[];
  /** The same results as columns, as the engine computes them. */
  perCustomer: CustomerResultColumns;
  /** The customers, in result order: row i of every per-customer output. */
  roster: CustomerRoster;
  /** Each method's output, by method id (`methods/registry.ts`). */
  outputs: MethodOutputs;
  /** For each data row of the customers table, the index into `customers` (null for a blank id). */
  customersTableRows: (number | null)[] | null;
  input: InputSummary;
  notes: DataNote[];
  /** What the pyramid ranks by: profit (a profit or cost column exists) or revenue. */
  valueBasis: 'profit' | 'revenue';
  profitSource: ProfitSource;
  hasOrderId: boolean;
  svcdThresholds: SvcdThresholds;
  churn: { medianGap: number | null; fallbackGap: number };
  hasVisitsLog: boolean;
}

function requireColumns(input: TableInput, fields: FieldKey[][], language: Language): void {
  for (const alternatives of fields) {
    if (alternatives.every((field) => input.mapping[field] === undefined)) {
      throw AnalysisError.of(
        {
          key: 'missingColumn',
          sheet: input.table.sheet,
          fields: alternatives,
          headers: input.table.headers,
        },
        language,
      );
    }
  }
}

/**
 * Runs every method over the tables: parses rows, resolves the as-of date and window, aggregates per
 * customer, and assigns SVCD segments, ABC classes, pyramid tiers, visit plans, RFM scores and segments,
 * and churn risk. Pure and deterministic: the same input and settings give the same result, whatever the
 * order of the sales rows.
 *
 * @throws AnalysisError for a missing required column (`MISSING_COLUMN`), no usable sales row
 *   (`NO_USABLE_ROWS`) or a bad setting (`BAD_SETTING`).
 */
export function analyze(input: AnalysisInput): AnalysisResult {
  return runSteps(analysisSteps(input));
}

/**
 * {@link analyze} in steps, for a driver that fits the value model elsewhere (the command line's worker
 * thread, through `driveSteps`): it yields the value model's job as soon as the sales are numbered by
 * customer (before they are added up when the job needs nothing else: see {@link earlyValueModelJob}),
 * runs the methods that do not read the value model, then awaits the value model's outcome and runs the
 * rest (`methodSteps`). Driven by `runSteps` it is `analyze`; driven otherwise it gives the same
 * result, notes and errors, as long as the value model's outcome is `runValueModel`'s on the job.
 *
 * @throws AnalysisError as {@link analyze} does, from the driver's call that reaches it.
 * @example const result = await driveSteps(analysisSteps(input), fitInWorker);
 */
export function* analysisSteps(input: AnalysisInput): AnalysisSteps<AnalysisResult> {
  const { settings } = input;
  const { language } = settings;
  validateMethodSettings(settings, language);
  requireColumns(input.sales, [['customerId'], ['date']], language);
  if (input.sales.mapping.amount === undefined)
    requireColumns(input.sales, [['amount', 'quantity'], ['unitPrice']], language);
  const options = { date1904: input.date1904, dateOrder: settings.dateOrder };
  const read = readSales(input.sales.table, input.sales.mapping, options);
  if (read.count === 0) {
    const first = read.skipped[0];
    const sheet = input.sales.table.sheet;
    throw AnalysisError.of(
      first === undefined
        ? { key: 'noDataRows', sheet }
        : { key: 'allRowsSkipped', sheet, row: first.row, reason: first.reason },
      language,
    );
  }
  const job = earlyValueModelJob(input, read);
  if (job !== null) yield { kind: 'startValueModel', job };
  // The rows are kept: the methods that read rows, a narrower window and a comparison's analyses at other
  // dates add them up again instead of reading the table again.
  const parsed = addUpSales(read, null, true);
  return yield* analyzeSalesSteps(input, parsed, options, job !== null);
}

/**
 * The value model's job straight from the read rows, when it is the one `methodSteps` would start: the
 * run's customers are then the sales' own (no customers table, and an as-of date on or after the latest
 * sale, so that every customer is seen by it) and the job needs no total. Null otherwise (the job then
 * starts with the methods).
 *
 * @throws AnalysisError for a bad as-of date or window, as the run's window would (`resolveWindow`).
 */
function earlyValueModelJob(input: AnalysisInput, read: ReadSales): ValueModelJob | null {
  if (input.customers !== null || input.comparison === true) return null;
  const { asOf } = resolveWindow(read.minDay, read.maxDay, input.settings);
  if (asOf < read.maxDay) return null;
  return valueModelJob(rowsOfRoster(read, read.customerIds), read.customerIds.length, asOf, input.settings);
}

/** What a run has before its methods run: the window, the sales added up for it, the customers, their measures. */
interface RunFrame {
  asOf: number;
  span: AnalysisWindow;
  sales: ParsedSales;
  table: ParsedCustomerTable | null;
  visits: ReturnType<typeof parseVisits> | null;
  visitsUsed: number;
  tableIds: readonly string[];
  ids: string[];
  salesOf: ReturnType<typeof listCustomers>['salesOf'];
  measures: ReturnType<typeof gatherMeasures>;
  hasProfit: boolean;
  visitsInWindow: Int32Array;
}

/**
 * The part of {@link analyzeSalesSteps} before the methods: shared with {@link categoriesAt}, which reads
 * only what the pyramid, SVCD and ABC need (`categoriesOnly`: see `salesAt`).
 */
function frameOf(
  input: AnalysisInput,
  parsed: ParsedSales,
  options: ParseOptions,
  categoriesOnly = false,
): RunFrame {
  const { settings } = input;
  const { asOf, window: span } = resolveWindow(parsed.minDay, parsed.maxDay, settings);
  // The totals of the parse serve when the window holds every sale (the default); a narrower one adds the
  // kept rows up again.
  const sales =
    asOf < parsed.maxDay || span.start > parsed.minDay
      ? salesAt(parsed, { asOf, start: span.start }, categoriesOnly)
      : parsed;
  const totals = sales.totals;
  const table: ParsedCustomerTable | null =
    input.customers === null ? null : parseCustomerTable(input.customers.table, input.customers.mapping);
  const visits =
    input.visits === null ? null : parseVisits(input.visits.table, input.visits.mapping, options);

  const tableIds = table === null ? [] : table.ids;
  const { ids, salesOf } = listCustomers(tableIds, sales);
  const count = ids.length;

  const lastVisit = new Map<string, number>();
  const visitsInWindow = new Map<string, number>();
  let visitsUsed = 0;
  if (visits !== null) {
    visits.customerIds.forEach((id, k) => {
      const day = visits.days[k]!;
      if (day > asOf) return;
      if (day > (lastVisit.get(id) ?? -1)) lastVisit.set(id, day);
      if (day >= span.start) {
        visitsUsed++;
        visitsInWindow.set(id, (visitsInWindow.get(id) ?? 0) + 1);
      }
    });
  }

  const hasProfit = sales.profitSource !== null;
  let lastVisitColumn: Float64Array | null = null;
  if (visits !== null) {
    lastVisitColumn = new Float64Array(count);
    for (let i = 0; i < count; i++) lastVisitColumn[i] = lastVisit.get(ids[i]!) ?? Number.NaN;
  }
  const visitsInWindowColumn = new Int32Array(count);
  if (visits !== null)
    for (let i = 0; i < count; i++) visitsInWindowColumn[i] = visitsInWindow.get(ids[i]!) ?? 0;
  const measures = gatherMeasures(
    totals,
    salesOf,
    asOf,
    span.months,
    hasProfit,
    lastVisitColumn,
    visitsInWindowColumn,
  );
  addCallContacts(measures.lastContact, ids, input.callHistory ?? null, asOf);
  return {
    asOf,
    span,
    sales,
    table,
    visits,
    visitsUsed,
    tableIds,
    ids,
    salesOf,
    measures,
    hasProfit,
    visitsInWindow: visitsInWindowColumn,
  };
}

/** {@link analyze} on sales parsed with their rows kept (the rest of the tables are read here), in steps. */
function* analyzeSalesSteps(
  input: AnalysisInput,
  parsed: ParsedSales,
  options: ParseOptions,
  jobStarted = false,
): AnalysisSteps<AnalysisResult> {
  const { settings } = input;
  const frame = frameOf(input, parsed, options);
  const { asOf, span, sales, table, visits, visitsUsed, tableIds, ids, salesOf, measures, hasProfit } = frame;
  const visitsInWindowColumn = frame.visitsInWindow;
  const totals = sales.totals;
  const count = ids.length;
  const { names, reps } = namesAndReps(ids, salesOf, sales, totals.latestRep, table);
  const roster: CustomerRoster = { count, ids, names, reps, listed: tableIds.length };
  // Ascending id order breaks ties in the rankings; the customers are in it unless a table leads.
  const rankings = new Rankings(ids, table === null, measures.revenue);
  let salesRows: SalesRows | null = null;
  const run = yield* methodSteps(
    {
      comparison: input.comparison === true,
      callList: input.callList !== false,
      analyzeAt: (day, windowMonths) => analyzeAt(input, parsed, options, day, windowMonths),
      categoriesAt: (day) => categoriesAt(input, parsed, options, day),
      history: input.comparison === true ? null : (input.history ?? null),
      salesRows: () => (salesRows ??= rowsOfRoster(parsed, ids)),
      settings,
      asOf,
      window: span,
      customers: roster,
      measures,
      rankings,
      hasProfit,
      visitsInWindow: visitsInWindowColumn,
      hasVisitsLog: visits !== null,
      tables: runTables(input, settings),
    },
    jobStarted,
  );
  const { outputs } = run;
  const perCustomer: CustomerResultColumns = {
    ...measures,
    count,
    ids,
    names,
    reps,
    listed: tableIds.length,
    profit: hasProfit ? measures.profit : null,
    svcd: outputs.svcd.codes,
    abc: outputs.abc.codes,
    pyramidTier: outputs.pyramid.tiers,
    visitIntervalDays: outputs.visits.intervalDays,
    visitsPerMonth: outputs.visits.perMonth,
    nextVisitDue: outputs.visits.nextVisitDue,
    overdue: outputs.visits.overdue,
    rfm: outputs.rfm.codes,
    rfmResults: outputs.rfm.results,
    churnRisk: outputs.churn.codes,
    visitsInWindow: visitsInWindowColumn,
  };

  let customersTableRows: (number | null)[] | null = null;
  if (table !== null) {
    const position = new Map(ids.map((id, index) => [id, index]));
    customersTableRows = table.rowIds.map((id) => (id === null ? null : (position.get(id) ?? null)));
  }

  const notes: DataNote[] = [...sales.notes, ...(table?.notes ?? []), ...(visits?.notes ?? [])];
  if (!hasProfit) {
    notes.push({
      sheet: input.sales.table.sheet,
      row: null,
      column: null,
      message:
        'The sales table has neither a profit nor a cost column, so the pyramid ranks customers by revenue.',
      code: 'noProfitColumn',
    });
  }
  notes.push(...run.notes);

  const result: Omit<AnalysisResult, 'customers'> = {
    settings,
    asOf,
    window: span,
    perCustomer,
    roster,
    outputs,
    customersTableRows,
    input: {
      salesSheet: input.sales.table.sheet,
      salesRows: sales.totalRows,
      usedRows: totals.usedRows,
      skippedCount: sales.skipped.length,
      skipped: sales.skipped,
      afterAsOfRows: totals.afterAsOfRows,
      beforeWindowRows: totals.beforeWindowRows,
      customersSheet: input.customers?.table.sheet ?? null,
      customersRows: input.customers?.table.rowCount ?? 0,
      visitsSheet: input.visits?.table.sheet ?? null,
      visitsRows: visits?.totalRows ?? 0,
      visitsUsed,
      visitsSkipped: visits?.skipped ?? [],
    },
    notes,
    valueBasis: hasProfit ? 'profit' : 'revenue',
    profitSource: sales.profitSource,
    hasOrderId: sales.hasOrderId,
    svcdThresholds: outputs.svcd.thresholds,
    churn: { medianGap: outputs.churn.medianGap, fallbackGap: outputs.churn.fallbackGap },
    hasVisitsLog: visits !== null,
  };
  return withCustomerObjects(result);
}

/**
 * Counts the contacts of earlier Calls sheets: a contact up to the as-of date that is later than a
 * customer's last contact (latest visit, else latest purchase) becomes its last contact.
 */
function addCallContacts(
  lastContact: Float64Array,
  ids: readonly string[],
  history: CallHistory | null,
  asOf: number,
): void {
  if (history === null || history.contacts.length === 0) return;
  const position = new Map(ids.map((id, index) => [id, index]));
  for (const { customerId, day } of history.contacts) {
    const i = position.get(customerId);
    if (i === undefined || day > asOf) continue;
    const known = lastContact[i]!;
    if (Number.isNaN(known) || day > known) lastContact[i] = day;
  }
}

/**
 * The same analysis as of `day` (over the last `windowMonths` months up to it when given, else by the
 * settings' window rule), without a comparison of its own; null when no sale is dated on or before `day`.
 */
function analyzeAt(
  input: AnalysisInput,
  parsed: ParsedSales,
  options: ParseOptions,
  day: number,
  windowMonths?: number,
): AnalysisResult | null {
  const settings: AnalysisSettings = { ...input.settings, asOf: isoFromDay(day), compareMonths: null };
  if (windowMonths !== undefined) settings.windowMonths = windowMonths;
  try {
    return runSteps(analyzeSalesSteps({ ...input, settings, comparison: true }, parsed, options));
  } catch (error) {
    if (error instanceof AnalysisError && error.reason?.key === 'asOfBeforeData') return null;
    throw error;
  }
}

/**
 * The tiers, pyramid values, SVCD segments and ABC classes of the same analysis as of `day` (by the
 * settings' window rule): what {@link analyzeAt} gives for them, with only the methods they come from run
 * (measures, SVCD, ABC, pyramid; no visits, RFM, churn, value model or calls); null when no sale is dated
 * on or before `day`.
 */
function categoriesAt(
  input: AnalysisInput,
  parsed: ParsedSales,
  options: ParseOptions,
  day: number,
): EarlierCategories | null {
  const settings: AnalysisSettings = { ...input.settings, asOf: isoFromDay(day), compareMonths: null };
  const earlier: AnalysisInput = { ...input, settings, comparison: true };
  let frame: RunFrame;
  try {
    frame = frameOf(earlier, parsed, options, true);
  } catch (error) {
    if (error instanceof AnalysisError && error.reason?.key === 'asOfBeforeData') return null;
    throw error;
  }
  const { ids, measures, table, tableIds } = frame;
  const count = ids.length;
  let salesRows: SalesRows | null = null;
  const { outputs } = runMethods(
    {
      comparison: true,
      callList: false,
      analyzeAt: (at, windowMonths) => analyzeAt(earlier, parsed, options, at, windowMonths),
      categoriesAt: (at) => categoriesAt(earlier, parsed, options, at),
      history: null,
      salesRows: () => (salesRows ??= rowsOfRoster(parsed, ids)),
      settings,
      asOf: frame.asOf,
      window: frame.span,
      // Names and reps are read by none of these methods.
      customers: { count, ids, names: [], reps: [], listed: tableIds.length },
      measures,
      rankings: new Rankings(ids, table === null, measures.revenue),
      hasProfit: frame.hasProfit,
      visitsInWindow: frame.visitsInWindow,
      hasVisitsLog: frame.visits !== null,
      tables: runTables(input, settings),
    },
    categoryMethods,
  );
  return {
    count,
    ids,
    pyramidTier: outputs.pyramid.tiers,
    pyramidValue: measures.pyramidValue,
    svcd: outputs.svcd.codes,
    abc: outputs.abc.codes,
  };
}

/**
 * The result with `customers` as an own, enumerable property that builds the objects from the columns on
 * first read and keeps them: JSON, structured clone and deep equality see an ordinary array.
 */
function withCustomerObjects(result: Omit<AnalysisResult, 'customers'>): AnalysisResult {
  let customers: CustomerResult[] | null = null;
  return Object.defineProperty(result, 'customers', {
    enumerable: true,
    configurable: true,
    get: () => (customers ??= customerResultsOf(result.perCustomer)),
  }) as AnalysisResult;
}

/** The run's tables, as the methods read them. */
function runTables(input: AnalysisInput, settings: AnalysisSettings): RunTables {
  return {
    sales: input.sales,
    customers: input.customers,
    careRules: input.careRules ?? null,
    date1904: input.date1904,
    dateOrder: settings.dateOrder,
    callHistory: input.callHistory ?? null,
  };
}
