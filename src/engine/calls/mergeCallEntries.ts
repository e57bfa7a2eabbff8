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
 * @param idRank Per customer index, its place in the code-unit order of the customer ids (as
 *   `compareIds`; e.g. the inverse of `Rankings.byId`): the last tie-break, read as a number.
 * @example mergeCallEntries([{ customer: 0, day, reason: 'birthday', line: 'Birthday', overdueDays: 0 }, …], customerOf, openerOf, 'en', idRank)
 */
export function mergeCallEntries(
  entries: readonly CallEntry[],
  customerOf: (customer: number) => CallCustomer,
  openerOf: (customer: number, reasons: readonly CallReason[]) => string,
  language: Language,
  idRank: ArrayLike<number>,
): Call[] {
  const n = entries.length;
  // The entries by customer (a counting sort), then by day within a customer (its few entries, by
  // insertion), each group of one customer and day in the order given.
  let customers = 0;
  for (const entry of entries) customers = Math.max(customers, entry.customer + 1);
  const start = new Int32Array(customers + 1);
  for (const entry of entries) start[entry.customer + 1]!++;
  for (let c = 0; c < customers; c++) start[c + 1]! += start[c]!;
  const next = start.slice(0, customers);
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) order[next[entries[k]!.customer]!++] = k;
  for (let c = 0; c < customers; c++) {
    for (let k = start[c]! + 1; k < start[c + 1]!; k++) {
      const moved = order[k]!;
      const day = entries[moved]!.day;
      let j = k - 1;
      while (j >= start[c]! && entries[order[j]!]!.day > day) {
        order[j + 1] = order[j]!;
        j--;
      }
      order[j + 1] = moved;
    }
  }

  const calls: Call[] = [];
  const callCustomer: number[] = [];
  for (let from = 0; from < n;) {
    const first = entries[order[from]!]!;
    let to = from + 1;
    while (to < n) {
      const entry = entries[order[to]!]!;
      if (entry.customer !== first.customer || entry.day !== first.day) break;
      to++;
    }
    let reasons: CallReason[];
    let detail: string;
    let overdueDays: number;
    if (to - from === 1) {
      reasons = [first.reason];
      // One line joined is that line.
      detail = first.line;
      overdueDays = Math.max(0, first.overdueDays);
    } else {
      const group: CallEntry[] = [];
      for (let k = from; k < to; k++) group.push(entries[order[k]!]!);
      // Array.prototype.sort is stable: the lines of one reason keep their order.
      const sorted = group.sort((a, b) => reasonOrder.indexOf(a.reason) - reasonOrder.indexOf(b.reason));
      reasons = [...new Set(sorted.map((entry) => entry.reason))];
      detail = callWords.join([...new Set(sorted.map((entry) => entry.line))], language);
      overdueDays = sorted.reduce((most, entry) => Math.max(most, entry.overdueDays), 0);
    }
    const who = customerOf(first.customer);
    calls.push({
      day: first.day,
      customerId: who.customerId,
      name: who.name,
      rep: who.rep,
      phone: who.phone,
      tier: who.tier,
      segment: who.segment,
      reasons,
      detail,
      opener: openerOf(first.customer, reasons),
      overdueDays,
    });
    callCustomer.push(first.customer);
    from = to;
  }

  // The sort reads numbers: each rep's place among the reps, and the customer's place among the ids.
  const reps = [...new Set(calls.map((call) => call.rep))].sort(compareReps);
  const repRank = new Map(reps.map((rep, k) => [rep, k]));
  const count = calls.length;
  const rep = new Int32Array(count);
  const id = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    rep[k] = repRank.get(calls[k]!.rep)!;
    id[k] = idRank[callCustomer[k]!]!;
  }
  const sorted = Array.from({ length: count }, (_, k) => k).sort((p, q) => {
    const a = calls[p]!;
    const b = calls[q]!;
    return (
      rep[p]! - rep[q]! ||
      a.day - b.day ||
      b.overdueDays - a.overdueDays ||
      b.reasons.length - a.reasons.length ||
      (a.tier ?? 6) - (b.tier ?? 6) ||
      id[p]! - id[q]!
    );
  });
  return sorted.map((k) => calls[k]!);
}

/** Reps in code-unit order; no rep (null) last. */
function compareReps(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareIds(a, b);
}
