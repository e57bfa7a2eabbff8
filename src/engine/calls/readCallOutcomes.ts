import { parseDateCell, parseIdCell, parseTextCell } from '../parseCell';
import type { RawCell } from '../types';
import type { CallOutcomeRow } from './Call';
import { callsSheet } from './callsSheet';

/** The cells of one Calls sheet as a host read them: its name and its rows from row 1 (the header). */
export interface CallsSheetCells {
  name: string;
  rows: RawCell[][];
}

/**
 * The filled rows of a Calls sheet: every row with a customer id, a readable date and an Outcome or a Note.
 * Outcome words count in either language and any case (`done`, `No answer`, `不感兴趣`…); other text in
 * Outcome, or a Note alone, is a `note` (its text is the Note, else the Outcome). A sheet whose first row is
 * not a Calls header (either language) gives nothing.
 *
 * @param date1904 The workbook uses the 1904 date system (date serials are shifted to day numbers).
 * @example
 * readCallOutcomes({ name: 'Calls 2026-12-06', rows: [headers, [46362, 'Ann', 'C1', …, 'Done', '']] }, false);
 * // [{ day: 46362, customerId: 'C1', rep: 'Ann', outcome: 'done', text: 'Done', sheet: 'Calls 2026-12-06', row: 2 }]
 */
export function readCallOutcomes(sheet: CallsSheetCells, date1904: boolean): CallOutcomeRow[] {
  const [header, ...rows] = sheet.rows;
  const at = header === undefined ? null : callsSheet.columnsOfHeader(header);
  if (at === null) return [];
  const cell = (row: readonly RawCell[], index: number | undefined): RawCell =>
    index === undefined ? null : (row[index] ?? null);
  return rows.flatMap((row, k): CallOutcomeRow[] => {
    const outcomeText = parseTextCell(cell(row, at.outcome)) ?? '';
    const note = parseTextCell(cell(row, at.note)) ?? '';
    if (outcomeText === '' && note === '') return [];
    const customerId = parseIdCell(cell(row, at.customerId));
    const day = parseDateCell(cell(row, at.date), date1904, 'mdy')?.day ?? null;
    if (customerId === null || day === null) return [];
    const outcome = outcomeText === '' ? 'note' : callsSheet.outcomeOf(outcomeText);
    return [
      {
        day,
        customerId,
        rep: parseTextCell(cell(row, at.rep)),
        outcome,
        text: outcome === 'note' && note !== '' ? note : outcomeText,
        sheet: sheet.name,
        row: k + 2,
      },
    ];
  });
}
