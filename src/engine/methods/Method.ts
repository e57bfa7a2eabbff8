import type { AnalysisResult, TableInput } from '../analyze';
import type { CallHistory } from '../calls/Call';
import type { RunHistory } from '../movement/runHistory';
import type { CustomerMeasures } from '../customerMeasures';
import type { CustomerResultColumns } from '../customerResultColumns';
import type { ErrorReason } from '../errorMessage';
import type { SalesRows } from '../parseSales';
import type { NumberFormatKey, OutputValue, SheetSpec } from '../sheetSpec';
import type { AnalysisWindow, DataNote, DateOrder, Language } from '../types';
import type { Rankings } from './Rankings';

/** A text in every language of the add-in. */
export type Bilingual = Readonly<Record<Language, string>>;

/** The customers of a run, in result order: the customers table's first (`listed` of them), then sales-only. */
export interface CustomerRoster {
  count: number;
  ids: readonly string[];
  /** Names and reps by customer; shorter (to empty) when the customers past the end have none. */
  names: readonly (string | null)[];
  reps: readonly (string | null)[];
  /** The first `listed` customers come from the customers table (in its order), the rest from sales only. */
  listed: number;
}

/**
 * Each customer's pyramid tier (0 = none), pyramid value, SVCD and ABC codes as of an earlier date, by
 * customer index of that analysis (the columns of `AnalysisResult.perCustomer` of the same names).
 */
export type EarlierCategories = Pick<
  CustomerResultColumns,
  'count' | 'ids' | 'pyramidTier' | 'pyramidValue' | 'svcd' | 'abc'
>;

/** The settings every run has, whatever its methods: window, language, dates, columns, mapping. */
export interface CoreSettings {
  language: Language;
  /** As-of date (ISO `YYYY-MM-DD`); null = the latest sale date. */
  asOf: string | null;
  /** Analyse only the last N calendar months up to the as-of date; null = all data. */
  windowMonths: number | null;
}

/**
 * The tables of a run as the host read them (only their mapped columns), for a method that reads cells the
 * measures do not keep: the calls method reads birthdays and phones from the customers table, products and
 * categories from the sales and the care rules table.
 */
export interface RunTables {
  sales: TableInput;
  customers: TableInput | null;
  /** The care rules table (product or category → follow up after N days, note); null when none. */
  careRules: TableInput | null;
  date1904: boolean;
  dateOrder: DateOrder;
  /** What earlier Calls sheets said (contacts, calls not done yet); null when there were none. */
  callHistory: CallHistory | null;
}

/** What a method's `compute` reads: the run, its own settings, the measures, shared rankings, earlier outputs. */
export interface MethodInput<S extends object = object> {
  /** The method's own settings (complete and checked) and the core ones. */
  settings: Readonly<S & CoreSettings>;
  /**
   * True when this run is the earlier analysis of a comparison (`analyzeAt`): only tiers, segments,
   * classes and measures are read from it, so a costly method may return an empty result.
   */
  comparison: boolean;
  /** False when the host reads no call list (`AnalysisInput.callList`): the calls method lists no call. */
  callList: boolean;
  asOf: number;
  window: AnalysisWindow;
  customers: CustomerRoster;
  /** Per-customer measures (typed arrays by customer index; read-only). */
  measures: CustomerMeasures;
  /** Rankings computed once, on first use, and shared by the methods. */
  rankings: Rankings;
  /** The sales have a profit or a cost column (else profit is all zero). */
  hasProfit: boolean;
  /** Visits logged per customer in the window (all zero without a visits log). */
  visitsInWindow: Int32Array;
  hasVisitsLog: boolean;
  /**
   * Every usable sales row, any date (filter by `asOf` and `window` yourself): `customer` is the customer
   * index (−1 for a customer not in the results, e.g. one that bought only after the as-of date); `profit`
   * per row when the sales have profit or cost. Kept by the one parse of the run, numbered for the
   * results on the first call.
   */
  salesRows(): SalesRows;
  /**
   * The same analysis — same tables and settings — as of another day (over the last `windowMonths` months
   * up to it when given, else by the run's window rule), with `compareMonths` null so it compares with
   * nothing itself; null when no sale is dated on or before that day. For methods that compare dates. The
   * sales are not read again: the run's kept rows are added up for that date (`salesAt`), but every method
   * runs again, so a per-customer sum over a period is cheaper straight from {@link salesRows}.
   */
  analyzeAt(asOf: number, windowMonths?: number): AnalysisResult | null;
  /**
   * The tiers, pyramid values, SVCD segments and ABC classes of {@link analyzeAt}`(asOf)`, with only the
   * methods they come from run (measures, SVCD, ABC, pyramid): what a comparison reads of an earlier date,
   * at a fraction of a whole analysis; null when no sale is dated on or before that day.
   */
  categoriesAt(asOf: number): EarlierCategories | null;
  /**
   * The categories of earlier runs saved in the workbook (`AnalysisInput.history`); null when there are
   * none, and in the earlier analysis of a comparison.
   */
  history: RunHistory | null;
  /** The output of a method listed in `needs` (it ran before this one). */
  output<M extends AnyMethod>(method: M): OutputOf<M>;
  /** Adds a note to the Data issues sheet and the report. */
  note(note: DataNote): void;
  /** The run's tables and the call history (see {@link RunTables}). */
  tables: RunTables;
}

