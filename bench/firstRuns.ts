import { format } from './format';
import type { BenchTable } from './formatTable';
import { median } from './median';
import { pairedRatio } from './pairedRatio';
import { caseScript, runProcess } from './runProcess';

/** The first run of `analyze` and of arquero in fresh processes, several rounds of each. */
export interface FirstRuns {
  rows: number;
  analyzeMs: number[];
  arqueroMs: number[];
}

async function firstRun(which: 'analyze' | 'arquero', rows: number): Promise<number> {
  const run = await runProcess(
    [caseScript(), 'first-run', which, String(rows)],
    ['--max-old-space-size=8192'],
  );
  if (run.status !== 0) throw new Error(`first-run ${which} exited with ${run.status}: ${run.stderr.trim()}`);
  const report = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as { ms?: number };
  if (typeof report.ms !== 'number') throw new Error(`first-run ${which} reported no time: ${run.stdout}`);
  return report.ms;
}

/**
 * Times the first run in a fresh process (what the command line and the pane's worker make: one analysis,
 * the JIT cold), `rounds` times each, interleaved.
 */
export async function measureFirstRuns(rows: number, rounds = 5): Promise<FirstRuns> {
  const runs: FirstRuns = { rows, analyzeMs: [], arqueroMs: [] };
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? (['analyze', 'arquero'] as const) : (['arquero', 'analyze'] as const);
    for (const which of order)
      (which === 'analyze' ? runs.analyzeMs : runs.arqueroMs).push(await firstRun(which, rows));
  }
  return runs;
}

/** The table of {@link measureFirstRuns}. */
export function firstRunTable(runs: FirstRuns): BenchTable {
  const ratio = pairedRatio(runs.analyzeMs, runs.arqueroMs);
  return {
    title: `First run in a fresh process: ${format.count(runs.rows)} rows`,
    headers: ['rows', 'analyze ms', 'arquero agg ms', 'runs', 'analyze / arquero'],
    rows: [
      [
        format.count(runs.rows),
        format.ms(median(runs.analyzeMs)),
        format.ms(median(runs.arqueroMs)),
        String(runs.analyzeMs.length),
        format.ratio(ratio),
      ],
    ],
    notes: [
      'One run each in a new Node process (the sales generated first, untimed), as the command line and the task pane’s worker run the engine: the JIT starts cold. Medians; the ratio is the median of the per-round ratios.',
    ],
  };
}
