import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { fileSalesRows, type DescribedColumn } from '../../../src/cli/sql/fileSalesRows';
import { sqlReport, type SqlRow } from '../../../src/cli/sql/sqlReport';
import { dayFromIso } from '../../../src/engine/dayNumbers';
import { resolveSettings } from '../../../src/engine/defaultSettings';
import { cdnowCsvText } from '../../helpers/cdnowCsv';
import { expectSameAsEngine, type JsonReport } from '../../helpers/expectSameAsEngine';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../helpers/throwawayPostgres';
import { writeSuperstoreCsv } from '../../helpers/superstoreCsv';
import { runCli } from '../runCli';
import { sharedData } from '../sharedData';

// Issue 17 point 5: `customer-pyramid sql` prints the analysis as one query for a warehouse. The printed
// query, run over a table of the sales rows in DuckDB and in a PostgreSQL server the test starts itself,
// gives every customer the same measures, classes, tiers, scores, segments, churn risk and visit dates as
// the built-in engine on the same data.

const tmp = mkdtempSync(path.join(os.tmpdir(), 'cp-sql-printed-'));
let duck: DuckDBInstance;
let connection: DuckDBConnection;
let postgres: ThrowawayPostgres | null = null;
beforeAll(async () => {
  duck = await DuckDBInstance.create(':memory:');
  connection = await duck.connect();
  postgres = startThrowawayPostgres();
  if (postgres === null)
    console.log(
      'PostgreSQL is not installed (apt-get install postgresql): the PostgreSQL dialect is not run.',
    );
}, 120_000);
afterAll(() => {
  connection.closeSync();
  duck.closeSync();
  postgres?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

const dateColumns = new Set([
  'first_purchase',
  'last_purchase',
  'last_contact',
  'next_visit_due',
  'as_of',
  'window_start',
]);
const textColumns = new Set(['customer_id', 'svcd', 'abc', 'rfm_segment', 'churn_risk']);

/** A cell of the query's result (psql's CSV text or DuckDB's JavaScript value) as the report needs it. */
function cellOf(column: string, value: unknown): unknown {
  // psql writes NULL as an empty field; no text the query gives is empty.
  if (value === null || value === '') return null;
  if (dateColumns.has(column)) {
    return dayFromIso(value instanceof Date ? value.toISOString().slice(0, 10) : (value as string));
  }
  if (textColumns.has(column)) return value;
  if (value === 't' || value === true) return true;
  if (value === 'f' || value === false) return false;
  return Number(value);
}

/** psql --csv output as rows of named cells (quoted fields may hold commas and doubled quotes). */
function parseCsv(text: string): Record<string, string>[] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',' || c === '\n') {
      record.push(field);
      field = '';
      if (c === '\n') {
        records.push(record);
        record = [];
      }
    } else field += c;
  }
  const [header, ...rows] = records;
  return rows.map((cells) => Object.fromEntries(header!.map((name, k) => [name, cells[k] ?? ''])));
}

