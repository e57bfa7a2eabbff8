import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { cdnowCsvText } from '../../helpers/cdnowCsv';
import { expectSameAsEngine, type JsonReport } from '../../helpers/expectSameAsEngine';
import { writeSuperstoreCsv } from '../../helpers/superstoreCsv';
import { runCli } from '../runCli';
import { sharedData } from '../sharedData';
import { writeFileSync } from 'node:fs';

// Issue 17 point 5: `analyze --engine duckdb` runs the rules of DESIGN.md as one SQL query in DuckDB; its
// JSON report equals the built-in engine's in every field it gives, for every customer, on the shared data
// (Superstore exported as CSV and as typed Parquet, Online Retail's CSV) and the CDNOW sample, with the
// default settings and with as-of, window, ABC cut, fixed SVCD thresholds and visits from ABC. The engine
// runs with --compare-months 0 (the SQL path has no movement; every compared field is the same either way).

const tmp = mkdtempSync(path.join(os.tmpdir(), 'cp-sql-duckdb-'));
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

let serial = 0;
async function report(args: string[]): Promise<JsonReport> {
  const json = path.join(tmp, `r${++serial}.json`);
  const run = await runCli([...args, '--json', json, '--quiet']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(readFileSync(json, 'utf8')) as JsonReport;
}

/** Runs both paths on the same input and settings and checks they agree; returns the SQL report. */
async function expectAgreement(
  engineInput: string,
  sqlInput: string,
  settings: string[],
): Promise<JsonReport> {
  const engine = await report(['analyze', engineInput, '--compare-months', '0', ...settings]);
  const sql = await report(['analyze', sqlInput, '--engine', 'duckdb', ...settings]);
  expect(sql.customers.length).toBeGreaterThan(100);
  expect(expectSameAsEngine(engine, sql)).toBeGreaterThan(sql.customers.length * 20);
  return sql;
}

let superstoreCsv: string;
let superstoreParquet: string;
let cdnowCsv: string;
beforeAll(async () => {
  superstoreCsv = await writeSuperstoreCsv(sharedData('superstore.xlsx'), tmp);
  superstoreParquet = path.join(tmp, 'superstore-orders.parquet');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  // Typed columns, as a warehouse export would have them: a DATE, doubles, text ids.
  await connection.run(`COPY (SELECT "Order ID", CAST("Order Date" AS DATE) AS "Order Date", "Customer ID",
    "Customer Name", CAST("Sales" AS DOUBLE) AS "Sales", CAST("Profit" AS DOUBLE) AS "Profit"
    FROM read_csv('${superstoreCsv}', all_varchar = true)) TO '${superstoreParquet}' (FORMAT parquet)`);
  connection.closeSync();
  instance.closeSync();
  cdnowCsv = path.join(tmp, 'CDNOW_sample.csv');
  writeFileSync(cdnowCsv, cdnowCsvText());
}, 120_000);

describe('analyze --engine duckdb equals the engine on every shared field', () => {
  test('Superstore: the workbook (engine) and its sales as CSV (DuckDB), by profit, 793 customers', async () => {
    const sql = await expectAgreement(sharedData('superstore.xlsx'), superstoreCsv, []);
    expect(sql.method.valueBasis).toBe('profit');
    expect(sql.customers).toHaveLength(793);
  });

  test('Superstore as typed Parquet: last 12 months, visits from ABC, ABC cut 0.8', async () => {
    const sql = await expectAgreement(sharedData('superstore.xlsx'), superstoreParquet, [
      '--months',
      '12',
      '--visits-from',
      'abc',
      '--abc-cut',
      '0.8',
    ]);
    expect(sql.input.beforeWindowRows).toBeGreaterThan(0);
  });

  test('Online Retail CSV: quantity × unit price, blank ids skipped, invoices as orders', async () => {
    const sql = await expectAgreement(
      sharedData('online_retail_2010-12.csv'),
      sharedData('online_retail_2010-12.csv'),
      [],
    );
    expect(sql.input.skippedCount).toBeGreaterThan(0);
    expect(sql.method.valueBasis).toBe('revenue');
  });

  test('Online Retail CSV as of 2010-12-15, fixed SVCD thresholds', async () => {
    await expectAgreement(sharedData('online_retail_2010-12.csv'), sharedData('online_retail_2010-12.csv'), [
      '--as-of',
      '2010-12-15',
      '--svcd-amount',
      '300',
      '--svcd-frequency',
      '2',
    ]);
  });

  test.each([
    [[] as string[]],
    [['--as-of', '1997-09-30']],
    [['--as-of', '1998-03-31', '--months', '6', '--visits-from', 'abc']],
    [['--months', '3', '--abc-cut', '0.5']],
  ])('CDNOW sample %j: yyyymmdd dates, no order ids (orders are purchase days)', async (settings) => {
    const sql = await expectAgreement(cdnowCsv, cdnowCsv, settings);
    expect(sql.customers).toHaveLength(2357);
  });

  test('the report says what the SQL path leaves out', async () => {
    const sql = await report(['analyze', cdnowCsv, '--engine', 'duckdb']);
    expect(sql.engine?.notComputed.join('\n')).toMatch(/valueModel[\s\S]*movement[\s\S]*calls/u);
    expect(Object.keys(sql)).not.toContain('valueModel');
    expect(Object.keys(sql.customers[0]!)).not.toContain('pAlive');
  });
});

describe('analyze --engine duckdb: usage', () => {
  test('needs --json and refuses --out, and refuses an .xlsx', async () => {
    const noJson = await runCli(['analyze', cdnowCsv, '--engine', 'duckdb']);
    expect(noJson.code).toBe(2);
    expect(noJson.stderr).toMatch(/--json/u);
    const xlsx = await runCli([
      'analyze',
      sharedData('superstore.xlsx'),
      '--engine',
      'duckdb',
      '--json',
      path.join(tmp, 'x.json'),
    ]);
    expect(xlsx.code).toBe(2);
    expect(xlsx.stderr).toMatch(/\.csv and \.parquet/u);
  });

  test('a missing column and an as-of date before every sale exit with code 5, as the engine', async () => {
    const bad = path.join(tmp, 'no-amount.csv');
    writeFileSync(bad, 'Customer ID,Date\nC1,2024-01-01\n');
    const missing = await runCli(['analyze', bad, '--engine', 'duckdb', '--json', path.join(tmp, 'm.json')]);
    expect(missing.code).toBe(5);
    expect(missing.stderr).toMatch(/amount/u);
    const early = await runCli([
      'analyze',
      cdnowCsv,
      '--engine',
      'duckdb',
      '--as-of',
      '1990-01-01',
      '--json',
      path.join(tmp, 'e.json'),
    ]);
    expect(early.code).toBe(5);
  });

  test('spills to --temp-dir under --memory-limit and still agrees', async () => {
    const spill = path.join(tmp, 'spill');
    const sql = await report([
      'analyze',
      cdnowCsv,
      '--engine',
      'duckdb',
      '--memory-limit',
      '64MB',
      '--threads',
      '1',
      '--temp-dir',
      spill,
    ]);
    const engine = await report(['analyze', cdnowCsv, '--compare-months', '0']);
    expectSameAsEngine(engine, sql);
  });
});
