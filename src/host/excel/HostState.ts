import { runHistory, type RunHistory } from '../../engine/movement/runHistory';
import type { AnalysisSettings } from '../../engine/types';
import type { RecordColumn, RecordSheet, RunRecord } from '../runRecord';

/**
 * Our marker for one customer column we wrote: where it is and what we called it. A column is ours only
 * when the marker matches the workbook (same table column id, or same sheet cell holding our header), so
 * a user column with the same header is never taken for ours.
 */
export interface ColumnMarker {
  /** `ColumnSpec.key`; empty when an older command line's record did not keep it (then matched by header). */
  key: string;
  /** The header we wrote (possibly suffixed, e.g. `SVCD segment (2)`). */
  header: string;
  sheetId: string;
  /** Excel table name, or null for a plain range. */
  tableName: string | null;
  /**
   * Excel table column id (stable across renames and moves); null for a plain range, and for a column the
   * command line wrote (it knows no ids: the column is then recognised by its position and header).
   */
  tableColumnId: number | null;
  /** 0-based sheet column and header row when written. */
  column: number;
  headerRow: number;
  /** Data rows written under the header; -1 when an older command line's record did not say. */
  rows: number;
  /**
   * `columnDigest` of those rows as written, or null when an older record did not keep it: while the cells
   * give another digest, the user has typed into the column and it is theirs.
   */
  digest: string | null;
}

/** Our marker for one sheet we built (summary sheets, our customers sheet). */
export interface SheetMarker {
  /** `SheetSpec.key` (`customers` for our customers sheet); empty when an older record did not keep it. */
  key: string;
  sheetId: string;
  name: string;
}

/** A column the last run overwrote, with where its previous content is kept. */
export interface ColumnBackup {
  marker: ColumnMarker;
  /** 0-based column of the undo sheet holding the previous header and data (rows 0..marker.rows). */
  undoColumn: number;
  /** Data rows this run wrote (cleared on undo before the previous content is copied back). */
  rowsWritten: number;
}

/** A sheet of ours the last run replaced: renamed to `backupName` and very hidden. */
export interface SheetBackup {
  backupName: string;
  marker: SheetMarker;
  /**
   * Its 0-based position (hidden sheets counted) once the run dropped older bookkeeping sheets; for
   * information: undo leaves it where it is, which is its old place once the sheets the run added are gone.
   */
  position: number;
}

/**
 * What a run did to the Calls sheet of its as-of date, for undo: the rows whose ten cells of ours it wrote,
 * with their previous cells (null: the row was empty). Undo puts back only rows no rep has filled since,
 * and deletes a sheet the run created only when no rep typed into it.
 */
export interface CallsUndo {
  name: string;
  /** The run added the sheet. */
  created: boolean;
  /** 0-based data rows (0 = under the header) and their previous cells; empty until the rows are placed. */
  rows: { row: number; before: (string | number | boolean | null)[] | null }[];
}

/** Everything "Undo last run" needs; written before the run changes anything. */
export interface LastRun {
  /** False while the run is under way (or if it stopped part-way). */
  complete: boolean;
  /** Our markers, settings and run history before the run. */
  previous: {
    settings: AnalysisSettings | null;
    columns: ColumnMarker[];
    sheets: SheetMarker[];
    history: RunHistory | null;
  };
  /** Columns the run added: removed on undo (table columns by name, plain ranges cleared). */
  createdColumns: ColumnMarker[];
  updatedColumns: ColumnBackup[];
  /** Names of sheets the run added: deleted on undo. */
  createdSheets: string[];
  backupSheets: SheetBackup[];
  /** The run's Calls sheet; absent when the run wrote none. */
  calls?: CallsUndo;
}

/**
 * The Excel host's view of the run record (`runRecord`), the one format saved: the same markers, counted as
 * Office.js counts (0-based rows and columns, for `getRangeByIndexes`), tied to the workbook's sheets by id
 * and with no nulls for what an older record did not say (`''` key, `-1` rows, null digest). Derived from
 * the record by {@link HostState.fromRecord} and saved only as a record ({@link HostState.toRecord}); see
 * `HostStateSheet` for the sheet that holds it.
 */
export interface HostState {
  version: 1;
  settings: AnalysisSettings | null;
  columns: ColumnMarker[];
  sheets: SheetMarker[];
  /** The tiers, segments and classes of the last runs (`runHistory`); null when none is saved. */
  history: RunHistory | null;
  lastRun: LastRun | null;
}

/** A worksheet's id and name, as loaded. */
export interface SheetIdentity {
  id: string;
  name: string;
}

/** How the undo record is saved inside the run record: its markers in the record's own format. */
interface SavedLastRun {
  /** 2: markers as `RecordColumn` and `RecordSheet`; older add-ins saved the view's markers, with no version. */
  version: 2;
  complete: boolean;
  previous: {
    settings: AnalysisSettings | null;
    columns: RecordColumn[];
    sheets: RecordSheet[];
    history?: RunHistory;
  };
  createdColumns: RecordColumn[];
  updatedColumns: { marker: RecordColumn; undoColumn: number; rowsWritten: number }[];
  createdSheets: string[];
  backupSheets: { backupName: string; marker: RecordSheet; position: number }[];
  calls?: CallsUndo;
}

/** The sheet id a record entry points at: its own id while that sheet exists, else the sheet of its name. */
function resolveSheetId(
  sheets: readonly SheetIdentity[],
  id: string | undefined,
  name: string | null,
): string | null {
  if (id !== undefined && sheets.some((s) => s.id === id)) return id;
  if (name === null) return null;
  const lower = name.toLowerCase();
  return sheets.find((s) => s.name.toLowerCase() === lower)?.id ?? null;
}

