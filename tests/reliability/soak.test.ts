/**
 * Soak: the analysis run 20 times in a row on one workbook in the fake Excel, the way a sales manager lives
 * with the add-in — settings changed now and then, a co-author editing between runs, an Undo here and there —
 * in both batch modes. After every run: our visible sheets once each after the user's, in a stable order, a
 * bounded number of hidden sheets, identical results for identical input; after every Undo: the workbook
 * the user sees and the saved record (settings and markers) exactly as before the undone run.
 */
import { callsSheet } from '../../src/engine/calls/callsSheet';
import type { AnalysisSettings } from '../../src/engine/types';
import { ExcelWorkbookHost } from '../../src/host/excel/ExcelWorkbookHost';
import { runAnalysis } from '../../src/host/runAnalysis';
import { runRecord } from '../../src/host/runRecord';
import { buildFakeWorkbook } from '../fakes/buildFakeWorkbook';
import { batchModes, type FakeWorkbook } from '../fakes/FakeWorkbook';
import { installFakeExcel } from '../fakes/installFakeExcel';

const sales: (string | number)[][] = [['Customer ID', 'Order Date', 'Amount', 'Sales Rep']];
for (let i = 0; i < 60; i++)
  sales.push([
    ['C1', 'C2', '00042', 'C4', 'C5', 'C6', 'C7'][i % 7]!,
    45000 + i * 6,
    15 + ((i * 37) % 11) * 20,
    i % 3 === 0 ? 'Li' : 'Wang',
  ]);

const userSheets = ['Customers', 'Sales', 'Notes'];

function build(): FakeWorkbook {
  return buildFakeWorkbook({
    sheets: [
      {
        name: 'Customers',
        table: 'CustomerTable',
        rows: [
          ['Customer ID', 'Customer Name', 'Region'],
          ['C1', 'Acme', 'North'],
          ['C2', 'Bolt', 'South'],
          ['00042', 'Zed', 'East'],
          ['C4', 'Dyn', 'West'],
          ['C9', 'Prospect', 'North'],
        ],
        cells: { H2: 'note beside the table' },
      },
      { name: 'Sales', rows: sales },
      { name: 'Notes', rows: [['my notes']] },
    ],
  });
}

type Settings = Pick<AnalysisSettings, 'language' | 'windowMonths' | 'abcCut'>;
const base: Settings = { language: 'en', windowMonths: null, abcCut: 0.75 };

/** A co-author's change between two runs. */
type Edit = (workbook: FakeWorkbook) => void;

const addsCustomer: Edit = (workbook) => {
  const table = workbook.table('CustomerTable');
  const row = table.headerRow + table.rowCount + 1;
  // The table grows by a row: Excel extends its columns (ours included) over it.
  const cells = workbook.sheet('Customers').cells;
  cells.setRaw(row, 0, 'C5', null);
  cells.setRaw(row, 1, 'Echo', null);
  cells.setRaw(row, 2, 'South', null);
  table.rowCount += 1;
};
const editsSale: Edit = (workbook) => {
  workbook.sheet('Sales').cells.setRaw(3, 2, 999, null);
};
const addsSale: Edit = (workbook) => {
  const cells = workbook.sheet('Sales').cells;
  const row = sales.length + 1;
  cells.setRaw(row, 0, 'C9', null);
  cells.setRaw(row, 1, 45400, null);
  cells.setRaw(row, 2, 77, null);
  cells.setRaw(row, 3, 'Li', null);
};

/** The 20 runs: settings, a co-author's edit before the run, and whether the run is undone and redone. */
const steps: { settings: Settings; edit?: Edit; undo?: boolean }[] = [
  { settings: base },
  { settings: base },
  { settings: { ...base, language: 'zh-CN' } },
  { settings: { ...base, language: 'zh-CN' }, undo: true },
  { settings: base },
  { settings: { ...base, windowMonths: 3 } },
  { settings: { ...base, windowMonths: 3 }, undo: true },
  { settings: base, edit: addsCustomer },
  { settings: base },
  { settings: { ...base, abcCut: 0.5 }, undo: true },
  { settings: { ...base, abcCut: 0.5 } },
  { settings: base, edit: editsSale },
  { settings: { ...base, language: 'zh-CN' } },
  { settings: base, undo: true },
  { settings: base },
  { settings: base, edit: addsSale, undo: true },
  { settings: { ...base, windowMonths: 3, language: 'zh-CN' } },
  { settings: base },
  { settings: base, undo: true },
  { settings: base },
];

