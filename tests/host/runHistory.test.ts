import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Workbook } from 'exceljs';
import { dayFromIso } from '../../src/engine/dayNumbers';
import { runHistory } from '../../src/engine/movement/runHistory';
import type { RawCell } from '../../src/engine/types';
import { ExcelWorkbookHost } from '../../src/host/excel/ExcelWorkbookHost';
import { runAnalysis } from '../../src/host/runAnalysis';
import { runRecord } from '../../src/host/runRecord';
import { runCli } from '../cli/runCli';
import { sharedData } from '../cli/sharedData';
import { openFakeWorkbook } from './excel/excelHostFixture';

/*
 * Six customers, one purchase each in Q1 2024 and one in Q2 2024, no profit column (ranked by revenue).
 * Q1 revenue C1 600 … C6 100; Q2 the other way round, C6 600 … C1 100.
 * Pyramid of 6 (cuts ceil(6 × 5, 15, 35, 60, 100 %) = 1, 1, 3, 4, 6): positions 1 → tier 1, 2–3 → tier 3,
 * 4 → tier 4, 5–6 → tier 5. So as of 2024-03-31 (Q1 only): C1 T1, C2 T3, C3 T3, C4 T4, C5 T5, C6 T5; and as
 * of 2024-06-30 with the Q1 rows archived (Q2 only): C6 T1, C5 T3, C4 T3, C3 T4, C2 T5, C1 T5.
 * SVCD: one order each, so nobody is high on frequency; amount per order high from 400 (the smallest value
 * above the median 350): Q1 C1–C3 Volcano, C4–C6 Dog; Q2 C4–C6 Volcano, C1–C3 Dog.
 * ABC (A while the share before is under 75 % of 2,100 = 1,575): Q1 C1 (0), C2 (600), C3 (1,100),
 * C4 (1,500) A, C5 (1,800) and C6 B; Q2 C6, C5, C4, C3 A, C2 and C1 B.
 */
const q1 = day('2024-02-15');
const q2 = day('2024-05-15');
const ids = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6'];
const q2Rows: RawCell[][] = ids.map((id, i) => [id, q2, 100 * (i + 1)]);
const q1Rows: RawCell[][] = ids.map((id, i) => [id, q1, 100 * (6 - i)]);
const header: RawCell[] = ['Customer ID', 'Order Date', 'Sales'];

/** Tier migration, rows before (1–5, none), columns now (1–5, none), worked out above. */
const tiersFromHistory = [
  [0, 0, 0, 0, 1, 0], // C1 1 → 5
  [0, 0, 0, 0, 0, 0],
  [0, 0, 0, 1, 1, 0], // C3 3 → 4, C2 3 → 5
  [0, 0, 1, 0, 0, 0], // C4 4 → 3
  [1, 0, 1, 0, 0, 0], // C6 5 → 1, C5 5 → 3
  [0, 0, 0, 0, 0, 0],
];
/** Without the history, the archived rows leave nothing before 2024-03-31: every customer is new. */
const tiersWithoutHistory = [
  [0, 0, 0, 0, 0, 0],
  [0, 0, 0, 0, 0, 0],
  [0, 0, 0, 0, 0, 0],
  [0, 0, 0, 0, 0, 0],
  [0, 0, 0, 0, 0, 0],
  [1, 0, 2, 1, 2, 0],
];
const svcdFromHistory = [
  [0, 0, 0, 0, 0],
  [0, 0, 0, 0, 0],
  [0, 0, 0, 3, 0], // C1–C3 Volcano → Dog
  [0, 0, 3, 0, 0], // C4–C6 Dog → Volcano
  [0, 0, 0, 0, 0],
];
const abcFromHistory = [
  [2, 2, 0, 0], // C3, C4 A → A; C1, C2 A → B
  [2, 0, 0, 0], // C5, C6 B → A
  [0, 0, 0, 0],
  [0, 0, 0, 0],
];
const changes = ['down 4', 'down 2', 'down 1', 'up 1', 'up 2', 'up 4'];

function day(iso: string): number {
  return dayFromIso(iso) ?? Number.NaN;
}

interface Report {
  asOf: string;
  movement: {
    previousAsOf: string;
    previousFrom: string;
    tiers: number[][];
    svcd: number[][];
    abc: number[][];
  };
  customers: { id: string; previousTier: number | null; tierChange: string | null }[];
}

async function recordOf(file: string) {
  const workbook = new Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet(runRecord.sheetName);
  const cells: RawCell[] = [];
  sheet?.getColumn(1).eachCell({ includeEmpty: true }, (cell) => cells.push(cell.text));
  return runRecord.decode(cells);
}

