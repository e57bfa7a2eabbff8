import { median } from './median';
import { memoryProbe, type MemorySample } from './memoryProbe';

/** Timings and memory of one benchmarked case. */
export interface Measurement {
  /** Median wall time of the timed runs, in milliseconds. */
  medianMs: number;
  /** Every timed run, in milliseconds, one per round, in order. */
  timesMs: number[];
  /** Largest memory figures over the timed runs (see {@link MemorySample}). */
  memory: MemorySample;
  /** What the last run returned (for cross-checks). */
  result: unknown;
}

/** How many runs to make. */
export interface RunPlan {
  /** Timed rounds wanted after the warm-up; default 5. */
  runs?: number;
  /** Stop adding rounds once this much time (ms, warm-up included) was spent, keeping at least `minRuns`; default 60 s. */
  budgetMs?: number;
  /** Rounds kept even over budget; default 3. */
  minRuns?: number;
  /** Keep warming each case up (at most 20 runs) until this much time (ms) was spent on it, so the JIT has settled; default 300. */
  warmUpMs?: number;
}

/**
 * Times several cases interleaved: each case is warmed up (at least one untimed run, more while they take
 * under `warmUpMs` in all), then every round runs each case once — starting with a different case each
 * round — after a full GC and with its memory measured ({@link memoryProbe}). Interleaving makes a burst
 * of load from other processes hit every case alike, so ratios between cases hold on a busy machine
 * (compare them per round with `pairedRatio`). Normally `runs` rounds (5); when they would exceed
 * `budgetMs`, stops after `minRuns`; the count is reported with the medians.
 *
 * @param cases The work of each case, by name; may be async. A result is kept alive until its memory was measured.
 * @example const m = await measureRuns({ analyze: () => analyze(input), arquero: () => aggregates(columns) });
 */
export async function measureRuns(
  cases: Record<string, () => unknown>,
  plan: RunPlan = {},
): Promise<Record<string, Measurement>> {
  const names = Object.keys(cases);
  const wanted = plan.runs ?? 5;
  const budget = plan.budgetMs ?? 60_000;
  const minRuns = Math.min(wanted, plan.minRuns ?? 3);
  const warmUpMs = plan.warmUpMs ?? 300;
  const started = performance.now();
  // Results live only in `holder`: an awaited value left in this frame would stay reachable into the next
  // run and hide what that run retains.
  const holder: { value: unknown } = { value: undefined };
  const runInto = async (run: () => unknown): Promise<number> => {
    const t0 = performance.now();
    holder.value = await run();
    return performance.now() - t0;
  };
  const measurements: Record<string, Measurement> = {};
  for (const name of names) {
    const run = cases[name]!;
    const warmStart = performance.now();
    let warmUps = 0;
    do {
      await runInto(run);
      warmUps++;
    } while (warmUps < 20 && performance.now() - warmStart < warmUpMs);
    measurements[name] = {
      medianMs: Number.NaN,
      timesMs: [],
      memory: { peakRssMb: 0, heapMb: 0, retainedMb: 0 },
      result: holder.value,
    };
    holder.value = undefined;
  }
  const roundsStart = performance.now();
  for (let round = 0; round < wanted; round++) {
    const spent = performance.now() - started;
    const perRound = round === 0 ? 0 : (performance.now() - roundsStart) / round;
    if (round >= minRuns && spent + perRound > budget) break;
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length]!;
      const measurement = measurements[name]!;
      holder.value = undefined;
      measurement.result = undefined;
      const probe = memoryProbe();
      measurement.timesMs.push(await runInto(cases[name]!));
      const sample = probe.stop(holder.value);
      measurement.result = holder.value;
      holder.value = undefined;
      const memory = measurement.memory;
      memory.peakRssMb = Math.max(memory.peakRssMb, sample.peakRssMb);
      memory.heapMb = Math.max(memory.heapMb, sample.heapMb);
      memory.retainedMb = Math.max(memory.retainedMb, sample.retainedMb);
    }
  }
  for (const measurement of Object.values(measurements)) measurement.medianMs = median(measurement.timesMs);
  return measurements;
}
