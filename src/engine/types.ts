/**
 * Shared vocabulary of the engine. Everything here is plain data: no Office JS API, DOM or Node types.
 *
 * Glossary: a *customer* is identified by a text id; a *sale* is one row of the sales table; the *as-of
 * date* ends the analysis; the *window* is the span of days analysed; a *segment* (SVCD, RFM), *class*
 * (ABC) or *tier* (pyramid) is what a model assigns to a customer.
 */

import type { AllMethodSettings, MethodColumnKey } from './methods/registry';

/** One cell as a host reads it: dates arrive as Excel serial numbers, errors as their text (`#N/A`). */
export type RawCell = string | number | boolean | null;

/** The language of labels, sheet names and explanations. */
export type Language = 'en' | 'zh-CN';

/** A column role the header mapper recognises. */
export type FieldKey =
  | 'customerId'
  | 'customerName'
  | 'date'
  | 'amount'
  | 'quantity'
  | 'unitPrice'
  | 'orderId'
  | 'profit'
  | 'cost'
  | 'product'
  | 'rep'
  | 'region'
  | 'visitDate'
  | 'birthday'
  | 'anniversary'
  | 'customerSince'
  | 'phone'
  | 'category'
  | 'followUpDays'
  | 'careNote';

/** Column positions (0-based, within the table) for each recognised role. */
export type ColumnMapping = Partial<Record<FieldKey, number>>;

/** What a table holds. */
export type TableKind = 'sales' | 'customers' | 'visits' | 'careRules';

/**
 * A table a host found in a workbook: an Excel table or a plain block of cells under a header row.
 * Positions are the sheet's own (1-based row and column numbers) so messages can name them.
 */
export interface SourceTable {
  /** Sheet (worksheet) name, or the file name for a CSV. */
  sheet: string;
  /** Excel table name, or null for a plain range. */
  tableName: string | null;
  /** 1-based sheet row of the header row; data starts on the next row. */
  headerRow: number;
  /** 1-based sheet column of the table's first column. */
  firstColumn: number;
  /** Header texts as written (not trimmed). */
  headers: string[];
  /** Number of data rows under the header. */
  rowCount: number;
}

/**
 * A column whose values repeat, stored once each: row i holds `values[codes[i]]`. Hosts hand text columns
 * over this way (the .xlsx shared-string table, the CSV reader's interned fields) so the engine parses each
 * distinct customer id, order id or date once instead of once per row. `values` hold no duplicates.
 */
export interface EncodedColumn {
  readonly codes: Int32Array;
  readonly values: readonly RawCell[];
}

/**
 * A column of plain decimal text (`-?\d+(\.\d+)?`, no leading zero but that of `0.5`, at most 15 digits in
 * all), kept as numbers: row i holds the text `numbers[i].toFixed(decimals[i])` (with its `-` for −0), or
 * a blank when `decimals[i]` is 255 (`blankDecimals`). The CSV reader hands mostly distinct number columns
 * (amounts, costs, order numbers) over this way so no string is made per cell; the cells are still text
 * (`"12.50"` reads as `"12.50"` through `cellAt`), and `numbers[i]` is exactly `Number` of that text.
 */
export interface DecimalColumn {
  readonly numbers: Float64Array;
  readonly decimals: Uint8Array;
}

/**
 * A column of text ids that are a prefix and a run of digits (`SO0000001`, `INV-2024-0042`), kept as
 * numbers: row i holds the text `prefixes[prefixCodes[i]]` followed by `tails[i]` written with `widths[i]`
 * digits (leading zeros put back), or a blank when `widths[i]` is 0. Every prefix starts with an ASCII
 * letter and does not end in a digit, and a tail has 1 to 15 digits, so each text has exactly one
 * (prefix, width, tail) and each such triple one text. The CSV reader hands mostly distinct id columns over
 * this way (one line per order: a new order id on every row) so no string is made per cell; the cells are
 * still text (`cellAt` gives `"SO0000001"`).
 */
export interface PrefixedNumberColumn {
  readonly prefixes: readonly string[];
  readonly prefixCodes: Uint8Array;
  readonly tails: Float64Array;
  readonly widths: Uint8Array;
}

/**
 * One column of a table as a host reads it: plain cells, {@link EncodedColumn}, {@link DecimalColumn} or
 * {@link PrefixedNumberColumn}.
 */
export type CellColumn = readonly RawCell[] | EncodedColumn | DecimalColumn | PrefixedNumberColumn;

/** A source table with the column data a host read for it: `cellAt(columns[c], i)` is data row i of column c. */
export interface LoadedTable extends SourceTable {
  /** Column-major values; a column that was not read is an empty array. */
  columns: CellColumn[];
}

/** A source table classified and mapped by {@link chooseTables}. */
export interface MappedTable {
  source: SourceTable;
  kind: TableKind;
  mapping: ColumnMapping;
}

/** Order of day and month in ambiguous text dates such as `03/04/2024`. */
export type DateOrder = 'mdy' | 'dmy';

/** A rule of the RFM segment table: inclusive score ranges; the first rule that matches wins. */
export interface RfmRule {
  segment: RfmSegment;
  r: [number, number];
  f: [number, number];
  m: [number, number];
}