describe('run history through the command line (file host)', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'cp-history-'));
  afterAll(() => {
    rmSync(tmp, { recursive: true, force: true });
  });

  it('records each run and, after old rows are archived, takes the earlier tiers from the record', async () => {
    const input = path.join(tmp, 'sales.xlsx');
    const book = new Workbook();
    const sales = book.addWorksheet('Sales');
    for (const row of [header, ...q2Rows, ...q1Rows]) sales.addRow(row);
    // Dates as Excel dates, as a person types them.
    sales.getColumn(2).eachCell((cell, row) => {
      if (row > 1) cell.value = new Date(Date.UTC(1899, 11, 30) + Number(cell.value) * 86_400_000);
    });
    await book.xlsx.writeFile(input);

    const first = path.join(tmp, 'first.xlsx');
    const run1 = await runCli(['analyze', input, '--as-of', '2024-03-31', '--out', first, '--quiet']);
    expect(run1.code).toBe(0);
    expect((await recordOf(first))?.history).toEqual({
      ids,
      runs: [{ asOf: '2024-03-31', codes: '1VA3VA3VA4DA5DB5DB' }],
    });

    // Archive the Q1 rows (rows 8–13) of the output, then run again on it three months later.
    const archived = path.join(tmp, 'archived.xlsx');
    const output = new Workbook();
    await output.xlsx.readFile(first);
    const archive = output.getWorksheet('Sales')!;
    for (let row = 8; row <= 13; row++)
      for (let column = 1; column <= 3; column++) archive.getCell(row, column).value = null;
    await output.xlsx.writeFile(archived);
    const second = path.join(tmp, 'second.xlsx');
    const json = path.join(tmp, 'second.json');
    const run2 = await runCli([
      'analyze',
      archived,
      '--as-of',
      '2024-06-30',
      '--out',
      second,
      '--json',
      json,
      '--quiet',
    ]);
    expect(run2.code).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
    expect(report.movement.previousFrom).toBe('history');
    expect(report.movement.previousAsOf).toBe('2024-03-31');
    expect(report.movement.tiers).toEqual(tiersFromHistory);
    expect(report.movement.svcd).toEqual(svcdFromHistory);
    expect(report.movement.abc).toEqual(abcFromHistory);
    expect(report.customers.map((c) => c.previousTier)).toEqual([1, 3, 3, 4, 5, 5]);
    expect(report.customers.map((c) => c.tierChange)).toEqual(changes);
    // Both runs are kept now, newest first.
    expect((await recordOf(second))?.history?.runs).toEqual([
      { asOf: '2024-06-30', codes: '5DB5DB4DA3VA3VA1VA' },
      { asOf: '2024-03-31', codes: '1VA3VA3VA4DA5DB5DB' },
    ]);

    // The same archived workbook without a record (the sales alone): every customer is new.
    const bare = new Workbook();
    const bareSales = bare.addWorksheet('Sales');
    for (const row of [header, ...q2Rows]) bareSales.addRow(row);
    const bareInput = path.join(tmp, 'bare.xlsx');
    await bare.xlsx.writeFile(bareInput);
    const bareJson = path.join(tmp, 'bare.json');
    expect(
      (await runCli(['analyze', bareInput, '--as-of', '2024-06-30', '--json', bareJson, '--quiet'])).code,
    ).toBe(0);
    const bareReport = JSON.parse(readFileSync(bareJson, 'utf8')) as Report;
    expect(bareReport.movement.previousFrom).toBe('sales');
    expect(bareReport.movement.tiers).toEqual(tiersWithoutHistory);
  });

  it('on Superstore, movement from the recorded run equals movement re-analysed from the sales', async () => {
    // Run as of 2016-12-30, then a year later on its output: the earlier categories come from the record.
    // The same comparison from the sales alone (--compare-months 12) must give the same matrices and moves.
    const first = path.join(tmp, 'superstore-2016.xlsx');
    expect(
      (
        await runCli([
          'analyze',
          sharedData('superstore.xlsx'),
          '--as-of',
          '2016-12-30',
          '--out',
          first,
          '--quiet',
        ])
      ).code,
    ).toBe(0);
    const fromRecord = path.join(tmp, 'from-record.json');
    const fromSales = path.join(tmp, 'from-sales.json');
    expect(
      (await runCli(['analyze', first, '--as-of', '2017-12-30', '--json', fromRecord, '--quiet'])).code,
    ).toBe(0);
    expect(
      (
        await runCli([
          'analyze',
          sharedData('superstore.xlsx'),
          '--as-of',
          '2017-12-30',
          '--compare-months',
          '12',
          '--json',
          fromSales,
          '--quiet',
        ])
      ).code,
    ).toBe(0);
    const record = JSON.parse(readFileSync(fromRecord, 'utf8')) as Report;
    const sales = JSON.parse(readFileSync(fromSales, 'utf8')) as Report;
    expect(record.movement.previousFrom).toBe('history');
    expect(sales.movement.previousFrom).toBe('sales');
    expect(record.movement.previousAsOf).toBe('2016-12-30');
    expect(sales.movement.previousAsOf).toBe('2016-12-30');
    expect(record.movement.tiers).toEqual(sales.movement.tiers);
    expect(record.movement.svcd).toEqual(sales.movement.svcd);
    expect(record.movement.abc).toEqual(sales.movement.abc);
    // 40 customers were in tier 1 a year earlier; 23 of them still are.
    expect(record.movement.tiers[0]).toEqual([23, 16, 0, 1, 0, 0]);
    const moves = (report: Report) => report.customers.map((c) => [c.id, c.previousTier, c.tierChange]);
    expect(moves(record)).toEqual(moves(sales));
  });
});

