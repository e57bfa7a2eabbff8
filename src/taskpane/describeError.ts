import { AnalysisError } from '../engine/errors';
import type { Messages } from './i18n/messages';
import { UnsupportedFileError } from './UnsupportedFileError';

/** An error as the pane shows it: what went wrong, and what to do next. */
export interface ErrorText {
  what: string;
  next: string;
}

/**
 * Puts an error in plain words. Engine errors keep their own sentence (it names the sheet, the headers or
 * the setting at fault) and get the matching next step; anything else (an Office or file error) gets its
 * message and a generic next step.
 *
 * @param kind `file` for errors while opening a file in the playground.
 * @returns null for a cancelled run, which is not an error to the user.
 */
export function describeError(
  error: unknown,
  t: Messages,
  kind: 'analysis' | 'file' = 'analysis',
): ErrorText | null {
  if (error instanceof AnalysisError) {
    const next: Record<AnalysisError['code'], string | null> = {
      NO_TABLES: t.errorNoTables,
      NO_SALES_TABLE: t.errorNoSalesTable,
      NO_CUSTOMER_COLUMN: t.errorNoCustomerColumn,
      MISSING_COLUMN: t.errorMissingColumn,
      NO_USABLE_ROWS: t.errorNoUsableRows,
      BAD_SETTING: t.errorBadSetting,
      RFM_RULES_INCOMPLETE: t.errorRfmRules,
      TOO_LARGE: t.errorTooLarge,
      CANCELLED: null,
    };
    const step = next[error.code];
    return step === null ? null : { what: error.message, next: step };
  }
  if (error instanceof UnsupportedFileError) return { what: t.unsupportedFile(error.fileName), next: '' };
  const what = error instanceof Error ? error.message : String(error);
  return { what, next: kind === 'file' ? t.errorFile : t.errorUnexpected };
}