/** Named RFM segments (the widely used table). */
export type RfmSegment =
  | 'Champions'
  | 'Loyal'
  | 'Potential loyalist'
  | 'New'
  | 'Promising'
  | 'Need attention'
  | 'About to sleep'
  | 'At risk'
  | "Can't lose them"
  | 'Hibernating'
  | 'Lost';

/** SVCD segments: Star 明星, Cow 奶牛, Volcano 火山, Dog 小狗. */
export type SvcdSegment = 'Star' | 'Cow' | 'Volcano' | 'Dog';

/** ABC classes. */
export type AbcClass = 'A' | 'B' | 'C';

/** Churn risk from recency against the customer's expected gap between purchases. */
export type ChurnRisk = 'Active' | 'At risk' | 'Lapsed';

/** Pyramid tiers, 1 = most profitable … 5 = loss-making. */
export type PyramidTier = 1 | 2 | 3 | 4 | 5;

/**
 * The key of a customer column the add-in can write: every column of every method in the registry
 * (`methods/registry.ts`), in the order of `allOutputColumns`.
 */
export type OutputColumnKey = MethodColumnKey;

/**
 * Every setting of an analysis: the core ones below and each method's own (`Method.settings`), flat.
 * Defaults: {@link defaultSettings}.
 */
export type AnalysisSettings = RunSettings & AllMethodSettings;

/** The settings every run has, whatever its methods. */
export interface RunSettings {
  /** As-of date (ISO `YYYY-MM-DD`); null = the latest sale date. */
  asOf: string | null;
  /** Analyse only the last N calendar months up to the as-of date; null = all data. */
  windowMonths: number | null;
  /** Language of labels and sheet names. */
  language: Language;
  /** Columns to write to the customers table. */
  columns: OutputColumnKey[];
  /** Order used for ambiguous text dates like `03/04/2024`. */
  dateOrder: DateOrder;
  /** User remapping of columns, keyed by table kind; replaces the recognised mapping for that field. */
  mappingOverrides: Partial<Record<TableKind, ColumnMapping>>;
}

/** Why a row was skipped, as a code the summary sheets translate. */
export type SkipCode =
  | 'customerBlank'
  | 'customerError'
  | 'dateUnreadable'
  | 'amountNotNumber'
  | 'quantityNotNumber'
  | 'unitPriceNotNumber';

/** Why a row was not used. */
export interface SkippedRow {
  code: SkipCode;
  sheet: string;
  /** 1-based sheet row number. */
  row: number;
  /** Header of the offending column, when one column is at fault. */
  column: string | null;
  reason: string;
  /** The amount the row carried (revenue it would have added), when that could be read. */
  amount?: number;
}

/** What a {@link DataNote} says, as a code the summary sheets translate (with `DataNote.params`). */
export type DataNoteCode =
  | 'duplicateId'
  | 'blankCustomerIds'
  | 'ambiguousDates'
  | 'missingProfit'
  | 'blankOrderIds'
  | 'noProfitColumn'
  | 'noRepeatBuyers'
  | 'churnWithoutModel'
  | 'careDaysNotNumber'
  | 'careDateUnreadable';

/** A note for the Data issues sheet that is not a skipped row (duplicates, ambiguous dates, fallbacks). */
export interface DataNote {
  sheet: string | null;
  row: number | null;
  column: string | null;
  /** The note in English (the JSON report and the command line). */
  message: string;
  /** The note as a code and its values, so the sheets can say it in the user's language. */
  code?: DataNoteCode;
  params?: Record<string, string | number>;
}

/** The analysis window, in day numbers (Excel 1900-system serials: days since 1899-12-30). */
export interface AnalysisWindow {
  start: number;
  end: number;
  /** Days in window inclusive / 30.4375. */
  months: number;
}

/** One customer's result. Day numbers are Excel serials (1900 system); null where a value does not apply. */
export interface CustomerResult {
  id: string;
  name: string | null;
  rep: string | null;
  inCustomersTable: boolean;
  /** Whether the customer has any sales row in the window (positive, zero or negative). */
  hasSalesInWindow: boolean;
  revenue: number;
  profit: number | null;
  orders: number;
  purchaseDays: number;
  firstPurchase: number | null;
  lastPurchase: number | null;
  recencyDays: number | null;
  frequencyPerMonth: number;
  amountPerOrder: number | null;
  svcd: SvcdSegment | null;
  abc: AbcClass;
  pyramidTier: PyramidTier | null;
  /** The value the pyramid ranks by (profit, or revenue when there is no profit); null off the pyramid. */
  pyramidValue: number | null;
  visitIntervalDays: number;
  visitsPerMonth: number;
  /** Latest visit up to the as-of date, else latest purchase up to it; null if never contacted. */
  lastContact: number | null;
  nextVisitDue: number;
  overdue: boolean;
  rfm: { r: number; f: number; m: number; segment: RfmSegment } | null;
  churnRisk: ChurnRisk | null;
  /** Historical lifetime value: profit (or revenue without profit data) of all sales up to the as-of date. */
  lifetimeValue: number;
  /** Visits logged for the customer in the window (0 without a visits log). */
  visitsInWindow: number;
}
