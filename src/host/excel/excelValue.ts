import { date1904Offset } from '../../engine/dayNumbers';
import type { NumberFormatKey, OutputValue } from '../../engine/sheetSpec';
import { fitCellText } from '../fitCellText';

/**
 * The value to send to Excel for an output value: null becomes `''` (an empty cell, clearing what a
 * previous run wrote); a date (format `date`, a 1900-system serial) becomes a 1904-system serial in a
 * 1904 workbook (1,462 days less); text over Excel's 32,767 characters is cut with a final `…` (Excel
 * refuses longer cells; see `fitCellText`); everything else is sent as is.
 */
export function excelValue(
  value: OutputValue,
  format: NumberFormatKey | undefined,
  date1904: boolean,
): string | number {
  if (value === null) return '';
  if (typeof value === 'number' && format === 'date' && date1904) return value - date1904Offset;
  return typeof value === 'string' ? fitCellText(value) : value;
}
