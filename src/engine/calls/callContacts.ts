import type { CallOutcomeRow } from './Call';

/** A contact a rep recorded in a Calls sheet: who, and on which day. */
export interface CallContact {
  customerId: string;
  day: number;
}

/**
 * The contacts the reps' outcomes record — a visits log nobody had to keep by hand: every `done`,
 * `notInterested` or `note` row is a contact with its customer on the call's date, capped at the as-of
 * date (a call planned for later but already made counts as made by the as-of date). `noAnswer` is no
 * contact. One contact per customer and day, by customer id, then day.
 *
 * @example
 * callContacts([{ day: 46365, customerId: 'C1', outcome: 'done', … }], 46362); // [{ customerId: 'C1', day: 46362 }]
 */
export function callContacts(rows: readonly CallOutcomeRow[], asOf: number): CallContact[] {
  const seen = new Set<string>();
  const contacts: CallContact[] = [];
  for (const row of rows) {
    if (row.outcome === 'noAnswer') continue;
    const day = Math.min(row.day, asOf);
    const key = `${row.customerId}\u0000${String(day)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    contacts.push({ customerId: row.customerId, day });
  }
  return contacts.sort((a, b) =>
    a.customerId === b.customerId ? a.day - b.day : a.customerId < b.customerId ? -1 : 1,
  );
}
