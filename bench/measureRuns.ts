import { median } from './median';
import { memoryProbe, type MemorySample } from './memoryProbe';

/** Timings and memory of one benchmarked case. */
export interface Measurement<T> {
  /** Median wall time of the timed runs, in milliseconds. */
  medianMs: number;
  /** Every timed run, in milliseconds, in order. */
  timesMs: number[];
  /** Largest memory figures over the timed runs (see {@link MemorySample}). */
  memory: MemorySample;
  /** What the last run returned (for cross-checks). */
  result: T;
}

/** How many runs to make. */
export interface RunPlan {
  /** Timed runs wanted after the warm-up; default 5. */
  runs?: number;
  /** Stop adding timed runs once this much time (ms, warm-up included) was spent, keeping at least `minRuns`; default 60 s. */
  budgetMs?: number;
  /** Timed runs kept even over budget; default 3. */
  minRuns?: number;
  /** Make untimed runs first; default true. */
  warmUp?: boolean;
  /** Keep warming up (at most 20 runs) until this much time (ms) was spent on it, so the JIT has settled; default 300. */
  warmUpMs?: number;
}

/**
 * Times a case: untimed warm-up runs (at least one, more while they take under 300 ms in all), then timed runs, each after a full GC and with its memory
 * measured ({@link memoryProbe}). Normally `runs` timed runs (5); when a case is so slow that they would
 * exceed `budgetMs`, stops after `minRuns` so the whole bench stays within its time limit — the run count
 * is reported with the median.
 *
 * @param run The work; may be async. Its result is kept alive until memory has been measured.
 * @example const m = await measureRuns(() => analyze(input));
 */
export async function measureRuns<T>(run: () => T | Promise<T>, plan: RunPlan = {}): Promise<Measurement<T>> {
  const wanted = plan.runs ?? 5;
  const budget = plan.budgetMs ?? 60_000;
  const minRuns = Math.min(wanted, plan.minRuns ?? 3);
  const started = performance.now();
  // The result lives only in `holder`: an awaited value left in this frame would stay reachable into the
  // next run and hide what that run retains.
  const holder: { value: T | undefined } = { value: undefined };
  const runInto = async (): Promise<number> => {
    const t0 = performance.now();
    holder.value = await run();
    return performance.now() - t0;
  };
  let warmUps = 0;
  if (plan.warmUp !== false) {
    const warmUpMs = plan.warmUpMs ?? 300;
    do {
      await runInto();
      warmUps++;
    } while (warmUps < 20 && performance.now() - started < warmUpMs);
  }
  const timesMs: number[] = [];
  const memory: MemorySample = { peakRssMb: 0, heapMb: 0, retainedMb: 0 };
  while (timesMs.length < wanted) {
    const spent = performance.now() - started;
    const estimate = spent / (timesMs.length + warmUps || 1);
    if (timesMs.length >= minRuns && spent + estimate > budget) break;
    holder.value = undefined;
    const probe = memoryProbe();
    timesMs.push(await runInto());
    const sample = probe.stop(holder.value);
    memory.peakRssMb = Math.max(memory.peakRssMb, sample.peakRssMb);
    memory.heapMb = Math.max(memory.heapMb, sample.heapMb);
    memory.retainedMb = Math.max(memory.retainedMb, sample.retainedMb);
  }
  return { medianMs: median(timesMs), timesMs, memory, result: holder.value as T };
}
