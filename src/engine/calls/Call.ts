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

/** A contact read back from an earlier Calls sheet: the customer was reached (or reached out) on that day. */
export interface CallContact {
  customerId: string;
  /** Day number of the contact (the call's date as listed). */
  day: number;
}

/**
 * What earlier Calls sheets tell the next run (the hosts read it, the engine merges it; `AnalysisInput.callHistory`).
 * - `contacts`: each counts as a contact of the customer on its day: a contact up to the as-of date later
 *   than the customer's last contact (visits log, else last purchase) becomes its last contact, so the next
 *   visit is due from it; a generated call for the same customer on the same day is not listed again; a
 *   contact after the last purchase in the 30 days up to the as-of date holds back a win-back call.
 * - `open`: calls listed before and not done yet. Their care reasons (birthday, anniversary, service) are
 *   listed again — on their own day, or on the as-of date as overdue when that day has passed — unless a
 *   contact for the customer on or after that day exists; visit and win-back reasons are recomputed every run
 *   and are not carried.
 */
export interface CallHistory {
  contacts: readonly CallContact[];
  open: readonly Call[];
}
