import { parentPort } from 'node:worker_threads';
import { runValueModel, type ValueModelJob, type ValueModelRun } from '../engine/valueModel/runValueModel';

/** What the value model worker answers: the run, or that `runValueModel` threw (the caller runs it again). */
export type ValueModelReply = { ok: true; run: ValueModelRun } | { ok: false; message: string };

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
 * The value model worker's role (`workerRoles.valueModel`): fits the one {@link ValueModelJob} it is sent
 * with `runValueModel`, answers a {@link ValueModelReply} and stops listening.
 */
export function serveValueModel(): void {
  const port = parentPort;
  if (port === null) throw new Error('The value model worker runs only in a worker thread.');
  port.once('message', (job: ValueModelJob) => {
    let reply: ValueModelReply;
    try {
      reply = { ok: true, run: runValueModel(job.rows, job.customerCount, job.asOf, job.settings) };
    } catch (error) {
      reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply, reply.ok ? buffersOf(reply.run) : []);
    port.close();
  });
}
