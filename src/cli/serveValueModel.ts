import type { MessagePort } from 'node:worker_threads';
import {
  groupValueModelRows,
  runValueModelFit,
  runValueModelHoldout,
  summarizeValueModelRows,
  type ValueModelJob,
  type ValueModelRun,
} from '../engine/valueModel/runValueModel';
import { claimHoldout, type HoldoutClaim } from './holdoutClaim';
import { markGroupingReady, type SharedGrouping } from './sharedGrouping';

/**
 * What the value model worker answers: the run, or that `runValueModel` threw (the caller runs it again).
 * `holdoutLeft`: the caller claimed the holdout check (see {@link HoldoutClaim}) while the fit stands;
 * `run.holdout` is then null and the caller's check takes its place.
 */
export type ValueModelReply =
  { ok: true; run: ValueModelRun; holdoutLeft?: boolean } | { ok: false; message: string };

/**
 * A value model job as the worker is sent it: with the flag of who runs the holdout check and the room for
 * the rows' grouping, both shared with the caller (when it sends them).
 */
export type ValueModelWorkerJob = ValueModelJob & {
  holdoutClaim?: HoldoutClaim;
  grouping?: SharedGrouping;
  /** Where the worker sends what the holdout check reads before its fit (`summarizeValueModelRows`). */
  holdoutInputs?: MessagePort;
};

/** The buffers of a run's per-customer arrays, moved to the caller rather than copied. */
function buffersOf(run: ValueModelRun): ArrayBuffer[] {
  const predictions = run.fit.predictions;
  if (predictions === null) return [];
  const buffers = new Set<ArrayBuffer>();
  for (const values of Object.values(predictions) as (Float64Array | Int32Array)[])
    if (values.buffer instanceof ArrayBuffer) buffers.add(values.buffer);
  return [...buffers];
}

/**
 * `runValueModel` of the job, save the holdout check when the caller has claimed it (its `holdoutClaim`)
 * before this thread got to it.
 */
function replyTo(job: ValueModelWorkerJob): ValueModelReply {
  const { rows, customerCount, asOf, settings, holdoutClaim, grouping, holdoutInputs } = job;
  const byCustomer = groupValueModelRows(rows, customerCount, grouping);
  if (grouping !== undefined) markGroupingReady(grouping);
  // The fit's summary and the holdout check's summaries and groups in one pass, the check's sent first, for
  // the caller: its check may run beside this fit (whoever is free first takes it).
  const summaries = summarizeValueModelRows(rows, asOf, settings, byCustomer);
  const prepared = summaries.holdout;
  if (holdoutInputs !== undefined) {
    holdoutInputs.postMessage(prepared);
    holdoutInputs.close();
  }
  const fit = runValueModelFit(rows, customerCount, asOf, settings, byCustomer, summaries.fit);
  // Claimed also when the fit failed: the caller then need not check the holdout for nothing.
  const mine = holdoutClaim === undefined || claimHoldout(holdoutClaim, 'worker');
  if (fit.valueModel === null) return { ok: true, run: { fit, holdout: null } };
  if (!mine) return { ok: true, run: { fit, holdout: null }, holdoutLeft: true };
  return {
    ok: true,
    run: { fit, holdout: runValueModelHoldout(rows, customerCount, asOf, settings, byCustomer, prepared) },
  };
}

/**
 * The value model worker's role (`workerRoles.valueModel`): fits the one {@link ValueModelWorkerJob} it is
 * sent on `port` as `runValueModel` does, answers a {@link ValueModelReply}, stops listening and calls
 * `done`.
 */
export function serveValueModel(port: MessagePort, done: () => void = () => undefined): void {
  port.once('message', (job: ValueModelWorkerJob) => {
    let reply: ValueModelReply;
    try {
      reply = replyTo(job);
    } catch (error) {
      reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply, reply.ok ? buffersOf(reply.run) : []);
    port.close();
    done();
  });
}
