import { AnalysisError } from '../engine/errors';
import type { Language } from '../engine/types';
import type { WritePlan } from './WorkbookHost';

const rows = 1_048_576;
const columns = 16_384;

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
  /** Longest sheet name Excel accepts. */
  sheetNameLength: 31,

  /**
   * Checks the parts of a plan whose size does not depend on the workbook: the customers sheet built from
   * sales (a header row plus one row per customer; base and result columns side by side), the user's
   * customers table (a CSV copied into a sheet may be longer than a sheet), and every summary sheet.
   *
   * @throws AnalysisError `TOO_LARGE` naming the sheet, what it would need and Excel's limit.
   */
  checkPlan(plan: WritePlan): void {
    const { language } = plan.settings;
    const target = plan.customers;
    if (target.kind === 'new') {
      const all = [...target.baseColumns, ...plan.columns];
      const customers = all.reduce((n, c) => Math.max(n, c.values.length), 0);
      if (customers + 1 > rows) {
        throw AnalysisError.of({ key: 'customersSheetTooLong', customers, limit: rows }, language);
      }
      excelGrid.checkColumns(all.length, target.sheetName, undefined, language);
    } else if (target.table.headerRow + target.table.rowCount > rows) {
      throw AnalysisError.of(
        {
          key: 'customersTableTooLong',
          sheet: target.table.sheet,
          rows: target.table.rowCount,
          limit: rows,
        },
        language,
      );
    }
    for (const sheet of plan.sheets) {
      if (sheet.cells.length > rows) {
        throw AnalysisError.of(
          { key: 'summarySheetTooLong', sheet: sheet.name, rows: sheet.cells.length, limit: rows },
          language,
        );
      }
      excelGrid.checkColumns(
        sheet.cells.reduce((n, row) => Math.max(n, row.length), 0),
        sheet.name,
        undefined,
        language,
      );
    }
  },

  /**
   * Checks that a sheet's content ends at or before column XFD.
   *
   * @param lastColumn 1-based sheet column of the last cell to write.
   * @param sheet The sheet's name, for the message.
   * @param beside Set (to `the customers table`) when the columns are appended beside the customers table.
   * @param language Of the error's sentence (default English).
   * @throws AnalysisError `TOO_LARGE` naming the column needed and Excel's 16,384.
   */
  checkColumns(lastColumn: number, sheet: string, beside?: string, language: Language = 'en'): void {
    if (lastColumn <= columns) return;
    throw AnalysisError.of(
      beside === undefined
        ? { key: 'sheetTooWide', sheet, columns: lastColumn, limit: columns }
        : { key: 'columnsPastXfd', sheet, column: lastColumn, limit: columns },
      language,
    );
  },
};
