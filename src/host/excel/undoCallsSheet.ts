import { callsSheet } from '../../engine/calls/callsSheet';
import { excelNumberFormat } from '../../engine/sheetSpec';
import { ExcelHostError } from './ExcelHostError';
import type { CallsUndo } from './HostState';
import { readCallsRows } from './readCallsRows';

const filled = (value: unknown): boolean => value !== '' && value !== null && value !== undefined;

/**
 * Prepares undoing what a run wrote to its Calls sheet (two syncs and one per chunk of its rows read by
 * `readCallsRows`, nothing changed yet) and returns the step that queues it: each row the run wrote gets
 * its previous ten cells back (cleared when it was empty before) unless a rep has filled its Outcome or
 * Note since — that row stays as it is, so undo never loses what a rep typed; a sheet the run created is
 * deleted only when no rep typed into any of its rows.
 *
 * @throws ExcelHostError `PROTECTED` when the Calls sheet is protected.
 */
export async function prepareCallsUndo(context: Excel.RequestContext, undo: CallsUndo): Promise<() => void> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(undo.name).load('isNullObject');
  const protection = sheet.protection.load('protected');
  await context.sync();
  if (sheet.isNullObject) return () => undefined;
  if (protection.protected) {
    throw new ExcelHostError(
      'PROTECTED',
      `Sheet "${undo.name}" is protected, so the last run cannot be undone. Unprotect it (Review › Unprotect Sheet), then undo again.`,
    );
  }
  const used = sheet.getUsedRangeOrNullObject(true).load('rowIndex,rowCount');
  await context.sync();
  const rowCount = used.isNullObject ? 0 : Math.max(0, used.rowIndex + used.rowCount - 1);
  const rows = await readCallsRows(context, sheet, rowCount);
  const repRow = (row: number): boolean =>
    [callsSheet.outcomeColumn, callsSheet.noteColumn].some((c) => filled(rows[row]?.[c]));
  const formats = callsSheet.formats.slice(0, callsSheet.ourColumnCount).map(excelNumberFormat);
  return () => {
    if (undo.created && !rows.some((_, row) => repRow(row))) {
      sheet.delete();
      return;
    }
    for (const { row, before } of undo.rows) {
      if (repRow(row)) continue;
      const range = sheet.getRangeByIndexes(row + 1, 0, 1, callsSheet.ourColumnCount);
      if (before === null) {
        range.clear('Contents');
        continue;
      }
      range.numberFormat = [formats];
      range.values = [before.map((value) => value ?? '')];
    }
  };
}
