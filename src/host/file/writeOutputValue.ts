import type { Cell, Style } from 'exceljs';
import { excelNumberFormat } from '../../engine/sheetSpec';
import type { NumberFormatKey, OutputValue } from '../../engine/sheetSpec';
import { cellValue } from '../cellValue';

/**
 * Writes one output value into a cell with its number format. Text is always stored as a text cell
 * (a shared string), never as a formula, so `=HYPERLINK(…)`, `+SUM(A1)`, `-2+3` and `@cmd` stay literal;
 * ids keep their leading zeros; text over Excel's 32,767 characters is cut with a final `…` (see
 * `fitCellText`). Dates arrive as 1900-system serials and are shifted for a 1904 workbook (`cellValue`).
 *
 * @param value The value; null clears the cell.
 * @param format Its meaning, mapped with `excelNumberFormat`; text cells also get the `@` format so a
 *   later edit in Excel keeps them text. A cell without a style of its own gets a shared, frozen style
 *   object (see `sharedNumberFormat`).
 * @param date1904 The workbook uses the 1904 date system.
 */
export function writeOutputValue(
  cell: Cell,
  value: OutputValue,
  format: NumberFormatKey | undefined,
  date1904: boolean,
): void {
  cell.value = cellValue(value, format, date1904);
  if (format !== undefined) applyNumberFormat(cell, excelNumberFormat(format));
}

/**
 * Gives a cell a number format. A cell with no style of its own shares one frozen style object per format:
 * exceljs looks a style object up once, not once per cell (per-cell lookups took most of the time of
 * writing 100,000 customers).
 */
export function applyNumberFormat(cell: Cell, numFmt: string): void {
  const keys = Object.keys(cell.style);
  // A style is replaced, never changed in place: it may be one of the shared ones.
  cell.style =
    keys.length === 0 || (keys.length === 1 && keys[0] === 'numFmt')
      ? sharedNumberFormat(numFmt)
      : { ...cell.style, numFmt };
}

/** Adds to a cell's style with a new style object (the current one may be shared by other cells). */
export function addStyle(cell: Cell, extra: Partial<Style>): void {
  cell.style = { ...cell.style, ...extra };
}

const sharedStyles = new Map<string, Partial<Style>>();

/**
 * The shared, frozen style object of a number format. Cells holding it must get a new style object, not a
 * changed one, to be formatted further (`cell.style = { ...cell.style, font }`).
 */
function sharedNumberFormat(numFmt: string): Partial<Style> {
  let style = sharedStyles.get(numFmt);
  if (style === undefined) {
    style = Object.freeze({ numFmt });
    sharedStyles.set(numFmt, style);
  }
  return style;
}
