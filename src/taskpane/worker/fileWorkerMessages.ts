import type { AnalysisErrorCode } from '../../engine/errors';
import type { CellColumn, Language, SourceTable } from '../../engine/types';
import type { WorkbookInfo, WritePlan, WriteSummary } from '../../host/WorkbookHost';

/** What the pane asks the file worker, one call at a time, each with its own id. */
export type FileCall =
  | { kind: 'open'; fileName: string; bytes: Uint8Array }
  | { kind: 'sample'; language: Language }
  | { kind: 'inspect' }
  | { kind: 'readColumns'; table: SourceTable; columns: readonly number[] }
  | { kind: 'write'; plan: WritePlan }
  | { kind: 'toBuffer' };

/** What each call answers with. */
export interface FileCallResults {
  open: { encoding: string | null };
  sample: { fileName: string; bytes: Uint8Array };
  inspect: WorkbookInfo;
  readColumns: CellColumn[];
  write: WriteSummary;
  toBuffer: Uint8Array;
}

/** A call as posted to the worker. */
export interface FileRequest {
  id: number;
  call: FileCall;
}

/**
 * The worker's answers: progress of a long call (`done` of `total`), then its result, or its error as
 * plain data (errors do not clone; an engine error keeps its code).
 */
export type FileResponse =
  | { id: number; kind: 'progress'; done: number; total: number }
  | { id: number; kind: 'result'; value: unknown }
  | { id: number; kind: 'error'; code: AnalysisErrorCode | null; message: string };
