/**
 * The Excel host's Calls sheet (issue 16) against the fake Excel: written per as-of date with the reps'
 * Outcome and Note never written (a co-author typing into them while the run writes loses nothing), read
 * back by the next run, refused on a protected sheet, chunked under the request budget, and undone
 * without touching what a rep typed.
 */
import { callsSheet } from '../../../src/engine/calls/callsSheet';
import { readCallOutcomes } from '../../../src/engine/calls/readCallOutcomes';
import { defaultSettings } from '../../../src/engine/defaultSettings';
import type { RawCell } from '../../../src/engine/types';
import { callRowsToWrite } from '../../../src/host/callRowsToWrite';
import type { ExcelRun } from '../../../src/host/excel/ExcelRun';
import { ExcelWorkbookHost } from '../../../src/host/excel/ExcelWorkbookHost';
import type { CallsPlan, WritePlan } from '../../../src/host/WorkbookHost';
import type { FakeWorkbook } from '../../fakes/FakeWorkbook';
import { openFakeWorkbook } from '../excel/excelHostFixture';
import { asOf, call, firstCalls, repCells, repTyping } from './callsFixture';

const sheetName = 'Calls 2026-12-06';

function plan(calls: CallsPlan['calls'], language: CallsPlan['language'] = 'en'): WritePlan {
  return {
    customers: {
      kind: 'new',
      sheetName: 'Customers',
      baseColumns: [{ key: 'customerId', header: 'Customer ID', format: 'text', values: ['C1'] }],
    },
    columns: [],
    sheets: [],
    settings: defaultSettings(),
    calls: { asOf, language, calls },
  };
}

const salesSheet = {
  name: 'Sales',
  rows: [
    ['Customer ID', 'Order Date', 'Amount'],
    ['C1', asOf - 10, 10],
  ],
};

/** The Calls sheet's data rows as stored (twelve columns). */
function rowsOf(workbook: FakeWorkbook, name = sheetName): RawCell[][] {
  const cells = workbook.sheet(name).cells;
  const rows: RawCell[][] = [];
  for (let r = 1; cells.value(r, 2) !== null || cells.value(r, 11) !== null; r++)
    rows.push(callsSheet.keys.map((_, c) => cells.value(r, c)));
  return rows;
}

/** A rep typing into the sheet, as Excel stores what is typed (`enter` follows the cell's format). */
function typeOutcomes(workbook: FakeWorkbook): void {
  const cells = workbook.sheet(sheetName).cells;
  for (let r = 1; cells.value(r, 2) !== null; r++) {
    const typed = repTyping[String(cells.value(r, 2))];
    if (typed === undefined) continue;
    cells.enter(r, callsSheet.outcomeColumn, typed[0]);
    cells.enter(r, callsSheet.noteColumn, typed[1]);
  }
}

/** An `Excel.run` that lets a co-author act after the `at`-th sync of the batch. */
function runWithCoAuthor(at: number, coAuthor: () => void): ExcelRun {
  return (options, batch) =>
    (globalThis as unknown as { Excel: { run: ExcelRun } }).Excel.run(options, (context) => {
      const sync = context.sync.bind(context);
      let syncs = 0;
      context.sync = async <T>(passThrough?: T): Promise<T> => {
        const result = await sync(passThrough);
        if (++syncs === at) coAuthor();
        return result;
      };
      return batch(context);
    });
}

