/** Office error codes the host recognises (`Excel.ErrorCodes`, plus the payload limits Excel reports). */
const sentences: Record<string, string> = {
  AccessDenied:
    'Excel refused the change because a sheet or the workbook structure is protected, or you can only view this workbook. Unprotect it (Review › Unprotect Sheet or Protect Workbook), then run the analysis again.',
  InvalidOperationInCellEditMode:
    'Excel is waiting for you to finish editing a cell. Press Enter or Esc, then run the analysis again.',
  RequestPayloadSizeLimitExceeded:
    'The data is too large for Excel to accept in one request even in small pieces. Analyse fewer rows (for example the last 12 months), then try again.',
  ResponsePayloadSizeLimitExceeded:
    'The table is too large for Excel to hand over even in small pieces. Remove unused columns or analyse fewer rows, then try again.',
  Conflict:
    'Someone else changed the workbook at the same moment (co-authoring). Wait until their changes have arrived, then run the analysis again.',
  InsertDeleteConflict:
    'Someone else inserted or deleted cells at the same moment (co-authoring). Wait until their changes have arrived, then run the analysis again.',
  FilteredRangeConflict:
    'A filter on the customers table is in the way. Clear the filter (Data › Clear), then run the analysis again.',
  MergedRangeConflict:
    'Merged cells are in the way of the results. Unmerge them, then run the analysis again.',
  ItemNotFound: 'A sheet or table changed while the analysis was running. Run the analysis again.',
  ItemAlreadyExists: 'A sheet or table changed while the analysis was running. Run the analysis again.',
  ApiNotFound:
    'This version of Excel lacks a feature the add-in needs. Update Excel (or use Excel on the web), then try again.',
  RequestAborted: 'Excel stopped the request before it finished. Run the analysis again.',
};

/**
 * An error from the Excel host, phrased so the user can act on it. `code` is the Office error code when
 * there was one (`AccessDenied`, `InvalidOperationInCellEditMode`, ...), or the host's own:
 * `READ_ONLY`, `PROTECTED`, `NOTHING_TO_UNDO`, `CELLS_IN_THE_WAY`.
 *
 * @example throw ExcelHostError.from(error, 'Your data is unchanged.')
 */
export class ExcelHostError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ExcelHostError';
    this.code = code;
  }

  /**
   * Wraps any error thrown by Office.js (or already ours) with a sentence for its code, followed by
   * `outcome` (what happened to the workbook). Unknown codes keep Excel's own message.
   */
  static from(error: unknown, outcome = ''): ExcelHostError {
    const tail = outcome === '' ? '' : ` ${outcome}`;
    if (error instanceof ExcelHostError) {
      return outcome === ''
        ? error
        : new ExcelHostError(error.code, `${error.message}${tail}`, { cause: error });
    }
    const code = officeCode(error);
    const known = code === null ? undefined : sentences[code];
    if (known !== undefined && code !== null)
      return new ExcelHostError(code, `${known}${tail}`, { cause: error });
    const detail = error instanceof Error ? error.message : String(error);
    return new ExcelHostError(code ?? 'UNKNOWN', `Excel reported a problem: ${detail}${tail}`, {
      cause: error,
    });
  }
}

/** The `code` of an Office.js error, or null for anything else. */
export function officeCode(error: unknown): string | null {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = error.code;
    if (typeof code === 'string') return code;
  }
  return null;
}
