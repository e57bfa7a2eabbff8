import type { Worksheet } from 'exceljs';
import { excelNumberFormat } from '../../engine/sheetSpec';
import type { RawCell } from '../../engine/types';
import { fitCellText } from '../fitCellText';
import { applyNumberFormat } from './writeOutputValue';

/**
 * Writes a header row and column-major values from A1 (a customers table copied into the output), text cut
 * to fit a cell; numbers of the columns flagged in `dateColumns` get the date format.
 *
 * @example copyColumns(sheet, ['Customer', 'Since'], [['C1', 'C2'], [45292, 45300]], [false, true]);
 */
export function copyColumns(
  sheet: Worksheet,
  headers: readonly string[],
  columns: readonly (readonly RawCell[])[],
  dateColumns: readonly boolean[] = [],
): void {
  headers.forEach((header, c) => {
    const cell = sheet.getCell(1, c + 1);
    cell.value = fitCellText(header);
    cell.font = { bold: true };
    const dates = dateColumns[c] === true;
    (columns[c] ?? []).forEach((value, r) => {
      const target = sheet.getCell(r + 2, c + 1);
      target.value = typeof value === 'string' ? fitCellText(value) : value;
      if (dates && typeof value === 'number') applyNumberFormat(target, excelNumberFormat('date'));
    });
  });
}