describe('run history through the Excel host (fake Excel)', () => {
  /** The record in the fake's very hidden state sheet, read as the next run reads it. */
  function stateOf(workbook: ReturnType<typeof openFakeWorkbook>['workbook']) {
    const sheet = workbook.sheet(runRecord.sheetName);
    const cells: RawCell[] = [];
    for (let r = 0; r < 200; r++) cells.push(sheet.cells.value(r, 0));
    return runRecord.decode(cells);
  }

  it('records each run, compares with the record after rows are archived, and undo restores the history', async () => {
    const { workbook, close } = openFakeWorkbook({
      sheets: [{ name: 'Sales', rows: [header, ...q2Rows, ...q1Rows] }],
    });
    try {
      const run1 = await runAnalysis(new ExcelWorkbookHost(), { asOf: '2024-03-31' });
      expect(run1.result.outputs.movement?.previousFrom).toBe('sales');
      const afterFirst = stateOf(workbook)?.history;
      expect(afterFirst).toEqual({ ids, runs: [{ asOf: '2024-03-31', codes: '1VA3VA3VA4DA5DB5DB' }] });

      // Archive the Q1 rows (sheet rows 8–13).
      workbook.sheet('Sales').cells.clear({ row0: 7, col0: 0, row1: 12, col1: 2 }, 'all');
      const run2 = await runAnalysis(new ExcelWorkbookHost(), { asOf: '2024-06-30' });
      const movement = run2.result.outputs.movement!;
      expect(movement.previousFrom).toBe('history');
      expect(movement.previousAsOf).toBe(day('2024-03-31'));
      expect(movement.tiers.counts).toEqual(tiersFromHistory);
      expect(movement.svcd.counts).toEqual(svcdFromHistory);
      expect(movement.abc.counts).toEqual(abcFromHistory);
      expect(movement.customers.map((m) => m.tierChange)).toEqual(changes);
      // The Movement sheet says where the earlier tiers come from.
      const sheet = run2.plan.sheets.find((s) => s.key === 'movement');
      expect(sheet?.cells[2]?.map((c) => c.value)).toEqual([
        'Compared with',
        '2024-03-31',
        'the last run recorded in this workbook (tiers as saved then)',
      ]);
      expect(stateOf(workbook)?.history?.runs.map((r) => r.asOf)).toEqual(['2024-06-30', '2024-03-31']);

      // Undo puts the history back as it was before the second run.
      await new ExcelWorkbookHost().undoLastRun();
      expect(stateOf(workbook)?.history).toEqual(afterFirst);
    } finally {
      close();
    }
  });

  it('saves a large history within the 5 MB request limit and the bound', async () => {
    // 20,000 customers of 12-character ids, one sale each, on six different as-of dates.
    const n = 20_000;
    const rows: RawCell[][] = [header];
    for (let i = 0; i < n; i++)
      rows.push([`CUST-${String(i).padStart(7, '0')}`, q2 - (i % 180), 10 + (i % 97)]);
    const { workbook, close } = openFakeWorkbook({ sheets: [{ name: 'Sales', rows }] });
    try {
      for (const asOf of ['2024-05-01', '2024-05-08', '2024-05-15']) {
        await runAnalysis(new ExcelWorkbookHost(), { asOf, compareMonths: null });
      }
      const history = stateOf(workbook)?.history;
      // (12 + 3) bytes per id + 3 per customer and run: 300 kB + 60 kB a run: 1 MB holds the three.
      expect(history?.runs.map((r) => r.asOf)).toEqual(['2024-05-15', '2024-05-08', '2024-05-01']);
      expect(JSON.stringify(history).length).toBeLessThanOrEqual(runHistory.maxBytes);
      await runAnalysis(new ExcelWorkbookHost(), { asOf: '2024-05-16', compareMonths: null });
      await runAnalysis(new ExcelWorkbookHost(), { asOf: '2024-05-17', compareMonths: null });
      // 300 kB of ids + 5 × 60 kB = 600 kB, within 1 MB (the run and byte bounds are tested in runHistory.test).
      const later = stateOf(workbook)?.history;
      expect(later?.runs.length).toBe(5);
      expect(JSON.stringify(later).length).toBeLessThanOrEqual(runHistory.maxBytes);
      await new ExcelWorkbookHost().undoLastRun();
      expect(stateOf(workbook)?.history?.runs.length).toBe(4);
    } finally {
      close();
    }
  });
});
