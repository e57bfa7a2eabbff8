import { isMainThread, parentPort, Worker, workerData, type ResourceLimits } from 'node:worker_threads';
import type { CsvHalfParser, CsvHalfReply } from '../host/file/node/parseCsvInHalves';
import { serveCsvHalf } from '../host/file/node/serveCsvHalf';
import { serveJsonReportParts } from './jsonReportPart';
import { serveValueModel } from './serveValueModel';

/**
 * What the command line's bundle does when it is started as a worker thread, by `workerData.role`:
 * `csvHalf` parses the second half of a large CSV (`startCsvHalfWorker`); `valueModel` fits the value model
 * beside the analysis (`startValueModelWorker`); `jsonReport` formats blocks of a large JSON report's
 * customers (`writeJsonReport`).
 */
export const workerRoles = {
  csvHalf: () => {
    if (parentPort !== null) serveCsvHalf(parentPort);
  },
  valueModel: serveValueModel,
  jsonReport: serveJsonReportParts,
} as const satisfies Readonly<Record<string, () => void>>;

/** A role of {@link workerRoles}. */
export type WorkerRole = keyof typeof workerRoles;

/**
 * Starts `script` (the command line's own bundle, dist/cli.js, whose entry runs {@link runWorkerRole}) as a
 * worker thread with `role` (and its heap's `resourceLimits`, if given); null without a script (in-process
 * runs such as the tests'), when the work stays on this thread. The worker does not keep the process alive.
 */
export function startWorker(
  role: WorkerRole,
  script: string | null,
  resourceLimits?: ResourceLimits,
): Worker | null {
  if (script === null) return null;
  const worker = new Worker(script, { workerData: { role }, ...(resourceLimits && { resourceLimits }) });
  worker.unref();
  return worker;
}

/**
 * Runs the role this thread was started for ({@link startWorker}): true on a worker thread (one without a
 * known role does nothing), false on the main thread, where the command line runs.
 */
export function runWorkerRole(): boolean {
  if (isMainThread) return false;
  const role = (workerData as { role?: unknown } | null)?.role;
  if (typeof role === 'string' && Object.hasOwn(workerRoles, role)) workerRoles[role as WorkerRole]();
  return true;
}

/**
 * A worker that parses the second half of a large CSV, started now so that loading it overlaps reading
 * the file; `close` ends it (after the read, used or not). Null when no worker can be started.
 */
export function startCsvHalfWorker(script: string | null): (CsvHalfParser & { close(): void }) | null {
  const worker = startWorker('csvHalf', script);
  if (worker === null) return null;
  let failure: string | null = null;
  const waiting: ((reply: CsvHalfReply) => void)[] = [];
  const fail = (message: string): void => {
    failure ??= message;
    for (const resolve of waiting.splice(0)) resolve({ kind: 'failed', message });
  };
  worker.on('error', (error) => {
    fail(error.message);
  });
  worker.on('exit', (code) => {
    fail(`the CSV worker stopped (${String(code)})`);
  });
  worker.on('message', (reply: CsvHalfReply) => {
    worker.unref();
    for (const resolve of waiting.splice(0)) resolve(reply);
  });
  return {
    parse(request) {
      if (failure !== null) return Promise.resolve({ kind: 'failed', message: failure });
      return new Promise((resolve) => {
        waiting.push(resolve);
        // Kept alive while its answer is awaited.
        worker.ref();
        worker.postMessage(request);
      });
    },
    close() {
      void worker.terminate();
    },
  };
}
