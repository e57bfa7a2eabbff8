/**
 * `--calls` and `--call-days` on a small workbook with a customers table (birthdays, phones, reps) and a
 * Care rules table, through the command line as a person runs it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Report } from '../../src/engine/buildReport';
import { addRows, temporaryFolder, writeWorkbook } from '../reliability/analyzeWorkbookFile';
import { runCli } from './runCli';

const folder = temporaryFolder('calls');

let input = '';
beforeAll(async () => {
  input = await writeWorkbook(folder, 'shop.xlsx', (workbook) => {
    addRows(workbook.addWorksheet('Sales'), [
      ['Customer ID', 'Date', 'Amount', 'Product', 'Sales rep'],
      ['C2', '2024-03-01', 500, 'Fridge', 'Zoe'],
      ['C1', '2024-03-10', 100, 'Widget', 'Ann'],
      ['C3', '2023-12-01', 100, 'Widget', null],
      ['C4', '2023-12-20', 100, 'Widget', 'Zoe'],
      ['C1', '2024-03-03', 100, 'Widget', 'Ann'],
    ]);
    addRows(workbook.addWorksheet('Customers'), [
      ['Customer ID', 'Name', 'Date of birth', 'Mobile'],
      ['C1', 'Ann Lee', '03-12', '555-0101'],
      ['C2', 'Bo Chen', '1980-03-11', '555-0102'],
      ['C3', 'Cy Wu', null, null],
      ['C4', 'Di Ma', null, null],
    ]);
    addRows(workbook.addWorksheet('Care rules'), [
      ['Product', 'Follow up after (days)', 'Note'],
      ['Fridge', 10, 'defrost reminder'],
    ]);
  });
});

let runs = 0;
async function analyze(args: string[]): Promise<{ report: Report; stdout: string }> {
  const json = path.join(folder, `run-${++runs}.json`);
  const result = await runCli(['analyze', input, '--json', json, ...args]);
  expect([result.code, result.stderr]).toEqual([0, '']);
  return { report: JSON.parse(readFileSync(json, 'utf8')) as Report, stdout: result.stdout };
}

describe('--calls', () => {
  test('adds calls to the JSON report, sorted by date, rep (none last) and id, and prints them per rep', async () => {
    const { report, stdout } = await analyze(['--calls']);
    expect(report.calls).toEqual([
      // One small order each: Dogs, visited every 60 days from their purchase.
      {
        date: '2024-03-10',
        customerId: 'C4',
        rep: 'Zoe',
        reasons: ['visit'],
        detail: 'Visit overdue by 21 days (due 2024-02-18)',
      },
      {
        date: '2024-03-10',
        customerId: 'C3',
        rep: null,
        reasons: ['visit'],
        detail: 'Visit overdue by 40 days (due 2024-01-30)',
      },
      {
        date: '2024-03-11',
        customerId: 'C2',
        rep: 'Zoe',
        reasons: ['birthday', 'service'],
        detail: 'Birthday (turns 44); Follow-up: defrost reminder (Fridge, bought 2024-03-01)',
      },
      { date: '2024-03-12', customerId: 'C1', rep: 'Ann', reasons: ['birthday'], detail: 'Birthday' },
    ]);
    expect(stdout).toContain('Calls 2024-03-10 – 2024-03-16 (7 days): 4 calls');
    const ann = stdout.indexOf('Ann — 1 call');
    const zoe = stdout.indexOf('Zoe — 2 calls');
    const none = stdout.indexOf('No sales rep — 1 call');
    expect(ann).toBeGreaterThan(0);
    expect(zoe).toBeGreaterThan(ann);
    expect(none).toBeGreaterThan(zoe);
    expect(stdout).toMatch(
      /2024-03-11 {2}C2 Bo Chen {2}Birthday, Follow-up +555-0102 {2}Birthday \(turns 44\);/u,
    );
    expect(stdout).toContain('Say: Happy birthday!');
  });

  test('is absent without --calls; --call-days sets the span; Chinese with --lang zh-CN', async () => {
    const { report, stdout } = await analyze([]);
    expect(Object.keys(report)).not.toContain('calls');
    expect(stdout).not.toContain('Calls ');
    const short = await analyze(['--calls', '--call-days', '1', '--lang', 'zh-CN']);
    expect((short.report.calls as { date: string }[]).map((c) => c.date)).toEqual([
      '2024-03-10',
      '2024-03-10',
    ]);
    expect(short.report.method.callDays).toBe(1);
    expect(short.stdout).toContain('通话清单 2024-03-10 – 2024-03-10（1 天）：2 个电话');
    expect(short.stdout).toContain('无业务员 — 1 个电话');
    expect(short.stdout).toMatch(
      /C3 Cy Wu {2}拜访（逾期 40 天） +拜访已逾期 40 天（应于 2024-01-30）\n +开场白：您好，/u,
    );
  });

  test('--call-days refuses what is not a whole number of days from 1 to 366', async () => {
    const result = await runCli([
      'analyze',
      input,
      '--json',
      path.join(folder, 'x.json'),
      '--call-days',
      '0',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--call-days needs a whole number of days from 1 to 366.');
  });
});
