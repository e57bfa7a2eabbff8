import { Workbook } from 'exceljs';
import type { ColumnSpec } from '../../src/engine/sheetSpec';
import type { AnalysisSettings, RawCell } from '../../src/engine/types';
import { ExcelWorkbookHost } from '../../src/host/excel/ExcelWorkbookHost';
import { FileWorkbookHost } from '../../src/host/file/FileWorkbookHost';
import { sampleWorkbookToXlsx } from '../../src/host/file/sampleWorkbookToXlsx';
import { toRawCell } from '../../src/host/file/toRawCell';
import { runAnalysis, type AnalysisRun } from '../../src/host/runAnalysis';
import { runRecord } from '../../src/host/runRecord';
import { buildSampleWorkbook } from '../../src/sample/buildSampleWorkbook';
import { fakeWorkbookFromXlsx } from '../fakes/fakeWorkbookFromXlsx';
import type { FakeWorkbook } from '../fakes/FakeWorkbook';
import { installFakeExcel } from '../fakes/installFakeExcel';
import { fakeWorkbookToXlsx } from './fakeWorkbookToXlsx';

/** Settings of the first run; every later run passes none and must pick these up from the workbook. */
const firstSettings: Partial<AnalysisSettings> = {
  language: 'zh-CN',
  svcdAmountThreshold: 300,
  svcdFrequencyThreshold: 1,
};

const suffixed = / \(\d+\)$/u;

/** Runs `runAnalysis` through the Excel host on `workbook`, the global `Excel` being the fake only meanwhile. */
async function inExcel<T>(workbook: FakeWorkbook, run: (host: ExcelWorkbookHost) => Promise<T>): Promise<T> {
  const { uninstall } = installFakeExcel(workbook);
  try {
    return await run(new ExcelWorkbookHost());
  } finally {
    uninstall();
  }
}

/** The header row (row 1) of a fake sheet, as text, up to its last filled cell. */
function fakeHeaders(workbook: FakeWorkbook, sheet: string): string[] {
  const cells = workbook.sheet(sheet).cells;
  const width = cells.usedBlock(true)?.col1 ?? -1;
  return Array.from({ length: width + 1 }, (_, c) => String(cells.value(0, c) ?? ''));
}

/** A column of a fake sheet under row 1, `rows` long, empty cells as null. */
function fakeColumn(workbook: FakeWorkbook, sheet: string, column: number, rows: number): RawCell[] {
  const cells = workbook.sheet(sheet).cells;
  return Array.from({ length: rows }, (_, r) => cells.value(r + 1, column));
}

/** The header row (row 1) of an exceljs sheet, as text, up to its last filled cell. */
function fileHeaders(workbook: Workbook, sheet: string): string[] {
  const found = workbook.getWorksheet(sheet)!;
  return Array.from({ length: found.columnCount }, (_, c) =>
    String(toRawCell(found.getCell(1, c + 1).value, false) ?? ''),
  );
}

/** A column of an exceljs sheet under row 1, `rows` long, as Excel would show it (dates as serials). */
function fileColumn(workbook: Workbook, sheet: string, column: number, rows: number): RawCell[] {
  const found = workbook.getWorksheet(sheet)!;
  return Array.from({ length: rows }, (_, r) => toRawCell(found.getCell(r + 2, column + 1).value, false));
}

/** What a column of ours should hold: its values, blanks as empty cells. */
function expectedValues(spec: ColumnSpec): RawCell[] {
  return spec.values.map((v) => (v === '' ? null : v));
}

/** The customers sheet's name and how many of its columns are the user's, from a run on the sample. */
function customersOf(run: AnalysisRun): { sheet: string; userColumns: number; rows: number } {
  const target = run.plan.customers;
  if (target.kind !== 'existing') throw new Error('The sample has a customers table.');
  return { sheet: target.table.sheet, userColumns: target.table.headers.length, rows: target.table.rowCount };
}

