import { callsSheet } from '../../engine/calls/callsSheet';
import type { WrittenCell } from '../../engine/calls/placeCallRows';
import { excelNumberFormat } from '../../engine/sheetSpec';
import type { RawCell } from '../../engine/types';
import { callCells, callRowsToWrite } from '../callRowsToWrite';
import { excelGrid } from '../excelGrid';
import { uniqueName } from '../uniqueName';
import type { CallsPlan } from '../WorkbookHost';
import { ExcelHostError } from './ExcelHostError';
import type { CallsUndo } from './HostState';
import { readCallsRows } from './readCallsRows';
import { writeGrids, type GridBlock, type GridWriteOptions } from './writeGrids';

/** Where a run's Calls sheet is, found before anything changes (see {@link findCallsSheet}). */
export interface CallsTarget {
  plan: CallsPlan;
  /** The Calls sheet of the plan's as-of date, when the workbook has it; null: the run adds it. */
  sheet: Excel.Worksheet | null;
  /** Its name (a free one for a new sheet). */
  name: string;
}

/** Rows under the header given Outcome's drop-down list beyond the calls written. */
const validationSpareRows = 500;

const cellOf = (value: unknown): RawCell => (value === '' || value === undefined ? null : (value as RawCell));

/**
 * Finds the Calls sheet of the plan's as-of date (a sheet of that name whose first row is a Calls header),
 * checking, before the run changes anything, that it is not protected. One sync.
 *
 * @throws ExcelHostError `PROTECTED` naming the sheet.
 */
export async function findCallsSheet(
  context: Excel.RequestContext,
  plan: CallsPlan,
  sheets: readonly Excel.Worksheet[],
): Promise<CallsTarget> {
  const candidates = sheets
    .filter((s) => callsSheet.asOfOfName(s.name) === plan.asOf)
    .map((sheet) => ({
      sheet,
      header: sheet.getRangeByIndexes(0, 0, 1, callsSheet.keys.length).load('values'),
      protection: sheet.protection.load('protected'),
    }));
  if (candidates.length > 0) await context.sync();
  const found = candidates.find(
    (c) => callsSheet.columnsOfHeader((c.header.values[0] ?? []).map(cellOf)) !== null,
  );
  if (found?.protection.protected === true) {
    throw new ExcelHostError(
      'PROTECTED',
      `Sheet "${found.sheet.name}" is protected, so the calls cannot be written. Unprotect it (Review › Unprotect Sheet), then run again.`,
    );
  }
  if (found !== undefined) return { plan, sheet: found.sheet, name: found.sheet.name };
  const name = uniqueName(
    callsSheet.name(plan.asOf, plan.language),
    sheets.map((s) => s.name),
    excelGrid.sheetNameLength,
  );
  return { plan, sheet: null, name };
}

/**
 * Writes the run's Calls sheet (see `callRowsToWrite`): a new one gets the header (ours, then the reps'
 * Outcome and Note), widths, a frozen header and Outcome's drop-down list, and its rows are made chunk by
 * chunk as they are written; an existing one is read (`readCallsRows`: in chunks of rows, right before
 * writing, so what co-authors typed until then is seen) and only our ten columns of the rows placed are
 * written — never Outcome or Note, so a rep typing into them while the run writes loses nothing. Fills `undo` with each written row's previous cells (null for a new row) and, when an earlier
 * row is rewritten, has `saveUndo` store the undo record before the rows are written.
 */
