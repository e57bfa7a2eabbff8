import { analyze } from '../../engine/analyze';
import { buildCustomerColumns } from '../../engine/buildCustomerColumns';
import { buildSummarySheets } from '../../engine/buildSummarySheets';
import { AnalysisError } from '../../engine/errors';
import type { WorkerRequest, WorkerResponse } from './workerMessages';

// The worker's entry: runs the pure engine off the pane's thread so the pane stays responsive. The steps
// of computeAnalysis are run one by one so the pane can show when sheet building starts.
const scope = self as unknown as DedicatedWorkerGlobalScope;

function send(response: WorkerResponse): void {
  scope.postMessage(response);
}

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  try {
    const result = analyze(event.data.input);
    send({ kind: 'building' });
    const { columns, baseColumns } = buildCustomerColumns(result);
    send({ kind: 'done', computed: { result, columns, baseColumns, sheets: buildSummarySheets(result) } });
  } catch (error) {
    send({
      kind: 'failed',
      code: error instanceof AnalysisError ? error.code : null,
      message: error instanceof Error ? error.message : String(error),
    });
  }
};
