import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { benchFiles } from './benchFiles';
import { format } from './format';
import { runProcess } from './runProcess';
import type { Goal, SectionResult } from './SectionResult';
import { replicateParquet, writeSalesParquet } from './writeSalesParquet';

/** Row counts of the SQL path's bench (issue 17: 10M and 50M); `BENCH_SQL_SIZES` overrides, e.g. `1m`. */
const defaultSizes = [10_000_000, 50_000_000];
/** Row counts above it are written as copies of its file (see {@link replicateParquet}). */
const replicateAbove = 10_000_000;
/** DuckDB's memory limit in the runs: well below the 50M rows' parsed table, so that run must spill. */
const memoryLimit = '1GB';
/** Goals: seconds and peak MB of the whole command (first run, one process). */
const goals = { secondsPer10M: 60, peakMb: 2_048 };

const sizesFromEnv = (): number[] =>
  (process.env.BENCH_SQL_SIZES ?? '')
    .split(',')
    .filter((text) => text !== '')
    .map((text) => Number(text.replace(/k$/iu, '000').replace(/m$/iu, '000000')));

/**
 * The SQL path at warehouse scale: `customer-pyramid analyze sales.parquet --engine duckdb --json r.json
 * --memory-limit 1GB` on 10M and 50M generated rows (Parquet written by DuckDB, one customer per ten rows),
 * whole processes: wall time and peak resident memory (Node and DuckDB in one process), against the goals.
 */
export async function sqlSection(log: (line: string) => void): Promise<SectionResult> {
  const sizes = sizesFromEnv().length > 0 ? sizesFromEnv() : defaultSizes;
  const rows: string[][] = [];
  const measured: Goal[] = [];
  for (const size of sizes) {
    const file = path.join(benchFiles.directory(), `sales-${size}.parquet`);
    const marker = `${file}.done`;
    let writeMs = 0;
    if (!existsSync(file) || !existsSync(marker)) {
      log(`sql: writing ${format.count(size)} rows as Parquet`);
      const started = performance.now();
      // Above 10M rows: copies of the 10M rows' file with ids of their own (generating 50M rows in
      // JavaScript takes many minutes; the copies have the same shape).
      const basis = path.join(benchFiles.directory(), `sales-${replicateAbove}.parquet`);
      if (size > replicateAbove && size % replicateAbove === 0 && existsSync(`${basis}.done`))
        await replicateParquet(basis, size / replicateAbove, file);
      else await writeSalesParquet(size, file, log);
      writeMs = performance.now() - started;
      writeFileSync(marker, '1');
    }
    const json = path.join(benchFiles.directory(), `sql-report-${size}.json`);
    log(`sql: analyze --engine duckdb on ${format.count(size)} rows`);
    const run = await runProcess([
      'bin/customer-pyramid.js',
      'analyze',
      file,
      '--engine',
      'duckdb',
      '--memory-limit',
      memoryLimit,
      '--json',
      json,
    ]);
    if (run.status !== 0) throw new Error(`analyze --engine duckdb failed: ${run.stderr.trim()}`);
    // The report of 5M customers is gigabytes: the count comes from the command's own last line.
    const customers = Number(/: (\d+) customers/u.exec(run.stdout)?.[1] ?? Number.NaN);
    rmSync(json, { force: true });
    const seconds = run.ms / 1000;
    rows.push([
      format.count(size),
      format.count(customers),
      format.bytesMb(statSync(file).size),
      writeMs === 0 ? 'reused' : format.ms(writeMs),
      memoryLimit,
      seconds.toFixed(1),
      format.mb(run.maxRssMb),
    ]);
    const secondsGoal = (goals.secondsPer10M * size) / 10_000_000;
    measured.push({
      section: 'sql',
      goal: `${format.count(size)} rows → JSON with DuckDB in ≤ ${secondsGoal} s and ≤ ${format.mb(goals.peakMb)} MB`,
      measured: `${seconds.toFixed(1)} s, ${format.mb(run.maxRssMb)} MB`,
      met: run.maxRssMb === null ? null : seconds <= secondsGoal && run.maxRssMb <= goals.peakMb,
    });
  }
  return {
    tables: [
      {
        title: 'SQL path: analyze sales.parquet --engine duckdb (whole process)',
        headers: [
          'rows',
          'customers',
          'Parquet MB',
          'write Parquet ms',
          'memory limit',
          'seconds',
          'peak MB',
        ],
        rows,
        notes: [
          'One query (src/sql/customerSql.ts) computes measures, ABC, tiers, SVCD, RFM, churn and visits; the file is parsed once into a DuckDB work database in the temp folder, which spills past the memory limit; customers stream into the report.',
        ],
      },
    ],
    goals: measured,
  };
}
