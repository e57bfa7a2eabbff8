/**
 * Every option of `src/cli/parseArgs.ts`, one by one, with a check that fails when the option is ignored
 * (each was verified by disabling the option in parseArgs and watching its test fail). The expectations are
 * computed from the fixture's rows here, not copied from a run.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Workbook } from 'exceljs';
import type { Report } from '../../src/engine/buildReport';
import { abcVisitPlan, svcdVisitPlan } from '../../src/engine/planVisits';
import { temporaryFolder, writeCsv } from '../reliability/analyzeWorkbookFile';
import { runCli } from './runCli';

const folder = temporaryFolder('options');

/** Two years of sales: customer k buys every (k % 5) + 1 months, an amount that grows with k. */
const rows: { id: string; date: string; amount: number }[] = [];
for (let k = 0; k < 30; k++) {
  const every = (k % 5) + 1;
  for (let month = k % 3; month < 24; month += every) {
    const day = 1 + ((k * 7 + month) % 27);
    const date = `${2023 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    rows.push({ id: `K${String(k).padStart(2, '0')}`, date, amount: 10 * (k + 1) + month });
  }
}
rows.push({ id: 'Z', date: '2024-12-31', amount: 5 });
// One customer bought once, on an ambiguous day: 3 April (day first) or 4 March (month first).
const csv = writeCsv(
  folder,
  'sales.csv',
  `Customer ID,Date,Amount\n${rows.map((r) => `${r.id},${r.date},${r.amount}`).join('\n')}\nD1,03/04/2024,7\n`,
);
const allRows = [...rows, { id: 'D1', date: '2024-03-04', amount: 7 }];

let runs = 0;
/** Runs `analyze sales.csv --json … ARGS` and returns the report and the run. */
async function analyze(args: string[] = []): Promise<{ report: Report; stdout: string; code: number }> {
  const json = path.join(folder, `run-${++runs}.json`);
  const result = await runCli(['analyze', csv, '--json', json, ...args]);
  expect([args, result.code, result.stderr]).toEqual([args, 0, '']);
  return {
    report: JSON.parse(readFileSync(json, 'utf8')) as Report,
    stdout: result.stdout,
    code: result.code,
  };
}

let base: Report;
let baseStdout: string;
beforeAll(async () => {
  ({ report: base, stdout: baseStdout } = await analyze());
});

const byId = (report: Report): Map<string, Report['customers'][number]> =>
  new Map(report.customers.map((c) => [c.id, c]));

describe('options of analyze', () => {
  test('--json writes the report there', () => {
    expect(base.customers).toHaveLength(32);
    expect(base.asOf).toBe('2024-12-31');
  });

  test('--out writes the result workbook there (and only --json writes no workbook)', async () => {
    const out = path.join(folder, 'chosen name.xlsx');
    const result = await runCli(['analyze', csv, '--out', out, '--quiet']);
    expect(result.code).toBe(0);
    const workbook = new Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.getWorksheet('Pyramid')).toBeDefined();
    expect(readdirSync(folder).filter((f) => f.endsWith('.xlsx'))).toEqual(['chosen name.xlsx']);
  });

  test('--quiet prints nothing on stdout, and no progress even in a terminal', async () => {
    expect(baseStdout).toContain('Customer pyramid — sales.csv');
    expect((await analyze(['--quiet'])).stdout).toBe('');
    const json = path.join(folder, 'quiet.json');
    const terminal = await runCli(['analyze', csv, '--json', json], { tty: true });
    expect(terminal.stderr).toMatch(/^Reading sales\.csv/u);
    const quiet = await runCli(['analyze', csv, '--json', json, '--quiet'], { tty: true });
    expect([quiet.code, quiet.stdout, quiet.stderr]).toEqual([0, '', '']);
  });

  test('--as-of sets the as-of date: later rows are counted, not used', async () => {
    const { report } = await analyze(['--as-of', '2024-06-30']);
    expect(report.asOf).toBe('2024-06-30');
    expect(report.input.afterAsOfRows).toBe(allRows.filter((r) => r.date > '2024-06-30').length);
    expect(report.input.afterAsOfRows).toBeGreaterThan(0);
  });

  test('--months N keeps the last N months up to the as-of date', async () => {
    const { report } = await analyze(['--months', '6']);
    expect(report.window).toMatchObject({ start: '2024-07-01', end: '2024-12-31' });
    const inWindow = allRows.filter((r) => r.date >= '2024-07-01');
    expect(report.input.beforeWindowRows).toBe(allRows.length - inWindow.length);
    const revenue = new Map<string, number>();
    for (const r of inWindow) revenue.set(r.id, (revenue.get(r.id) ?? 0) + r.amount);
    for (const c of report.customers) expect([c.id, c.revenue]).toEqual([c.id, revenue.get(c.id) ?? 0]);
  });

  test('--lang zh-CN puts the results in Chinese', async () => {
    const out = path.join(folder, 'zh.xlsx');
    const result = await runCli(['analyze', csv, '--out', out, '--lang', 'zh-CN']);
    expect(result.stdout.split('\n')[0]).toBe('客户金字塔 — sales.csv');
    const workbook = new Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(expect.arrayContaining(['数据问题']));
    expect(workbook.getWorksheet('Data issues')).toBeUndefined();
  });

  test('--visits-from abc sets each visit interval by ABC class instead of SVCD segment', async () => {
    const { report } = await analyze(['--visits-from', 'abc']);
    expect(report.method.visitsFrom).toBe('abc');
    for (const c of report.customers)
      expect([c.id, c.visitIntervalDays]).toEqual([c.id, abcVisitPlan[c.abc as 'A'].intervalDays]);
    for (const c of base.customers.filter((x) => x.svcd !== null))
      expect([c.id, c.visitIntervalDays]).toEqual([c.id, svcdVisitPlan[c.svcd as 'Star'].intervalDays]);
    const changed = report.customers.filter(
      (c) => c.visitIntervalDays !== byId(base).get(c.id)!.visitIntervalDays,
    );
    expect(changed.length).toBeGreaterThan(0);
  });

  test('--date-order dmy reads 03/04/2024 as 3 April', async () => {
    expect(byId(base).get('D1')!.firstPurchase).toBe('2024-03-04');
    const { report } = await analyze(['--date-order', 'dmy']);
    expect(byId(report).get('D1')!.firstPurchase).toBe('2024-04-03');
  });

  test('--abc-cut sets the revenue share that ends class A', async () => {
    for (const [cut, report] of [
      [0.75, base],
      [0.4, (await analyze(['--abc-cut', '0.4'])).report],
    ] as const) {
      expect(report.method.abcCut).toBe(cut);
      // A while the share of revenue before the customer is below the cut (ties by id).
      const ranked = [...report.customers]
        .filter((c) => c.revenue > 0)
        .sort((a, b) => b.revenue - a.revenue || (a.id < b.id ? -1 : 1));
      const total = ranked.reduce((s, c) => s + c.revenue, 0);
      let before = 0;
      const expected = ranked.map((c) => {
        const abc = before / total < cut ? 'A' : 'B';
        before += c.revenue;
        return [c.id, abc];
      });
      expect(ranked.map((c) => [c.id, c.abc])).toEqual(expected);
    }
    expect(base.customers.filter((c) => c.abc === 'A').length).toBeGreaterThan(
      (await analyze(['--abc-cut', '0.4'])).report.customers.filter((c) => c.abc === 'A').length,
    );
  });

  /** Each customer's SVCD segment as the two thresholds say it must be. */
  const expectSegments = (report: Report, amount: number, frequency: number): void => {
    for (const c of report.customers.filter((x) => x.orders > 0)) {
      const high = [c.amountPerOrder! >= amount, c.frequencyPerMonth >= frequency];
      const segment = high[0] ? (high[1] ? 'Star' : 'Volcano') : high[1] ? 'Cow' : 'Dog';
      expect([c.id, c.svcd]).toEqual([c.id, segment]);
    }
  };

  test('--svcd-amount fixes the amount threshold only; the frequency threshold stays median-based', async () => {
    const medians = base.method.svcdThresholds;
    expect(medians.amountPerOrder).not.toBeNull();
    const { report } = await analyze(['--svcd-amount', '250']);
    expect(report.method.svcdThresholds.amountPerOrder).toBe(250);
    expect(report.method.svcdThresholds.frequencyPerMonth).toBe(medians.frequencyPerMonth);
    expectSegments(report, 250, medians.frequencyPerMonth!);
    expect(report.customers.map((c) => c.svcd)).not.toEqual(base.customers.map((c) => c.svcd));
  });

  test('--svcd-frequency fixes the frequency threshold only; the amount threshold stays median-based', async () => {
    const medians = base.method.svcdThresholds;
    const { report } = await analyze(['--svcd-frequency', '0.2']);
    expect(report.method.svcdThresholds.frequencyPerMonth).toBe(0.2);
    expect(report.method.svcdThresholds.amountPerOrder).toBe(medians.amountPerOrder);
    expectSegments(report, medians.amountPerOrder!, 0.2);
    expect(report.customers.map((c) => c.svcd)).not.toEqual(base.customers.map((c) => c.svcd));
  });

  test('both SVCD thresholds at once, each where it belongs', async () => {
    const { report } = await analyze(['--svcd-amount', '120', '--svcd-frequency', '0.5']);
    expect(report.method.svcdThresholds).toMatchObject({ amountPerOrder: 120, frequencyPerMonth: 0.5 });
    expectSegments(report, 120, 0.5);
  });
});

describe('options of sample and the global ones', () => {
  test('sample --lang, --out and --plain-ranges', async () => {
    const both = path.join(folder, 'samples-both');
    expect((await runCli(['sample', '--out', both])).code).toBe(0);
    expect(readdirSync(both).sort()).toEqual(['sample-workbook.xlsx', 'sample-workbook.zh-CN.xlsx']);
    const english = path.join(folder, 'samples-en');
    expect((await runCli(['sample', '--lang', 'en', '--out', english, '--plain-ranges'])).code).toBe(0);
    expect(readdirSync(english)).toEqual(['sample-workbook.xlsx']);
    const tablesIn = async (file: string): Promise<number> => {
      const workbook = new Workbook();
      await workbook.xlsx.readFile(file);
      return workbook.worksheets.reduce((n, s) => n + s.getTables().length, 0);
    };
    expect(await tablesIn(path.join(both, 'sample-workbook.xlsx'))).toBeGreaterThan(0);
    expect(await tablesIn(path.join(english, 'sample-workbook.xlsx'))).toBe(0);
    const chinese = path.join(folder, 'samples-zh');
    expect((await runCli(['sample', '--lang', 'zh-CN', '--out', chinese])).code).toBe(0);
    expect(readdirSync(chinese)).toEqual(['sample-workbook.zh-CN.xlsx']);
  });

  test('--help and -h print the usage, --version the version', async () => {
    for (const flag of ['--help', '-h']) {
      const result = await runCli([flag]);
      expect([flag, result.code, result.stdout.split('\n')[0]]).toEqual([flag, 0, 'Usage:']);
    }
    expect((await runCli(['--version'])).stdout).toMatch(/^customer-pyramid \d+\.\d+\.\d+\n$/u);
    expect(existsSync(path.join(folder, 'sales.analysis.xlsx'))).toBe(false);
  });
});
