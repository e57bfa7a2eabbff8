import type { AnalysisSteps, ValueModelOutcome } from './AnalysisStep';
import { runValueModel } from './valueModel/runValueModel';

/**
 * Drives a step-wise analysis on this thread, synchronously: the value model is fitted here when the
 * analysis awaits it, from the job it started. The plain `analyze` is this over `analysisSteps`.
 *
 * @example const result = runSteps(analysisSteps(input)); // the same as analyze(input)
 */
export function runSteps<R>(steps: AnalysisSteps<R>): R {
  let job: Parameters<typeof runValueModel> | null = null;
  let next = steps.next();
  while (next.done !== true) {
    const step = next.value;
    if (step.kind === 'startValueModel') {
      const { rows, customerCount, asOf, settings } = step.job;
      job = [rows, customerCount, asOf, settings];
      next = steps.next();
      continue;
    }
    if (job === null) throw new Error('The analysis awaited a value model it did not start.');
    let outcome: ValueModelOutcome;
    try {
      outcome = { ok: true, run: runValueModel(...job) };
    } catch (error) {
      outcome = { ok: false, error };
    }
    next = steps.next(outcome);
  }
  return next.value;
}
