import type { Cell, Style, Workbook, Worksheet } from 'exceljs';
import { callsSheet } from '../../engine/calls/callsSheet';
import { excelNumberFormat } from '../../engine/sheetSpec';
import { callRowsToWrite } from '../callRowsToWrite';
import { excelGrid } from '../excelGrid';
import { uniqueName } from '../uniqueName';
import type { CallsPlan } from '../WorkbookHost';
import type { DeferredRows } from './appendSheetRows';
import { callsSheetRows, isCallsSheet } from './callsSheetsOf';
import { addStyle } from './writeOutputValue';

/** Rows under the header offered Outcome's drop-down list beyond the calls written. */
const validationSpareRows = 500;

/**
 * The style of each of our columns' data cells: its number format and alignment (`callsSheet.alignments`),
 * one frozen object per column, shared by its cells (the library looks a style object up once).
 */
const cellStyles: readonly Partial<Style>[] = callsSheet.formats
  .slice(0, callsSheet.ourColumnCount)
  .map((format, c) => {
    const align = callsSheet.alignments[c];
    return Object.freeze({
      numFmt: excelNumberFormat(format),
      alignment: {
        vertical: 'top',
        ...(align?.center === true ? { horizontal: 'center' } : {}),
        ...(align?.wrap === true ? { wrapText: true } : {}),
      },
    } satisfies Partial<Style>);
  });

/** Gives a cell of our column `c` its style, keeping what else a rep gave it (a fill, a font). */
function styleCell(cell: Cell, c: number): void {
  const style = cellStyles[c] ?? {};
  const keys = Object.keys(cell.style).filter((key) => key !== 'numFmt' && key !== 'alignment');
  cell.style = keys.length === 0 ? style : { ...cell.style, ...style };
}

/** A new Calls sheet: the header (ours and the reps' two), widths, frozen header, Outcome's drop-down list. */
function newCallsSheet(workbook: Workbook, plan: CallsPlan): Worksheet {
  const name = uniqueName(
    callsSheet.name(plan.asOf, plan.language),
    workbook.worksheets.map((s) => s.name),
    excelGrid.sheetNameLength,
  );
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  callsSheet.headers(plan.language).forEach((header, c) => {
    const cell = sheet.getCell(1, c + 1);
    cell.value = header;
    addStyle(cell, {
      font: { bold: true },
      fill: {
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: c >= callsSheet.ourColumnCount ? 'FFFFF2CC' : 'FFDDEBF7' },
      },
    });
  });
  callsSheet.widths.forEach((width, c) => {
    sheet.getColumn(c + 1).width = width;
  });
  // Printed as a call sheet to take along: landscape A4, one page wide.
  sheet.pageSetup = {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- 9 is A4: exceljs's PaperSize is a const enum, which isolated modules cannot import
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  };
  // The reps' columns are Text, so a note typed as `=…` stays what was typed (a format, no value).
  for (const column of [callsSheet.outcomeColumn, callsSheet.noteColumn]) {
    sheet.getColumn(column + 1).numFmt = '@';
    sheet.getColumn(column + 1).alignment = { vertical: 'top' };
  }
  return sheet;
}

/** What {@link writeCallsSheet} wrote. */
export interface WrittenCalls {
  /** The sheet's name. */
  name: string;
  /** The rows of a new sheet left out of the workbook model, for `appendRowsToPackage`; else null. */
  deferred: DeferredRows | null;
}

/**
 * Writes the Calls sheet of a run into the output workbook (the command line and the web page): the sheet of
 * the plan's as-of date (`Calls 2026-12-06`), created, or, when the workbook already has it, updated in
 * place (`callRowsToWrite`). Writes only cells of our ten columns: Outcome and Note get their header on a new
 * sheet and are never written again; Calls sheets of other dates are left exactly as they are. A new sheet's Outcome
 * offers a drop-down list (done / no answer / not interested, in the plan's language; other text allowed).
 * A new sheet of more than `deferAboveCells` of our cells keeps only its first call in the model, the
 * template of the rest, which are returned to be written straight into the package (the 96,176 calls of
 * 100,000 customers); a re-run on an existing sheet always goes through the model (it reads the reps' cells).
 *
 * @returns The sheet's name and its deferred rows; null when there is no call and no sheet of that date
 *   (none is added).
 */
export function writeCallsSheet(
  workbook: Workbook,
  plan: CallsPlan,
  date1904: boolean,
  deferAboveCells = Number.POSITIVE_INFINITY,
): WrittenCalls | null {
  const existing = workbook.worksheets.find(
    (s) => callsSheet.asOfOfName(s.name) === plan.asOf && isCallsSheet(s),
  );
  if (existing === undefined && plan.calls.length === 0) return null;
  const sheet = existing ?? newCallsSheet(workbook, plan);
  const placed = callRowsToWrite(
    plan,
    existing === undefined ? [] : callsSheetRows(sheet, date1904),
    date1904,
  );
  const defer =
    existing === undefined &&
    placed.writes.length > 1 &&
    placed.writes.length * callsSheet.ourColumnCount > deferAboveCells;
  for (const { row, cells } of defer ? placed.writes.slice(0, 1) : placed.writes) {
    cells.forEach((value, c) => {
      const cell = sheet.getCell(row + 2, c + 1);
      cell.value = value;
      styleCell(cell, c);
    });
    const height = callsSheet.rowHeight(cells);
    if (height !== null) sheet.getRow(row + 2).height = height;
  }
  if (existing !== undefined) return { name: sheet.name, deferred: null };
  const outcome = callsSheet.outcomeColumn + 1;
  const letter = String.fromCharCode(64 + outcome);
  // exceljs keeps validations by address; a range address covers the column's rows in one rule.
  (
    sheet as unknown as { dataValidations: { add(address: string, rule: unknown): void } }
  ).dataValidations.add(`${letter}2:${letter}${String(placed.rowCount + validationSpareRows + 1)}`, {
    type: 'list',
    allowBlank: true,
    showErrorMessage: false,
    formulae: [`"${callsSheet.outcomeChoices(plan.language).join(',')}"`],
  });
  return {
    name: sheet.name,
    deferred: defer
      ? {
          sheetName: sheet.name,
          // A new sheet's writes are its rows in order; our ten columns, as written above.
          columns: callsSheet.formats.slice(0, callsSheet.ourColumnCount).map((format, c) => ({
            format,
            values: placed.writes.map(({ cells }) => cells[c] ?? null),
          })),
          firstIndex: 1,
          firstRow: 3,
          rowHeights: placed.writes.map(({ cells }) => callsSheet.rowHeight(cells)),
          // The cells are already as written (`callRowsToWrite` shifted dates for a 1904 workbook).
          date1904: false,
        }
      : null,
  };
}
