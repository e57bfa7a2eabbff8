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

/**
 * A {@link ComputeFactory} that runs each computation in a fresh Web Worker (the `analysisWorker` bundle
 * next to the page), terminated when it answers or when the run is cancelled.
 *
 * @param workerUrl URL of the worker script, relative to the page (`analysisWorker.js`).
 * @returns Rejects with `AnalysisError('CANCELLED')` when the signal aborts, with the engine's own
 *   `AnalysisError` (same code and message) when the engine rejects the input, and with an `Error` when the
 *   worker itself fails to load or crashes.
 */
export function createWorkerCompute(workerUrl: string): ComputeFactory {
  return (signal, onBuilding) => (input) =>
    new Promise<ComputedAnalysis>((resolve, reject) => {
      if (signal.aborted) {
        reject(new AnalysisError('CANCELLED', 'The analysis was cancelled; nothing was written.'));
        return;
      }
      const worker = new Worker(workerUrl);
      const finish = (): void => {
        worker.terminate();
        signal.removeEventListener('abort', onAbort);
      };
      const onAbort = (): void => {
        finish();
        reject(new AnalysisError('CANCELLED', 'The analysis was cancelled; nothing was written.'));
      };
      signal.addEventListener('abort', onAbort);
      worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
        const response = event.data;
        if (response.kind === 'building') {
          onBuilding();
          return;
        }
        finish();
        if (response.kind === 'done') resolve(response.computed);
        else if (response.code !== null) reject(new AnalysisError(response.code, response.message));
        else reject(new Error(response.message));
      };
      worker.onerror = (event: ErrorEvent) => {
        finish();
        reject(new Error(`The analysis worker failed: ${event.message}`));
      };
      const request: WorkerRequest = { input };
      worker.postMessage(request);
    });
}
