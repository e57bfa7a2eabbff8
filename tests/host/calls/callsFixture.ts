import type { Call } from '../../../src/engine/calls/Call';
import { callsSheet } from '../../../src/engine/calls/callsSheet';
import { dayFromIso } from '../../../src/engine/dayNumbers';
import type { RawCell } from '../../../src/engine/types';

/** Day number of an ISO date. */
export const day = (iso: string): number => dayFromIso(iso) ?? Number.NaN;

/** The as-of date of the hand-made call lists. */
export const asOf = day('2026-12-06');

/** A hand-made call (formula-like name and opener, to prove they stay text). */
export function call(customerId: string, iso: string, extra: Partial<Call> = {}): Call {
  return {
    day: day(iso),
    customerId,
    name: customerId === 'C3' ? '=HYPERLINK("http://x")' : `Name ${customerId}`,
    rep: customerId < 'C3' ? 'Ann' : 'Bob',
    reasons: ['visit'],
    detail: 'Visit due (every 7 days)',
    phone: '+86 555 0100',
    tier: 2,
    segment: 'Star',
    opener: '-- check how they are doing',
    overdueDays: 0,
    ...extra,
  };
}

/** The first run's calls. */
export const firstCalls = (): Call[] => [
  call('C1', '2026-12-06', { reasons: ['visit', 'birthday'], detail: 'Visit due; Birthday' }),
  call('C2', '2026-12-07'),
  call('C3', '2026-12-08', { reasons: ['service'], detail: 'Follow-up: defrost reminder' }),
  call('C4', '2026-12-09', { reasons: ['winback'], detail: 'Win back' }),
];

/**
 * What the reps type between runs, by customer id of the row: Outcome and Note (a note beginning with `=`
 * must stay text).
 */
export const repTyping: Record<string, [RawCell, RawCell]> = {
  C1: ['Done', 'ordered two more'],
  C2: ['no answer', null],
  C4: [null, '=call back after the holidays'],
};

/** Every Outcome and Note cell of a Calls sheet's data rows, by 1-based row, for before/after comparison. */
export function repCells(rows: readonly (readonly RawCell[])[]): string {
  return JSON.stringify(
    rows.map((row, r) => [r + 2, row[callsSheet.outcomeColumn] ?? null, row[callsSheet.noteColumn] ?? null]),
  );
}
