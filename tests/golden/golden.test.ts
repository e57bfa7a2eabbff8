/**
 * Golden outputs: the JSON reports and the written workbooks' cells for the demo workbooks (English and
 * Chinese, through the command line and through the Excel host) and the real files in ../shared/data. A
 * refactor must leave every one of them identical. After a change that is meant to alter the output, run
 * `GOLDEN_UPDATE=1 npx jest tests/golden` and review the diff of tests/golden/expected/ like code.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ExcelWorkbookHost } from '../../src/host/excel/ExcelWorkbookHost';
import { sampleWorkbookToXlsx } from '../../src/host/file/sampleWorkbookToXlsx';
import { runAnalysis } from '../../src/host/runAnalysis';
import { buildSampleWorkbook } from '../../src/sample/buildSampleWorkbook';
import { runCli } from '../cli/runCli';
import { sharedData } from '../cli/sharedData';
import { fakeWorkbookFromXlsx } from '../fakes/fakeWorkbookFromXlsx';
import { installFakeExcel } from '../fakes/installFakeExcel';
import { fakeWorkbookToXlsx } from '../host/fakeWorkbookToXlsx';
import { chartDigests, workbookCells } from './workbookCells';

const update = process.env.GOLDEN_UPDATE === '1';
const tmp = mkdtempSync(path.join(os.tmpdir(), 'cp-golden-'));
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** JSON with the outer levels one key a line and anything deeper than three levels on one line, for diffs. */
function goldenText(value: unknown, depth: number): string {
  if (value === null || typeof value !== 'object' || depth >= 3) return JSON.stringify(value);
  const pad = ' '.repeat(depth + 1);
  const end = ' '.repeat(depth);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => pad + goldenText(v, depth + 1)).join(',\n')}\n${end}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  const lines = entries.map(([k, v]) => `${pad}${JSON.stringify(k)}: ${goldenText(v, depth + 1)}`);
  return `{\n${lines.join(',\n')}\n${end}}`;
}

/** Compares `actual` with the golden file `name` (or writes it under GOLDEN_UPDATE=1). */
function expectGolden(name: string, actual: unknown): void {
  const file = path.join(__dirname, 'expected', `${name}.json`);
  const text = `${goldenText(actual, 0)}\n`;
  if (update || !existsSync(file)) {
    if (!update) throw new Error(`No golden file ${file}: run with GOLDEN_UPDATE=1 to write it.`);
    writeFileSync(file, text);
    return;
  }
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}

/** Runs `analyze` on `input` with `args`; returns the exit code, stderr, the report and the result's cells. */
async function analyzeFile(input: string, name: string, args: string[] = []): Promise<unknown> {
  const json = path.join(tmp, `${name}.json`);
  const out = path.join(tmp, `${name}.xlsx`);
  const result = await runCli(['analyze', input, '--json', json, '--out', out, '--quiet', ...args]);
  if (result.code !== 0) return { code: result.code, stderr: result.stderr };
  return {
    code: result.code,
    stderr: result.stderr,
    report: JSON.parse(readFileSync(json, 'utf8')) as unknown,
    workbook: await workbookCells(readFileSync(out)),
    charts: await chartDigests(readFileSync(out)),
  };
}

async function sampleFile(language: 'en' | 'zh-CN'): Promise<string> {
  const file = path.join(tmp, `sample-${language}.xlsx`);
  writeFileSync(file, await sampleWorkbookToXlsx(buildSampleWorkbook(language)));
  return file;
}

describe('the command line writes exactly the golden outputs', () => {
  test('demo workbook, English', async () => {
    expectGolden('demo-en', await analyzeFile(await sampleFile('en'), 'demo-en'));
  });

  test('demo workbook, Chinese', async () => {
    expectGolden('demo-zh-CN', await analyzeFile(await sampleFile('zh-CN'), 'demo-zh', ['--lang', 'zh-CN']));
  });

  test('superstore.xlsx', async () => {
    expectGolden('superstore', await analyzeFile(sharedData('superstore.xlsx'), 'superstore'));
  });

  test('online_retail_2010-12.csv', async () => {
    expectGolden('online-retail', await analyzeFile(sharedData('online_retail_2010-12.csv'), 'retail'));
  });

  test('online_retail_2010-12.csv, last month in Chinese with fixed thresholds', async () => {
    expectGolden(
      'online-retail-options',
      await analyzeFile(sharedData('online_retail_2010-12.csv'), 'retail-options', [
        '--lang',
        'zh-CN',
        '--as-of',
        '2010-12-15',
        '--months',
        '1',
        '--visits-from',
        'abc',
        '--svcd-amount',
        '300',
        '--svcd-frequency',
        '2',
      ]),
    );
  });

  test('financial_sample.xlsx (no customer column: the message and the exit code)', async () => {
    expectGolden('financial-sample', await analyzeFile(sharedData('financial_sample.xlsx'), 'financial'));
  });
});

describe('the Excel host writes exactly the golden workbook', () => {
  test('demo workbook, a first run and a re-run', async () => {
    const workbook = await fakeWorkbookFromXlsx(readFileSync(await sampleFile('en')));
    const { uninstall } = installFakeExcel(workbook);
    try {
      await runAnalysis(new ExcelWorkbookHost());
      const charts = (): unknown =>
        (workbook.picture() as { sheets: { name: string; charts: unknown[] }[] }).sheets.map((s) => ({
          sheet: s.name,
          charts: s.charts,
        }));
      const first = await workbookCells(await fakeWorkbookToXlsx(workbook));
      const firstCharts = charts();
      await runAnalysis(new ExcelWorkbookHost(), { abcCut: 0.8 });
      const second = await workbookCells(await fakeWorkbookToXlsx(workbook));
      expectGolden('excel-demo-en', { first, firstCharts, second, secondCharts: charts() });
    } finally {
      uninstall();
    }
  });
});
