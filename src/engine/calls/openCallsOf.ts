import { parseDateCell, parseIdCell, parseNumberCell, parseTextCell } from '../parseCell';
import type { RawCell } from '../types';
import type { Call, CallReason } from './Call';
import { callsSheet } from './callsSheet';
import type { CallsSheetCells } from './readCallOutcomes';

/**
 * The calls of the newest Calls sheet (the latest as-of date in its name; the last sheet when no name
 * has a date) still open: Outcome empty or `no answer`, no Note, not marked as no longer listed. Older
 * sheets' open rows were carried into the newer sheet by the run that wrote it, so only the newest
 * counts. Reasons are read back from their labels (either language); the engine carries their care
 * reasons (`CallHistory.open`).
 *
 * @example openCallsOf([{ name: 'Calls 2026-12-06', rows }], false); // [{ customerId: 'C2', reasons: ['birthday'], … }]
 */
export function openCallsOf(sheets: readonly CallsSheetCells[], date1904: boolean): Call[] {
  const dated = sheets.map((sheet, index) => ({
    sheet,
    asOf: callsSheet.asOfOfName(sheet.name) ?? -1,
    index,
  }));
  const newest = dated.reduce<(typeof dated)[number] | null>(
    (best, s) =>
      best === null || s.asOf > best.asOf || (s.asOf === best.asOf && s.index > best.index) ? s : best,
    null,
  );
  if (newest === null) return [];
  const [header, ...rows] = newest.sheet.rows;
  const at = header === undefined ? null : callsSheet.columnsOfHeader(header);
  if (at === null) return [];
  const cell = (row: readonly RawCell[], index: number | undefined): RawCell =>
    index === undefined ? null : (row[index] ?? null);
  const seen = new Set<string>();
  return rows.flatMap((row): Call[] => {
    const outcome = parseTextCell(cell(row, at.outcome));
    if (parseTextCell(cell(row, at.note)) !== null) return [];
    if (outcome !== null && callsSheet.outcomeOf(outcome) !== 'noAnswer') return [];
    const reasonsCell = cell(row, at.reasons);
    if (callsSheet.isNoLongerListed(reasonsCell)) return [];
    const customerId = parseIdCell(cell(row, at.customerId));
    const day = parseDateCell(cell(row, at.date), date1904, 'mdy')?.day ?? null;
    if (customerId === null || day === null) return [];
    const key = `${customerId}\u0000${String(day)}`;
    if (seen.has(key)) return [];
    seen.add(key);
    const reasons = (parseTextCell(reasonsCell) ?? '')
      .split(/[,，、]/u)
      .map((label) => callsSheet.reasonOf(label))
      .filter((reason): reason is CallReason => reason !== null);
    const tier = parseNumberCell(cell(row, at.tier));
    return [
      {
        day,
        customerId,
        name: parseTextCell(cell(row, at.customer)),
        rep: parseTextCell(cell(row, at.rep)),
        reasons,
        detail: parseTextCell(cell(row, at.detail)) ?? '',
        phone: parseTextCell(cell(row, at.phone)),
        tier: tier !== null && Number.isInteger(tier) && tier >= 1 && tier <= 5 ? tier : null,
        segment: parseTextCell(cell(row, at.segment)),
        opener: parseTextCell(cell(row, at.opener)) ?? '',
        overdueDays: 0,
      },
    ];
  });
}
