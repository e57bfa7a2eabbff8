import { date1904Offset } from '../engine/dayNumbers';
import type { NumberFormatKey, OutputValue } from '../engine/sheetSpec';
import { fitCellText } from './fitCellText';

/**
 * What a cell holds for an output value, in every host: text cut to fit a cell with a final `…` (Excel
 * refuses text over 32,767 characters; see `fitCellText`), a date (format `date`, a 1900-system serial)
 * shifted to the 1904 system in a 1904 workbook (1,462 days less), other numbers as they are; null stays
 * null (an empty cell: the Excel host sends `''`).
 *
 * @param date1904 The workbook uses the 1904 date system.
 * @example
 * cellValue(45292, 'date', true); // 43830
 * cellValue('Star', 'text', false); // 'Star'
 */
export function cellValue(
  value: OutputValue,
  format: NumberFormatKey | undefined,
  date1904: boolean,
): string | number | null {
  if (value === null) return null;
  if (typeof value === 'string') return fitCellText(value);
  return format === 'date' && date1904 ? value - date1904Offset : value;
}
