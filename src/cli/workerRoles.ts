import { isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { CsvHalfParser, CsvHalfReply } from '../host/file/node/parseCsvInHalves';
import { serveCsvHalf } from '../host/file/node/serveCsvHalf';
import { serveJsonReportParts } from './jsonReportPart';
import { roleWorker, type RoleRequest, type WorkerSource } from './roleWorker';
import { serveValueModel } from './serveValueModel';

/**
 * What the command line's bundle does as a worker thread, per role, on the port it talks over (and `done`
 * called once a role that answers once has answered): `csvHalf` parses the second half of a large CSV
 * (`startCsvHalfWorker`); `valueModel` fits the value model beside the analysis (`startValueModelWorker`);
 * `jsonReport` formats blocks of a large JSON report's customers (`writeJsonReport`).
 */
export const workerRoles = {
  csvHalf: serveCsvHalf,
  valueModel: serveValueModel,
  jsonReport: serveJsonReportParts,
} as const satisfies Readonly<Record<string, (port: MessagePort, done?: () => void) => void>>;

/** A role of {@link workerRoles}. */
export type WorkerRole = keyof typeof workerRoles;

function isRole(role: unknown): role is WorkerRole {
  return typeof role === 'string' && Object.hasOwn(workerRoles, role);
}

/**
 * Runs what this thread was started for (`roleWorker`): with `workerData.role` one of
 * {@link workerRoles}, that role on the thread's own port; with `roles`, each role it is then sent (a
 * `RoleRequest`: the role and its port), in turn (`WorkerThread`). True on a worker thread (one without a
 * known role does nothing), false on the main thread, where the command line runs.
 */
export function runWorkerRole(): boolean {
  if (isMainThread) return false;
  const role = (workerData as { role?: unknown } | null)?.role;
  const port = parentPort;
  if (port === null) return true;
  if (isRole(role)) workerRoles[role](port);
  else if (role === 'roles') {
    const collect = fullCollection();
    // What a role leaves (a CSV half's text, the value model's rows) is freed once it has answered, as a
    // thread of its own would be when it ends; while the thread waits for its next role.
    const done = (): void => {
      if (collect !== null) setImmediate(collect);
    };
    port.on('message', (request: RoleRequest) => {
      if (isRole(request.role)) workerRoles[request.role](request.port, done);
      else request.port.close();
    });
  }
  return true;
}

/**
 * V8's full garbage collection, which a thread has when `--expose-gc` was set as it started (`WorkerThread`
 * sets it); null otherwise. A role's thread would collect its old generation only when that grows, which a
 * role's garbage alone (tens of megabytes, dropped at once) may never make it do before the run ends.
 */
function fullCollection(): (() => void) | null {
  const gc: unknown = globalThis.gc;
  return typeof gc === 'function' ? () => void (gc as () => unknown)() : null;
}

/**
 * A worker that parses the second half of a large CSV, started now so that loading it overlaps reading
 * the file; `close` ends it (after the read, used or not). Null without a source or when no worker can be
 * started.
 */
export function startCsvHalfWorker(source: WorkerSource | null): (CsvHalfParser & { close(): void }) | null {
  if (source === null) return null;
  let worker;
  try {
    worker = roleWorker('csvHalf', source);
  } catch {
    return null;
  }
  let failure: string | null = null;
  const waiting: ((reply: CsvHalfReply) => void)[] = [];
  worker.onFailure((message) => {
    failure ??= message;
    for (const resolve of waiting.splice(0)) resolve({ kind: 'failed', message });
  });
  worker.onMessage((reply) => {
    worker.keepAlive(false);
    for (const resolve of waiting.splice(0)) resolve(reply as CsvHalfReply);
  });
  return {
    parse(request) {
      if (failure !== null) return Promise.resolve({ kind: 'failed', message: failure });
      return new Promise((resolve) => {
        waiting.push(resolve);
        // Kept alive while its answer is awaited.
        worker.keepAlive(true);
        try {
          worker.postMessage(request);
        } catch (error) {
          failure = error instanceof Error ? error.message : String(error);
          resolve({ kind: 'failed', message: failure });
        }
      });
    },
    close() {
      worker.close();
    },
  };
}
