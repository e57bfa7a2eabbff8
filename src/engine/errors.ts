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

/**
 * An error a user can act on: the message says what is wrong and, where it helps, what was found.
 *
 * @example throw new AnalysisError('NO_SALES_TABLE', 'No sales table was found.')
 */
export class AnalysisError extends Error {
  readonly code: AnalysisErrorCode;

  constructor(code: AnalysisErrorCode, message: string) {
    super(message);
    this.name = 'AnalysisError';
    this.code = code;
  }
}
