import type { Language } from '../engine/types';
import type { WorkbookHost } from '../host/WorkbookHost';

/** The output workbook of a playground run, ready to download. */
export interface DownloadableWorkbook {
  fileName: string;
  bytes: Uint8Array;
}

/**
 * The workbook as the pane sees it: the {@link WorkbookHost} seam plus what only some backends can do.
 * The startup adapts the Excel host or the file host to it; a missing capability hides its button.
 */
export interface PaneHost extends WorkbookHost {
  /** Short text naming the workbook (file name, or empty inside Excel). */
  readonly label: string;
  /** Shows a summary sheet in Excel. */
  activateSheet?: (sheetName: string) => Promise<void>;
  /** Restores everything the last run wrote; resolves false when there was no run to undo. */
  undoLastRun?: () => Promise<boolean>;
  /** Inserts the sample workbook's tables (customers, sales, visits) in the given language. */
  insertSample?: (language: Language) => Promise<void>;
  /** The workbook with the last run's output, as .xlsx bytes named in the results' language (playground). */
  download?: (language: Language) => Promise<DownloadableWorkbook>;
  /** Lets the workbook go (the playground ends the file's worker when another file opens). */
  dispose?: () => void;
}
