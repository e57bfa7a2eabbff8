import { median } from './median';
import type { RunPlan } from './measureRuns';
import { runProcess, type ProcessRun } from './runProcess';

/** Timings and peak memory of a case run as whole processes. */
export interface ProcessMeasurement {
  medianMs: number;
  timesMs: number[];
  /** Largest peak RSS over the runs, in MB (null if no run reported it). */
  maxRssMb: number | null;
  /** The last run (its output, for cross-checks). */
  last: ProcessRun;
}

/**
 * Runs a process several times ({@link runProcess}) and keeps the median wall time and the largest peak
 * RSS. No warm-up run unless asked: the input files were just written, so they are in the page cache.
 *
 * @throws Error with the child's stderr when a run exits non-zero.
 */
export async function measureProcess(
  args: readonly string[],
  nodeOptions: readonly string[],
  plan: RunPlan = {},
): Promise<ProcessMeasurement> {
  const wanted = plan.runs ?? 5;
  const budget = plan.budgetMs ?? 60_000;
  const minRuns = Math.min(wanted, plan.minRuns ?? 1);
  const started = performance.now();
  const check = (run: ProcessRun): ProcessRun => {
    if (run.status !== 0) {
      throw new Error(
        `${args.join(' ')} exited with ${run.status}: ${run.stderr.trim().split('\n').slice(-5).join(' | ')}`,
      );
    }
    return run;
  };
  if (plan.warmUp === true) check(await runProcess(args, nodeOptions));
  const timesMs: number[] = [];
  let maxRssMb: number | null = null;
  let last: ProcessRun | null = null;
  while (timesMs.length < wanted) {
    const spent = performance.now() - started;
    if (timesMs.length >= minRuns && spent + spent / timesMs.length > budget) break;
    last = check(await runProcess(args, nodeOptions));
    timesMs.push(last.ms);
    if (last.maxRssMb !== null) maxRssMb = Math.max(maxRssMb ?? 0, last.maxRssMb);
  }
  if (last === null) throw new Error('No run was made.');
  return { medianMs: median(timesMs), timesMs, maxRssMb, last };
}
