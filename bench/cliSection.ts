import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { benchFiles } from './benchFiles';
import { format } from './format';
import type { BenchTable } from './formatTable';
import { salesShapes, type SalesShapeName } from './generateSales';
import { measureProcesses, type ProcessMeasurement } from './measureProcesses';
import { pairedRatio } from './pairedRatio';
import type { Goal, SectionResult } from './SectionResult';
import { caseScript } from './runProcess';

/** Goal of issue 17: the command line's wall time within this many times DuckDB's, for every shape. */
const ratioGoal = 1.5;
/** Goal of issue 17: the command line's peak RSS, in MB. */
const memoryGoalMb = 400;

const linesText = { one: '1', many: '1–5', lots: '1–20' } as const;

/** One shape's measurement. */
interface ShapeRun {
  shape: SalesShapeName;
  megabytes: number;
  customers: number;
  cli: ProcessMeasurement;
  duck: ProcessMeasurement;
  /** Median of the per-round ratios CLI / DuckDB: wall time, CPU time. */
  wallRatio: number;
  cpuRatio: number;
}

/**
 * Section 2 of the bench: the command line on a sales CSV as a whole process
 * (`node bin/customer-pyramid.js analyze sales.csv --json report.json`) against DuckDB in a process of
 * its own reading the same CSV with `read_csv_auto` and computing the same aggregates and ranking, for
 * every data shape of {@link salesShapes} (one line per order, 1–5 and 1–20 lines, text and numeric ids,
 * no order-id column). Builds the command line first (`scripts/buildCli.mjs`).
 *
 * @param rows Rows of the CSVs (the largest bench size).
 */
export async function cliSection(rows: number, log: (line: string) => void): Promise<SectionResult> {
  const built = spawnSync(process.execPath, ['scripts/buildCli.mjs'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('Building the command line failed (node scripts/buildCli.mjs).');
  const runs: ShapeRun[] = [];
  for (const shape of Object.keys(salesShapes) as SalesShapeName[]) {
    const csv = benchFiles.shapedCsv(rows, shape);
    log(
      `cli: ${shape}, ${format.count(rows)}-row CSV ${format.bytesMb(csv.bytes)} MB (${csv.writeMs > 0 ? `written in ${format.ms(csv.writeMs)} ms` : 'reused'})`,
    );
    const report = path.join(benchFiles.directory(), `report-${rows}-${shape}.json`);
    const measured = await measureProcesses(
      {
        cli: { args: ['bin/customer-pyramid.js', 'analyze', csv.file, '--json', report, '--quiet'] },
        duck: { args: [caseScript(), 'duckdb-csv', csv.file] },
      },
      { runs: 5, minRuns: 3, budgetMs: rows >= 1_000_000 ? 60_000 : 20_000 },
    );
    const cli = measured.cli!;
    const duck = measured.duck!;
    const customers = (JSON.parse(readFileSync(report, 'utf8')) as { customers: unknown[] }).customers.length;
    const run: ShapeRun = {
      shape,
      megabytes: csv.bytes / 1024 / 1024,
      customers,
      cli,
      duck,
      wallRatio: pairedRatio(cli.timesMs, duck.timesMs),
      cpuRatio: pairedRatio(cli.cpuMs, duck.cpuMs),
    };
    log(
      `  ${cli.timesMs.length} rounds; medians ms (CPU ms): command line ${format.ms(cli.medianMs)} (${format.ms(cli.medianCpuMs)}), DuckDB ${format.ms(duck.medianMs)} (${format.ms(duck.medianCpuMs)}); ${format.ratio(run.wallRatio)}×`,
    );
    runs.push(run);
  }
  const table: BenchTable = {
    title: `Command line on a ${format.count(rows)}-row sales CSV, whole process, against DuckDB, per data shape`,
    headers: [
      'shape',
      'lines per order',
      'ids',
      'order-id column',
      'MB',
      'runs',
      'CLI ms',
      'CLI CPU ms',
      'CLI peak RSS MB',
      'DuckDB ms',
      'DuckDB CPU ms',
      'DuckDB peak RSS MB',
      'CLI / DuckDB',
      'CLI / DuckDB (CPU)',
      `goal ≤ ${ratioGoal}×`,
      `goal ≤ ${memoryGoalMb} MB`,
    ],
    rows: runs.map((run) => {
      const { lines, ids, orderIds } = salesShapes[run.shape];
      return [
        run.shape,
        linesText[lines],
        ids,
        orderIds ? 'yes' : 'no',
        format.ratio(run.megabytes),
        String(run.cli.timesMs.length),
        format.ms(run.cli.medianMs),
        format.ms(run.cli.medianCpuMs),
        format.mb(run.cli.maxRssMb),
        format.ms(run.duck.medianMs),
        format.ms(run.duck.medianCpuMs),
        format.mb(run.duck.maxRssMb),
        format.ratio(run.wallRatio),
        format.ratio(run.cpuRatio),
        format.met(run.wallRatio <= ratioGoal),
        format.met(memoryOk(run.cli)),
      ];
    }),
    notes: [
      'Command line: `customer-pyramid analyze sales.csv --json report.json --quiet` (default settings: the value model and the comparison 3 months earlier included). DuckDB: `read_csv_auto` + the aggregates and ranking of bench/salesSql.ts, result fetched into JavaScript columns (without an order-id column the day stands for the order, as the engine then counts purchase days).',
      `Each case is a separate node process (startup included), the two interleaved, one run of each per round, 3–5 rounds per shape; medians shown; the ratios are medians of the per-round ratios (wall time; CPU time = user + system over all threads, what a run cost on a shared machine — DuckDB uses every core). The CSVs are in the page cache. Reports list ${runs.map((run) => format.count(run.customers)).join(' / ')} customers.`,
      `Goals (issue 17): the command line within ${ratioGoal}× of DuckDB's wall time for every shape, peak RSS ≤ ${memoryGoalMb} MB.`,
    ],
  };
  const goals: Goal[] = runs.flatMap((run) => [
    {
      section: 'command line',
      goal: `within ${ratioGoal}× of DuckDB, ${format.count(rows)} rows, ${run.shape}`,
      measured: `${format.ratio(run.wallRatio)}× (${format.ms(run.cli.medianMs)} vs ${format.ms(run.duck.medianMs)} ms; CPU ${format.ratio(run.cpuRatio)}×)`,
      met: run.wallRatio <= ratioGoal,
    },
    {
      section: 'command line',
      goal: `peak RSS ≤ ${memoryGoalMb} MB, ${format.count(rows)} rows, ${run.shape}`,
      measured: `${format.mb(run.cli.maxRssMb)} MB`,
      met: run.cli.maxRssMb === null ? null : memoryOk(run.cli),
    },
  ]);
  return { tables: [table], goals };
}

function memoryOk(m: ProcessMeasurement): boolean {
  return m.maxRssMb !== null && m.maxRssMb <= memoryGoalMb;
}
