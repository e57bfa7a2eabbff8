import { MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import {
  runValueModel,
  runValueModelFit,
  runValueModelHoldout,
  type ValueModelJob,
  type ValueModelRows,
  type ValueModelRun,
} from '../engine/valueModel/runValueModel';
import type { HoldoutCheck } from '../engine/valueModel/types';
import type { HoldoutInputs } from '../engine/valueModel/checkHoldout';
import { claimHoldout, newHoldoutClaim, type HoldoutClaim } from './holdoutClaim';
import { roleWorker, type RoleWorker, type WorkerSource } from './roleWorker';
import type { ValueModelReply, ValueModelWorkerJob } from './serveValueModel';
import { newSharedGrouping, readyGrouping, type SharedGrouping } from './sharedGrouping';

/** A worker thread that fits one value model job (see {@link startValueModelWorker}). */
export interface ValueModelWorker {
  /**
   * Sends the job and resolves to its run. When the worker fails (it cannot start, stops, or
   * `runValueModel` threw there), the job is run on this thread instead: the result, or the error and its
   * message, are then exactly those of a run without the worker.
   */
  fit(job: ValueModelJob): Promise<ValueModelRun>;
  /**
   * For this thread's idle time while it awaits the fit (`driveSteps`' `waiting`): runs the job's holdout
   * check here unless the worker has begun it (see {@link HoldoutClaim}), so that the two halves of the
   * job run side by side. The run `fit` resolves to is the same either way; so is the error (the check's
   * error is kept and thrown by `fit` only where `runValueModel` would throw it). Never throws.
   */
  checkHoldoutHere(): void;
  /** Stops the worker (whether or not it answered); call it once the run is over, also after a failure. */
  close(): void;
}

/**
 * Copies of the job's rows and their buffers, to be moved to the worker (the analysis keeps reading its
 * own rows).
 */
function rowsToSend(rows: ValueModelRows): { rows: ValueModelRows; buffers: ArrayBuffer[] } {
  const customer = rows.customer.slice(0, rows.count);
  const day = rows.day.slice(0, rows.count);
  const amount = rows.amount.slice(0, rows.count);
  return {
    rows: { count: rows.count, customer, day, amount },
    buffers: [customer.buffer, day.buffer, amount.buffer],
  };
}

/** The holdout check as run on this thread: its result, or what it threw. */
type HoldoutOutcome = { ok: true; holdout: HoldoutCheck } | { ok: false; error: unknown };

/** The run of a job from its fit and a holdout check run here (`runValueModel`'s result or error). */
function runWith(fit: ValueModelRun['fit'], here: HoldoutOutcome): ValueModelRun {
  if (fit.valueModel === null) return { fit, holdout: null };
  if (!here.ok) throw here.error;
  return { fit, holdout: here.holdout };
}

/**
 * Starts the value model's worker on `source` (a script: the command line's own bundle, whose entry takes
 * the `valueModel` role of `workerRoles`; or the run's shared `WorkerThread`) before the input is read, so
 * that its start overlaps the reading; the analysis hands it the value model's job (`driveSteps`) and runs
 * the methods that do not need it meanwhile, then the job's holdout check if the worker has not begun it
 * (`checkHoldoutHere`, as `driveSteps` waits).
 *
 * @example
 * const worker = startValueModelWorker(__filename);
 * try {
 *   const fit = (job: ValueModelJob) => worker.fit(job);
 *   result = await driveSteps(analysisSteps(input), fit, () => worker.checkHoldoutHere());
 * } finally {
 *   worker.close();
 * }
 */
export function startValueModelWorker(source: WorkerSource): ValueModelWorker {
  let worker: RoleWorker | null = null;
  let failed = false;
  let settle: ((reply: ValueModelReply | null) => void) | null = null;
  // The job on the worker and its claim flag, while its reply is awaited; the holdout check run here.
  let sent: {
    job: ValueModelJob;
    claim: HoldoutClaim;
    grouping: SharedGrouping;
    inputs: MessagePort;
  } | null = null;
  let here: HoldoutOutcome | null = null;
  const fail = (): void => {
    failed = true;
    settle?.(null);
  };
  try {
    worker = roleWorker('valueModel', source);
    worker.onFailure(fail);
    worker.onMessage((reply) => settle?.(reply as ValueModelReply));
  } catch {
    // No thread: the job runs on this thread.
    failed = true;
  }
  return {
    async fit(job) {
      const reply = await new Promise<ValueModelReply | null>((resolve) => {
        settle = (answer) => {
          settle = null;
          resolve(answer);
        };
        if (failed) {
          settle(null);
          return;
        }
        try {
          const { rows, buffers } = rowsToSend(job.rows);
          const claim = newHoldoutClaim();
          const grouping = newSharedGrouping(rows.count, job.customerCount);
          const inputs = new MessageChannel();
          const message: ValueModelWorkerJob = {
            ...job,
            rows,
            holdoutClaim: claim,
            grouping,
            holdoutInputs: inputs.port2,
          };
          if (worker === null) throw new Error('no worker');
          worker.keepAlive(true);
          worker.postMessage(message, [...buffers, inputs.port2]);
          sent = { job, claim, grouping, inputs: inputs.port1 };
        } catch {
          settle(null);
        }
      });
      worker?.keepAlive(false);
      sent?.inputs.close();
      sent = null;
      const { rows, customerCount, asOf, settings } = job;
      if (reply?.ok === true) {
        if (reply.holdoutLeft !== true) return reply.run;
        return runWith(
          reply.run.fit,
          here ?? { ok: true, holdout: runValueModelHoldout(rows, customerCount, asOf, settings) },
        );
      }
      // The same code on the same rows: the run, or the very error a run without the worker gives.
      if (here === null) return runValueModel(rows, customerCount, asOf, settings);
      return runWith(runValueModelFit(rows, customerCount, asOf, settings), here);
    },
    checkHoldoutHere() {
      if (sent === null || !claimHoldout(sent.claim, 'caller')) return;
      const { rows, customerCount, asOf, settings } = sent.job;
      // The worker's grouping of the rows (it groups them first thing), else grouped here; and the check's
      // summaries and groups if the worker has sent them (it makes them next), else made here.
      const byCustomer = readyGrouping(sent.grouping) ?? undefined;
      const prepared = receiveMessageOnPort(sent.inputs)?.message as HoldoutInputs | null | undefined;
      try {
        here = {
          ok: true,
          holdout: runValueModelHoldout(rows, customerCount, asOf, settings, byCustomer, prepared),
        };
      } catch (error) {
        here = { ok: false, error };
      }
    },
    close() {
      worker?.close();
    },
  };
}
