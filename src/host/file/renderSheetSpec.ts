import type { Style, Worksheet } from 'exceljs';
import type { RangeRef, SheetSpec } from '../../engine/sheetSpec';
import { printPage } from '../../engine/summary/cells';
import { columnLetters } from './columnLetters';
import { addStyle, writeOutputValue } from './writeOutputValue';

/** `A1:C3`-style address of a 0-based range. */
export function rangeAddress(range: RangeRef): string {
  return `${columnLetters(range.firstColumn)}${range.firstRow + 1}:${columnLetters(range.lastColumn)}${range.lastRow + 1}`;
}

function argb(color: string): string {
  const hex = color.replace(/^#/u, '').toUpperCase();
  return /^[0-9A-F]{6}$/u.test(hex) ? `FF${hex}` : 'FFFFFFFF';
}

/**
 * Renders a summary sheet's cells onto an empty worksheet: values (text as text), number formats, bold,
 * fills, font sizes, wrapping, centring, column widths, row heights, frozen header rows, three-colour scales and the
 * page setup (A4, one page wide, the margins the engine lays charts out by). Charts are not drawn here (the
 * file library cannot); see `addChartsToXlsx`.
 *
 * @param date1904 The workbook uses the 1904 date system (date serials are shifted).
 */
export function renderSheetSpec(sheet: Worksheet, spec: SheetSpec, date1904: boolean): void {
  spec.cells.forEach((row, r) => {
    row.forEach((cellSpec, c) => {
      const cell = sheet.getCell(r + 1, c + 1);
      writeOutputValue(cell, cellSpec.value, cellSpec.format, date1904);
      const extra: Partial<Style> = {};
      if (cellSpec.bold === true || cellSpec.size !== undefined) {
        extra.font = {
          ...(cellSpec.bold === true ? { bold: true } : {}),
          ...(cellSpec.size !== undefined ? { size: cellSpec.size } : {}),
        };
      }
      if (cellSpec.fill !== undefined) {
        extra.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(cellSpec.fill) } };
      }
      if (cellSpec.wrap === true || cellSpec.center === true) {
        extra.alignment = {
          ...(cellSpec.wrap === true ? { wrapText: true, vertical: 'top' } : {}),
          ...(cellSpec.center === true ? { horizontal: 'center' } : {}),
        };
      }
      if (Object.keys(extra).length > 0) addStyle(cell, extra);
    });
  });
  spec.columnWidths.forEach((width, c) => {
    sheet.getColumn(c + 1).width = width;
  });
  // Every row's height is written (not left to the program), so rows fall on pages where the engine placed
  // them: LibreOffice's default row is shorter than Excel's. Rows with wrapped text align to the top.
  const chartEnd = Math.max(0, ...spec.charts.map((chart) => chart.anchor.row + chart.anchor.heightRows));
  const tall = spec.rowHeights ?? {};
  for (let r = 0; r < Math.max(spec.cells.length, chartEnd); r++) {
    const row = sheet.getRow(r + 1);
    row.height = tall[r] ?? printPage.rowHeight;
    if (tall[r] !== undefined)
      row.eachCell((cell) => {
        addStyle(cell, { alignment: { ...cell.style.alignment, vertical: 'top' } });
      });
  }
  const inches = (points: number): number => points / 72;
  const m = printPage.margins;
  sheet.pageSetup = {
    ...sheet.pageSetup,
    // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- 9 is A4: exceljs's PaperSize is a const enum, which isolated modules cannot import
    paperSize: 9,
    orientation: spec.print?.landscape === true ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: {
      left: inches(m.left),
      right: inches(m.right),
      top: inches(m.top),
      bottom: inches(m.bottom),
      header: inches(m.header),
      footer: inches(m.footer),
    },
  };
  for (const row of spec.print?.breaksBefore ?? []) if (row > 0) sheet.getRow(row).addPageBreak();
  const lastRow = spec.print?.lastRow;
  if (lastRow !== undefined) {
    const lastColumn = Math.max(spec.columnWidths.length, ...spec.cells.map((row) => row.length)) - 1;
    // The library puts a `$` before the column letters only: rows are made absolute here, since LibreOffice
    // ignores a print area written as `$A1:$N56`.
    sheet.pageSetup.printArea = `A$1:${columnLetters(lastColumn)}$${lastRow + 1}`;
  }
  if (spec.frozenRows > 0) sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: spec.frozenRows }];
  spec.colorScales.forEach((scale, index) => {
    sheet.addConditionalFormatting({
      ref: rangeAddress(scale.range),
      rules: [
        {
          type: 'colorScale',
          priority: index + 1,
          cfvo: [{ type: 'min' }, { type: 'percentile', value: 50 }, { type: 'max' }],
          color: [
            { argb: argb(scale.minColor) },
            { argb: argb(scale.midColor) },
            { argb: argb(scale.maxColor) },
          ],
        },
      ],
    });
  });
}
