/**
 * The call list's shared vocabulary (issue 16): what the engine's calls method produces and what the hosts
 * write to, and read back from, the "Calls" sheets. Agreed between the engine and the hosts: add fields,
 * never rename.
 */

/** Why a customer is on the call list; JSON keeps these English codes. */
export type CallReason = 'visit' | 'birthday' | 'anniversary' | 'service' | 'winback';

/** One call: one customer on one day, with every reason that falls on it (merged). */
export interface Call {
  /** The day to call (day number, as every engine date). */
  day: number;
  customerId: string;
  /** The customer's name, when the customers table has one. */
  name: string | null;
  /** The customer's sales rep; null when none. */
  rep: string | null;
  /** Every reason for this call, in the order of `CallReason` above, each once. */
  reasons: CallReason[];
  /** One line per reason in the run's language ("Birthday (turns 40)", "Follow-up: defrost reminder"). */
  detail: string;
  /** The customer's phone from the customers table; null when none. */
  phone: string | null;
  /** Pyramid tier 1–5, null when none. */
  tier: number | null;
  /** SVCD segment label in the run's language, null when none. */
  segment: string | null;
  /** A suggested opening line, from the strategy of the customer's tier or segment, in the run's language. */
  opener: string;
  /** How urgent, for sorting within a rep: days overdue on the day (0 when not overdue) — higher first. */
  overdueDays: number;
}

/** What a rep wrote in a Calls sheet's Outcome column, read back on the next run. */
export type CallOutcome = 'done' | 'noAnswer' | 'notInterested' | 'note';

/** A filled row of an earlier Calls sheet. */
export interface CallOutcomeRow {
  day: number;
  customerId: string;
  rep: string | null;
  outcome: CallOutcome;
  /** The text as typed (a note's text; the outcome word otherwise). */
  text: string;
  /** Where it was read: the sheet's name and its 1-based row. */
  sheet: string;
  row: number;
}
