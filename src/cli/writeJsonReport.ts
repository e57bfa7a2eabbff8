import type { Worker } from 'node:worker_threads';
import type { ReportParts } from '../engine/reportParts';
import type { Language } from '../engine/types';
import { writeFileAtomically } from '../host/file/node/writeFileAtomically';
import { customerLines, formatReportJson, reportClosing, reportOpening } from './formatReportJson';
import { jsonReportPartJob, type JsonReportPartReply } from './jsonReportPart';
import { startWorker } from './workerRoles';

/**
 * Customers from which a report's last part is formatted by a worker thread: its start (some 40 ms on the
 * other core) must pay.
 */
export const jsonReportWorkerFromCustomers = 10_000;

/**
 * The share of the customers this thread formats when a worker formats the rest: less than half, as it
 * also gathers the worker's values and writes every byte.
 */
const ownShare = 0.45;

/** The lines formatted by the worker, in order: chunks of UTF-8 and the customer after each one's last. */
async function* linesFromWorker(
  worker: Worker,
  from: number,
  to: number,
  parts: ReportParts,
): AsyncGenerator<{ bytes: Uint8Array; through: number }, void, undefined> {
  const replies: (JsonReportPartReply | null)[] = [];
  let wake: (() => void) | null = null;
  const push = (reply: JsonReportPartReply | null): void => {
    replies.push(reply);
    wake?.();
    wake = null;
  };
  const onMessage = (message: unknown): void => {
    const kind = (message as { kind?: unknown } | null)?.kind;
    if (kind === 'jsonReportBytes' || kind === 'jsonReportDone' || kind === 'jsonReportFailed')
      push(message as JsonReportPartReply);
  };
  // A worker that stops or fails ends its part where it is: this thread formats the rest.
  const onFailure = (): void => {
    push(null);
  };
  worker.on('message', onMessage);
  worker.on('error', onFailure);
  worker.on('exit', onFailure);
  worker.on('messageerror', onFailure);
  try {
    try {
      const { job, buffers } = jsonReportPartJob(parts.fields, from, to);
      worker.postMessage(job, buffers);
    } catch {
      return;
    }
    for (;;) {
      if (replies.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const reply = replies.shift();
      if (reply?.kind !== 'jsonReportBytes') return;
      yield { bytes: new Uint8Array(reply.bytes, 0, reply.length), through: reply.through };
    }
  } finally {
    worker.off('message', onMessage);
    worker.off('error', onFailure);
    worker.off('exit', onFailure);
    worker.off('messageerror', onFailure);
  }
}

/**
 * Writes the JSON report (`formatReportJson`'s text, byte for byte) to `file`. A large report is formatted
 * on two threads: a worker thread (role `jsonReport`, started now: it loads while this thread gathers its
 * customers' values) formats the last customers from their values (`jsonReportPartJob`) while this thread
 * formats the first, then their bytes follow this thread's; should the worker fail, this thread formats
 * what it did not send.
 *
 * @param script The worker's script (the command line's bundle), or null: everything on this thread.
 * @param fromCustomers Customers from which a worker takes part.
 * @throws FileError `cannotWrite` (`writeFileAtomically`).
 * @example await writeJsonReport('report.json', reportParts(result), 'en', __filename);
 */
export async function writeJsonReport(
  file: string,
  parts: ReportParts,
  language: Language,
  script: string | null,
  fromCustomers = jsonReportWorkerFromCustomers,
): Promise<void> {
  const { head, count, customer } = parts;
  let worker: Worker | null = null;
  try {
    if (count >= Math.max(2, fromCustomers)) worker = startWorker('jsonReport', script);
  } catch {
    // No worker (the script's path is refused): all on this thread.
  }
  if (worker === null) {
    await writeFileAtomically(file, formatReportJson(head, count, customer), language);
    return;
  }
  // Kept alive while its part is awaited.
  worker.ref();
  try {
    const split = Math.max(1, Math.round(count * ownShare));
    // Asked for first, so that the worker formats while this thread does.
    const fromWorker = linesFromWorker(worker, split, count, parts);
    const first = fromWorker.next();
    async function* pieces(): AsyncGenerator<Iterable<string> | Uint8Array, void, undefined> {
      yield [reportOpening(head)];
      yield customerLines(0, split, customer);
      let next = split;
      for (let chunk = await first; chunk.done !== true; chunk = await fromWorker.next()) {
        yield chunk.value.bytes;
        next = chunk.value.through;
      }
      yield customerLines(next, count, customer);
      yield [reportClosing];
    }
    await writeFileAtomically(file, pieces(), language);
  } finally {
    // An error while it stops is of no interest any more (and must not go unhandled).
    worker.on('error', () => undefined);
    void worker.terminate();
  }
}
