import { Worker } from 'node:worker_threads';
import {
  runValueModel,
  type ValueModelJob,
  type ValueModelRows,
  type ValueModelRun,
} from '../engine/valueModel/runValueModel';
import type { ValueModelReply } from './serveValueModel';

/** A worker thread that fits one value model job (see {@link startValueModelWorker}). */
export interface ValueModelWorker {
  /**
   * Sends the job and resolves to its run. When the worker fails (it cannot start, stops, or
   * `runValueModel` threw there), the job is run on this thread instead: the result, or the error and its
   * message, are then exactly those of a run without the worker.
   */
  fit(job: ValueModelJob): Promise<ValueModelRun>;
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

/**
 * Starts a worker thread on `script` (the command line's own bundle, whose entry takes the `valueModel`
 * role of `workerRoles`) before the input is read, so that its start overlaps the reading; the analysis
 * hands it the value model's job (`driveSteps`) and runs the methods that do not need it meanwhile.
 *
 * @example
 * const worker = startValueModelWorker(__filename);
 * try { result = await driveSteps(analysisSteps(input), (job) => worker.fit(job)); } finally { worker.close(); }
 */
export function startValueModelWorker(script: string): ValueModelWorker {
  const worker = new Worker(script, { workerData: { role: 'valueModel' } });
  let failed = false;
  let settle: ((reply: ValueModelReply | null) => void) | null = null;
  const fail = (): void => {
    failed = true;
    settle?.(null);
  };
  worker.on('error', fail);
  worker.on('exit', fail);
  worker.on('messageerror', fail);
  worker.on('message', (reply: ValueModelReply) => settle?.(reply));
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
          worker.postMessage({ ...job, rows }, buffers);
        } catch {
          settle(null);
        }
      });
      if (reply?.ok === true) return reply.run;
      // The same code on the same rows: the run, or the very error a run without the worker gives.
      return runValueModel(job.rows, job.customerCount, job.asOf, job.settings);
    },
    close() {
      worker.removeAllListeners();
      // An error while it stops is of no interest any more (and must not go unhandled).
      worker.on('error', () => undefined);
      void worker.terminate();
    },
  };
}
