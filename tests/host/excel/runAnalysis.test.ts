import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ColumnSpec } from '../../../src/engine/sheetSpec';
import { ExcelWorkbookHost } from '../../../src/host/excel/ExcelWorkbookHost';
import { FileWorkbookHost } from '../../../src/host/file/FileWorkbookHost';
import { runAnalysis } from '../../../src/host/runAnalysis';
import { fakeWorkbookFromXlsx } from '../../fakes/fakeWorkbookFromXlsx';
import type { FakeWorkbook } from '../../fakes/FakeWorkbook';
import { installFakeExcel } from '../../fakes/installFakeExcel';
import { openFakeWorkbook, userPicture } from './excelHostFixture';

const data = path.resolve(__dirname, '../../../..', 'shared/data');

/** A column as it reads back from the sheet: null for empty, numbers and text as written. */
function readBack(
  workbook: FakeWorkbook,
  sheet: string,
  column: number,
  rows: number,
  headerRow = 0,
): unknown[] {
  const cells = workbook.sheet(sheet).cells;
  return Array.from({ length: rows + 1 }, (_, r) => cells.value(headerRow + r, column));
}

function expected(spec: ColumnSpec): unknown[] {
  return [spec.header, ...spec.values.map((v) => (v === '' ? null : v))];
}

describe('runAnalysis through the Excel host', () => {
  it('analyses the Superstore workbook exactly as the file host does, and writes those columns', async () => {
    const bytes = readFileSync(path.join(data, 'superstore.xlsx'));
    const fileRun = await runAnalysis(
      await FileWorkbookHost.fromXlsx(bytes, 'superstore.xlsx'),
      {},
      { write: false },
    );
    const workbook = await fakeWorkbookFromXlsx(bytes);
    const { uninstall } = installFakeExcel(workbook);
    const run = await runAnalysis(new ExcelWorkbookHost(), {});
    expect(run.plan.columns).toEqual(fileRun.plan.columns);
    expect(run.plan.customers.kind).toBe('new');
    const sheet = run.summary!.location;
    const all =
      run.plan.customers.kind === 'new' ? [...run.plan.customers.baseColumns, ...run.plan.columns] : [];
    all.forEach((spec, c) => {
      expect(readBack(workbook, sheet, c, spec.values.length)).toEqual(expected(spec));
    });
    expect(run.summary!.sheetNames.length).toBe(
      run.plan.sheets.length + 1 + (run.plan.calls === undefined ? 0 : 1),
    );
    for (const name of run.summary!.sheetNames) expect(workbook.findSheet(name)?.visibility).toBe('Visible');
    const charts = run.summary!.sheetNames.reduce((n, name) => n + workbook.sheet(name).charts.length, 0);
    expect(charts).toBeGreaterThan(0);

    // Settings are saved in the workbook, and a re-run (any co-author) gives identical output in place.
    const first = JSON.stringify(userPicture(workbook));
    const again = await runAnalysis(new ExcelWorkbookHost(), {});
    expect(again.summary!.sheetNames).toEqual(run.summary!.sheetNames);
    expect(JSON.stringify(userPicture(workbook))).toBe(first);
    uninstall();
  });

  it('appends columns to a customers table and keeps reading user columns only on a re-run', async () => {
    const sales = [['Customer ID', 'Order Date', 'Sales']];
    for (let i = 0; i < 60; i++)
      sales.push([`C${(i % 6) + 1}`, String(45000 + i * 3), String(10 + (i % 7) * 25)]);
    const { workbook, close } = openFakeWorkbook({
      sheets: [
        {
          name: 'Customers',
          table: 'Customers',
          rows: [
            ['Customer ID', 'Name'],
            ['C1', 'Ann'],
            ['C2', '=Bob'],
            ['00042', 'Zed'],
            ['C4', 'Dee'],
            ['C5', 'Eve'],
            ['C6', 'Fay'],
          ],
        },
        { name: 'Sales', rows: sales.map((r, i) => (i === 0 ? r : [r[0]!, Number(r[1]), Number(r[2])])) },
      ],
    });
    const run = await runAnalysis(new ExcelWorkbookHost(), { language: 'zh-CN' });
    expect(run.plan.customers.kind).toBe('existing');
    run.plan.columns.forEach((spec, k) => {
      expect(readBack(workbook, 'Customers', 2 + k, 6)).toEqual(expected(spec));
    });
    expect(workbook.cell('Customers', 'B3')).toMatchObject({ value: '=Bob', formula: null });
    const again = await runAnalysis(new ExcelWorkbookHost(), {});
    expect(again.result.settings.language).toBe('zh-CN');
    expect(again.plan.columns).toEqual(run.plan.columns);
    expect(workbook.table('Customers').columnIds).toHaveLength(2 + run.plan.columns.length);
    close();
  });
});