describe('ExcelWorkbookHost: the Calls sheet', () => {
  it('writes the calls with the header in both parts, text as text, the Outcome list; no rep cell', async () => {
    const { workbook, host, close } = openFakeWorkbook({ sheets: [salesSheet] });
    try {
      const summary = await host.write(plan(firstCalls(), 'zh-CN'));
      const name = '电话清单 2026-12-06';
      expect(summary.sheetNames).toEqual(['Customers', name]);
      const cells = workbook.sheet(name).cells;
      expect(callsSheet.keys.map((_, c) => cells.value(0, c))).toEqual(callsSheet.headers('zh-CN'));
      const rows = rowsOf(workbook, name);
      expect(rows.map((r) => r[2])).toEqual(['C1', 'C2', 'C3', 'C4']);
      expect(rows[2]?.[3]).toBe('=HYPERLINK("http://x")');
      expect(cells.formula(3, 3)).toBeNull();
      expect(cells.formula(1, 9)).toBeNull();
      expect(rows[0]?.[0]).toBe(asOf);
      expect(rows.every((r) => r[10] === null && r[11] === null)).toBe(true);
      expect(cells.validations[0]?.rule).toEqual({
        list: { inCellDropDown: true, source: '已完成,未接通,不感兴趣' },
      });
      expect(cells.numberFormat(1, callsSheet.noteColumn)).toBe('@');
      // Tier centred (not run into Segment's text), Detail wrapped, every data cell at the top.
      expect(cells.style(1, 5)).toMatchObject({ horizontal: 'Center', vertical: 'Top' });
      expect(cells.style(1, 8)).toMatchObject({ wrap: true, vertical: 'Top' });
      expect(cells.style(1, 6).horizontal).toBeUndefined();
      expect(cells.style(4, 0).autofitRow).toBe(true);
      // Inspect reads it back as a Calls sheet, never as a table.
      const info = await host.inspect();
      expect(info.tables.map((t) => t.sheet)).toEqual(['Sales']);
      expect(info.callSheets?.map((s) => s.name)).toEqual([name]);
    } finally {
      close();
    }
  });

  it('a co-author typing outcomes between any two syncs of a re-run loses nothing; the next run reads it', async () => {
    const second = [
      call('C2', '2026-12-07', { detail: 'Visit due (every 14 days)' }),
      call('C3', '2026-12-08', { reasons: ['service'], detail: 'Follow-up: defrost, 2nd' }),
      call('C5', '2026-12-10'),
    ];
    let injectedAt = 0;
    for (let at = 1; ; at++) {
      const { workbook, host, close } = openFakeWorkbook({ sheets: [salesSheet] });
      try {
        await host.write(plan([...firstCalls(), call('C6', '2026-12-11')]));
        typeOutcomes(workbook);
        // A note starting with "=" typed by a rep stays text (the reps' columns are Text).
        expect(workbook.sheet(sheetName).cells.formula(4, callsSheet.noteColumn)).toBeNull();
        const before = rowsOf(workbook);
        // After the run's `at`-th sync a co-author fills C3's Outcome (a row the run updates) and types a
        // note into C6's row (a call no longer listed, which the run marks).
        const typed = { fired: false };
        const lateTyping = (): void => {
          const cells = workbook.sheet(sheetName).cells;
          cells.enter(3, callsSheet.outcomeColumn, 'done');
          cells.enter(5, callsSheet.noteColumn, '+ left a voicemail');
          typed.fired = true;
        };
        await new ExcelWorkbookHost({ run: runWithCoAuthor(at, lateTyping) }).write(plan(second));
        if (!typed.fired) break;
        injectedAt = at;
        const after = rowsOf(workbook);
        expect(repCells(after.slice(0, 4))).toBe(
          repCells(before.slice(0, 4)).replace('[4,null,null]', '[4,"done",null]'),
        );
        expect(after[4]?.[11]).toBe('+ left a voicemail');
        expect(after.map((r) => r[2])).toEqual(['C1', 'C2', 'C3', 'C4', 'C6', 'C5']);
        const info = await host.inspect();
        const outcomes = (info.callSheets ?? []).flatMap((s) => readCallOutcomes(s, false));
        expect(outcomes.map((o) => [o.customerId, o.outcome])).toEqual([
          ['C1', 'done'],
          ['C2', 'noAnswer'],
          ['C3', 'done'],
          ['C4', 'note'],
          ['C6', 'note'],
        ]);
      } finally {
        close();
      }
    }
    // The run has several syncs (read, backup, write, record): the co-author acted after each of them.
    expect(injectedAt).toBeGreaterThanOrEqual(5);
  });

  it('refuses a protected Calls sheet before writing anything', async () => {
    const { workbook, host, close } = openFakeWorkbook({ sheets: [salesSheet] });
    try {
      await host.write(plan(firstCalls()));
      workbook.sheet(sheetName).protected = true;
      const picture = JSON.stringify(workbook.picture());
      await expect(host.write(plan([call('C9', '2026-12-12')]))).rejects.toThrow(
        /Calls 2026-12-06" is protected/u,
      );
      expect(JSON.stringify(workbook.picture())).toBe(picture);
    } finally {
      close();
    }
  });

  it('writes many calls in requests under the budget', async () => {
    const { workbook, host, close } = openFakeWorkbook({ sheets: [salesSheet] }, { writeBudgetBytes: 4096 });
    try {
      const many = Array.from({ length: 300 }, (_, k) =>
        call(`K${String(k).padStart(3, '0')}`, '2026-12-07'),
      );
      workbook.resetStats();
      await host.write(plan(many));
      expect(rowsOf(workbook)).toHaveLength(300);
      expect(workbook.stats.largestRequestBytes).toBeLessThan(4096 * 3);
    } finally {
      close();
    }
  });

  it("makes a new sheet's rows chunk by chunk: its first rows go out before the last calls are made into rows", async () => {
    const many = Array.from({ length: 300 }, (_, k) =>
      call(`K${String(k).padStart(3, '0')}`, '2026-12-07', {
        reasons: k % 2 === 0 ? ['visit'] : ['service', 'birthday'],
        detail: k === 7 ? 'x'.repeat(40_000) : `Detail ${String(k)}`,
        tier: k % 3 === 0 ? null : 2,
      }),
    );
    const callsPlan = plan(many);
    // Rows made (`callsSheet.rowOf`) when the first sync writing the Calls sheet's data rows returns.
    let madeAtFirstRows: number | null = null;
    const rowOf = jest.spyOn(callsSheet, 'rowOf');
    const watched: ExcelRun = (options, batch) =>
      (globalThis as unknown as { Excel: { run: ExcelRun } }).Excel.run(options, (context) => {
        const sync = context.sync.bind(context);
        context.sync = async <T>(passThrough?: T): Promise<T> => {
          const result = await sync(passThrough);
          if (madeAtFirstRows === null && workbook.findSheet(sheetName)?.cells.value(1, 2) != null)
            madeAtFirstRows = rowOf.mock.calls.length;
          return result;
        };
        return batch(context);
      });
    const { workbook, host, close } = openFakeWorkbook(
      { sheets: [salesSheet] },
      { writeBudgetBytes: 4096, run: watched },
    );
    try {
      await host.write(callsPlan);
      expect(madeAtFirstRows).not.toBeNull();
      expect(madeAtFirstRows).toBeLessThan(many.length / 2);
      rowOf.mockRestore();
      // The cells are exactly those `callRowsToWrite` places on an empty sheet (what the file host writes).
      const placed = callRowsToWrite(callsPlan.calls!, [], false);
      expect(placed.writes.map((w) => w.row)).toEqual(many.map((_, k) => k));
      expect(rowsOf(workbook).map((row) => row.slice(0, callsSheet.ourColumnCount))).toEqual(
        placed.writes.map((w) => w.cells),
      );
      expect(String(rowsOf(workbook)[7]?.[8])).toHaveLength(32_767);
    } finally {
      rowOf.mockRestore();
      close();
    }
  });

  it('re-runs and undoes over a Calls sheet larger than one response may be: its rows are read in chunks', async () => {
    const { workbook, host, close } = openFakeWorkbook({ sheets: [salesSheet] });
    try {
      // About 6 MB of cells: read back in one range, Excel refuses the response.
      const long = Array.from({ length: 1_200 }, (_, k) =>
        call(`L${String(k).padStart(4, '0')}`, '2026-12-07', { detail: `${String(k)} ${'d'.repeat(5_000)}` }),
      );
      await host.write(plan(long));
      workbook.sheet(sheetName).cells.enter(1, callsSheet.outcomeColumn, 'Done');
      const before = rowsOf(workbook);
      workbook.resetStats();
      await host.write(plan(long));
      const refused = workbook.stats.log.filter((s) => s.failed !== null);
      expect(refused.map((s) => s.failed)).toEqual(['ResponsePayloadSizeLimitExceeded']);
      expect(rowsOf(workbook)).toEqual(before);
      await host.undoLastRun();
      expect(rowsOf(workbook)).toEqual(before);
      expect(workbook.stats.log.filter((s) => s.failed !== null)).toHaveLength(2);
    } finally {
      close();
    }
  });

  it('counts the calls in the progress it reports: 100 % only once every row is written', async () => {
    const { host, close } = openFakeWorkbook({ sheets: [salesSheet] }, { writeBudgetBytes: 4096 });
    try {
      const many = Array.from({ length: 300 }, (_, k) =>
        call(`K${String(k).padStart(3, '0')}`, '2026-12-07'),
      );
      const reports: [number, number][] = [];
      await host.write(plan(many), (done, total) => reports.push([done, total]));
      const total = reports[0]![1];
      // The same run without calls: its customers sheet's rows.
      const alone = openFakeWorkbook({ sheets: [salesSheet] });
      let withoutCalls = 0;
      try {
        await alone.host.write({ ...plan([]), calls: undefined }, (_done, t) => (withoutCalls = t));
      } finally {
        alone.close();
      }
      expect(total).toBe(withoutCalls + 300);
      expect(reports.every(([, t]) => t === total)).toBe(true);
      const done = reports.map(([d]) => d);
      expect(done).toEqual([...done].sort((a, b) => a - b));
      // Several reports while the calls are written, and the bar at its end only with their last chunk
      // (and the run's final report), not while they are still being written.
      expect(done.filter((d) => d > withoutCalls && d < total).length).toBeGreaterThan(1);
      expect(done.filter((d) => d === total).length).toBeLessThanOrEqual(2);
    } finally {
      close();
    }
  });

  it('undo puts back what the run wrote and nothing a rep typed; a new sheet nobody typed into goes', async () => {
    const { workbook, host, close } = openFakeWorkbook({ sheets: [salesSheet] });
    try {
      await host.write(plan(firstCalls()));
      await host.undoLastRun();
      expect(workbook.findSheet(sheetName)).toBeUndefined();

      await host.write(plan([...firstCalls(), call('C6', '2026-12-11')]));
      typeOutcomes(workbook);
      const before = rowsOf(workbook);
      await host.write(
        plan([
          call('C3', '2026-12-08', { reasons: ['service'], detail: 'changed' }),
          call('C5', '2026-12-10'),
        ]),
      );
      // A rep fills the new C5 row after the run: undo keeps that row.
      workbook.sheet(sheetName).cells.enter(6, callsSheet.outcomeColumn, 'no answer');
      await host.undoLastRun();
      const after = rowsOf(workbook);
      expect(after.slice(0, before.length)).toEqual(before);
      expect(after[5]?.[2]).toBe('C5');
      expect(after[5]?.[10]).toBe('no answer');
    } finally {
      close();
    }
  });
});
