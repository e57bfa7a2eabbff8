import type { ValueModelJob, ValueModelRun } from './valueModel/runValueModel';

/**
 * What a step-wise analysis ({@link AnalysisSteps}) asks of whoever drives it. `startValueModel` hands over
 * the value model's input as soon as it exists (the driver may fit it elsewhere, e.g. on another thread,
 * while the analysis goes on); `awaitValueModel` asks for its outcome, once the methods that do not read
 * the value model have run.
 */
export type AnalysisStep = { kind: 'startValueModel'; job: ValueModelJob } | { kind: 'awaitValueModel' };

/** The outcome of a value model job: its run, or what `runValueModel` threw. */
export type ValueModelOutcome = { ok: true; run: ValueModelRun } | { ok: false; error: unknown };

/**
 * An analysis in steps: a generator that yields {@link AnalysisStep}s and is sent a
 * {@link ValueModelOutcome} in answer to each `awaitValueModel` (nothing to a `startValueModel`), and
 * returns `R`. `runSteps` drives one on this thread, `driveSteps` with a fitter of the driver's choice.
 */
export type AnalysisSteps<R> = Generator<AnalysisStep, R, ValueModelOutcome | undefined>;
