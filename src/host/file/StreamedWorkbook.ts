import type { CellColumn, RawCell, SourceTable } from '../../engine/types';

/** One candidate table of a workbook read by streaming, with every column of its data rows. */
export interface StreamedTable {
  table: SourceTable;
  /** Column-major data rows, `table.rowCount` long each, one per header (dates as serials in the workbook's own system; shared strings may stay encoded). */
  columns: CellColumn[];
  /** Per column: it held a date-formatted cell (its serials are written back as dates when copied). */
  dateColumns: boolean[];
}

/**
 * What the streaming reader of a large .xlsx keeps: the candidate tables and their cells only, not the
 * workbook (which would take several gigabytes of memory for a million rows).
 */
export interface StreamedWorkbook {
  /** Excel tables first, then the plain ranges found under a header row, in the workbook's sheet order. */
  tables: StreamedTable[];
  /** The workbook uses the 1904 date system. */
  date1904: boolean;
  /** Column A of the run record sheet of an earlier run, if the workbook has one. */
  recordCells: RawCell[] | null;
  /** Names of all the workbook's sheets, in order (ours from an earlier run included). */
  sheetNames: string[];
}