/** What a column's or report field's writer reads besides the method's own output. */
export interface RunView {
  asOf: number;
  window: AnalysisWindow;
  customers: CustomerRoster;
  measures: CustomerMeasures;
  /** What the pyramid ranks by: profit (a profit or cost column exists) or revenue. */
  valueBasis: 'profit' | 'revenue';
  /** The output of another method of the run. */
  output<M extends AnyMethod>(method: M): OutputOf<M>;
}

/** One per-customer column a method produces. */
export interface CustomerColumn<Out, K extends string = string> {
  /** Stable key (settings, markers in workbooks); unique across the registry. */
  key: K;
  header: Bilingual;
  /** One sentence on what the value means (the settings pane, docs). */
  explanation: Bilingual;
  format: NumberFormatKey;
  /**
   * `result` columns (a segment, a plan) come first, `explanation` columns (measures and scores that show
   * why) after them; each group in registry order.
   */
  group: 'result' | 'explanation';
  /** In the default column set (default true). Opt-in columns say false. */
  byDefault?: boolean;
  /** Left out when the sales have neither a profit nor a cost column. */
  profitOnly?: boolean;
  /**
   * Written only when this says so for the method's output (a method that can be switched off, e.g.
   * movement without a comparison); always when absent.
   */
  when?(out: Out): boolean;
  /**
   * Makes the cell writer for one run: called once per column (look labels up per code here), the
   * returned function once per customer index. Null = empty cell.
   */
  cells(out: Out, run: RunView, language: Language): (i: number) => OutputValue;
}

/** A summary sheet a method contributes. */
export interface SummarySheet {
  key: string;
  /** Position among the tabs: lower first (Pyramid 10, SVCD 20, ABC 30, RFM 40, Visit plan 50, Data issues 90). */
  tab: number;
  /** Built only when this says so (a method that can be switched off); always when absent. */
  when?(result: AnalysisResult): boolean;
  build(result: AnalysisResult): SheetSpec;
}

/** A method's settings: their defaults and their check. */
export interface MethodSettings<S extends object> {
  /** Fresh defaults (new arrays each call). */
  defaults(): S;
  /** Checks untyped values (settings come back as JSON); calls `bad` with the reason for the first bad one. */
  validate?(settings: Readonly<S & CoreSettings>, bad: (reason: ErrorReason) => never): void;
}

/** What a method adds to the JSON report (keys are always English). */
export interface MethodReport<Out> {
  /**
   * Per-customer fields: called once per run; each returned function gives the field's value for customer
   * i (full precision, null where it does not apply, dates as ISO text).
   */
  customer?(out: Out, run: RunView): Readonly<Record<string, (i: number) => unknown>>;
  /** Fields of the report's `method` object (thresholds, cut-offs used). */
  method?(out: Out, run: RunView): Readonly<Record<string, unknown>>;
  /** Top-level keys of the report (e.g. `valueModel`); must not clash with the base keys. */
  top?(out: Out, run: RunView): Readonly<Record<string, unknown>>;
}

/**
 * A method: one module that declares what it needs, its settings, how it computes its per-customer values,
 * their columns (headers, explanations, formats), its JSON report fields and its summary sheets. The
 * registry (`methods`) lists them in run order.
 *
 * @typeParam Id The key of its output in `AnalysisResult.outputs`.
 * @typeParam Out Its output: per-customer typed arrays (by customer index) and run-level figures.
 * @typeParam S Its settings (flat keys of `AnalysisSettings`).
 * @typeParam K Its column keys.
 */
export interface Method<Id extends string, Out, S extends object = object, K extends string = string> {
  id: Id;
  /** Methods whose outputs `compute` reads; they must come earlier in the registry. */
  needs?: readonly AnyMethod[];
  settings?: MethodSettings<S>;
  compute(input: MethodInput<S>): Out;
  columns: readonly CustomerColumn<Out, K>[];
  report?: MethodReport<Out>;
  sheets?: readonly SummarySheet[];
}

/** Any method, whatever its types (for lists and `needs`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyMethod = Method<string, any, any>;

/** The output type of a method. */
export type OutputOf<M> = M extends { compute(input: never): infer Out } ? Out : never;
/** The settings type of a method. */
export type SettingsOf<M> = M extends { settings?: MethodSettings<infer S> } ? S : never;
/** The column keys of a method. */
export type ColumnKeyOf<M> = M extends { columns: readonly CustomerColumn<never, infer K>[] } ? K : never;

/**
 * Declares a method with its types inferred (the id and column keys as literals).
 *
 * @example
 * export const orderCountMethod = defineMethod({
 *   id: 'orderCount',
 *   compute: (input: MethodInput): Int32Array => input.measures.orders,
 *   columns: [{ key: 'orderCount', header: { en: 'Orders', 'zh-CN': '订单数' }, explanation: …,
 *     format: 'integer', group: 'explanation', byDefault: false, cells: (orders) => (i) => orders[i]! }],
 * });
 */
export function defineMethod<
  const Id extends string,
  Out,
  S extends object = object,
  const K extends string = never,
>(method: Method<Id, Out, S, K>): Method<Id, Out, S, K> {
  return method;
}
