import type { CallContact, CallOutcomeRow } from './Call';
import { callsSheet } from './callsSheet';

/**
 * The contacts the reps' outcomes record — a visits log nobody had to keep by hand: every `done`,
 * `notInterested` or `note` row is a contact with its customer on the call's date; `noAnswer` is none. A
 * call dated after its sheet's as-of date (the sheet's name says it) that was already made counts on that
 * as-of date too — the call's date capped at the as-of date — so a re-run with the same as-of date already
 * restarts the visit cadence from it. One contact per customer and day, by customer id, then day.
 *
 * @example
 * callContacts([{ day: 46365, customerId: 'C1', outcome: 'done', sheet: 'Calls 2026-12-06', … }]);
 * // [{ customerId: 'C1', day: 46362 }, { customerId: 'C1', day: 46365 }]
 */
export function callContacts(rows: readonly CallOutcomeRow[]): CallContact[] {
  const seen = new Set<string>();
  const contacts: CallContact[] = [];
  const add = (customerId: string, day: number): void => {
    const key = `${customerId}\u0000${String(day)}`;
    if (seen.has(key)) return;
    seen.add(key);
    contacts.push({ customerId, day });
  };
  for (const row of rows) {
    if (row.outcome === 'noAnswer') continue;
    add(row.customerId, row.day);
    const asOf = callsSheet.asOfOfName(row.sheet);
    if (asOf !== null && asOf < row.day) add(row.customerId, asOf);
  }
  return contacts.sort((a, b) =>
    a.customerId === b.customerId ? a.day - b.day : a.customerId < b.customerId ? -1 : 1,
  );
}
