import type { ReportParts } from '../engine/reportParts';
import type { Language } from '../engine/types';
import { writeFileAtomically } from '../host/file/node/writeFileAtomically';
import { customerLines, formatReportJson, reportClosing, reportOpening } from './formatReportJson';
import { jsonReportPartJob, type JsonReportBuffer, type JsonReportPartReply } from './jsonReportPart';
import { roleWorker, WorkerThread, type RoleWorker, type WorkerSource } from './roleWorker';

/**
 * Customers from which a worker thread takes part in a report: its start (some 40 ms, while this thread
 * formats the lead) pays from about 10,000 customers on; from twice as many it saves some tens of
 * milliseconds (a tenth of a second at 100,000).
 */
export const jsonReportWorkerFromCustomers = 20_000;

/**
 * The young generation of a worker of its own: small, as all it allocates but a batch of customers is
 * garbage at once (the default lets its heap grow by some 30 MB, at the end of the run where its memory
 * peaks).
 */
const workerHeap = { maxYoungGenerationSizeMb: 4 };

/** Customers per block the worker formats. */
const workerBlock = 4096;

/**
 * Customers this thread formats between two of the worker's blocks, per customer of the worker's block:
 * fewer, as it also gathers the worker's values and writes every byte.
 */
const ownPerWorkerCustomer = 0.7;

/** The worker's blocks sent ahead of the one this thread waits for: it never waits for its next block. */
const blocksAhead = 2;

/**
 * The first customers, formatted by this thread while the worker starts (some 40 ms), when there are enough
 * for a block of the worker's after them.
 */
const mostLead = 8192;

/**
 * The lead when the worker is the run's thread, started already: what this thread formats while the worker
 * takes its first block in.
 */
const runningLead = 256;

/** A block of customers: from, to (excluded). */
type Block = readonly [from: number, to: number];

/**
 * How the customers are shared: the lead (this thread's), then in turn a block for the worker and one for
 * this thread, so that each of the worker's blocks is written soon after it comes (never more than a few
 * of them held) and the threads finish together.
 */
function shareCustomers(
  count: number,
  most: number,
): { lead: number; turns: { worker: Block; own: Block }[] } {
  // At least one: the worker's lines come after a separator.
  const lead = Math.max(1, Math.min(most, count - workerBlock));
  const own = Math.round(workerBlock * ownPerWorkerCustomer);
  const turns: { worker: Block; own: Block }[] = [];
  for (let at = lead; at < count;) {
    const worker: Block = [at, Math.min(count, at + workerBlock)];
    at = worker[1];
    const next = Math.min(count, at + own);
    turns.push({ worker, own: [at, next] });
    at = next;
  }
  return { lead, turns };
}

/**
 * The worker's side of the conversation: `send` posts the job of a block (false when it cannot be sent);
 * `next` resolves to the worker's next chunk (`jsonReportDone` skipped), null once it failed; `ready`
 * tells whether `next` would resolve at once; `giveUp` takes no more of its chunks; `giveBack` hands a
 * written chunk's buffer back; `stop` removes the listeners.
 */
function talkTo(worker: RoleWorker): {
  send: (job: ReturnType<typeof jsonReportPartJob>) => boolean;
  next: () => Promise<Extract<JsonReportPartReply, { kind: 'jsonReportBytes' }> | null>;
  giveBack: (bytes: ArrayBuffer) => void;
  ready: () => boolean;
  giveUp: () => void;
  stop: () => void;
} {
  const replies: JsonReportPartReply[] = [];
  let failed = false;
  let over = false;
  let wake: (() => void) | null = null;
  const rouse = (): void => {
    wake?.();
    wake = null;
  };
  let stopped = false;
  worker.onMessage((message) => {
    if (stopped) return;
    const kind = (message as { kind?: unknown } | null)?.kind;
    if (kind === 'jsonReportBytes' || kind === 'jsonReportFailed') {
      replies.push(message as JsonReportPartReply);
      rouse();
    }
  });
  // A worker that stops or fails ends its part where it is: this thread formats the rest.
  worker.onFailure(() => {
    if (stopped) return;
    failed = true;
    rouse();
  });
  return {
    send: ({ job, buffers }) => {
      if (failed) return false;
      try {
        worker.postMessage(job, buffers);
        return true;
      } catch {
        failed = true;
        return false;
      }
    },
    next: async () => {
      while (replies.length === 0 && !failed) await new Promise<void>((resolve) => (wake = resolve));
      // What came before a failure is used; nothing after it (this thread takes over from there).
      const reply = over ? undefined : replies.shift();
      if (reply?.kind !== 'jsonReportBytes') {
        over = failed = true;
        return null;
      }
      return reply;
    },
    ready: () => replies.length > 0 || failed,
    giveUp: () => {
      over = failed = true;
    },
    giveBack: (bytes) => {
      if (over) return;
      try {
        const message: JsonReportBuffer = { kind: 'jsonReportBuffer', bytes };
        worker.postMessage(message, [bytes]);
      } catch {
        // Kept here, to be collected: the worker allocates another.
      }
    },
    stop: () => {
      stopped = true;
    },
  };
}

