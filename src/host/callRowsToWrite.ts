import type { Call } from '../engine/calls/Call';
import { callsSheet } from '../engine/calls/callsSheet';
import { placeCallRows, type CallRowPlacement, type WrittenCell } from '../engine/calls/placeCallRows';
import { callKey } from '../engine/calls/callHistoryOf';
import type { Language, RawCell } from '../engine/types';
import { cellValue } from './cellValue';
import type { CallsPlan } from './WorkbookHost';

/**
 * Our ten cells of a call as a host writes them (`cellValue`: text fitted, dates shifted in a 1904 workbook).
 *
 * @example callCells(call, 'en', false)[2] === call.customerId
 */
export function callCells(call: Call, language: Language, date1904: boolean): WrittenCell[] {
  return callsSheet
    .rowOf(call, language)
    .map((value, c) => cellValue(value, callsSheet.formats[c], date1904));
}

/**
 * What a host writes to the Calls sheet of a run (both hosts): our ten cells of each call as the host
 * writes them (`cellValue`: text fitted, dates shifted in a 1904 workbook), placed on the rows already
 * there by `placeCallRows` — a rep's row untouched, a listed call kept in its row, a call no longer listed
 * marked, a new call appended. Only cells of our ten columns are ever in the result.
 *
 * @param existing The sheet's data rows as read (empty for a new sheet), twelve columns each.
 * @example callRowsToWrite(plan, [], false).writes.length === plan.calls.length
 */
export function callRowsToWrite(
  plan: CallsPlan,
  existing: readonly (readonly RawCell[])[],
  date1904: boolean,
): CallRowPlacement {
  const wanted = plan.calls.map((call) => ({
    key: callKey(call.customerId, call.day),
    cells: callCells(call, plan.language, date1904),
  }));
  // A kept cell is already as written (read back): only the reason is new.
  const noLongerListed = (cells: readonly RawCell[]): WrittenCell[] =>
    callsSheet.noLongerListedRow(
      cells.slice(0, callsSheet.ourColumnCount).map((v) => (typeof v === 'boolean' ? String(v) : v)),
      plan.language,
    );
  return placeCallRows(existing, wanted, date1904, noLongerListed);
}
