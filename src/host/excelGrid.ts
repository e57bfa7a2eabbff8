import { AnalysisError } from '../engine/errors';
import type { WritePlan } from './WorkbookHost';

const rows = 1_048_576;
const columns = 16_384;
const count = (n: number): string => n.toLocaleString('en-US');

/**
 * Excel's grid (1,048,576 rows by 16,384 columns, A1:XFD1048576) and the checks every host makes before
 * writing anything, so an output that cannot fit is refused with a sentence instead of being written past
 * the grid, cut silently or failing half-way.
 *
 * @example excelGrid.checkPlan(plan); // throws AnalysisError TOO_LARGE before any cell is written
 */
export const excelGrid = {
  /** Rows of a worksheet. */
  rows,
  /** Columns of a worksheet (the last is XFD). */
  columns,

  /**
   * Checks the parts of a plan whose size does not depend on the workbook: the customers sheet built from
   * sales (a header row plus one row per customer; base and result columns side by side), the user's
   * customers table (a CSV copied into a sheet may be longer than a sheet), and every summary sheet.
   *
   * @throws AnalysisError `TOO_LARGE` naming the sheet, what it would need and Excel's limit.
   */
  checkPlan(plan: WritePlan): void {
    const target = plan.customers;
    if (target.kind === 'new') {
      const all = [...target.baseColumns, ...plan.columns];
      const customers = all.reduce((n, c) => Math.max(n, c.values.length), 0);
      if (customers + 1 > rows) {
        throw new AnalysisError(
          'TOO_LARGE',
          `The customers sheet would need ${count(customers + 1)} rows (a header and ${count(customers)} customers), more than Excel's ${count(rows)}. Nothing was written; analyse fewer customers (for example a shorter window or one region), then run again.`,
        );
      }
      excelGrid.checkColumns(all.length, target.sheetName);
    } else if (target.table.headerRow + target.table.rowCount > rows) {
      throw new AnalysisError(
        'TOO_LARGE',
        `The customers table "${target.table.sheet}" has ${count(target.table.rowCount)} rows, more than an Excel sheet's ${count(rows)}. Nothing was written; split it, then run again.`,
      );
    }
    for (const sheet of plan.sheets) {
      if (sheet.cells.length > rows) {
        throw new AnalysisError(
          'TOO_LARGE',
          `The summary sheet "${sheet.name}" would need ${count(sheet.cells.length)} rows, more than Excel's ${count(rows)}. Nothing was written; analyse fewer customers, then run again.`,
        );
      }
      excelGrid.checkColumns(
        sheet.cells.reduce((n, row) => Math.max(n, row.length), 0),
        sheet.name,
      );
    }
  },

  /**
   * Checks that a sheet's content ends at or before column XFD.
   *
   * @param lastColumn 1-based sheet column of the last cell to write.
   * @param sheet The sheet's name, for the message.
   * @param beside What the columns go beside (e.g. `the customers table`), when they are appended.
   * @throws AnalysisError `TOO_LARGE` naming the column needed and Excel's 16,384.
   */
  checkColumns(lastColumn: number, sheet: string, beside?: string): void {
    if (lastColumn <= columns) return;
    const where =
      beside === undefined
        ? `The sheet "${sheet}" would need ${count(lastColumn)} columns`
        : `The results would reach column ${count(lastColumn)} beside ${beside} on sheet "${sheet}"`;
    const fix =
      beside === undefined
        ? 'analyse fewer items, then run again'
        : 'clear or move the cells to the right of the table (or move the table left), then run again';
    throw new AnalysisError(
      'TOO_LARGE',
      `${where}, past Excel's last column (XFD, ${count(columns)} columns). Nothing was written; ${fix}.`,
    );
  },
};
