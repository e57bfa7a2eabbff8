import type { Workbook, Worksheet } from 'exceljs';
import { callsSheet } from '../../engine/calls/callsSheet';
import type { CallsSheetCells } from '../../engine/calls/readCallOutcomes';
import type { RawCell } from '../../engine/types';
import { toRawCell } from './toRawCell';

/** Whether a worksheet is a Calls sheet: its first row is a Calls header (either language). */
export function isCallsSheet(sheet: Worksheet): boolean {
  const row = sheet.findRow(1);
  if (row === undefined) return false;
  const header: RawCell[] = [];
  for (let c = 1; c <= Math.max(row.cellCount, callsSheet.keys.length); c++)
    header.push(toRawCell(row.findCell(c)?.value, false));
  return callsSheet.columnsOfHeader(header) !== null;
}

/** The data rows of a Calls sheet (row 2 on), twelve cells each, as Excel would return them. */
export function callsSheetRows(sheet: Worksheet, date1904: boolean): RawCell[][] {
  const rows: RawCell[][] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.findRow(r);
    rows.push(
      callsSheet.keys.map((_, c) =>
        row === undefined ? null : toRawCell(row.findCell(c + 1)?.value, date1904),
      ),
    );
  }
  return rows;
}

/**
 * Every Calls sheet of a workbook as its cells (header row first), for `WorkbookInfo.callSheets`.
 *
 * @example callsSheetsOf(workbook, false).map((s) => s.name); // ['Calls 2026-11-29', 'Calls 2026-12-06']
 */
export function callsSheetsOf(workbook: Workbook, date1904: boolean): CallsSheetCells[] {
  return workbook.worksheets.filter(isCallsSheet).map((sheet) => {
    const header = sheet.findRow(1);
    const headers = callsSheet.keys.map((_, c) => toRawCell(header?.findCell(c + 1)?.value, false));
    return { name: sheet.name, rows: [headers, ...callsSheetRows(sheet, date1904)] };
  });
}
