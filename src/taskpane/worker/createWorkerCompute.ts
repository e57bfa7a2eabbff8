import type { AnalysisInput } from '../../engine/analyze';
import type { ComputedAnalysis } from '../../engine/computeAnalysis';
import { AnalysisError } from '../../engine/errors';
import type { WorkerRequest, WorkerResponse } from './workerMessages';

/** Runs the engine on an input; what `runAnalysis` accepts as `options.compute`. */
export type Compute = (input: AnalysisInput) => Promise<ComputedAnalysis>;

/**
 * Builds a {@link Compute} for one run. The signal cancels that run; `onBuilding` is called when the
 * analysis is done and the columns and summary sheets are being built.
 */
export type ComputeFactory = (signal: AbortSignal, onBuilding: () => void) => Compute;

/** Options of {@link createWorkerCompute}. */
export interface WorkerComputeOptions {
  /**
   * How long an idle worker is kept for the next run, in milliseconds (default one minute): long enough
   * for the re-runs that follow a changed setting, short enough that a pane left open does not hold the
   * worker's memory.
   */
  keepIdleMs?: number;
}

const cancelled = (): AnalysisError =>
  new AnalysisError('CANCELLED', 'The analysis was cancelled; nothing was written.');

/**
 * A {@link ComputeFactory} that runs each computation in a Web Worker (the `analysisWorker` bundle next
 * to the page). One worker is kept between runs: a run that follows another (Analyse again, a changed
 * setting re-running) finds the engine's code loaded and already compiled by the JIT, and costs about a
 * fifth less CPU than in a fresh worker (the bench's "second run", docs/benchmarks.md).
 *
 * A cancelled run terminates its worker at once (the engine cannot be interrupted otherwise), and a
 * worker that crashed or failed to load is dropped: the next run starts a fresh one. An input the engine
 * rejects (an `AnalysisError`) leaves the worker fit for the next run; any other failure drops it. Two
 * runs at once each get a worker of their own.
 *
 * @param workerUrl URL of the worker script, relative to the page (`analysisWorker.js`).
 * @returns Rejects with `AnalysisError('CANCELLED')` when the signal aborts, with the engine's own
 *   `AnalysisError` (same code and message) when the engine rejects the input, and with an `Error` when the
 *   worker itself fails to load or crashes.
 */
export function createWorkerCompute(workerUrl: string, options: WorkerComputeOptions = {}): ComputeFactory {
  const keepIdleMs = options.keepIdleMs ?? 60_000;
  let idle: Worker | null = null;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;

  const take = (): Worker => {
    clearTimeout(idleTimer);
    const kept = idle;
    idle = null;
    return kept ?? new Worker(workerUrl);
  };
  const giveBack = (worker: Worker): void => {
    if (idle !== null) {
      worker.terminate();
      return;
    }
    idle = worker;
    idleTimer = setTimeout(() => {
      idle = null;
      worker.terminate();
    }, keepIdleMs);
  };

  return (signal, onBuilding) => (input) =>
    new Promise<ComputedAnalysis>((resolve, reject) => {
      if (signal.aborted) {
        reject(cancelled());
        return;
      }
      const worker = take();
      const release = (keep: boolean): void => {
        signal.removeEventListener('abort', onAbort);
        worker.onmessage = null;
        worker.onerror = null;
        if (keep) giveBack(worker);
        else worker.terminate();
      };
      const onAbort = (): void => {
        release(false);
        reject(cancelled());
      };
      signal.addEventListener('abort', onAbort);
      worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
        const response = event.data;
        if (response.kind === 'building') {
          onBuilding();
          return;
        }
        // The engine is pure: an input it refused leaves nothing behind in the worker. Any other failure
        // (a bug, memory running out) may have, so that worker goes.
        release(response.kind === 'done' || response.code !== null);
        if (response.kind === 'done') resolve(response.computed);
        else if (response.code !== null) reject(new AnalysisError(response.code, response.message));
        else reject(new Error(response.message));
      };
      worker.onerror = (event: ErrorEvent) => {
        release(false);
        reject(new Error(`The analysis worker failed: ${event.message}`));
      };
      const request: WorkerRequest = { input };
      worker.postMessage(request);
    });
}
