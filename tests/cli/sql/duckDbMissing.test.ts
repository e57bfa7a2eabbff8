import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../runCli';

// DuckDB is optional: where @duckdb/node-api is not installed, --engine duckdb says how to install it (exit
// code 2) instead of failing with a stack trace.
jest.mock('@duckdb/node-api', () => {
  throw new Error("Cannot find module '@duckdb/node-api'");
});

const tmp = mkdtempSync(path.join(os.tmpdir(), 'cp-sql-missing-'));
const csv = path.join(tmp, 'sales.csv');
beforeAll(() => {
  writeFileSync(csv, 'Customer ID,Date,Amount\nC1,2024-01-01,10\n');
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

test('analyze --engine duckdb without @duckdb/node-api names the package to install', async () => {
  const run = await runCli(['analyze', csv, '--engine', 'duckdb', '--json', path.join(tmp, 'r.json')]);
  expect(run.code).toBe(2);
  expect(run.stderr).toBe(
    'customer-pyramid: --engine duckdb needs the optional package @duckdb/node-api, which is not installed: run "npm install @duckdb/node-api" next to customer-pyramid (or leave out --engine duckdb to use the built-in engine).\n',
  );
});

test('the built-in engine runs without it', async () => {
  const run = await runCli(['analyze', csv, '--json', path.join(tmp, 'e.json'), '--quiet']);
  expect(run.code).toBe(0);
});