/** Everything but our hidden bookkeeping sheets: the workbook as the user sees it. */
function visiblePicture(workbook: FakeWorkbook): string {
  const all = workbook.picture() as { sheets: { name: string; visibility: string }[]; tables: unknown[] };
  return JSON.stringify({ ...all, sheets: all.sheets.filter((s) => s.visibility === 'Visible') });
}

/** The settings and markers saved in the workbook (the undo record left out), or null without a record. */
function savedRecord(workbook: FakeWorkbook): string | null {
  const sheet = workbook.findSheet(runRecord.sheetName);
  if (sheet === undefined) return null;
  const cells = workbook.values(runRecord.sheetName, 'A1:A200').map((row) => row[0] ?? null);
  const record = runRecord.decode(cells);
  return record === null ? null : JSON.stringify({ ...record, lastRun: undefined });
}

function hiddenSheets(workbook: FakeWorkbook): string[] {
  return workbook.sheets.filter((s) => s.visibility !== 'Visible').map((s) => s.name);
}

describe.each(batchModes)('the analysis run 20 times on one workbook (%s batches)', (mode) => {
  it('keeps our sheets once each in a stable order, bounds the hidden ones, repeats itself and undoes exactly', async () => {
    const workbook = build();
    workbook.batchMode = mode;
    const { uninstall } = installFakeExcel(workbook);
    const host = new ExcelWorkbookHost();
    const wrong: string[] = [];
    /** The picture after a run, by its settings and the co-author edits so far. */
    const results = new Map<string, string>();
    let edits = 0;
    let undos = 0;
    try {
      for (const [index, step] of steps.entries()) {
        const at = `run ${index + 1}`;
        if (step.edit !== undefined) {
          step.edit(workbook);
          edits++;
        }
        const before = { picture: visiblePicture(workbook), record: savedRecord(workbook) };
        const run = async (): Promise<string[]> => {
          const done = await runAnalysis(host, step.settings);
          return done.summary?.sheetNames ?? [];
        };
        let ours = await run();
        if (step.undo === true) {
          await host.undoLastRun();
          undos++;
          if (visiblePicture(workbook) !== before.picture)
            wrong.push(`${at}: undo did not restore the workbook`);
          if (savedRecord(workbook) !== before.record) wrong.push(`${at}: undo did not restore the record`);
          if (workbook.findSheet('CustomerPyramid.undo') !== undefined)
            wrong.push(`${at}: the undo sheet (earlier results) stayed after undo`);
          if (hiddenSheets(workbook).some((name) => name.startsWith('CustomerPyramid.old')))
            wrong.push(`${at}: backup sheets stayed after undo: ${hiddenSheets(workbook).join(', ')}`);
          ours = await run();
        }
        const visible = workbook.sheets.filter((s) => s.visibility === 'Visible').map((s) => s.name);
        // Our summary sheets, then the Calls sheets: those of earlier as-of dates stay as the reps left them
        // (never rebuilt), the one of this run's as-of date last.
        const isCalls = (name: string): boolean => callsSheet.asOfOfName(name) !== null;
        const summaries = ours.filter((name) => !isCalls(name));
        const current = ours.filter(isCalls);
        const earlierCalls = visible.filter((name) => isCalls(name) && !current.includes(name));
        const expected = [...userSheets, ...summaries, ...earlierCalls, ...current];
        if (JSON.stringify(visible) !== JSON.stringify(expected))
          wrong.push(`${at}: visible sheets ${visible.join(' | ')}, expected ${expected.join(' | ')}`);
        if (summaries.length !== 9) wrong.push(`${at}: ${summaries.length} summary sheets`);
        if (current.length !== 1) wrong.push(`${at}: ${current.length} Calls sheets of the as-of date`);
        // The record, the undo sheet and one backup per summary sheet at most.
        const hidden = hiddenSheets(workbook);
        if (hidden.length > 2 + ours.length)
          wrong.push(`${at}: ${hidden.length} hidden sheets: ${hidden.join(', ')}`);
        const key = JSON.stringify({ settings: step.settings, edits });
        const picture = visiblePicture(workbook);
        const earlier = results.get(key);
        if (earlier !== undefined && earlier !== picture)
          wrong.push(`${at}: a different result for the same input`);
        results.set(key, picture);
      }
    } finally {
      uninstall();
    }
    expect(wrong).toEqual([]);
    // It did what it claims: repeats, undos and co-author edits all happened.
    expect(results.size).toBeLessThan(steps.length);
    expect(undos).toBe(steps.filter((s) => s.undo === true).length);
    expect(edits).toBe(3);
  });
});
