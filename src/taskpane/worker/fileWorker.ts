import type { FileRequest, FileResponse } from './fileWorkerMessages';
import { handleFileCall, type FileWorkerState } from './handleFileCall';

// The file worker's entry: one per opened file; it holds the workbook and answers the page's calls in
// order, so reading a large .xlsx and writing the result never freeze the page.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const state: FileWorkerState = { host: null };
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (event: MessageEvent<FileRequest>) => {
  const request = event.data;
  queue = queue.then(() =>
    handleFileCall(state, request, (response: FileResponse, transfer?: Transferable[]) => {
      scope.postMessage(response, transfer ?? []);
    }),
  );
};
