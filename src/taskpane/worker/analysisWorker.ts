import { computeAnalysis } from '../../engine/computeAnalysis';
import { AnalysisError } from '../../engine/errors';
import type { WorkerRequest, WorkerResponse } from './workerMessages';

// The worker's entry: runs the pure engine off the pane's thread so the pane stays responsive, and says
// when the analysis is done and the columns and summary sheets are being built.
const scope = self as unknown as DedicatedWorkerGlobalScope;

function send(response: WorkerResponse): void {
  scope.postMessage(response);
}

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  try {
    const computed = computeAnalysis(event.data.input, {
      onBuilding: () => {
        send({ kind: 'building' });
      },
    });
    send({ kind: 'done', computed });
  } catch (error) {
    send({
      kind: 'failed',
      code: error instanceof AnalysisError ? error.code : null,
      message: error instanceof Error ? error.message : String(error),
    });
  }
};
