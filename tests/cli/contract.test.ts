import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Report } from '../../src/engine/buildReport';
import { readXlsxWithLibreOffice, describeWithLibreOffice } from '../helpers/libreoffice';
import { runCli } from './runCli';

const repo = path.resolve(__dirname, '../..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'cp-contract-'));
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});
const sample = path.join(tmp, 'sample-workbook.xlsx');
const out = path.join(tmp, 'sample.analysis.xlsx');
const json = path.join(tmp, 'sample.json');
let report: Report;
let stdout = '';

beforeAll(async () => {
  expect((await runCli(['sample', '--lang', 'en', '--out', tmp])).code).toBe(0);
  const result = await runCli(['analyze', sample, '--out', out, '--json', json, '--as-of', '2024-12-31']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  stdout = result.stdout;
  report = JSON.parse(readFileSync(json, 'utf8')) as Report;
});

describe('JSON report follows DESIGN.md field by field', () => {
  test('top level, window and input', () => {
    expect(report.version).toBe(1);
    expect(report.asOf).toBe('2024-12-31');
    expect(report.window.end).toBe('2024-12-31');
    expect(report.window.start).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
    const days = (Date.parse(report.window.end) - Date.parse(report.window.start)) / 86_400_000 + 1;
    expect(report.window.months).toBeCloseTo(days / 30.4375, 10);
    expect(Object.keys(report.input)).toEqual(
      expect.arrayContaining(['salesRows', 'usedRows', 'skippedCount', 'skipped']),
    );
    expect(report.input.skippedCount).toBe(report.input.skipped.length);
    for (const s of report.input.skipped) {
      expect(typeof s.sheet).toBe('string');
      expect(Number.isInteger(s.row)).toBe(true);
      expect(s.reason.length).toBeGreaterThan(5);
    }
  });

  test('each customer has every contract key with the right type, once', () => {
    const keys = [
      'id',
      'revenue',
      'profit',
      'orders',
      'purchaseDays',
      'firstPurchase',
      'lastPurchase',
      'recencyDays',
      'frequencyPerMonth',
      'amountPerOrder',
      'svcd',
      'abc',
      'pyramidTier',
      'visitIntervalDays',
      'nextVisitDue',
      'rfm',
      'churnRisk',
    ];
    const ids = report.customers.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of report.customers) {
      expect(Object.keys(c)).toEqual(expect.arrayContaining(keys));
      expect(typeof c.id).toBe('string');
      expect(['A', 'B', 'C']).toContain(c.abc);
      expect(c.nextVisitDue).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
      if (c.orders > 0) {
        expect(['Star', 'Cow', 'Volcano', 'Dog']).toContain(c.svcd);
        expect(c.rfm).toEqual({
          r: expect.any(Number),
          f: expect.any(Number),
          m: expect.any(Number),
          segment: expect.any(String),
        });
        expect(['Active', 'At risk', 'Lapsed']).toContain(c.churnRisk);
        expect(c.amountPerOrder).toBeCloseTo(c.revenue / c.orders, 9);
      }
    }
  });

  test('a prospect with no sales row in the window: revenue 0, orders 0, ABC C and null where nothing applies', () => {
    const prospects = report.customers.filter(
      (c) => c.orders === 0 && c.revenue === 0 && c.lastPurchase === null,
    );
    expect(prospects.length).toBeGreaterThan(0);
    for (const c of prospects) {
      expect(c).toMatchObject({
        abc: 'C',
        svcd: null,
        rfm: null,
        churnRisk: null,
        amountPerOrder: null,
        recencyDays: null,
        firstPurchase: null,
      });
      expect(c.pyramidTier).toBeNull();
    }
  });

  test('the summary table lists five tiers and where the output went', () => {
    expect(stdout.match(/^Tier [1-5] · /gmu)).toHaveLength(5);
    expect(stdout).toContain(`Wrote ${out} and ${json}.`);
  });
});

describeWithLibreOffice('the written workbook opens in LibreOffice', () => {
  test('customers sheet with our columns, and every summary sheet', async () => {
    const sheets = await readXlsxWithLibreOffice(out);
    const names = [...sheets.keys()];
    expect(names).toEqual(
      expect.arrayContaining(['Pyramid', 'SVCD matrix', 'ABC Pareto', 'RFM', 'Visit plan', 'Data issues']),
    );
    const customers = [...sheets.entries()].find(([, rows]) => rows.some((r) => r.includes('SVCD segment')));
    expect(customers).toBeDefined();
    const rows = customers![1];
    const headerIndex = rows.findIndex((r) => r.includes('SVCD segment'));
    const header = rows[headerIndex]!;
    for (const h of [
      'ABC class',
      'Pyramid tier',
      'Visits per month',
      'Next visit due',
      'RFM score',
      'RFM segment',
      'Churn risk',
      'Revenue',
    ]) {
      expect(header).toContain(h);
    }
    const idColumn = header.findIndex((h) => /customer id|客户编号/iu.test(h));
    const svcdColumn = header.indexOf('SVCD segment');
    const byId = new Map(report.customers.map((c) => [c.id, c]));
    const dataRows = rows.slice(headerIndex + 1).filter((r) => (r[idColumn] ?? '') !== '');
    expect(dataRows.length).toBeGreaterThan(100);
    for (const row of dataRows) {
      const c = byId.get(row[idColumn]!);
      expect(c).toBeDefined();
      expect(row[svcdColumn] === '' ? null : row[svcdColumn]).toBe(c!.svcd);
    }
  });
});

describe('usage and the installed command', () => {
  test('--help prints the contract and exits 0; unknown options exit 2 with one line', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--visits-from svcd|abc');
    const bad = await runCli(['analyze', 'x.csv', '--bogus']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    const missing = await runCli([
      'analyze',
      path.join(tmp, 'does-not-exist.csv'),
      '--json',
      path.join(tmp, 'x.json'),
    ]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/does-not-exist\.csv/u);
  });

  test('npx customer-pyramid works in the repository (bin + prepare build)', () => {
    execFileSync(process.execPath, ['scripts/buildCli.mjs'], { cwd: repo });
    const result = spawnSync('npx', ['--no-install', 'customer-pyramid', '--help'], {
      cwd: repo,
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('customer-pyramid analyze INPUT');
  });

  test('the output is written atomically: no temporary file is left beside it', () => {
    const leftovers = readdirSync(tmp).filter((f) => /\.tmp|~$/u.test(f));
    expect(leftovers).toEqual([]);
    expect(existsSync(out)).toBe(true);
  });
});
