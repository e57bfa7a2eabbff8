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

/** Width of a text in character cells: East Asian wide characters count two. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    width += code >= 0x1100 && (code <= 0x115f || (code >= 0x2e80 && code <= 0xffdc)) ? 2 : 1;
  }
  return width;
}

/** Points per line of 11-point text. */
const linePoints = 15;

/**
 * Row heights (points) for rows holding wrapped text, so the text fits its column instead of spilling
 * over the row below: lines = the text's width over the column's, at 15 points a line. Rows without
 * wrapped text keep the default height.
 *
 * @param widths Column widths in characters.
 */
export function fitRowHeights(
  cells: readonly (readonly CellSpec[])[],
  widths: readonly number[],
): Record<number, number> {
  const heights: Record<number, number> = {};
  cells.forEach((row, r) => {
    let lines = 1;
    row.forEach((spec, c) => {
      if (spec.wrap !== true || typeof spec.value !== 'string') return;
      // Widths count digits: plain text runs a little narrower, bold a little wider; a character of padding.
      const usable = Math.max(1, (widths[c] ?? 8.43) - 1);
      const needed = spec.value
        .split('\n')
        .reduce(
          (sum, part) =>
            sum + Math.max(1, Math.ceil((textWidth(part) * (spec.bold === true ? 1.05 : 0.9)) / usable)),
          0,
        );
      lines = Math.max(lines, needed);
    });
    if (lines > 1) heights[r] = lines * linePoints + 3;
  });
  return heights;
}

/** The printed page the hosts set up: A4, one page wide, these margins in points; default row height. */
export const printPage = {
  margins: { left: 36, right: 36, top: 54, bottom: 54, header: 22, footer: 22 },
  rowHeight: 15,
} as const;
