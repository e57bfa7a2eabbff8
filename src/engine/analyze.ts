import { assessChurnColumns } from './assessChurn';
import { assignAbc } from './assignAbc';
import { assignPyramidTiers } from './assignPyramidTiers';
import { assignSvcdColumns, type SvcdThresholds } from './assignSvcd';
import { customerResultsOf, type CustomerResultColumns } from './customerResultColumns';
import { AnalysisError } from './errors';
import { parseCustomerTable, type ParsedCustomerTable } from './parseCustomerTable';
import { parseSales, type ProfitSource } from './parseSales';
import { parseVisits } from './parseVisits';
import { identityPositions } from './orderByNumber';
import { orderByText } from './orderByText';
import { visitPlanFor } from './planVisits';
import { resolveWindow } from './resolveWindow';
import { rfmSegmentTable, validateRfmRules } from './rfmRules';
import { scoreRfmColumns } from './scoreRfm';
import type {
  AnalysisSettings,
  AnalysisWindow,
  ColumnMapping,
  CustomerResult,
  DataNote,
  FieldKey,
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
  date1904: boolean;
  settings: AnalysisSettings;
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

function requireColumns(input: TableInput, fields: FieldKey[][], what: string): void {
  for (const alternatives of fields) {
    if (alternatives.every((field) => input.mapping[field] === undefined)) {
      const names = alternatives.join(' or ');
      const headers = input.table.headers
        .filter((h) => h.trim() !== '')
        .map((h) => `"${h.trim()}"`)
        .join(', ');
      throw new AnalysisError(
        'MISSING_COLUMN',
        `The ${what} on sheet "${input.table.sheet}" has no ${names} column. Headers found: ${headers}. Map one in the settings.`,
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
  const { settings } = input;
  validateRfmRules(settings.rfmRules);
  requireColumns(input.sales, [['customerId'], ['date']], 'sales table');
  if (input.sales.mapping.amount === undefined)
    requireColumns(input.sales, [['amount', 'quantity'], ['unitPrice']], 'sales table');
  const options = { date1904: input.date1904, dateOrder: settings.dateOrder };
  let sales = parseSales(input.sales.table, input.sales.mapping, options);
  if (sales.count === 0) {
    const first = sales.skipped[0];
    const why =
      first === undefined
        ? 'it has no data rows'
        : `every row was skipped (first: row ${first.row}, ${first.reason})`;
    throw new AnalysisError(
      'NO_USABLE_ROWS',
      `The sales table on sheet "${input.sales.table.sheet}" has no usable row: ${why}.`,
    );
  }
  const { asOf, window: span } = resolveWindow(sales.minDay, sales.maxDay, settings);
  // One pass when the window holds every sale (the default); a narrower one adds the rows up again.
  if (asOf < sales.maxDay || span.start > sales.minDay) {
    sales = parseSales(input.sales.table, input.sales.mapping, options, { asOf, start: span.start });
  }
  const totals = sales.totals;
  const table: ParsedCustomerTable | null =
    input.customers === null ? null : parseCustomerTable(input.customers.table, input.customers.mapping);
  const visits =
    input.visits === null ? null : parseVisits(input.visits.table, input.visits.mapping, options);

  // Customers: the customers table's, then sales ids seen up to the as-of date, by id.
  const tableIds = table === null ? [] : table.ids;
  const listed = table === null ? null : new Set(tableIds);
  const salesOnly: number[] = [];
  sales.customerIds.forEach((id, s) => {
    if (totals.seenUpToAsOf[s] === 1 && listed?.has(id) !== true) salesOnly.push(s);
  });
  const count = tableIds.length + salesOnly.length;
  const ids = new Array<string>(count);
  /** The customer's index in the parsed sales, −1 for a customer with no sales row. */
  const salesOf = new Int32Array(count);
  tableIds.forEach((id, i) => {
    ids[i] = id;
    salesOf[i] = sales.customerIndexOf(id) ?? -1;
  });
  // The parsed sales number their customers in id order already.
  salesOnly.forEach((s, j) => {
    ids[tableIds.length + j] = sales.customerIds[s]!;
    salesOf[tableIds.length + j] = s;
  });
  // Ascending id order, which breaks ties in the rankings (the customers are in it unless a table leads).
  const byId = table === null ? identityPositions(count) : orderByText(ids);

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

  // Per-customer measures as columns (−1 or NaN where a value does not apply), gathered from the totals.
  const hasProfit = sales.profitSource !== null;
  const revenue = new Float64Array(count);
  const profit = new Float64Array(count);
  const orders = new Int32Array(count);
  const purchaseDays = new Int32Array(count);
  const firstPurchase = new Int32Array(count).fill(-1);
  const lastPurchase = new Int32Array(count).fill(-1);
  const recencyDays = new Float64Array(count).fill(Number.NaN);
  const frequencyPerMonth = new Float64Array(count);
  const amountPerOrder = new Float64Array(count).fill(Number.NaN);
  const pyramidValues = new Float64Array(count).fill(Number.NaN);
  const lastContact = new Float64Array(count).fill(Number.NaN);
  for (let i = 0; i < count; i++) {
    const s = salesOf[i]!;
    const visit = visits === null ? undefined : lastVisit.get(ids[i]!);
    if (visit !== undefined) lastContact[i] = visit;
    if (s < 0) continue;
    revenue[i] = totals.revenue[s]!;
    profit[i] = totals.profit[s]!;
    orders[i] = totals.orders[s]!;
    purchaseDays[i] = totals.purchaseDays[s]!;
    firstPurchase[i] = totals.firstPurchase[s]!;
    const last = totals.lastPurchase[s]!;
    lastPurchase[i] = last;
    if (last >= 0) recencyDays[i] = asOf - last;
    frequencyPerMonth[i] = orders[i]! / span.months;
    if (orders[i]! > 0) amountPerOrder[i] = revenue[i]! / orders[i]!;
    if (totals.hasSalesInWindow[s] === 1) pyramidValues[i] = hasProfit ? profit[i]! : revenue[i]!;
    const lastEver = totals.lastPurchaseEver[s]!;
    if (visit === undefined && lastEver >= 0) lastContact[i] = lastEver;
  }

  const svcd = assignSvcdColumns(amountPerOrder, frequencyPerMonth, {
    amount: settings.svcdAmountThreshold,
    frequency: settings.svcdFrequencyThreshold,
  });
  const abc = assignAbc(ids, revenue, settings.abcCut, byId);
  const tiers = assignPyramidTiers(ids, pyramidValues, settings.pyramidCuts, byId);
  const rfm = scoreRfmColumns(recencyDays, orders, revenue);
  // One scores object per combination, shared by the customers that have it (results are read-only).
  const rfmScores = rfmSegmentTable(settings.rfmRules).map((segment, code) =>
    segment === null ? null : { r: Math.floor(code / 36), f: Math.floor(code / 6) % 6, m: code % 6, segment },
  );
  const churn = assessChurnColumns(
    { orders, firstPurchase, lastPurchase, purchaseDays, recencyDays },
    span.end - span.start + 1,
  );

  // The results stay columns; the per-customer objects are built when first read (customerResultColumns).
  const visitIntervalDays = new Float64Array(count);
  const visitsPerMonth = new Float64Array(count);
  const nextVisitDue = new Float64Array(count);
  const overdue = new Uint8Array(count);
  const rfmCodes = new Int16Array(count);
  const names = new Array<string | null>(count);
  const reps = new Array<string | null>(count);
  const hasSalesInWindow = new Uint8Array(count);
  const lifetimeValue = new Float64Array(count);
  const visitsInWindowColumn = new Int32Array(count);
  const abcClasses = abc;
  for (let i = 0; i < count; i++) {
    const s = salesOf[i]!;
    const contact = lastContact[i]!;
    const plan = visitPlanFor(
      svcd.segments[i] ?? null,
      abcClasses[i] ?? 'C',
      Number.isNaN(contact) ? null : contact,
      settings.visitsFrom,
      asOf,
    );
    visitIntervalDays[i] = plan.intervalDays;
    visitsPerMonth[i] = plan.perMonth;
    nextVisitDue[i] = plan.nextVisitDue;
    overdue[i] = plan.overdue ? 1 : 0;
    const r = rfm.r[i]!;
    rfmCodes[i] = r === 0 ? -1 : r * 36 + rfm.f[i]! * 6 + rfm.m[i]!;
    if (s >= 0) {
      hasSalesInWindow[i] = totals.hasSalesInWindow[s]!;
      lifetimeValue[i] = totals.lifetimeValue[s]!;
    }
  }
  for (let i = 0; i < count; i++) {
    const s = salesOf[i]!;
    const repIndex = s >= 0 ? totals.latestRep[s]! : -1;
    if (table === null) {
      names[i] = s >= 0 ? (sales.customerNames[s] ?? null) : null;
      reps[i] = repIndex >= 0 ? (sales.reps[repIndex] ?? null) : null;
    } else {
      const id = ids[i]!;
      names[i] = table.names.get(id) ?? (s >= 0 ? (sales.customerNames[s] ?? null) : null);
      reps[i] = table.reps.get(id) ?? (repIndex >= 0 ? (sales.reps[repIndex] ?? null) : null);
    }
  }
  if (visits !== null)
    for (let i = 0; i < count; i++) visitsInWindowColumn[i] = visitsInWindow.get(ids[i]!) ?? 0;
  const perCustomer: CustomerResultColumns = {
    count,
    ids,
    names,
    reps,
    listed: tableIds.length,
    hasSalesInWindow,
    revenue,
    profit: hasProfit ? profit : null,
    orders,
    purchaseDays,
    firstPurchase,
    lastPurchase,
    recencyDays,
    frequencyPerMonth,
    amountPerOrder,
    svcd: svcd.segments,
    abc: abcClasses,
    pyramidTier: tiers,
    pyramidValue: pyramidValues,
    visitIntervalDays,
    visitsPerMonth,
    lastContact,
    nextVisitDue,
    overdue,
    rfm: rfmCodes,
    rfmResults: rfmScores,
    churnRisk: churn.risks,
    lifetimeValue,
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
    });
  }
  if (churn.medianGap === null && churn.risks.some((risk) => risk !== null)) {
    notes.push({
      sheet: null,
      row: null,
      column: null,
      message:
        'No customer bought on two different days, so there is no purchase rhythm to compare with: churn risk uses the whole window as the expected gap.',
    });
  }

  const result: Omit<AnalysisResult, 'customers'> = {
    settings,
    asOf,
    window: span,
    perCustomer,
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
    svcdThresholds: svcd.thresholds,
    churn: { medianGap: churn.medianGap, fallbackGap: churn.fallbackGap },
    hasVisitsLog: visits !== null,
  };
  return withCustomerObjects(result);
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
