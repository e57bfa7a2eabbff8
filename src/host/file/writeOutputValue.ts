import type { Cell } from 'exceljs';
import { excelNumberFormat } from '../../engine/sheetSpec';
import type { NumberFormatKey, OutputValue } from '../../engine/sheetSpec';
import { fitCellText } from '../fitCellText';
import { date1904Offset } from './toRawCell';

/**
 * Writes one output value into a cell with its number format. Text is always stored as a text cell
 * (a shared string), never as a formula, so `=HYPERLINK(…)`, `+SUM(A1)`, `-2+3` and `@cmd` stay literal;
 * ids keep their leading zeros; text over Excel's 32,767 characters is cut with a final `…` (see
 * `fitCellText`). Dates arrive as 1900-system serials and are shifted for a 1904 workbook.
 *
 * @param value The value; null clears the cell.
 * @param format Its meaning, mapped with `excelNumberFormat`; text cells also get the `@` format so a
 *   later edit in Excel keeps them text.
 * @param date1904 The workbook uses the 1904 date system.
 */
export function writeOutputValue(
  cell: Cell,
  value: OutputValue,
  format: NumberFormatKey | undefined,
  date1904: boolean,
): void {
  if (value === null) {
    cell.value = null;
  } else if (typeof value === 'string') {
    cell.value = fitCellText(value);
  } else {
    cell.value = format === 'date' && date1904 ? value - date1904Offset : value;
  }
  if (format !== undefined) cell.numFmt = excelNumberFormat(format);
}
