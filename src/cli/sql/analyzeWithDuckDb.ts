import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isoFromDay, dayFromIso } from '../../engine/dayNumbers';
import { resolveSettings } from '../../engine/defaultSettings';
import { AnalysisError } from '../../engine/errors';
import type { AnalysisSettings } from '../../engine/types';
import { FileError } from '../../host/file/node/FileError';
import { customerSql } from '../../sql/customerSql';
import { UsageError } from '../UsageError';
import { fileSalesRows, type DescribedColumn } from './fileSalesRows';
import type { SqlRow, SqlRun } from './sqlReport';
import { writeReport } from './writeReport';

/** How DuckDB may use this machine. */
export interface DuckDbLimits {
  /** DuckDB's `memory_limit`, e.g. `2GB`; null = DuckDB's default (80 % of the RAM). */
  memoryLimit: string | null;
  /**
   * Where DuckDB keeps its work database and spills what does not fit in memory (in a new folder inside it,
   * removed afterwards); null = the system's temp folder.
   */
  tempDirectory: string | null;
  /** DuckDB's `threads`; null = its default (the cores). */
  threads: number | null;
}

type DuckDbModule = typeof import('@duckdb/node-api');

/** The sentence when the optional dependency is missing. */
export const duckDbMissing = {
  en: '--engine duckdb needs the optional package @duckdb/node-api, which is not installed: run "npm install @duckdb/node-api" next to customer-pyramid (or leave out --engine duckdb to use the built-in engine).',
  'zh-CN':
    '--engine duckdb 需要可选依赖包 @duckdb/node-api，但它没有安装：请在 customer-pyramid 所在位置运行“npm install @duckdb/node-api”（或去掉 --engine duckdb，使用内置引擎）。',
} as const;

/** Loads DuckDB, or says in one sentence how to install it. */
async function loadDuckDb(): Promise<DuckDbModule> {
  try {
    return await import('@duckdb/node-api');
  } catch {
    throw new UsageError(duckDbMissing.en, duckDbMissing['zh-CN']);
  }
}

/** DuckDB's reader of the input: `read_csv` (every column as text, as the engine reads CSV) or `read_parquet`. */
function readerOf(file: string): string {
  const literal = `'${file.replace(/'/gu, "''")}'`;
  if (/\.parquet$/iu.test(file)) return `read_parquet(${literal})`;
  if (/\.(csv|txt)$/iu.test(file)) return `read_csv(${literal}, header = true, all_varchar = true)`;
  throw new UsageError(
    `--engine duckdb reads .csv and .parquet files (got "${path.basename(file)}"); for an .xlsx, leave out --engine duckdb.`,
    `--engine duckdb 读取 .csv 和 .parquet 文件（收到“${path.basename(file)}”）；.xlsx 请去掉 --engine duckdb。`,
  );
}

/** A value DuckDB hands back as JavaScript, with BIGINT and HUGEINT as numbers. */
const plain = (value: unknown): unknown => (typeof value === 'bigint' ? Number(value) : value);

/**
 * Runs the customer query ({@link customerSql}) with DuckDB in this process over a CSV or Parquet file of
 * sales, and writes the JSON report of the fields the query computes (`sqlReport`) to `jsonFile`, customers
 * by id (DuckDB's binary order). DuckDB keeps its work in `limits.tempDirectory` and spills there past
 * `limits.memoryLimit`, and the customers stream to the report, so the file may be larger than memory.
 *
 * @throws UsageError when DuckDB is not installed or the file is neither CSV nor Parquet, or for a
 *   setting the SQL path does not follow (`churnFrom: 'model'`); FileError when the file cannot be read;
 *   AnalysisError for missing columns, no usable rows or an as-of date before every sale.
 * @example await analyzeWithDuckDb('sales.parquet', { asOf: '2024-12-31' }, { memoryLimit: '2GB', tempDirectory: null, threads: null }, 'report.json')
 */
