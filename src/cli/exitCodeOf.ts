import { AnalysisError } from '../engine/errors';
import { FileError } from '../host/file/node/FileError';
import { UsageError } from './UsageError';

/**
 * The command line's exit code for an error, one per kind of mistake (the table is in `--help` and the
 * README): 1 unexpected (a bug), 2 usage or setting, 3 the input cannot be opened, 4 the input is not a
 * workbook this tool reads, 5 nothing to analyse in it, 6 too large, 7 the output could not be written.
 * 0, success, is not an error's.
 *
 * @example exitCodeOf(new FileError('isFolder', 'data')) // 3
 */
export function exitCodeOf(error: unknown): number {
  if (error instanceof UsageError) return 2;
  if (error instanceof FileError) {
    switch (error.kind) {
      case 'notFound':
      case 'isFolder':
      case 'unreadable':
        return 3;
      case 'cannotWrite':
        return 7;
      default:
        return 4;
    }
  }
  if (error instanceof AnalysisError) {
    switch (error.code) {
      case 'BAD_SETTING':
      case 'RFM_RULES_INCOMPLETE':
        return 2;
      case 'NO_TABLES':
      case 'NO_SALES_TABLE':
      case 'NO_CUSTOMER_COLUMN':
      case 'MISSING_COLUMN':
      case 'NO_USABLE_ROWS':
        return 5;
      case 'TOO_LARGE':
        return 6;
      case 'CANCELLED':
        return 1;
    }
  }
  return 1;
}
