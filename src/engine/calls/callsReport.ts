import { compareIds } from '../compareIds';
import { isoFromDay } from '../dayNumbers';
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
  return [...list]
    .sort(
      (a, b) =>
        a.day - b.day ||
        (a.rep === b.rep ? 0 : a.rep === null ? 1 : b.rep === null ? -1 : compareIds(a.rep, b.rep)) ||
        compareIds(a.customerId, b.customerId),
    )
    .map((call) => ({
      date: isoFromDay(call.day),
      customerId: call.customerId,
      rep: call.rep,
      reasons: [...call.reasons],
      detail: call.detail,
    }));
}
