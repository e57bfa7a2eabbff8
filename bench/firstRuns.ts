import { format } from './format';
import type { BenchTable } from './formatTable';
import type { OrderLines } from './generateSales';
import { median } from './median';
import { pairedRatio } from './pairedRatio';
import { caseScript, runProcess } from './runProcess';

/** What the first-run cases time in a fresh process. */
export const firstRunCases = ['computeAnalysis', 'analyze', 'arquero', 'duckdb'] as const;
/** One of {@link firstRunCases}. */
export type FirstRunCase = (typeof firstRunCases)[number];

/** One case's runs: the first in each fresh process, the second in the same process, wall and CPU time. */
export interface CaseRuns {
  ms: number[];
  secondMs: number[];
  cpuMs: number[];
}

/** The first runs of every case at one size and order shape, several rounds of each. */
export interface FirstRuns {
  rows: number;
  lines: OrderLines;
  cases: Record<FirstRunCase, CaseRuns>;
}

interface CaseReport {
  ms?: number;
  secondMs?: number;
  cpuMs?: number;
}

async function firstRun(which: FirstRunCase, rows: number, lines: OrderLines): Promise<Required<CaseReport>> {
  const run = await runProcess(
    [caseScript(), 'first-run', which, String(rows), lines],
    ['--max-old-space-size=8192'],
  );
  if (run.status !== 0) throw new Error(`first-run ${which} exited with ${run.status}: ${run.stderr.trim()}`);
  const report = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as CaseReport;
  if (
    typeof report.ms !== 'number' ||
    typeof report.secondMs !== 'number' ||
    typeof report.cpuMs !== 'number'
  )
    throw new Error(`first-run ${which} reported no time: ${run.stdout}`);
  return { ms: report.ms, secondMs: report.secondMs, cpuMs: report.cpuMs };
}

/**
 * Times the first run in a fresh process — what the command line makes, and the pane's worker on its
 * first run: one analysis, the JIT cold — and the second run in that process, as the pane's kept worker
 * makes the next one. `rounds` times each case, interleaved, starting with a different case each round.
 */
export async function measureFirstRuns(rows: number, lines: OrderLines, rounds = 5): Promise<FirstRuns> {
  const empty = (): CaseRuns => ({ ms: [], secondMs: [], cpuMs: [] });
  const cases = { computeAnalysis: empty(), analyze: empty(), arquero: empty(), duckdb: empty() };
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < firstRunCases.length; k++) {
      const which = firstRunCases[(round + k) % firstRunCases.length] ?? 'computeAnalysis';
      const report = await firstRun(which, rows, lines);
      cases[which].ms.push(report.ms);
      cases[which].secondMs.push(report.secondMs);
      cases[which].cpuMs.push(report.cpuMs);
    }
  }
  return { rows, lines, cases };
}

/** The headline table of the bench: {@link measureFirstRuns} at each size. */
export function firstRunTable(runs: readonly FirstRuns[]): BenchTable {
  return {
    title: 'First run in a fresh process (headline): computeAnalysis as users run it',
    headers: [
      'rows',
      'lines per order',
      'computeAnalysis ms',
      'CPU ms',
      'second run ms',
      'analyze ms',
      'arquero agg ms',
      'DuckDB agg+rank ms',
      'runs',
      'computeAnalysis / arquero',
      'computeAnalysis / DuckDB',
    ],
    rows: runs.map(({ rows, lines, cases }) => [
      format.count(rows),
      lines === 'one' ? '1' : '1–5',
      format.ms(median(cases.computeAnalysis.ms)),
      format.ms(median(cases.computeAnalysis.cpuMs)),
      format.ms(median(cases.computeAnalysis.secondMs)),
      format.ms(median(cases.analyze.ms)),
      format.ms(median(cases.arquero.ms)),
      format.ms(median(cases.duckdb.ms)),
      String(cases.computeAnalysis.ms.length),
      format.ratio(pairedRatio(cases.computeAnalysis.ms, cases.arquero.ms)),
      format.ratio(pairedRatio(cases.computeAnalysis.ms, cases.duckdb.ms)),
    ]),
    notes: [
      'What users wait for: `computeAnalysis` (the analysis, the customer columns and the summary sheets) run once in a new Node process on the sales in memory (generated first, untimed), as the command line runs it and as the task pane’s worker makes its first run: the JIT starts cold. "CPU ms" is that run’s user + system CPU time (every thread; robust to other load on the machine). "second run" is the next run in the same process, as the pane’s kept worker makes it after Analyse again or a changed setting.',
      '`analyze` (the methods without the output description), arquero (per-customer aggregates) and DuckDB in-process (aggregates + ranking with window functions, its table loaded first, untimed) are timed the same way, each in a process of its own, the cases interleaved. Medians; ratios are medians of the per-round ratios.',
      '"lines per order": 1–5 as an order-line export (Online Retail, Superstore); 1 as a transaction log (CDNOW), where every row is its own order.',
    ],
  };
}
