import { readFileSync, writeFileSync } from 'node:fs';

const megabyte = 1024 * 1024;
/** Holds a run's result through the GC that measures what it retains. */
const keepAlive: unknown[] = [];

function statusKilobytes(field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const match = new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync('/proc/self/status', 'utf8'));
    return match === null ? null : Number(match[1]);
  } catch {
    return null;
  }
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('The bench needs node --expose-gc (run it with `npm run bench`).');
  gc();
  gc();
}

/** Memory of one measured run, in MB. */
export interface MemorySample {
  /** Peak resident set during the run minus the resident set before it (after a full GC). */
  peakRssMb: number;
  /** Heap used just after the run (before any GC) minus heap used before it: what the run allocated and still held or had not yet collected. */
  heapMb: number;
  /** Heap still used after a full GC that follows the run, minus before: what the result keeps alive. */
  retainedMb: number;
}

/**
 * Measures the memory of a run inside this process: a full GC first, then the kernel's peak-RSS mark is
 * reset (`/proc/self/clear_refs`, Linux) so the peak seen afterwards belongs to the run alone. Where the
 * mark cannot be reset (not Linux), `peakRssMb` falls back to the RSS growth, a lower bound.
 *
 * @example const probe = memoryProbe(); run(); const sample = probe.stop();
 */
export function memoryProbe(): { stop: (keep?: unknown) => MemorySample } {
  collectGarbage();
  let resettable = true;
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    resettable = false;
  }
  const rssBefore = statusKilobytes('VmRSS') ?? process.memoryUsage().rss / 1024;
  const heapBefore = process.memoryUsage().heapUsed;
  return {
    stop: (keep?: unknown) => {
      keepAlive.push(keep);
      const heapAfter = process.memoryUsage().heapUsed;
      const peak = (resettable ? statusKilobytes('VmHWM') : null) ?? process.memoryUsage().rss / 1024;
      collectGarbage();
      const retained = process.memoryUsage().heapUsed;
      keepAlive.pop();
      return {
        peakRssMb: Math.max(0, (peak - rssBefore) / 1024),
        heapMb: (heapAfter - heapBefore) / megabyte,
        retainedMb: (retained - heapBefore) / megabyte,
      };
    },
  };
}