/**
 * Writes the JSON report (`formatReportJson`'s text, byte for byte) to `file`. A large report is formatted
 * on two threads: a worker thread (role `jsonReport`: the run's shared thread, or a thread of the script
 * started now, which loads while this thread formats the first customers) formats blocks of customers from
 * their values (`jsonReportPartJob`), in turn with this thread, whose blocks and the worker's bytes are
 * written in order; should the worker fail, this thread formats what it did not send.
 *
 * @param source Where the worker runs: the command line's bundle (a thread of its own) or the run's
 *   `WorkerThread`; null: everything on this thread.
 * @param options `fromCustomers`: customers from which a worker takes part; `takeOver` (default true): this
 *   thread formats the rest of a block whose next lines the worker has not sent yet rather than wait for
 *   them (on a busy machine the worker may get little of a core); false waits for every block.
 * @throws FileError `cannotWrite` (`writeFileAtomically`).
 * @example await writeJsonReport('report.json', reportParts(result), 'en', __filename);
 */
export async function writeJsonReport(
  file: string,
  parts: ReportParts,
  language: Language,
  source: WorkerSource | null,
  options: { fromCustomers?: number; takeOver?: boolean } = {},
): Promise<void> {
  const { fromCustomers = jsonReportWorkerFromCustomers, takeOver = true } = options;
  const { head, count, customer, fields } = parts;
  let worker: RoleWorker | null = null;
  try {
    if (source !== null && count >= Math.max(2, fromCustomers))
      worker = roleWorker('jsonReport', source, workerHeap);
  } catch {
    // No worker (the script's path is refused): all on this thread.
  }
  if (worker === null) {
    await writeFileAtomically(file, formatReportJson(head, count, customer), language);
    return;
  }
  // Kept alive while its blocks are awaited.
  worker.keepAlive(true);
  const talk = talkTo(worker);
  try {
    const { lead, turns } = shareCustomers(
      count,
      source instanceof WorkerThread && source.running ? runningLead : mostLead,
    );
    const progress = new Int32Array(new SharedArrayBuffer(4));
    let sent = 0;
    const sendAhead = (waitingFor: number): void => {
      for (const { worker: block } of turns.slice(sent, waitingFor + blocksAhead)) {
        const { job, buffers } = jsonReportPartJob(fields, block[0], block[1]);
        if (!talk.send({ job: { ...job, progress }, buffers })) return;
        sent++;
      }
    };
    sendAhead(0);
    async function* pieces(): AsyncGenerator<Iterable<string> | Uint8Array, void, undefined> {
      yield [reportOpening(head)];
      yield customerLines(0, lead, customer);
      for (const [
        turn,
        {
          worker: [from, to],
          own,
        },
      ] of turns.entries()) {
        sendAhead(turn + 1);
        let next = from;
        // The worker's lines of this block as far as they have come (this thread does not wait for the worker:
        // it takes the rest of the block over), then the rest from here.
        for (
          let chunk = turn < sent && (!takeOver || talk.ready()) ? await talk.next() : null;
          chunk !== null;
        ) {
          if (chunk.from > next) {
            // Lines missing: the worker is not trusted any more.
            talk.giveUp();
            break;
          }
          if (chunk.from === next) {
            yield new Uint8Array(chunk.bytes, 0, chunk.length);
            next = chunk.through;
          }
          // Written by now (or of a block taken over): its buffer goes back to be filled again.
          talk.giveBack(chunk.bytes);
          chunk = next < to && (!takeOver || talk.ready()) ? await talk.next() : null;
        }
        yield customerLines(next, to, customer);
        // Blocks taken over are dropped by the worker.
        Atomics.store(progress, 0, to);
        yield customerLines(own[0], own[1], customer);
      }
      yield [reportClosing];
    }
    await writeFileAtomically(file, pieces(), language);
  } finally {
    talk.stop();
    worker.close();
  }
}
