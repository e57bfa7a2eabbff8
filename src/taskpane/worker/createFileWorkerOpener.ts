import { AnalysisError } from '../../engine/errors';
import type { Language } from '../../engine/types';
import type { ProgressCallback } from '../../host/WorkbookHost';
import { downloadName } from '../downloadName';
import type { PaneHost } from '../PaneHost';
import { UnsupportedFileError } from '../UnsupportedFileError';
import type { FileCall, FileCallResults, FileRequest, FileResponse } from './fileWorkerMessages';

/** Opens the playground's files in a worker; what the startup hands the pane. */
export interface FileWorkerOpener {
  /** An .xlsx or .csv the user chose, as a host living in its own worker. */
  openFile: (file: File) => Promise<PaneHost>;
  /** The sample workbook in a language, built in a worker, as a file to open. */
  sampleFile: (language: Language) => Promise<File>;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  progress: ProgressCallback | undefined;
}

/** One worker and its calls: answers are matched to calls by id. */
class FileWorkerClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(workerUrl: string) {
    this.worker = new Worker(workerUrl);
    this.worker.onmessage = (event: MessageEvent<FileResponse>) => {
      const response = event.data;
      const waiting = this.pending.get(response.id);
      if (waiting === undefined) return;
      if (response.kind === 'progress') {
        waiting.progress?.(response.done, response.total);
        return;
      }
      this.pending.delete(response.id);
      if (response.kind === 'result') waiting.resolve(response.value);
      else if (response.code !== null) waiting.reject(new AnalysisError(response.code, response.message));
      else waiting.reject(new Error(response.message));
    };
    this.worker.onerror = (event: ErrorEvent) => {
      this.failAll(new Error(`The file worker failed: ${event.message}`));
    };
  }

  call<K extends FileCall['kind']>(
    call: Extract<FileCall, { kind: K }>,
    progress?: ProgressCallback,
    transfer: Transferable[] = [],
  ): Promise<FileCallResults[K]> {
    const id = this.nextId++;
    return new Promise<FileCallResults[K]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, progress });
      const request: FileRequest = { id, call };
      this.worker.postMessage(request, transfer);
    });
  }

  terminate(): void {
    this.worker.terminate();
    this.failAll(new Error('The file was closed.'));
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}

/**
 * Opens files off the page's thread: each file gets a worker (the `fileWorker` bundle next to the page)
 * that parses it, reads its columns, writes the result and saves it, so the page never freezes on a large
 * workbook. A host's `dispose` ends its worker.
 *
 * @param workerUrl URL of the worker script, relative to the page (`fileWorker.js`).
 */
export function createFileWorkerOpener(workerUrl: string): FileWorkerOpener {
  return {
    openFile: async (file) => {
      const name = file.name;
      if (!/\.(xlsx|csv)$/i.test(name)) throw new UnsupportedFileError(name);
      const bytes = new Uint8Array(await file.arrayBuffer());
      const client = new FileWorkerClient(workerUrl);
      try {
        await client.call({ kind: 'open', fileName: name, bytes }, undefined, [bytes.buffer]);
      } catch (error) {
        client.terminate();
        throw error;
      }
      return {
        label: name,
        inspect: () => client.call({ kind: 'inspect' }),
        readColumns: (table, columns, progress) =>
          client.call({ kind: 'readColumns', table, columns }, progress),
        write: (plan, progress) => client.call({ kind: 'write', plan }, progress),
        download: async (language) => ({
          fileName: downloadName(name, language),
          bytes: await client.call({ kind: 'toBuffer' }),
        }),
        dispose: () => {
          client.terminate();
        },
      };
    },
    sampleFile: async (language) => {
      const client = new FileWorkerClient(workerUrl);
      try {
        const sample = await client.call({ kind: 'sample', language });
        return new File([sample.bytes.slice().buffer], sample.fileName, {
          type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        });
      } finally {
        client.terminate();
      }
    },
  };
}
