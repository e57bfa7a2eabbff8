import { aggregateCustomers } from './aggregateCustomers';
import { assessChurn } from './assessChurn';
import { assignAbc } from './assignAbc';
import { assignPyramidTiers } from './assignPyramidTiers';
import { assignSvcd, type SvcdThresholds } from './assignSvcd';
import { AnalysisError } from './errors';
import { parseCustomerTable, type ParsedCustomerTable } from './parseCustomerTable';
import { parseSales, type ProfitSource } from './parseSales';
import { parseVisits } from './parseVisits';
import { planVisits } from './planVisits';
import { resolveWindow } from './resolveWindow';
import { rfmSegmentFor, validateRfmRules } from './rfmRules';
import { scoreRfm } from './scoreRfm';
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
  /** Customers-table customers in table order, then sales-only customers by id. */
  customers: CustomerResult[];
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
  const sales = parseSales(input.sales.table, input.sales.mapping, options);
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
  const totals = aggregateCustomers(sales, asOf, span);
  const table: ParsedCustomerTable | null =
    input.customers === null ? null : parseCustomerTable(input.customers.table, input.customers.mapping);
  const visits =
    input.visits === null ? null : parseVisits(input.visits.table, input.visits.mapping, options);

  // Customers: the customers table's, then sales ids seen up to the as-of date, by id.
  const order: string[] = table === null ? [] : [...table.ids];
  const listed = new Set(order);
  const salesOnly: string[] = [];
  sales.customerIds.forEach((id, index) => {
    if (totals.seenUpToAsOf[index] === 1 && !listed.has(id)) salesOnly.push(id);
  });
  // The default sort compares UTF-16 code units (the order of compareIds) without a JS comparator.
  salesOnly.sort();
  for (const id of salesOnly) order.push(id);

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
  const base = order.map((id) => {
    const s = sales.customerIndex.get(id);
    const has = s !== undefined;
    const orders = has ? totals.orders[s]! : 0;
    const first = has ? totals.firstPurchase[s]! : -1;
    const last = has ? totals.lastPurchase[s]! : -1;
    const revenue = has ? totals.revenue[s]! : 0;
    const inWindow = has && totals.hasSalesInWindow[s] === 1;
    const lastEver = has ? totals.lastPurchaseEver[s]! : -1;
    const visit = lastVisit.get(id);
    const repIndex = has ? totals.latestRep[s]! : -1;
    return {
      id,
      name: table?.names.get(id) ?? (has ? (sales.customerNames[s] ?? null) : null),
      rep: table?.reps.get(id) ?? (repIndex >= 0 ? (sales.reps[repIndex] ?? null) : null),
      inCustomersTable: table !== null && listed.has(id),
      hasSalesInWindow: inWindow,
      revenue,
      profit: hasProfit ? (has ? totals.profit[s]! : 0) : null,
      orders,
      purchaseDays: has ? totals.purchaseDays[s]! : 0,
      firstPurchase: first >= 0 ? first : null,
      lastPurchase: last >= 0 ? last : null,
      recencyDays: last >= 0 ? asOf - last : null,
      frequencyPerMonth: orders / span.months,
      amountPerOrder: orders > 0 ? revenue / orders : null,
      lastContact: visit ?? (lastEver >= 0 ? lastEver : null),
      lifetimeValue: has ? totals.lifetimeValue[s]! : 0,
      visitsInWindow: visitsInWindow.get(id) ?? 0,
    };
  });

  const ids = base.map((c) => c.id);
  const svcd = assignSvcd(base, {
    amount: settings.svcdAmountThreshold,
    frequency: settings.svcdFrequencyThreshold,
  });
  const abc = assignAbc(
    ids,
    base.map((c) => c.revenue),
    settings.abcCut,
  );
  const pyramidValues = base.map((c) => (c.hasSalesInWindow ? (hasProfit ? c.profit! : c.revenue) : null));
  const tiers = assignPyramidTiers(ids, pyramidValues, settings.pyramidCuts);
  const visitPlans = planVisits(
    base.map((c, i) => ({ svcd: svcd.segments[i] ?? null, abc: abc[i] ?? 'C', lastContact: c.lastContact })),
    settings.visitsFrom,
    asOf,
  );
  const rfm = scoreRfm(base);
  const churn = assessChurn(base, span.end - span.start + 1);

  // Listed field by field (no object spread): spread copies of 100k objects fall off V8's fast paths.
  const customers: CustomerResult[] = base.map((c, i) => {
    const scores = rfm[i] ?? null;
    const plan = visitPlans[i]!;
    return {
      id: c.id,
      name: c.name,
      rep: c.rep,
      inCustomersTable: c.inCustomersTable,
      hasSalesInWindow: c.hasSalesInWindow,
      revenue: c.revenue,
      profit: c.profit,
      orders: c.orders,
      purchaseDays: c.purchaseDays,
      firstPurchase: c.firstPurchase,
      lastPurchase: c.lastPurchase,
      recencyDays: c.recencyDays,
      frequencyPerMonth: c.frequencyPerMonth,
      amountPerOrder: c.amountPerOrder,
      svcd: svcd.segments[i] ?? null,
      abc: abc[i] ?? 'C',
      pyramidTier: tiers[i] ?? null,
      pyramidValue: pyramidValues[i] ?? null,
      visitIntervalDays: plan.intervalDays,
      visitsPerMonth: plan.perMonth,
      lastContact: c.lastContact,
      nextVisitDue: plan.nextVisitDue,
      overdue: plan.overdue,
      rfm:
        scores === null
          ? null
          : {
              r: scores.r,
              f: scores.f,
              m: scores.m,
              segment: rfmSegmentFor(settings.rfmRules, scores.r, scores.f, scores.m) ?? 'Hibernating',
            },
      churnRisk: churn.risks[i] ?? null,
      lifetimeValue: c.lifetimeValue,
      visitsInWindow: c.visitsInWindow,
    };
  });

  let customersTableRows: (number | null)[] | null = null;
  if (table !== null) {
    const position = new Map(order.map((id, index) => [id, index]));
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
  if (churn.medianGap === null && customers.some((c) => c.churnRisk !== null)) {
    notes.push({
      sheet: null,
      row: null,
      column: null,
      message:
        'No customer bought on two different days, so there is no purchase rhythm to compare with: churn risk uses the whole window as the expected gap.',
    });
  }

  return {
    settings,
    asOf,
    window: span,
    customers,
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
}
