/**
 * Issue 16's round trip, through the command line's host and the fake Excel: calls written → outcomes
 * filled by the reps → the next run counts them as contacts (the visit cadence restarts from them) and
 * drops the done calls, keeps the unanswered ones; and no rep's cell is ever overwritten (every Outcome and
 * Note cell compared before and after each run).
 */
import { Workbook } from 'exceljs';
import type { Call } from '../../../src/engine/calls/Call';
import { callsSheet } from '../../../src/engine/calls/callsSheet';
import { buildReport } from '../../../src/engine/buildReport';
import { isoFromDay } from '../../../src/engine/dayNumbers';
import type { RawCell } from '../../../src/engine/types';
import { ExcelWorkbookHost } from '../../../src/host/excel/ExcelWorkbookHost';
import { FileWorkbookHost } from '../../../src/host/file/FileWorkbookHost';
import { callsSheetRows } from '../../../src/host/file/callsSheetsOf';
import { sampleWorkbookToXlsx } from '../../../src/host/file/sampleWorkbookToXlsx';
import { runAnalysis, type AnalysisRun } from '../../../src/host/runAnalysis';
import type { AnalysisSettings } from '../../../src/engine/types';
import { buildSampleWorkbook } from '../../../src/sample/buildSampleWorkbook';
import { fakeWorkbookFromXlsx } from '../../fakes/fakeWorkbookFromXlsx';
import type { FakeWorkbook } from '../../fakes/FakeWorkbook';
import { installFakeExcel } from '../../fakes/installFakeExcel';
import { repCells } from './callsFixture';

/** A workbook the reps can type into, whichever host holds it. */
interface Subject {
  run(settings?: Partial<AnalysisSettings>): Promise<AnalysisRun>;
  /** Data rows of a Calls sheet, twelve cells each. */
  rows(name: string): Promise<RawCell[][]>;
  /** A rep types into a cell (0-based data row, 0-based column). */
  type(name: string, row: number, column: number, text: string): Promise<void>;
  sheetNames(): Promise<string[]>;
  close(): void;
}

function fileSubject(bytes: Uint8Array): Promise<Subject> {
  let current = bytes;
  const load = async (): Promise<Workbook> => {
    const workbook = new Workbook();
    await workbook.xlsx.load(current as unknown as ArrayBuffer);
    return workbook;
  };
  return Promise.resolve({
    async run(settings = {}) {
      const host = await FileWorkbookHost.fromXlsx(current, 'sample.xlsx');
      const run = await runAnalysis(host, settings);
      current = await host.toBuffer();
      return run;
    },
    async rows(name) {
      const sheet = (await load()).getWorksheet(name);
      return sheet === undefined ? [] : callsSheetRows(sheet, false);
    },
    async type(name, row, column, text) {
      const workbook = await load();
      workbook.getWorksheet(name)!.getCell(row + 2, column + 1).value = text;
      current = new Uint8Array(await workbook.xlsx.writeBuffer());
    },
    async sheetNames() {
      return (await load()).worksheets.map((s) => s.name);
    },
    close: () => undefined,
  });
}

async function excelSubject(bytes: Uint8Array): Promise<Subject> {
  const workbook: FakeWorkbook = await fakeWorkbookFromXlsx(bytes);
  const { uninstall } = installFakeExcel(workbook);
  const host = new ExcelWorkbookHost();
  return {
    run: (settings = {}) => runAnalysis(host, settings),
    rows(name) {
      const sheet = workbook.findSheet(name);
      const rows: RawCell[][] = [];
      for (
        let r = 1;
        sheet !== undefined && sheet.cells.usedBlock(true) !== null && r <= sheet.cells.usedBlock(true)!.row1;
        r++
      )
        rows.push(callsSheet.keys.map((_, c) => sheet.cells.value(r, c)));
      return Promise.resolve(rows);
    },
    type(name, row, column, text) {
      workbook.sheet(name).cells.enter(row + 1, column, text);
      return Promise.resolve();
    },
    sheetNames: () =>
      Promise.resolve((workbook.picture() as { sheets: { name: string }[] }).sheets.map((s) => s.name)),
    close: uninstall,
  };
}

const customerOf = (run: AnalysisRun, id: string): Record<string, unknown> | undefined =>
  (buildReport(run.result).customers as unknown as Record<string, unknown>[]).find((c) => c.id === id);

describe.each([
  ['the command line (file host)', fileSubject],
  ['Excel (fake)', excelSubject],
])('the calls round trip through %s', (_name, open) => {
  it('outcomes become contacts, done calls leave the list, no rep cell is ever overwritten', async () => {
    const subject = await open(await sampleWorkbookToXlsx(buildSampleWorkbook('en')));
    try {
      const first = await subject.run();
      const calls = first.result.outputs.calls;
      const asOf = calls.from;
      const name = callsSheet.name(asOf, 'en');
      expect(first.summary?.sheetNames).toContain(name);
      const rows = await subject.rows(name);
      expect(rows.map((r) => r[2])).toEqual(calls.list.map((c) => c.customerId));
      expect(rows.every((r) => r[10] === null && r[11] === null)).toBe(true);

      // Reps fill in: the first overdue visit call done, another visit call not answered, a third noted.
      const visits = calls.list.filter((c) => c.reasons.includes('visit') && c.day === asOf);
      expect(visits.length).toBeGreaterThanOrEqual(3);
      const [done, unanswered, noted] = visits as [Call, Call, Call];
      const rowOf = (call: Call): number => calls.list.indexOf(call);
      expect(customerOf(first, done.customerId)?.lastContact).not.toBe(isoFromDay(asOf));
      await subject.type(name, rowOf(done), callsSheet.outcomeColumn, 'Done');
      await subject.type(name, rowOf(unanswered), callsSheet.outcomeColumn, 'no answer');
      await subject.type(name, rowOf(noted), callsSheet.noteColumn, '=wants a quote, call Friday');
      const before = await subject.rows(name);

      // Same as-of date: the contacts count, the rep rows stay exactly as they were.
      const second = await subject.run();
      const after = await subject.rows(name);
      expect(repCells(after.slice(0, before.length))).toBe(repCells(before));
      for (const call of [done, noted]) {
        expect(customerOf(second, call.customerId)?.lastContact).toBe(isoFromDay(asOf));
        expect(
          second.result.outputs.calls.list.some((c) => c.customerId === call.customerId && c.day === asOf),
        ).toBe(false);
      }
      expect(customerOf(second, unanswered.customerId)?.lastContact).toBe(
        customerOf(first, unanswered.customerId)?.lastContact,
      );
      expect(
        second.result.outputs.calls.list.some(
          (c) => c.customerId === unanswered.customerId && c.day === asOf,
        ),
      ).toBe(true);
      // The done customer's next visit is due one interval after the call.
      const interval = Number(customerOf(second, done.customerId)?.visitIntervalDays);
      expect(customerOf(second, done.customerId)?.nextVisitDue).toBe(isoFromDay(asOf + interval));

      // A week later: a new sheet; the earlier one is left exactly as it was and still read.
      const later = isoFromDay(asOf + 7);
      const third = await subject.run({ asOf: later });
      expect(await subject.rows(name)).toEqual(after);
      expect(await subject.sheetNames()).toContain(callsSheet.name(asOf + 7, 'en'));
      expect(customerOf(third, done.customerId)?.lastContact).toBe(isoFromDay(asOf));
    } finally {
      subject.close();
    }
  });
});
