import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseCsv } from '../../src/host/file/parseCsv';
import type { Report } from '../../src/engine/buildReport';
import { runCli } from './runCli';
import { sharedData } from './sharedData';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'cp-cli-'));
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});
const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');
const readReport = (file: string): Report => JSON.parse(readFileSync(file, 'utf8')) as Report;

describe('online_retail_2010-12.csv (no amount column, cancellations, blank customer ids)', () => {
  const input = sharedData('online_retail_2010-12.csv');
  let report: Report;
  let stdout: string;
  const before = sha(input);

  beforeAll(async () => {
    const json = path.join(tmp, 'retail.json');
    const result = await runCli(['analyze', input, '--json', json, '--out', path.join(tmp, 'retail.xlsx')]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    stdout = result.stdout;
    report = readReport(json);
  });

  test('the input file is not modified', () => {
    expect(sha(input)).toBe(before);
  });

  test('blank customer ids are skipped, counted and listed with sheet, row and reason, not fatal', () => {
    const csv = parseCsv(readFileSync(input, 'utf8'));
    const idColumn = csv.headers.indexOf('CustomerID');
    const blankRows = csv.columns[idColumn]!.flatMap((v, i) =>
      v === null || String(v).trim() === '' ? [i + 2] : [],
    );
    expect(blankRows.length).toBeGreaterThan(1000);
    const listed = report.input.skipped.filter((s) => s.reason === 'customer id is blank').map((s) => s.row);
    expect(listed).toEqual(blankRows);
    expect(report.input.skippedCount).toBe(report.input.skipped.length);
    expect(report.input.salesRows).toBe(42481);
    expect(report.input.usedRows + report.input.skippedCount).toBe(42481);
    expect(report.input.skipped[0]).toMatchObject({
      sheet: 'online_retail_2010-12.csv',
      column: 'CustomerID',
    });
  });

  test('revenue is quantity × unit price and cancellations (negative quantities) reduce it', () => {
    const csv = parseCsv(readFileSync(input, 'utf8'));
    const col = (name: string): (string | number | boolean | null)[] =>
      csv.columns[csv.headers.indexOf(name)]!;
    const ids = col('CustomerID');
    const qty = col('Quantity');
    const price = col('UnitPrice');
    const invoice = col('InvoiceNo');
    const gross = new Map<string, number>();
    const net = new Map<string, number>();
    const cancelled = new Set<string>();
    ids.forEach((id, i) => {
      if (id === null) return;
      const amount = Number(qty[i]) * Number(price[i]);
      const key = String(id).trim();
      net.set(key, (net.get(key) ?? 0) + amount);
      if (amount > 0) gross.set(key, (gross.get(key) ?? 0) + amount);
      if (String(invoice[i]).startsWith('C')) cancelled.add(key);
    });
    expect(cancelled.size).toBeGreaterThan(50);
    const byId = new Map(report.customers.map((c) => [c.id, c]));
    expect(byId.size).toBe(net.size);
    for (const id of cancelled) {
      const c = byId.get(id)!;
      expect(c.revenue).toBeCloseTo(net.get(id)!, 6);
      expect(c.revenue).toBeLessThan((gross.get(id) ?? 0) + 1e-9);
    }
    expect([...byId.keys()].every((id) => id.endsWith('.0'))).toBe(true);
  });

  test('orders count distinct invoices with a positive amount; the pyramid ranks by revenue and says so', () => {
    const c = report.customers.find((x) => x.orders > 3)!;
    expect(c.purchaseDays).toBeLessThanOrEqual(c.orders);
    expect(report.method.valueBasis).toBe('revenue');
    expect(stdout).toContain('ranked by revenue (no profit or cost column)');
    // Ranked by revenue, the table has no profit columns.
    expect(stdout).toMatch(/^Tier +Customers +Revenue share$/mu);
    expect(stdout).not.toMatch(/Profit share|Losing money/u);
  });
});

describe('superstore.xlsx (Excel table, profit with losses)', () => {
  const input = sharedData('superstore.xlsx');
  let report: Report;
  let stdout: string;
  let progress: string;

  beforeAll(async () => {
    const json = path.join(tmp, 'superstore.json');
    const result = await runCli([
      'analyze',
      input,
      '--json',
      json,
      '--out',
      path.join(tmp, 'superstore.xlsx'),
    ]);
    expect(result.code).toBe(0);
    progress = result.stderr;
    stdout = result.stdout;
    report = readReport(json);
  });

  test('the pyramid ranks by profit and every loss-making customer is in tier 5', () => {
    expect(report.method.valueBasis).toBe('profit');
    const losing = report.customers.filter((c) => (c.profit ?? 0) < 0);
    expect(losing.length).toBe(155);
    expect(losing.every((c) => c.pyramidTier === 5)).toBe(true);
    const n = report.customers.filter((c) => c.pyramidTier !== null).length;
    expect(n).toBe(report.customers.length);
    const tier1 = report.customers.filter((c) => c.pyramidTier === 1).map((c) => c.profit!);
    const tier2 = report.customers.filter((c) => c.pyramidTier === 2).map((c) => c.profit!);
    expect(Math.min(...tier1)).toBeGreaterThan(Math.max(...tier2));
    expect(tier1.length).toBe(Math.ceil(n * 0.05));
  });

  test('a 10,000-row workbook (1.3 MB, several seconds) shows progress on stderr even in a pipe', () => {
    const lines = progress.trim().split('\n');
    expect(lines[0]).toBe('Reading superstore.xlsx (1.3 MB)…');
    for (const stage of ['reading', 'analysing', 'writing'])
      expect(lines).toContainEqual(
        expect.stringMatching(new RegExp(`^ {2}${stage} 100% \\(\\d+\\.\\d s\\)$`, 'u')),
      );
    expect(lines[lines.length - 1]).toMatch(/^ {2}done in \d+\.\d s$/u);
    expect(lines.every((line) => !line.startsWith('customer-pyramid:'))).toBe(true);
  });

  test('every row is used and the summary table is printed', () => {
    expect(report.input.salesRows).toBe(9994);
    expect(report.input.usedRows).toBe(9994);
    expect(stdout).toMatch(/Tier 1 · top 5%\s+\d+/u);
    // Ranked by profit: each tier's share of profit and how many of its customers lose money.
    expect(stdout).toMatch(/^Tier +Customers +Revenue share +Profit share +Losing money$/mu);
    expect(stdout).toMatch(/^Tier 5 · bottom 40% +317 +[\d.]+% +-[\d.]+% +155$/mu);
    expect(stdout).toContain('ranked by profit');
  });
});

describe('financial_sample.xlsx (no customer column)', () => {
  test('fails with one clear line naming the problem and the headers found', async () => {
    const result = await runCli([
      'analyze',
      sharedData('financial_sample.xlsx'),
      '--json',
      path.join(tmp, 'fin.json'),
    ]);
    expect(result.code).toBe(5);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/no customer column/u);
    expect(lines[0]).toContain('"Sales"');
    expect(lines[0]).toContain('financials');
  });
});
