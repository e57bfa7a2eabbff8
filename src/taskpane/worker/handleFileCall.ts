import { AnalysisError } from '../../engine/errors';
import { decodeText } from '../../host/file/decodeText';
import { FileWorkbookHost } from '../../host/file/FileWorkbookHost';
import { sampleWorkbookToXlsx } from '../../host/file/sampleWorkbookToXlsx';
import { buildSampleWorkbook } from '../../sample/buildSampleWorkbook';
import { sampleFileName } from '../sampleFileName';
import type { FileRequest, FileResponse } from './fileWorkerMessages';

/** The file the worker holds between calls. */
export interface FileWorkerState {
  host: FileWorkbookHost | null;
}

function opened(state: FileWorkerState): FileWorkbookHost {
  if (state.host === null) throw new Error('No file is open.');
  return state.host;
}

/**
 * Answers one call of the file worker (`fileWorker.ts`): opens an .xlsx or .csv (decoding the CSV's bytes
 * whatever Excel saved it as), builds the sample workbook, and passes the {@link WorkbookHost} calls and
 * `toBuffer` to the file host it holds — so parsing and writing workbooks never block the page.
 *
 * @param post Sends an answer (progress, then the result or the error) back to the page.
 */
export async function handleFileCall(
  state: FileWorkerState,
  request: FileRequest,
  post: (response: FileResponse, transfer?: Transferable[]) => void,
): Promise<void> {
  const { id, call } = request;
  const progress = (done: number, total: number): void => {
    post({ id, kind: 'progress', done, total });
  };
  try {
    switch (call.kind) {
      case 'open': {
        if (/\.csv$/i.test(call.fileName)) {
          const { text, encoding } = decodeText(call.bytes);
          state.host = FileWorkbookHost.fromCsv(text, call.fileName);
          post({ id, kind: 'result', value: { encoding } });
        } else {
          state.host = await FileWorkbookHost.fromXlsx(call.bytes, call.fileName);
          post({ id, kind: 'result', value: { encoding: null } });
        }
        return;
      }
      case 'sample': {
        const bytes = await sampleWorkbookToXlsx(buildSampleWorkbook(call.language));
        post({ id, kind: 'result', value: { fileName: sampleFileName(call.language), bytes } }, [
          bytes.buffer,
        ]);
        return;
      }
      case 'inspect':
        post({ id, kind: 'result', value: await opened(state).inspect() });
        return;
      case 'readColumns':
        post({
          id,
          kind: 'result',
          value: await opened(state).readColumns(call.table, call.columns, progress),
        });
        return;
      case 'write':
        post({ id, kind: 'result', value: await opened(state).write(call.plan, progress) });
        return;
      case 'toBuffer': {
        const bytes = await opened(state).toBuffer();
        post({ id, kind: 'result', value: bytes }, [bytes.buffer]);
        return;
      }
    }
  } catch (error) {
    post({
      id,
      kind: 'error',
      code: error instanceof AnalysisError ? error.code : null,
      message: error instanceof Error ? error.message : String(error),
    });
  }
}
