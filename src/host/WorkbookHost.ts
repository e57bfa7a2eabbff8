import type { RunHistory } from '../engine/movement/runHistory';
import type { AnalysisSettings, CellColumn, DateOrder, Language, SourceTable } from '../engine/types';
import type { Call } from '../engine/calls/Call';
import type { CallsSheetCells } from '../engine/calls/readCallOutcomes';
import type { ColumnSpec, SheetSpec } from '../engine/sheetSpec';

/** What a host found when it looked at a workbook. */
export interface WorkbookInfo {
  /** Candidate tables: Excel tables first, then plain ranges found under a recognised header row. */
  tables: SourceTable[];
  /** The workbook uses the 1904 date system: its serials are 1,462 days smaller than the 1900 system's. */
  date1904: boolean;
  /** Settings saved in the workbook by an earlier run, if any. */
  savedSettings: Partial<AnalysisSettings> | null;
  /** The tiers, segments and classes of earlier runs saved in the workbook (`runHistory`); absent or null: none. */
  history?: RunHistory | null;
  /**
   * How the workbook's locale orders day and month (`en-GB` → `dmy`), for ambiguous text dates; used when
   * the settings do not say. Absent when the host cannot tell.
   */
  localeDateOrder?: DateOrder;
  /**
   * Every Calls sheet of earlier runs (a sheet whose first row is a Calls header, either language), as its
   * cells, for the next run to read the reps' outcomes back (`readCallOutcomes`); absent when the host
   * keeps none (a CSV, a streamed input). Those sheets are never offered as tables.
   */
  callSheets?: CallsSheetCells[];
}

/** Progress of a long host operation. */
export type ProgressCallback = (done: number, total: number) => void;

/** Where the customer columns go. */
export type CustomersTarget =
  /**
   * Append to the user's customers table (Excel table or plain range). `rowIds` are the customer ids of
   * its data rows as read (see `customerRowId`), and `idColumn` the 0-based position of the id column in
   * the table: a host that can be edited by others while a run computes (Excel with co-authors) re-reads
   * them before writing and refuses when a row moved or was added. Both absent: no such check.
   */
  | { kind: 'existing'; table: SourceTable; rowIds?: (string | null)[]; idColumn?: number }
  /** Build our own customers sheet from sales: `baseColumns` (id, name, rep) come first. */
  | { kind: 'new'; sheetName: string; baseColumns: ColumnSpec[] };

/**
 * The run's open calls, for the Calls sheet of its as-of date (`callsSheet`): created, or, on a re-run
 * with the same as-of date, updated in place by `placeCallRows` (a rep's Outcome and Note never written).
 */
export interface CallsPlan {
  /** The as-of date (day number): the sheet is `Calls <as-of>`. */
  asOf: number;
  language: Language;
  /** The calls to list, in list order. */
  calls: Call[];
}

/** Everything one run writes. */
export interface WritePlan {
  customers: CustomersTarget;
  /** Our columns, one value per data row of the target, in the target's row order. */
  columns: ColumnSpec[];
  /** Summary sheets, rebuilt on every run. */
  sheets: SheetSpec[];
  /** Saved in the workbook so any co-author who re-runs gets the same output. */
  settings: AnalysisSettings;
  /**
   * The run history to save with the run record: this run's tiers, segments and classes added to the
   * workbook's (`runHistory.record`); absent or null: none saved.
   */
  history?: RunHistory | null;
  /** The Calls sheet of this run; absent: no Calls sheet is written (earlier ones stay as they are). */
  calls?: CallsPlan;
}

/** What a write did, for the task pane and the CLI to report. */
export interface WriteSummary {
  /** Headers actually written (a clash with a user's header gives ours a suffix). */
  columnHeaders: string[];
  /** Sheet names written. */
  sheetNames: string[];
  /** Where the output went (file path or sheet name), for messages. */
  location: string;
}

/**
 * The seam between the engine and a workbook. One implementation per backend: Office.js inside Excel
 * (`host/excel`), files for the command line and the web page (`host/file`). The task pane and the CLI
 * talk only to this interface.
 */
export interface WorkbookHost {
  /** Finds the candidate tables and the workbook's date system and saved settings. */
  inspect(): Promise<WorkbookInfo>;
  /**
   * Reads some columns of a table, data rows only, as raw values (dates as serials in the workbook's own
   * date system, errors as their text); a host may hand repeated text over encoded (`EncodedColumn`).
   *
   * @param columns 0-based positions within the table.
   * @returns One column per requested column, in the order requested, each `table.rowCount` long.
   */
  readColumns(
    table: SourceTable,
    columns: readonly number[],
    progress?: ProgressCallback,
  ): Promise<CellColumn[]>;
  /**
   * Writes one run's output; on failure the workbook is left as it was (or restorable by undo). Refuses,
   * before writing anything, a plan that does not fit Excel's grid (`excelGrid.checkPlan`).
   */
  write(plan: WritePlan, progress?: ProgressCallback): Promise<WriteSummary>;
}