export async function writeCallsSheet(
  context: Excel.RequestContext,
  target: CallsTarget,
  date1904: boolean,
  undo: CallsUndo,
  options: GridWriteOptions,
  saveUndo: () => Promise<void>,
): Promise<void> {
  const { plan } = target;
  let sheet = target.sheet;
  let existing: RawCell[][] = [];
  if (sheet === null) {
    const added = context.workbook.worksheets.add(target.name);
    sheet = added;
    const header = added.getRangeByIndexes(0, 0, 1, callsSheet.keys.length);
    header.numberFormat = [callsSheet.keys.map(() => '@')];
    header.values = [callsSheet.headers(plan.language)];
    header.format.font.bold = true;
    added.freezePanes.freezeRows(1);
    callsSheet.widths.forEach((width, c) => {
      // Excel measures column widths in points: about seven per character.
      added.getRangeByIndexes(0, c, 1, 1).format.columnWidth = width * 7;
    });
    const spare = plan.calls.length + validationSpareRows;
    // The reps' cells are Text, so a note typed as `=…` or `+…` stays what was typed (a format, no value).
    // Office.js applies a single (non-array) value to every cell of the range; the typings only list 2-D arrays.
    (
      added.getRangeByIndexes(1, callsSheet.outcomeColumn, spare, 2) as unknown as { numberFormat: unknown }
    ).numberFormat = '@';
    // Every row's cells at the top (a wrapped Detail makes a row taller), Tier centred, Detail wrapped.
    added.getRangeByIndexes(1, 0, spare, callsSheet.keys.length).format.verticalAlignment = 'Top';
    callsSheet.alignments.forEach(({ center, wrap }, c) => {
      const format = added.getRangeByIndexes(1, c, spare, 1).format;
      if (center) format.horizontalAlignment = 'Center';
      if (wrap) format.wrapText = true;
    });
    const outcome = added.getRangeByIndexes(1, callsSheet.outcomeColumn, spare, 1);
    outcome.dataValidation.rule = {
      list: { inCellDropDown: true, source: callsSheet.outcomeChoices(plan.language).join(',') },
    };
    outcome.dataValidation.errorAlert = { showAlert: false, style: 'Information', title: '', message: '' };
  } else {
    const used = sheet.getUsedRangeOrNullObject(true).load('rowIndex,rowCount');
    await context.sync();
    existing = await readCallsRows(context, sheet, used.isNullObject ? 0 : used.rowIndex + used.rowCount - 1);
  }
  const formats = callsSheet.formats.slice(0, callsSheet.ourColumnCount).map(excelNumberFormat);
  const written = sheet;
  const block = (row0: number, rows: number, cellsOf: (r: number) => readonly WrittenCell[]): GridBlock => ({
    sheet: written,
    row0: row0 + 1,
    col0: 0,
    rows,
    columns: callsSheet.ourColumnCount,
    value: (r, c) => cellsOf(r)[c] ?? '',
    format: (_r, c) => formats[c] ?? '@',
    columnFormats: formats,
  });
  const blocks: GridBlock[] = [];
  let rowCount: number;
  undo.created = target.sheet === null;
  undo.name = target.name;
  if (target.sheet === null) {
    // A new sheet: call k on data row k, in list order (what `callRowsToWrite` places on an empty sheet),
    // each row's cells made as its chunk is sized, so the first request goes out without making them all.
    const { calls, language } = plan;
    const made: WrittenCell[][] = [];
    rowCount = calls.length;
    undo.rows = calls.map((_, row) => ({ row, before: null }));
    const cellsOf = (r: number): readonly WrittenCell[] => {
      const call = calls[r];
      return call === undefined ? [] : (made[r] ??= callCells(call, language, date1904));
    };
    if (rowCount > 0) blocks.push(block(0, rowCount, cellsOf));
  } else {
    const placed = callRowsToWrite(plan, existing, date1904);
    rowCount = placed.rowCount;
    undo.rows = placed.writes.map(({ row }) => ({
      row,
      before: row < existing.length ? (existing[row]?.slice(0, callsSheet.ourColumnCount) ?? null) : null,
    }));
    // Rows of an earlier run about to be rewritten: their cells go into the undo record first, so "Undo last
    // run" restores them even when this run fails before its final record is written.
    if (undo.rows.some((r) => r.before !== null)) await saveUndo();
    // One block per run of consecutive rows: our ten columns only.
    let run: { row: number; cells: WrittenCell[] }[] = [];
    const flush = (): void => {
      const first = run[0];
      if (first === undefined) return;
      const rows = run;
      blocks.push(block(first.row, rows.length, (r) => rows[r]?.cells ?? []));
      run = [];
    };
    for (const write of placed.writes) {
      const last = run[run.length - 1];
      if (last !== undefined && last.row + 1 !== write.row) flush();
      run.push(write);
    }
    flush();
  }
  if (blocks.length > 0) {
    await writeGrids(context, blocks, options);
    // Rows grow to their wrapped Detail (the file host writes the same heights itself).
    sheet.getRangeByIndexes(1, 0, rowCount, callsSheet.ourColumnCount).format.autofitRows();
  }
}
