import { compareIds } from '../compareIds';
import { isoFromDay } from '../dayNumbers';
import { orderByText } from '../orderByText';
import type { Call, CallReason } from './Call';

/** One call in the JSON report (keys in English). */
export interface ReportCall {
  /** ISO date of the call. */
  date: string;
  customerId: string;
  /** The customer's sales rep; null when none. */
  rep: string | null;
  reasons: CallReason[];
  /** One line per reason, in the run's language. */
  detail: string;
}

/**
 * The JSON report's `calls` (command line `--calls`): every call, sorted by date, then rep (code-unit
 * order, no rep last), then customer id (code-unit order).
 *
 * @example callsReport(result.outputs.calls.list)[0] // { date: '2024-03-10', customerId: 'C1', rep: 'Ann', reasons: ['visit'], detail: 'Visit due' }
 */
export function callsReport(list: readonly Call[]): ReportCall[] {
  // The sort reads numbers: each call's place in the order of the customer ids (a radix sort) and its rep's
  // place among the reps. Date, rep and id order every call (one call per customer and day).
  const count = list.length;
  const idRank = new Int32Array(count);
  orderByText(list.map((call) => call.customerId)).forEach((k, rank) => (idRank[k] = rank));
  const reps = [...new Set(list.map((call) => call.rep))].sort((a, b) =>
    a === b ? 0 : a === null ? 1 : b === null ? -1 : compareIds(a, b),
  );
  const repRank = new Map(reps.map((rep, k) => [rep, k]));
  const rep = Int32Array.from(list, (call) => repRank.get(call.rep) ?? 0);
  const order = Array.from({ length: count }, (_, k) => k).sort(
    (p, q) =>
      (list[p]?.day ?? 0) - (list[q]?.day ?? 0) ||
      (rep[p] ?? 0) - (rep[q] ?? 0) ||
      (idRank[p] ?? 0) - (idRank[q] ?? 0),
  );
  const calls: ReportCall[] = [];
  for (const k of order) {
    const call = list[k];
    if (call === undefined) continue;
    calls.push({
      date: isoFromDay(call.day),
      customerId: call.customerId,
      rep: call.rep,
      reasons: [...call.reasons],
      detail: call.detail,
    });
  }
  return calls;
}
