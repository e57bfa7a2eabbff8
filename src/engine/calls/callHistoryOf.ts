import type { CallHistory } from './Call';
import { callContacts } from './callContacts';
import { openCallsOf } from './openCallsOf';
import { readCallOutcomes, type CallsSheetCells } from './readCallOutcomes';

/** Key of a call: its customer and day. */
export const callKey = (customerId: string, day: number): string => `${customerId}\u0000${String(day)}`;

/**
 * What the Calls sheets of earlier runs tell the next one (`AnalysisInput.callHistory`): the contacts the
 * reps recorded in any of them (`callContacts` of `readCallOutcomes`) and the calls of the newest one still
 * open (`openCallsOf`). Null when there is no Calls sheet.
 *
 * @param date1904 The workbook uses the 1904 date system.
 * @example callHistoryOf(info.callSheets ?? [], info.date1904); // { contacts: [...], open: [...] }
 */
export function callHistoryOf(sheets: readonly CallsSheetCells[], date1904: boolean): CallHistory | null {
  if (sheets.length === 0) return null;
  return {
    contacts: callContacts(sheets.flatMap((sheet) => readCallOutcomes(sheet, date1904))),
    open: openCallsOf(sheets, date1904),
  };
}
