/**
 * Who runs a value model job's holdout check when the job is fitted on a worker thread: a flag in memory
 * shared by the command line's main thread and the worker. The worker checks the holdout after the fit,
 * unless the main thread, idle before the fit is in, has claimed it first and runs it itself; whoever
 * claims it first (an atomic compare-and-exchange) runs it, the other does not.
 */
export type HoldoutClaim = Int32Array;

const open = 0;
const claimers = { worker: 1, caller: 2 } as const;

/** A new, unclaimed {@link HoldoutClaim} (structured-clone safe: its memory is shared, not copied). */
export function newHoldoutClaim(): HoldoutClaim {
  return new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
}

/**
 * Claims the holdout check for `by`: true when no one had, false when the other side had claimed it.
 *
 * @example if (claimHoldout(claim, 'worker')) holdout = runValueModelHoldout(...);
 */
export function claimHoldout(claim: HoldoutClaim, by: keyof typeof claimers): boolean {
  return Atomics.compareExchange(claim, 0, open, claimers[by]) === open;
}
