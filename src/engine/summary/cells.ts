import type { CellSpec, NumberFormatKey, OutputValue } from '../sheetSpec';

/** Header fill of summary tables. */
export const headerFill = '#D9E1F2';

/** A plain cell, optionally formatted. */
export function cell(value: OutputValue, format?: NumberFormatKey): CellSpec {
  return format === undefined ? { value } : { value, format };
}

/** A bold header cell with the header fill. */
export function headerCell(value: string): CellSpec {
  return { value, bold: true, fill: headerFill, wrap: true };
}

/** A sheet title. */
export function titleCell(value: string): CellSpec {
  return { value, bold: true, size: 14 };
}

/** A share (0–1) or null when the total is not positive. */
export function share(part: number, total: number): number | null {
  return total > 0 ? part / total : null;
}
