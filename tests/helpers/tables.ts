/**
 * The one shared fixture and assertion helper for engine tests: turns row arrays into the
 * {@link LoadedTable}s a host would hand over, maps them the way the add-in does, and runs `analyze`.
 */
import { analyze, type AnalysisResult, type TableInput } from '../../src/engine/analyze';
import type { CallHistory } from '../../src/engine/calls/Call';
import { dayFromIso, isoFromDay } from '../../src/engine/dayNumbers';
import { resolveSettings } from '../../src/engine/defaultSettings';
import { AnalysisError, type AnalysisErrorCode } from '../../src/engine/errors';
import { mapHeaders } from '../../src/engine/mapHeaders';
import type {
  AnalysisSettings,
  ColumnMapping,
  CustomerResult,
  LoadedTable,
  RawCell,
} from '../../src/engine/types';

/** A table written as rows, the way a test reads best. */
export interface RowTable {
  headers: string[];
  rows: RawCell[][];
  /** Sheet name; defaults to `Sales`, `Customers` or `Visits` by role. */
  sheet?: string;
  /** 1-based sheet row of the header row; default 1 (data from row 2). */
  headerRow?: number;
  tableName?: string | null;
  /** Explicit column mapping; default {@link mapHeaders} of the headers. */
  mapping?: ColumnMapping;
}

/** An analysis written as row tables plus partial settings. */
export interface Scenario {
  sales: RowTable;
  customers?: RowTable;
  visits?: RowTable;
  /** The care rules table (issue 16). */
  careRules?: RowTable;
  /** What earlier Calls sheets said (issue 16). */
  callHistory?: CallHistory;
  settings?: Partial<AnalysisSettings>;
  date1904?: boolean;
}

/**
 * A {@link LoadedTable} from rows: columns are transposed to the column-major form hosts produce; short
 * rows are padded with null.
 */
export function loadedTable(table: RowTable, defaultSheet = 'Sales'): LoadedTable {
  const columns: RawCell[][] = table.headers.map((_, c) => table.rows.map((row) => row[c] ?? null));
  return {
    sheet: table.sheet ?? defaultSheet,
    tableName: table.tableName ?? null,
    headerRow: table.headerRow ?? 1,
    firstColumn: 1,
    headers: table.headers,
    rowCount: table.rows.length,
    columns,
  };
}

/** A table with its mapping, as `analyze` takes it. */
export function tableInput(table: RowTable, defaultSheet = 'Sales'): TableInput {
  return { table: loadedTable(table, defaultSheet), mapping: table.mapping ?? mapHeaders(table.headers) };
}

/** Complete settings: defaults overlaid with a test's choices (validated like the add-in does). */
export function settingsWith(partial: Partial<AnalysisSettings> = {}): AnalysisSettings {
  return resolveSettings(partial);
}

/** Runs `analyze` over a scenario. */
export function analyzeScenario(scenario: Scenario): AnalysisResult {
  return analyze({
    sales: tableInput(scenario.sales, 'Sales'),
    customers: scenario.customers === undefined ? null : tableInput(scenario.customers, 'Customers'),
    visits: scenario.visits === undefined ? null : tableInput(scenario.visits, 'Visits'),
    careRules: scenario.careRules === undefined ? null : tableInput(scenario.careRules, 'Care rules'),
    callHistory: scenario.callHistory ?? null,
    date1904: scenario.date1904 ?? false,
    settings: settingsWith(scenario.settings),
  });
}

/** Headers of the plain three-column sales table used by most tests. */
export const basicSalesHeaders = ['Customer ID', 'Date', 'Amount'];

/** A sales table of `[customer, date, amount]` rows under {@link basicSalesHeaders}. */
export function basicSales(rows: RawCell[][], extra: Partial<RowTable> = {}): RowTable {
  return { headers: basicSalesHeaders, rows, ...extra };
}

/** Runs `analyze` over `[customer, date, amount]` rows with optional settings. */
export function analyzeSales(rows: RawCell[][], settings: Partial<AnalysisSettings> = {}): AnalysisResult {
  return analyzeScenario({ sales: basicSales(rows), settings });
}

/** Day number of an ISO date; throws on a typo in a test. */
export function day(iso: string): number {
  const value = dayFromIso(iso);
  if (value === null) throw new Error(`Not a date in a test: ${iso}`);
  return value;
}

/** ISO text of a day number, or null. */
export function iso(dayNumber: number | null): string | null {
  return dayNumber === null ? null : isoFromDay(dayNumber);
}

/** The result for one customer id; throws when the customer is missing. */
export function customerOf(result: AnalysisResult, id: string): CustomerResult {
  const found = result.customers.find((c) => c.id === id);
  if (found === undefined)
    throw new Error(`Customer ${id} is not in the result (${result.customers.map((c) => c.id).join(', ')})`);
  return found;
}

/** One field of every customer, keyed by id: compact expectations for table-driven tests. */
export function fieldById<K extends keyof CustomerResult>(
  result: AnalysisResult,
  key: K,
): Record<string, CustomerResult[K]> {
  return Object.fromEntries(result.customers.map((c) => [c.id, c[key]]));
}

/** Runs `action` and returns the {@link AnalysisError} it throws; fails when it throws nothing else. */
export function analysisErrorOf(action: () => unknown): AnalysisError {
  try {
    action();
  } catch (error) {
    if (error instanceof AnalysisError) return error;
    throw error;
  }
  throw new Error('Expected an AnalysisError, but nothing was thrown.');
}

/** Asserts that `action` throws an {@link AnalysisError} with `code`, and returns its message. */
export function expectAnalysisError(action: () => unknown, code: AnalysisErrorCode): string {
  const error = analysisErrorOf(action);
  expect(error.code).toBe(code);
  return error.message;
}

/** A deterministic pseudo-random generator (Park–Miller), for shuffles and generated fixtures. */
export function seededRandom(seed: number): () => number {
  let state = seed % 2_147_483_647;
  if (state <= 0) state += 2_147_483_646;
  return () => {
    state = (state * 48_271) % 2_147_483_647;
    return (state - 1) / 2_147_483_646;
  };
}

/** A shuffled copy (Fisher–Yates with {@link seededRandom}). */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** Counts of each value in a list, e.g. tiers → how many customers per tier. */
export function countBy<T extends string | number>(values: readonly (T | null)[]): Map<T | null, number> {
  const counts = new Map<T | null, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/**
 * Parses CSV text (RFC 4180: quoted fields, doubled quotes, commas and newlines inside quotes) into rows
 * of text; blank cells become null so they read like empty worksheet cells.
 */
export function parseCsvRows(text: string): (string | null)[][] {
  const rows: (string | null)[][] = [];
  let row: (string | null)[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = (): void => {
    row.push(field === '' ? null : field);
    field = '';
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
      i++;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\n' || ch === '\r') {
      endField();
      rows.push(row);
      row = [];
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else field += ch;
    i++;
  }
  if (field !== '' || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}
