import { errorMessage, type ErrorReason } from './errorMessage';
import type { Language } from './types';

/** Codes of the errors the engine raises for input it cannot analyse. */
export type AnalysisErrorCode =
  | 'NO_TABLES'
  | 'NO_SALES_TABLE'
  | 'NO_CUSTOMER_COLUMN'
  | 'MISSING_COLUMN'
  | 'NO_USABLE_ROWS'
  | 'BAD_SETTING'
  | 'RFM_RULES_INCOMPLETE'
  | 'TOO_LARGE'
  | 'CANCELLED';

const codeOf: Record<ErrorReason['key'], AnalysisErrorCode> = {
  noTables: 'NO_TABLES',
  noSalesTable: 'NO_SALES_TABLE',
  noCustomerColumn: 'NO_CUSTOMER_COLUMN',
  missingColumn: 'MISSING_COLUMN',
  noDataRows: 'NO_USABLE_ROWS',
  allRowsSkipped: 'NO_USABLE_ROWS',
  asOfBeforeData: 'NO_USABLE_ROWS',
  asOfNotADate: 'BAD_SETTING',
  badWindowMonths: 'BAD_SETTING',
  badCompareMonths: 'BAD_SETTING',
  badCallDays: 'BAD_SETTING',
  badTrendThreshold: 'BAD_SETTING',
  badAbcCut: 'BAD_SETTING',
  badPyramidCuts: 'BAD_SETTING',
  badSvcdThreshold: 'BAD_SETTING',
  badLanguage: 'BAD_SETTING',
  badVisitsFrom: 'BAD_SETTING',
  badValueHorizon: 'BAD_SETTING',
  badValueDiscount: 'BAD_SETTING',
  badHoldoutStart: 'BAD_SETTING',
  badChurnFrom: 'BAD_SETTING',
  unknownColumns: 'BAD_SETTING',
  rfmRulesIncomplete: 'RFM_RULES_INCOMPLETE',
  customersSheetTooLong: 'TOO_LARGE',
  customersTableTooLong: 'TOO_LARGE',
  summarySheetTooLong: 'TOO_LARGE',
  sheetTooWide: 'TOO_LARGE',
  columnsPastXfd: 'TOO_LARGE',
  csvTooLarge: 'TOO_LARGE',
  xlsxTooLarge: 'TOO_LARGE',
  csvNeedsMemory: 'TOO_LARGE',
  cancelled: 'CANCELLED',
};

/**
 * An error a user can act on: the message says what is wrong and, where it helps, what was found. Errors
 * made with {@link AnalysisError.of} keep their reason, so a host can say them in another language
 * ({@link AnalysisError.messageIn}); `message` is in the language they were raised in.
 *
 * @example throw AnalysisError.of({ key: 'noTables' }, settings.language)
 */
export class AnalysisError extends Error {
  readonly code: AnalysisErrorCode;
  /** What the sentence says, as a key and its facts; null for an error made from a sentence alone. */
  readonly reason: ErrorReason | null;

  constructor(code: AnalysisErrorCode, message: string, reason: ErrorReason | null = null) {
    super(message);
    this.name = 'AnalysisError';
    this.code = code;
    this.reason = reason;
  }

  /** The error of `reason`, its message in `language` (default English). */
  static of(reason: ErrorReason, language: Language = 'en'): AnalysisError {
    return new AnalysisError(codeOf[reason.key], errorMessage(reason, language), reason);
  }

  /** The message in `language` (the message as raised when the error has no reason). */
  messageIn(language: Language): string {
    return this.reason === null ? this.message : errorMessage(this.reason, language);
  }
}
