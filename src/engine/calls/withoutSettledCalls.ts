import type { Call, CallOutcomeRow } from './Call';

/** Key of a call: its customer and day. */
export const callKey = (customerId: string, day: number): string => `${customerId}\u0000${String(day)}`;

/**
 * The calls still to make: a call whose customer and day an earlier Calls sheet marks `done` or
 * `notInterested` is not listed again; `noAnswer` and notes leave it on the list.
 *
 * @example withoutSettledCalls(calls, [{ customerId: 'C1', day: 46362, outcome: 'done', … }]) // C1's call of that day gone
 */
export function withoutSettledCalls(calls: readonly Call[], rows: readonly CallOutcomeRow[]): Call[] {
  const settled = new Set(
    rows
      .filter((r) => r.outcome === 'done' || r.outcome === 'notInterested')
      .map((r) => callKey(r.customerId, r.day)),
  );
  return calls.filter((call) => !settled.has(callKey(call.customerId, call.day)));
}
