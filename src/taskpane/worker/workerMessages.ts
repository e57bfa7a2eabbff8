import type { AnalysisInput } from '../../engine/analyze';
import type { ComputedAnalysis } from '../../engine/computeAnalysis';
import type { AnalysisErrorCode } from '../../engine/errors';

/** Sent to the analysis worker: one input per worker. */
export interface WorkerRequest {
  input: AnalysisInput;
}

/**
 * Sent back by the analysis worker: `building` once the customers are analysed and the columns and
 * summary sheets are being built, then the result or the error as plain data (errors do not clone).
 */
export type WorkerResponse =
  | { kind: 'building' }
  | { kind: 'done'; computed: ComputedAnalysis }
  | { kind: 'failed'; code: AnalysisErrorCode | null; message: string };
