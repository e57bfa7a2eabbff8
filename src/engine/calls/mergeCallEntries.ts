import { compareIds } from '../compareIds';
import type { Language } from '../types';
import type { Call, CallReason } from './Call';
import { callWords } from './callWords';

/** One reason to call one customer on one day, before merging. */
export interface CallEntry {
  /** Customer index (row of every output). */
  customer: number;
  day: number;
  reason: CallReason;
  /** The detail line of this reason, in the run's language. */
  line: string;
  /** Days overdue on `day` (0 when not overdue). */
  overdueDays: number;
}

/** What a call says about its customer besides the day and reasons. */
export type CallCustomer = Pick<Call, 'customerId' | 'name' | 'rep' | 'phone' | 'tier' | 'segment'>;

const reasonOrder: readonly CallReason[] = ['visit', 'birthday', 'anniversary', 'service', 'winback'];

/**
 * Merges the reasons to call into one call per customer and day: reasons in `CallReason` order, each once;
 * the detail is the distinct lines in reason order (then as given); `overdueDays` the largest. Returns
 * the calls per sales rep — reps in code-unit order, calls without a rep last — and within a rep most
 * urgent first: earlier day first, then more days overdue, then more reasons, then the better pyramid
 * tier (no tier last), then customer id.
 *
 * @param customerOf The customer's id, name, rep, phone, tier and segment.
 * @param openerOf The suggested opener for a customer and its merged reasons.
 * @example mergeCallEntries([{ customer: 0, day, reason: 'birthday', line: 'Birthday', overdueDays: 0 }, …], customerOf, openerOf, 'en')
 */
export function mergeCallEntries(
  entries: readonly CallEntry[],
  customerOf: (customer: number) => CallCustomer,
  openerOf: (customer: number, reasons: readonly CallReason[]) => string,
  language: Language,
): Call[] {
  const groups = new Map<string, CallEntry[]>();
  for (const entry of entries) {
    const key = `${entry.customer}\u0000${entry.day}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [entry]);
    else group.push(entry);
  }
  const calls: Call[] = [];
  for (const group of groups.values()) {
    const [first] = group;
    if (first === undefined) continue;
    const sorted = group
      .map((entry, k) => ({ entry, k }))
      .sort((a, b) => reasonOrder.indexOf(a.entry.reason) - reasonOrder.indexOf(b.entry.reason) || a.k - b.k)
      .map(({ entry }) => entry);
    const reasons = reasonOrder.filter((reason) => sorted.some((entry) => entry.reason === reason));
    const lines = [...new Set(sorted.map((entry) => entry.line))];
    calls.push({
      day: first.day,
      ...customerOf(first.customer),
      reasons,
      detail: callWords.join(lines, language),
      opener: openerOf(first.customer, reasons),
      overdueDays: Math.max(...sorted.map((entry) => entry.overdueDays)),
    });
  }
  calls.sort(
    (a, b) =>
      compareReps(a.rep, b.rep) ||
      a.day - b.day ||
      b.overdueDays - a.overdueDays ||
      b.reasons.length - a.reasons.length ||
      (a.tier ?? 6) - (b.tier ?? 6) ||
      compareIds(a.customerId, b.customerId),
  );
  return calls;
}

/** Reps in code-unit order; no rep (null) last. */
function compareReps(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareIds(a, b);
}
