import type { Workbook, Worksheet } from 'exceljs';
import type { CellColumn, SourceTable } from '../../engine/types';
import type { RunRecord } from '../runRecord';
import type { ProgressCallback, WorkbookInfo } from '../WorkbookHost';
import type { DeferredRows } from './appendSheetRows';

/** A customers table copied into a new output, and where it is there. */
export interface CopiedTable {
  sheet: Worksheet;
  table: SourceTable;
}

/**
 * One kind of input of `FileWorkbookHost` — an .xlsx held in memory (`XlsxSource`), a CSV table
 * (`CsvSource`), a large .xlsx read by streaming (`StreamedSource`) — and what the result writer
 * (`writeResult`) asks of it. Everything that depends on the kind of input is here, so the host and the
 * writer never switch on it.
 */
export interface FileSource {
  /** The input uses the 1904 date system (the output keeps it). */
  readonly date1904: boolean;
  /** The workbook the output is written into: the input's own (an .xlsx in memory), or null for a new one. */
  readonly workbook: Workbook | null;
  /** Candidate tables (our earlier sheets and columns left out, per `record`) and saved settings. */
  inspect(record: RunRecord | null): WorkbookInfo;
  /** Columns of a table of {@link FileSource.inspect}, by index, `table.rowCount` long. */
  readColumns(table: SourceTable, columns: readonly number[], progress?: ProgressCallback): CellColumn[];
  /** The run record the input holds when it is not in {@link FileSource.workbook} (streamed), else null. */
  inputRecord(): RunRecord | null;
  /**
   * Copies the customers table into the output when its sheet is not there (a CSV's, a streamed input's):
   * a new sheet, named after the table's (or the file), not among `taken`. Null when its sheet is in the output.
   */
  copyCustomers(workbook: Workbook, table: SourceTable, taken: readonly string[]): CopiedTable | null;
  /**
   * Copies the sales into a new output whose first run builds its customers sheet (a CSV's sales, as text,
   * so a re-run on the output finds them), or nothing; says whether they were left out (too large).
   */
  copySales(
    workbook: Workbook,
    directRowsAboveCells: number,
  ): { deferred: DeferredRows | null; leftOut: boolean };
  /** A new customers sheet above this many cells is written straight into the package (`appendRowsToPackage`). */
  deferAboveCells(directRowsAboveCells: number): number;
}
