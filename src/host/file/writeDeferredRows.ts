import type { Workbook } from 'exceljs';
import { cellValue } from '../cellValue';
import type { DeferredRows } from './appendSheetRows';

/**
 * Puts rows that a write left out of the workbook model (to be appended straight into the package:
 * `appendRowsToPackage`) into the model, as `appendRowsToPackage` writes them: each cell with its value
 * (`cellValue`) and the style of its column's cell in the template row, each row with its height. Needed
 * before the model is read or written again: the web page's re-run on the same output reads a Calls sheet's
 * rows and keeps a CSV's sales copy. Sheets no longer in the workbook are skipped.
 *
 * @example writeDeferredRows(output, deferred.filter((rows) => !rebuilt.has(rows.sheetName)));
 */
export function writeDeferredRows(workbook: Workbook, deferred: readonly DeferredRows[]): void {
  for (const rows of deferred) {
    const sheet = workbook.getWorksheet(rows.sheetName);
    if (sheet === undefined) continue;
    const template = sheet.getRow(rows.firstRow - 1);
    const count = Math.max(0, ...rows.columns.map((column) => column.values.length - rows.firstIndex));
    for (let k = 0; k < count; k++) {
      const row = sheet.getRow(rows.firstRow + k);
      const height = rows.rowHeights?.[rows.firstIndex + k] ?? rows.rowHeight;
      if (height !== undefined) row.height = height;
      rows.columns.forEach((column, c) => {
        const index = rows.firstIndex + k;
        if (index >= column.values.length) return;
        const cell = row.getCell(c + 1);
        cell.value = cellValue(column.values[index] ?? null, column.format, rows.date1904);
        cell.style = template.getCell(c + 1).style;
      });
    }
  }
}
