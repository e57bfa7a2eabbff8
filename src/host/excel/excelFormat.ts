import { excelNumberFormat, type NumberFormatKey, type OutputValue } from '../../engine/sheetSpec';

/**
 * The number format for a cell holding `value`: Text (`@`) for any text, whatever its format key, so that
 * Excel keeps it literally (never a formula, never a number or date); the format key's code for numbers;
 * `General` without one.
 */
export function excelFormat(value: OutputValue, format: NumberFormatKey | undefined): string {
  if (typeof value === 'string') return '@';
  return format === undefined ? 'General' : excelNumberFormat(format);
}