/** Checks a run on the sample reused the first run's columns and sheets: same headers, same values. */
function expectSameOutput(run: AnalysisRun, first: AnalysisRun): void {
  expect(run.result.settings).toEqual(first.result.settings);
  expect(run.plan.columns).toEqual(first.plan.columns);
  expect(run.summary?.columnHeaders).toEqual(first.summary?.columnHeaders);
  expect(run.summary?.sheetNames).toEqual(first.summary?.sheetNames);
  for (const header of run.summary?.columnHeaders ?? []) expect(header).not.toMatch(suffixed);
}

describe.each([
  ['Excel tables', true],
  ['plain ranges', false],
])('a workbook analysed by one host and re-analysed by the other (%s)', (_kind, tables) => {
  const sample = (): Promise<Uint8Array> => sampleWorkbookToXlsx(buildSampleWorkbook('en'), { tables });

  it('file host, then Excel, then file host, then Excel: in place, with the first run’s settings', async () => {
    const fileHost = await FileWorkbookHost.fromXlsx(await sample(), 'sample.xlsx');
    const first = await runAnalysis(fileHost, firstSettings);
    expect(first.result.settings).toMatchObject(firstSettings);
    const { sheet, userColumns, rows } = customersOf(first);
    const headers = first.summary!.columnHeaders;
    // The first run's headers are Chinese and not suffixed: the clash-free baseline the others must keep.
    expect(headers[0]).toMatch(/[\u4e00-\u9fff]/u);
    for (const header of headers) expect(header).not.toMatch(suffixed);

    // Into Excel: no settings passed, yet the first run's come back; our columns are updated in place.
    const workbook = await fakeWorkbookFromXlsx(await fileHost.toBuffer());
    const userBefore = Array.from({ length: userColumns }, (_, c) => fakeColumn(workbook, sheet, c, rows));
    const inspected = await inExcel(workbook, (host) => host.inspect());
    expect(inspected.savedSettings).toEqual(first.result.settings);
    const customersTable = inspected.tables.find((t) => t.sheet === sheet)!;
    expect(customersTable.headers).toHaveLength(userColumns);
    const second = await inExcel(workbook, (host) => runAnalysis(host, {}));
    expectSameOutput(second, first);
    expect(fakeHeaders(workbook, sheet)).toHaveLength(userColumns + headers.length);
    expect(fakeHeaders(workbook, sheet).slice(userColumns)).toEqual(headers);
    first.plan.columns.forEach((spec, k) => {
      expect(fakeColumn(workbook, sheet, userColumns + k, rows)).toEqual(expectedValues(spec));
    });
    userBefore.forEach((values, c) => {
      expect(fakeColumn(workbook, sheet, c, rows)).toEqual(values);
    });
    if (tables) {
      const table = workbook.tables.find((t) => t.sheet.name === sheet)!;
      expect(table.columnIds).toHaveLength(userColumns + headers.length);
    }
    // The replaced sheets are kept, very hidden, for undo: the user sees the first run's set of sheets.
    const names = workbook.sheets.map((s) => s.name).filter((n) => !runRecord.isBookkeeping(n));
    expect(names.filter((n) => suffixed.test(n))).toEqual([]);
    expect(names.filter((n) => first.summary!.sheetNames.includes(n))).toEqual(first.summary!.sheetNames);
    expect(names).not.toContain(runRecord.legacySheetName);
    expect(workbook.sheet(runRecord.sheetName).visibility).toBe('VeryHidden');

    // Back to the file host: the Excel add-in's record is read, its undo copies are dropped.
    const again = await FileWorkbookHost.fromXlsx(await fakeWorkbookToXlsx(workbook), 'sample.xlsx');
    expect((await again.inspect()).savedSettings).toEqual(first.result.settings);
    const third = await runAnalysis(again, {});
    expectSameOutput(third, first);
    const output = new Workbook();
    await output.xlsx.load((await again.toBuffer()) as unknown as Parameters<typeof output.xlsx.load>[0]);
    const fileNames = output.worksheets.map((s) => s.name);
    expect(fileNames.filter((n) => runRecord.isBookkeeping(n))).toEqual([runRecord.sheetName]);
    expect(fileNames.filter((n) => suffixed.test(n))).toEqual([]);
    expect(fileHeaders(output, sheet).slice(userColumns)).toEqual(headers);
    first.plan.columns.forEach((spec, k) => {
      expect(fileColumn(output, sheet, userColumns + k, rows)).toEqual(expectedValues(spec));
    });

    // And into Excel once more.
    const last = await fakeWorkbookFromXlsx(await again.toBuffer());
    const fourth = await inExcel(last, (host) => runAnalysis(host, {}));
    expectSameOutput(fourth, first);
    expect(fakeHeaders(last, sheet).slice(userColumns)).toEqual(headers);
  });

  it('Excel, then the file host: in place, with the first run’s settings', async () => {
    const workbook = await fakeWorkbookFromXlsx(await sample());
    const first = await inExcel(workbook, (host) => runAnalysis(host, firstSettings));
    expect(first.result.settings).toMatchObject(firstSettings);
    const { sheet, userColumns, rows } = customersOf(first);
    const headers = first.summary!.columnHeaders;
    for (const header of headers) expect(header).not.toMatch(suffixed);

    const fileHost = await FileWorkbookHost.fromXlsx(await fakeWorkbookToXlsx(workbook), 'sample.xlsx');
    const info = await fileHost.inspect();
    expect(info.savedSettings).toEqual(first.result.settings);
    // Neither our columns nor our sheets (nor the add-in's bookkeeping) are read as user data.
    expect(info.tables.find((t) => t.sheet === sheet)!.headers).toHaveLength(userColumns);
    for (const table of info.tables) {
      expect(first.summary!.sheetNames).not.toContain(table.sheet);
      expect(runRecord.isBookkeeping(table.sheet)).toBe(false);
    }
    const second = await runAnalysis(fileHost, {});
    expectSameOutput(second, first);
    const output = new Workbook();
    await output.xlsx.load((await fileHost.toBuffer()) as unknown as Parameters<typeof output.xlsx.load>[0]);
    expect(fileHeaders(output, sheet).slice(userColumns)).toEqual(headers);
    first.plan.columns.forEach((spec, k) => {
      expect(fileColumn(output, sheet, userColumns + k, rows)).toEqual(expectedValues(spec));
    });
    expect(output.worksheets.map((s) => s.name).filter((n) => suffixed.test(n))).toEqual([]);
    expect(output.getWorksheet(runRecord.sheetName)!.state).toBe('veryHidden');
  });

  it('undo in Excel after re-analysing a file-host workbook brings the file host’s output back', async () => {
    const fileHost = await FileWorkbookHost.fromXlsx(await sample(), 'sample.xlsx');
    const first = await runAnalysis(fileHost, firstSettings);
    const { sheet, userColumns, rows } = customersOf(first);
    const workbook = await fakeWorkbookFromXlsx(await fileHost.toBuffer());
    const before = first.plan.columns.map((_, k) => fakeColumn(workbook, sheet, userColumns + k, rows));
    // Different thresholds change the SVCD column, so undo has something to restore.
    const changed = await inExcel(workbook, (host) =>
      runAnalysis(host, { svcdAmountThreshold: 1, svcdFrequencyThreshold: 100 }),
    );
    expect(changed.summary!.columnHeaders).toEqual(first.summary!.columnHeaders);
    const svcd = first.plan.columns.findIndex((c) => c.key === 'svcd');
    expect(svcd).toBeGreaterThanOrEqual(0);
    expect(fakeColumn(workbook, sheet, userColumns + svcd, rows)).not.toEqual(before[svcd]);
    await inExcel(workbook, (host) => host.undoLastRun());
    first.plan.columns.forEach((_, k) => {
      expect(fakeColumn(workbook, sheet, userColumns + k, rows)).toEqual(before[k]);
    });
    expect(fakeHeaders(workbook, sheet).slice(userColumns)).toEqual(first.summary!.columnHeaders);
    const after = await inExcel(workbook, (host) => host.inspect());
    expect(after.savedSettings).toEqual(first.result.settings);
  });
});