function columnMarker(c: RecordColumn, sheetId: string): ColumnMarker {
  return {
    key: c.key ?? '',
    header: c.header,
    sheetId,
    tableName: c.tableName,
    tableColumnId: c.tableColumnId ?? null,
    column: c.column - 1,
    headerRow: c.headerRow - 1,
    rows: c.rows ?? -1,
    digest: c.digest ?? null,
  };
}

function recordColumn(m: ColumnMarker, sheet: string | null): RecordColumn {
  return {
    key: m.key === '' ? null : m.key,
    header: m.header,
    sheet,
    tableName: m.tableName,
    headerRow: m.headerRow + 1,
    column: m.column + 1,
    rows: m.rows < 0 ? null : m.rows,
    sheetId: m.sheetId,
    tableColumnId: m.tableColumnId,
    ...(m.digest === null ? {} : { digest: m.digest }),
  };
}

const sheetMarker = (s: RecordSheet, sheetId: string): SheetMarker => ({
  key: s.key ?? '',
  sheetId,
  name: s.name,
});
const recordSheet = (m: SheetMarker, name: string): RecordSheet => ({
  key: m.key === '' ? null : m.key,
  name,
  sheetId: m.sheetId,
});

/** The undo record as saved: its markers in the record's format, with the sheet names they had. */
function savedLastRun(run: LastRun, names: ReadonlyMap<string, string>): SavedLastRun {
  const column = (m: ColumnMarker): RecordColumn => recordColumn(m, names.get(m.sheetId) ?? null);
  const sheet = (m: SheetMarker): RecordSheet => recordSheet(m, m.name);
  return {
    version: 2,
    complete: run.complete,
    previous: {
      settings: run.previous.settings,
      columns: run.previous.columns.map(column),
      sheets: run.previous.sheets.map(sheet),
      ...(run.previous.history === null ? {} : { history: run.previous.history }),
    },
    createdColumns: run.createdColumns.map(column),
    updatedColumns: run.updatedColumns.map((u) => ({ ...u, marker: column(u.marker) })),
    createdSheets: run.createdSheets,
    backupSheets: run.backupSheets.map((b) => ({ ...b, marker: sheet(b.marker) })),
    ...(run.calls === undefined ? {} : { calls: run.calls }),
  };
}

/** The undo record from its saved form (an older add-in's is already the view's), or null. */
function lastRunOf(value: unknown): LastRun | null {
  if (typeof value !== 'object' || value === null) return null;
  if ((value as { version?: unknown }).version !== 2) {
    const older = value as LastRun;
    return { ...older, previous: { ...older.previous, history: null } };
  }
  const saved = value as SavedLastRun;
  // Undo works on the sheets as the run left them: ids as saved, never re-resolved by name.
  const column = (c: RecordColumn): ColumnMarker => columnMarker(c, c.sheetId ?? '');
  const sheet = (s: RecordSheet): SheetMarker => sheetMarker(s, s.sheetId ?? '');
  return {
    complete: saved.complete,
    previous: {
      settings: saved.previous.settings,
      columns: saved.previous.columns.map(column),
      sheets: saved.previous.sheets.map(sheet),
      history: runHistory.parse(saved.previous.history),
    },
    createdColumns: saved.createdColumns.map(column),
    updatedColumns: saved.updatedColumns.map((u) => ({ ...u, marker: column(u.marker) })),
    createdSheets: saved.createdSheets,
    backupSheets: saved.backupSheets.map((b) => ({ ...b, marker: sheet(b.marker) })),
    ...(saved.calls === undefined ? {} : { calls: saved.calls }),
  };
}

/**
 * Derives the view from the run record and back.
 *
 * @example
 * const state = HostState.fromRecord(runRecord.decode(cells) ?? HostState.emptyRecord, sheets);
 * runRecord.encode(HostState.toRecord(state, names)); // the same record, in the same format
 */
export const HostState = {
  /** The record of a workbook no run has written to. */
  emptyRecord: { version: 2, settings: null, sheets: [], columns: [] } as const satisfies RunRecord,

  /**
   * The view of a record, with sheet ids resolved against the workbook's sheets: by id, else by name (the
   * command line knows no ids); a column whose sheet no longer exists is nobody's and is dropped, a sheet
   * marker is kept (its sheet may come back by undo).
   */
  fromRecord(record: RunRecord, sheets: readonly SheetIdentity[]): HostState {
    const columns = record.columns.flatMap((c): ColumnMarker[] => {
      const sheetId = resolveSheetId(sheets, c.sheetId, c.sheet);
      return sheetId === null ? [] : [columnMarker(c, sheetId)];
    });
    const markers = record.sheets.map((s) => sheetMarker(s, resolveSheetId(sheets, s.sheetId, s.name) ?? ''));
    return {
      version: 1,
      settings: record.settings,
      columns,
      sheets: markers,
      history: record.history ?? null,
      lastRun: lastRunOf(record.lastRun),
    };
  },

  /**
   * The record of a view: names and 1-based positions for every host, ids and the undo record for Excel.
   *
   * @param names Current sheet names by id, so the record names its sheets for hosts that know no ids.
   */
  toRecord(state: HostState, names: ReadonlyMap<string, string>): RunRecord {
    const record: RunRecord = {
      version: 2,
      settings: state.settings,
      sheets: state.sheets.map((m) => recordSheet(m, names.get(m.sheetId) ?? m.name)),
      columns: state.columns.map((m) => recordColumn(m, names.get(m.sheetId) ?? null)),
    };
    if (state.history !== null) record.history = state.history;
    if (state.lastRun !== null) record.lastRun = savedLastRun(state.lastRun, names);
    return record;
  },
};
