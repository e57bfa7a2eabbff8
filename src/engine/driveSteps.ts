import type { AnalysisSteps, ValueModelOutcome } from './AnalysisStep';
import type { ValueModelJob, ValueModelRun } from './valueModel/runValueModel';

/**
 * Drives a step-wise analysis with a fitter of the caller's choice: `fit` is called with the value
 * model's job as soon as the analysis starts it, and the analysis goes on while its promise is pending
 * (the command line fits in a worker thread meanwhile); the outcome is sent when the analysis awaits it.
 * A rejection of `fit` is thrown where the value model runs, as `runValueModel`'s own error would be.
 * Gives what {@link runSteps} gives when `fit` resolves to `runValueModel`'s run of the job.
 *
 * @param waiting Called once, when the analysis first awaits the outcome: this thread has nothing else to
 *   do until the fit is in, and the driver may take on part of the job meanwhile (the command line runs
 *   the holdout check here when its worker has not begun it yet). The fit may be done by then.
 * @example const result = await driveSteps(analysisSteps(input), (job) => fitElsewhere(job));
 */
export async function driveSteps<R>(
  steps: AnalysisSteps<R>,
  fit: (job: ValueModelJob) => Promise<ValueModelRun>,
  waiting?: () => void,
): Promise<R> {
  let pending: Promise<ValueModelOutcome> | null = null;
  let waited = false;
  let next = steps.next();
  while (next.done !== true) {
    const step = next.value;
    if (step.kind === 'startValueModel') {
      // Settled into an outcome at once: a rejection is never left unhandled while the analysis runs.
      pending = fit(step.job).then(
        (run): ValueModelOutcome => ({ ok: true, run }),
        (error: unknown): ValueModelOutcome => ({ ok: false, error }),
      );
      next = steps.next();
      continue;
    }
    if (pending === null) throw new Error('The analysis awaited a value model it did not start.');
    if (!waited) {
      waited = true;
      waiting?.();
    }
    next = steps.next(await pending);
  }
  return next.value;
}