export async function analyzeWithDuckDb(
  file: string,
  partial: Partial<AnalysisSettings>,
  limits: DuckDbLimits,
  jsonFile: string,
): Promise<{ customers: number; duckDbVersion: string }> {
  const settings = resolveSettings(partial);
  const language = settings.language;
  if (settings.churnFrom !== 'gap')
    throw new UsageError(
      '--engine duckdb measures churn risk from the gap between purchases only (--churn-from gap).',
      '--engine duckdb 只按购买间隔判断流失风险（--churn-from gap）。',
    );
  const info = await stat(file).catch(() => null);
  if (info === null) throw new FileError('notFound', file, language);
  if (info.isDirectory()) throw new FileError('isFolder', file, language);
  const reader = readerOf(file);
  const duckdb = await loadDuckDb();
  // The work database and the spilled blocks live in a folder of their own, removed afterwards.
  const parent = limits.tempDirectory ?? os.tmpdir();
  await mkdir(parent, { recursive: true });
  const spill = await mkdtemp(path.join(parent, 'customer-pyramid-duckdb-'));
  const options: Record<string, string> = { temp_directory: spill, preserve_insertion_order: 'false' };
  if (limits.memoryLimit !== null) options.memory_limit = limits.memoryLimit;
  if (limits.threads !== null) options.threads = String(limits.threads);
  const instance = await duckdb.DuckDBInstance.create(path.join(spill, 'work.duckdb'), options);
  const connection = await instance.connect();
  try {
    const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${reader}`);
    const columns: DescribedColumn[] = described.getRowObjectsJS().map((row) => ({
      name: typeof row.column_name === 'string' ? row.column_name : '',
      type: typeof row.column_type === 'string' ? row.column_type : '',
    }));
    const rows = fileSalesRows(reader, columns, settings.dateOrder, language, path.basename(file));
    // The file is read and parsed once, into a table of the work database (on disk in the spill folder,
    // so it may be larger than memory): the counts and the query read it several times.
    await connection.run(`CREATE TABLE parsed_rows AS ${rows.parsed}`);
    await connection.run(`CREATE VIEW sales_rows AS SELECT * FROM ${rows.usable}`);
    const counts =
      (
        await connection.runAndReadAll(
          'SELECT count(*) AS sales_rows, (SELECT count(*) FROM sales_rows) AS usable_rows FROM parsed_rows',
        )
      ).getRowObjectsJS()[0] ?? {};
    const salesRows = Number(plain(counts.sales_rows));
    const usableRows = Number(plain(counts.usable_rows));
    if (usableRows === 0) throw AnalysisError.of({ key: 'noDataRows', sheet: path.basename(file) }, language);
    const asOf = settings.asOf === null ? null : dayFromIso(settings.asOf);
    if (settings.asOf !== null && asOf === null)
      throw AnalysisError.of({ key: 'asOfNotADate', value: settings.asOf }, language);
    if (settings.asOf !== null && asOf !== null) {
      const earliest = (
        await connection.runAndReadAll('SELECT min(day) AS d FROM sales_rows')
      ).getRowObjectsJS()[0];
      const first = Number(plain(earliest?.d));
      if (first > asOf)
        throw AnalysisError.of(
          { key: 'asOfBeforeData', asOf: settings.asOf, earliest: isoFromDay(first) },
          language,
        );
    }
    const sql = customerSql({
      dialect: 'duckdb',
      source: 'sales_rows',
      hasProfit: rows.hasProfit,
      hasOrderId: rows.hasOrderId,
      datesAs: 'day',
      settings: { ...settings, asOf },
    });
    const run: SqlRun = {
      settings,
      salesRows,
      skippedCount: salesRows - usableRows,
      hasProfit: rows.hasProfit,
      duckDbVersion: duckdb.version(),
    };
    // The customers stream from DuckDB to the report a chunk at a time: millions of customers never sit
    // in JavaScript at once.
    const result = await connection.stream(sql);
    const customers = await writeReport(
      jsonFile,
      run,
      (async function* () {
        for await (const chunk of result.yieldRowObjectJs())
          yield chunk.map((row) => {
            const out: Record<string, unknown> = {};
            for (const [key, value] of Object.entries(row)) out[key] = plain(value);
            return out as unknown as SqlRow;
          });
      })(),
      language,
    );
    return { customers, duckDbVersion: run.duckDbVersion };
  } finally {
    connection.closeSync();
    instance.closeSync();
    await rm(spill, { recursive: true, force: true });
  }
}
