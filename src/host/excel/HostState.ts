import type { AnalysisSettings } from '../../engine/types';

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

/** Everything "Undo last run" needs; written before the run changes anything. */
export interface LastRun {
  /** False while the run is under way (or if it stopped part-way). */
  complete: boolean;
  /** Our markers and settings before the run. */
  previous: { settings: AnalysisSettings | null; columns: ColumnMarker[]; sheets: SheetMarker[] };
  /** Columns the run added: removed on undo (table columns by name, plain ranges cleared). */
  createdColumns: ColumnMarker[];
  updatedColumns: ColumnBackup[];
  /** Names of sheets the run added: deleted on undo. */
  createdSheets: string[];
  backupSheets: SheetBackup[];
}

/**
 * What the add-in keeps in the workbook, in a very hidden sheet so that it travels with the file and
 * every co-author (and the command line) reads the same: settings, markers of our columns and sheets,
 * and the undo record of the last run. Saved as the shared run record (`runRecord`) that the command line
 * writes too; see `HostStateSheet` for the conversion.
 */
export interface HostState {
  version: 1;
  settings: AnalysisSettings | null;
  columns: ColumnMarker[];
  sheets: SheetMarker[];
  lastRun: LastRun | null;
}
