import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { benchFiles } from './benchFiles';
import { format } from './format';
import type { BenchTable } from './formatTable';
import { measureProcesses, type ProcessMeasurement } from './measureProcesses';
import { pairedRatio } from './pairedRatio';
import type { SectionResult } from './SectionResult';
import { caseScript } from './runProcess';

/**
 * Section 3 of the bench: the command line on a sales CSV as a whole process
 * (`node bin/customer-pyramid.js analyze sales.csv --json report.json`) against DuckDB in a process of
 * its own reading the same CSV with `read_csv_auto` and computing the same aggregates and ranking, and a
 * plain split-based CSV read for orientation. Builds the command line first (`scripts/buildCli.mjs`).
 *
 * @param rows Rows of the CSV (the largest bench size).
 */
export async function cliSection(rows: number, log: (line: string) => void): Promise<SectionResult> {
  const built = spawnSync(process.execPath, ['scripts/buildCli.mjs'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('Building the command line failed (node scripts/buildCli.mjs).');
  const csv = benchFiles.csv(rows, benchFiles.lazySales(rows));
  log(
    `cli: ${format.count(rows)}-row CSV ${format.bytesMb(csv.bytes)} MB (${csv.writeMs > 0 ? `written in ${format.ms(csv.writeMs)} ms` : 'reused'})`,
  );
  const report = path.join(benchFiles.directory(), `report-${rows}.json`);
  const measured = await measureProcesses(
    {
      cli: { args: ['bin/customer-pyramid.js', 'analyze', csv.file, '--json', report] },
      duck: { args: [caseScript(), 'duckdb-csv', csv.file] },
      split: { args: [caseScript(), 'split-csv', csv.file], nodeOptions: ['--max-old-space-size=8192'] },
    },
    { runs: 5, minRuns: 1, budgetMs: rows >= 1_000_000 ? 100_000 : 30_000 },
  );
  const cli = measured.cli!;
  const duck = measured.duck!;
  const split = measured.split!;
  log(
    `  ${cli.timesMs.length} rounds; medians ms: command line ${format.ms(cli.medianMs)}, DuckDB ${format.ms(duck.medianMs)}, split ${format.ms(split.medianMs)}`,
  );
  const customers = (JSON.parse(readFileSync(report, 'utf8')) as { customers: unknown[] }).customers.length;
  const ratio = pairedRatio(cli.timesMs, duck.timesMs);
  const row = (name: string, m: ProcessMeasurement, goal: string): string[] => [
    name,
    String(m.timesMs.length),
    format.ms(m.medianMs),
    format.mb(m.maxRssMb),
    format.ratio(m === cli ? 1 : pairedRatio(cli.timesMs, m.timesMs)),
    goal,
  ];
  const table: BenchTable = {
    title: `Command line on a ${format.count(rows)}-row sales CSV (${format.bytesMb(csv.bytes)} MB), whole process`,
    headers: ['case', 'runs', 'median ms', 'peak RSS MB', 'CLI / this', 'goal met'],
    rows: [
      row('customer-pyramid analyze sales.csv --json report.json', cli, '—'),
      row(
        'DuckDB: read_csv_auto + aggregates + ranking (node process)',
        duck,
        `${format.met(ratio <= 3)} (≤ 3)`,
      ),
      row('plain split-based CSV read (node process)', split, '—'),
    ],
    notes: [
      `Each case is a separate node process (startup included); the cases run interleaved, one run of each per round, up to 5 rounds (fewer when they would exceed 100 s); medians shown, ratios are medians of the per-round ratios; the CSV is in the page cache. The report lists ${format.count(customers)} customers.`,
      'The command line also writes its JSON report (pretty-printed); DuckDB fetches its result into JavaScript columns. Goal (issue 5): CLI within 3× of DuckDB.',
      `DuckDB's result: ${String(duck.last.stdout.trim().split('\n').pop())}`,
    ],
  };
  return {
    tables: [table],
    goals: [
      {
        section: 'command line',
        goal: `within 3× of DuckDB on a ${format.count(rows)}-row CSV`,
        measured: `${format.ratio(ratio)}× (${format.ms(cli.medianMs)} vs ${format.ms(duck.medianMs)} ms)`,
        met: ratio <= 3,
      },
    ],
  };
}
