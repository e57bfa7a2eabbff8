import { date1904Offset } from '../../engine/dayNumbers';
import type { CellValue } from 'exceljs';
import type { RawCell } from '../../engine/types';

const millisecondsPerDay = 86_400_000;
/** Serial number of 1970-01-01 in the 1900 date system. */
const unixEpochSerial = 25_569;

/**
 * Converts a cell value as exceljs reads it into what Excel itself would return for the cell: dates as
 * serial numbers in the workbook's own date system, formulas as their cached result, rich text and
 * hyperlinks as their plain text, errors as their text (`#N/A`); empty text and missing values as null.
 *
 * @param date1904 The workbook uses the 1904 date system (exceljs already read its dates with it).
 * @example toRawCell(new Date(Date.UTC(2024, 0, 1)), false) // 45292
 */
export function toRawCell(value: CellValue | undefined, date1904: boolean): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) {
    const serial = value.getTime() / millisecondsPerDay + unixEpochSerial;
    return date1904 ? serial - date1904Offset : serial;
  }
  if ('error' in value) return value.error;
  if ('richText' in value) return plainText(value.richText.map((run) => run.text).join(''));
  if ('hyperlink' in value) {
    const text: unknown = value.text;
    if (typeof text === 'string') return plainText(text);
    if (typeof text === 'object' && text !== null && 'richText' in text) {
      return toRawCell(text as CellValue, date1904);
    }
    return plainText(value.hyperlink);
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const result: unknown = value.result;
    if (result === undefined) return null;
    if (typeof result === 'object' && result !== null && 'error' in result) {
      return (result as { error: string }).error;
    }
    return toRawCell(result as CellValue, date1904);
  }
  return null;
}

function plainText(text: string): RawCell {
  return text === '' ? null : text;
}
