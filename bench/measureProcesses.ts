import { median } from './median';
import { runProcess, type ProcessRun } from './runProcess';

/** Timings and peak memory of a case run as whole processes. */
export interface ProcessMeasurement {
  medianMs: number;
  /** One per round, in order. */
  timesMs: number[];
  /** CPU time (user + system, all threads) per round, in order (NaN where a run did not report it). */
  cpuMs: number[];
  /** Median of {@link cpuMs}. */
  medianCpuMs: number;
  /** Largest peak RSS over the runs, in MB (null if no run reported it). */
  maxRssMb: number | null;
  /** The last run (its output, for cross-checks). */
  last: ProcessRun;
}

/** A process to run: the script and its arguments, and Node flags. */
export interface ProcessCase {
  args: readonly string[];
  nodeOptions?: readonly string[];
}

/** How many rounds to make. */
export interface ProcessPlan {
  /** Rounds wanted; default 5. */
  runs?: number;
  /** Rounds kept even over budget; default 1. */
  minRuns?: number;
  /** Stop adding rounds once this much time (ms) was spent; default 60 s. */
  budgetMs?: number;
}

/**
 * Runs whole processes ({@link runProcess}) interleaved — each round runs every case once, starting with
 * a different case each round — and keeps each case's median wall time, CPU time and largest peak RSS. No warm-up:
 * the input files were just written or read, so they are in the page cache.
 *
 * @throws Error with the child's last stderr lines when a run exits non-zero.
 */
export async function measureProcesses(
  cases: Record<string, ProcessCase>,
  plan: ProcessPlan = {},
): Promise<Record<string, ProcessMeasurement>> {
  const names = Object.keys(cases);
  const wanted = plan.runs ?? 5;
  const budget = plan.budgetMs ?? 60_000;
  const minRuns = Math.min(wanted, plan.minRuns ?? 1);
  const started = performance.now();
  const times: Record<string, number[]> = {};
  const cpus: Record<string, number[]> = {};
  const peaks: Record<string, number | null> = {};
  const lasts: Record<string, ProcessRun> = {};
  for (let round = 0; round < wanted; round++) {
    const spent = performance.now() - started;
    if (round >= minRuns && spent + spent / round > budget) break;
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length]!;
      const { args, nodeOptions = [] } = cases[name]!;
      const run = await runProcess(args, nodeOptions);
      if (run.status !== 0) {
        const tail = run.stderr.trim().split('\n').slice(-5).join(' | ');
        throw new Error(`${args.join(' ')} exited with ${run.status}: ${tail}`);
      }
      (times[name] ??= []).push(run.ms);
      (cpus[name] ??= []).push(run.cpuMs ?? Number.NaN);
      if (run.maxRssMb !== null) peaks[name] = Math.max(peaks[name] ?? 0, run.maxRssMb);
      lasts[name] = run;
    }
  }
  const result: Record<string, ProcessMeasurement> = {};
  for (const name of names) {
    const timesMs = times[name] ?? [];
    const last = lasts[name];
    if (last === undefined) throw new Error(`No run of ${name} was made.`);
    const cpuMs = cpus[name] ?? [];
    result[name] = {
      medianMs: median(timesMs),
      timesMs,
      cpuMs,
      medianCpuMs: median(cpuMs),
      maxRssMb: peaks[name] ?? null,
      last,
    };
  }
  return result;
}