/** The usable sales rows of a file, as the engine reads them, written to a CSV a warehouse loads. */
async function exportSales(file: string, name: string): Promise<string> {
  const reader = `read_csv('${file}', header = true, all_varchar = true)`;
  const described = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${reader}`)).getRowObjectsJS();
  const columns: DescribedColumn[] = described.map((row) => ({
    name: row.column_name as string,
    type: row.column_type as string,
  }));
  const rows = fileSalesRows(reader, columns, 'mdy', 'en', name);
  await connection.run(`CREATE OR REPLACE TABLE parsed_rows AS ${rows.parsed}`);
  const out = path.join(tmp, `${name}.csv`);
  await connection.run(`COPY (SELECT customer_id, DATE '1899-12-30' + day AS sale_date, amount, profit, order_id
    FROM ${rows.usable}) TO '${out}' (HEADER)`);
  return out;
}

/** The report of the printed query's rows; the row counts of the file are not the warehouse's to know. */
function reportOf(rows: Record<string, unknown>[], hasProfit: boolean, settings: string[]): JsonReport {
  const typed = rows.map(
    (row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, cellOf(k, v)])) as unknown as SqlRow,
  );
  const partial = settings.includes('--visits-from') ? { visitsFrom: 'abc' as const } : {};
  const report = sqlReport(typed, {
    settings: resolveSettings(partial),
    salesRows: 0,
    skippedCount: 0,
    hasProfit,
    duckDbVersion: '',
  }) as unknown as JsonReport;
  delete report.input.salesRows;
  delete report.input.skippedCount;
  return report;
}

const cases = [
  {
    name: 'superstore',
    columns: ['--profit-column', 'profit', '--order-column', 'order_id'],
    settings: [] as string[],
  },
  {
    name: 'superstore',
    columns: ['--profit-column', 'profit', '--order-column', 'order_id'],
    settings: ['--months', '12', '--visits-from', 'abc'],
  },
  { name: 'online-retail', columns: ['--order-column', 'order_id'], settings: ['--as-of', '2010-12-15'] },
  { name: 'cdnow', columns: [], settings: ['--as-of', '1997-09-30'] },
];

const inputs: Record<string, () => Promise<string>> = {
  superstore: () => writeSuperstoreCsv(sharedData('superstore.xlsx'), tmp),
  'online-retail': () => Promise.resolve(sharedData('online_retail_2010-12.csv')),
  cdnow: () => {
    const file = path.join(tmp, 'CDNOW_sample.csv');
    writeFileSync(file, cdnowCsvText());
    return Promise.resolve(file);
  },
};

describe.each(cases)('customer-pyramid sql on $name $settings', ({ name, columns, settings }) => {
  let engine: JsonReport;
  let salesCsv: string;
  beforeAll(async () => {
    const raw = await inputs[name]!();
    const json = path.join(tmp, `${name}-engine.json`);
    const run = await runCli([
      'analyze',
      raw,
      '--json',
      json,
      '--quiet',
      '--compare-months',
      '0',
      ...settings,
    ]);
    expect(run.code).toBe(0);
    engine = JSON.parse(readFileSync(json, 'utf8')) as JsonReport;
    salesCsv = await exportSales(raw, name);
  }, 120_000);

  const printed = async (dialect: string): Promise<string> => {
    const run = await runCli(['sql', '--dialect', dialect, '--table', 'sales', ...columns, ...settings]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^-- Customer Pyramid/u);
    return run.stdout;
  };
  const hasProfit = columns.includes('--profit-column');

  test('--dialect duckdb, run in DuckDB over a table with a DATE column, equals the engine', async () => {
    await connection.run(`CREATE OR REPLACE TABLE sales AS SELECT * FROM read_csv('${salesCsv}', header = true,
      columns = {'customer_id': 'VARCHAR', 'sale_date': 'DATE', 'amount': 'DOUBLE', 'profit': 'DOUBLE', 'order_id': 'VARCHAR'})`);
    const rows = (await connection.runAndReadAll(await printed('duckdb'))).getRowObjectsJS();
    expect(expectSameAsEngine(engine, reportOf(rows, hasProfit, settings))).toBeGreaterThan(rows.length * 20);
  });

  test('--dialect postgres, run with psql in a throwaway PostgreSQL server, equals the engine', async () => {
    if (postgres === null) return;
    postgres.psql([
      '-q',
      '-c',
      'DROP TABLE IF EXISTS sales; CREATE TABLE sales (customer_id text, sale_date date, amount double precision, profit double precision, order_id text)',
    ]);
    postgres.psql(['-q', '-c', `\\copy sales FROM '${salesCsv}' WITH (FORMAT csv, HEADER true)`]);
    const query = path.join(tmp, `${name}.sql`);
    writeFileSync(query, await printed('postgres'));
    const rows = parseCsv(postgres.psql(['--csv', '-f', query]));
    expect(expectSameAsEngine(engine, reportOf(rows, hasProfit, settings))).toBeGreaterThan(rows.length * 20);
  });
});

test('sql: unknown options and dialects are usage errors (exit code 2)', async () => {
  expect((await runCli(['sql', '--dialect', 'oracle'])).code).toBe(2);
  expect((await runCli(['sql', '--out', 'x.sql'])).code).toBe(2);
});
