/**
 * Every run works (issue 19): re-runs on the same workbook, what a failed write tells the user, failures
 * while reading, and the bookkeeping sheets left behind — in both batch modes of the fake Excel.
 */
import { HostStateSheet } from '../../../src/host/excel/HostStateSheet';
import { runAnalysis } from '../../../src/host/runAnalysis';
import { runRecord } from '../../../src/host/runRecord';
import type { FakeWorkbookSpec } from '../../fakes/buildFakeWorkbook';
import { batchModes, type FakeWorkbook } from '../../fakes/FakeWorkbook';
import { openFakeWorkbook } from './excelHostFixture';

const sales: (string | number)[][] = [['Customer ID', 'Order Date', 'Amount']];
for (let i = 0; i < 30; i++)
  sales.push([['C1', 'C2', 'C3', 'C4', 'C5'][i % 5]!, 45000 + i * 7, 10 + (i % 4) * 40]);

const spec: FakeWorkbookSpec = {
  sheets: [
    {
      name: 'Customers',
      table: 'CustomerTable',
      rows: [
        ['Customer ID', 'Name'],
        ['C1', 'Acme'],
        ['C2', 'Bolt'],
        ['C3', 'Cole'],
      ],
    },
    { name: 'Sales', rows: sales },
  ],
};

const visible = (w: FakeWorkbook): string[] =>
  w.sheets.filter((s) => s.visibility === 'Visible').map((s) => s.name);
const hidden = (w: FakeWorkbook): string[] =>
  w.sheets.filter((s) => s.visibility !== 'Visible').map((s) => s.name);
const userView = (w: FakeWorkbook): string => {
  const all = w.picture() as { sheets: { visibility: string }[]; tables: unknown[] };
  return JSON.stringify({ ...all, sheets: all.sheets.filter((s) => s.visibility === 'Visible') });
};

describe.each(batchModes)('re-running the analysis (%s batches)', (mode) => {
  it('runs five times in a row: each run works, our sheets once each in the same order, hidden sheets bounded', async () => {
    const { workbook, host, close } = openFakeWorkbook(spec, {}, mode);
    try {
      const first = await runAnalysis(host, {});
      const expected = ['Customers', 'Sales', ...(first.summary?.sheetNames ?? [])];
      for (let run = 2; run <= 5; run++) {
        await runAnalysis(host, {});
        expect(visible(workbook)).toEqual(expected);
        // The record, the undo sheet and one backup per summary sheet replaced by the last run, no more.
        expect(hidden(workbook).length).toBeLessThanOrEqual(2 + expected.length - 2);
        expect(hidden(workbook).filter((n) => HostStateSheet.isBackupName(n))).toHaveLength(
          expected.length - 2,
        );
      }
    } finally {
      close();
    }
  });

  it('after Undo of a first run no bookkeeping sheet is left; after Undo of a later run only the record, without earlier results', async () => {
    const { workbook, host, close } = openFakeWorkbook(spec, {}, mode);
    try {
      const original = JSON.stringify(workbook.picture());
      await runAnalysis(host, {});
      await host.undoLastRun();
      expect(JSON.stringify(workbook.picture())).toBe(original);

      await runAnalysis(host, {});
      await runAnalysis(host, { windowMonths: 2 });
      await runAnalysis(host, { windowMonths: 3 });
      await host.undoLastRun();
      expect(hidden(workbook)).toEqual([HostStateSheet.sheetName]);
      const cells = workbook.values(HostStateSheet.sheetName, 'A1:A200').map((r) => r[0] ?? null);
      expect(runRecord.decode(cells)?.lastRun).toBeUndefined();
    } finally {
      close();
    }
  });

  it('points to "Undo last run" only when there is a run to undo, whichever sync fails (and the rollback too)', async () => {
    const probe = openFakeWorkbook(spec, {}, mode);
    await runAnalysis(probe.host, {});
    probe.workbook.resetStats();
    await runAnalysis(probe.host, { windowMonths: 2 });
    const log = probe.workbook.stats.log.map((r) => r.ops);
    probe.close();

    const wrong: string[] = [];
    let pointed = 0;
    for (let n = 1; n <= log.length; n++) {
      for (const afterOps of new Set([0, 1, (log[n - 1] ?? 1) - 1])) {
        const { workbook, host, close } = openFakeWorkbook(spec, {}, mode);
        try {
          await runAnalysis(host, {});
          const before = userView(workbook);
          workbook.failSync(n, 'GeneralException', afterOps);
          workbook.failSync(n + 1, 'GeneralException', 0);
          const error = await runAnalysis(host, { windowMonths: 2 }).then(
            () => null,
            (e: unknown) => e as Error,
          );
          workbook.failures.length = 0;
          if (error === null) continue;
          if (/Undo last run/u.test(error.message)) {
            pointed++;
            const undo = await host.undoLastRun().then(
              () => null,
              (e: unknown) => (e as Error).message,
            );
            if (undo !== null) wrong.push(`sync ${n}/${afterOps}: told to undo, but: ${undo}`);
          } else if (!/Nothing was changed/u.test(error.message)) {
            wrong.push(`sync ${n}/${afterOps}: says neither undo nor nothing changed: ${error.message}`);
          }
          if (userView(workbook) !== before) wrong.push(`sync ${n}/${afterOps}: previous results not back`);
        } finally {
          close();
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(pointed).toBeGreaterThan(0);
  });

  it('undoes a record whose backups share one name (left by an earlier version): each sheet renamed once, order kept', async () => {
    const { workbook, host, close } = openFakeWorkbook(spec, {}, mode);
    try {
      await runAnalysis(host, {});
      const before = userView(workbook);
      await runAnalysis(host, {});
      // What the earlier version recorded: every backup under the first backup's name.
      const cells = workbook.values(HostStateSheet.sheetName, 'A1:A200').map((r) => r[0] ?? null);
      const record = runRecord.decode(cells)!;
      const lastRun = record.lastRun as { backupSheets: { backupName: string }[] };
      const firstName = lastRun.backupSheets[0]!.backupName;
      for (const backup of lastRun.backupSheets) backup.backupName = firstName;
      const encoded = runRecord.encode(record);
      const sheet = workbook.sheet(HostStateSheet.sheetName);
      encoded.forEach((cell, r) => {
        sheet.cells.setRaw(r, 0, cell, null);
      });
      await host.undoLastRun();
      // The first backup is back in place; the others stay hidden under their names for the next run to drop.
      expect(visible(workbook).slice(0, 3)).toEqual(['Customers', 'Sales', 'Pyramid']);
      expect(new Set(visible(workbook)).size).toBe(visible(workbook).length);
      await runAnalysis(host, {});
      expect(userView(workbook)).toBe(before);
    } finally {
      close();
    }
  });
});

describe('a failure while only reading the workbook', () => {
  it.each(['inspecting', 'reading a table'] as const)(
    'while %s says that nothing was changed',
    async (what) => {
      const { workbook, host, close } = openFakeWorkbook(spec);
      try {
        await runAnalysis(host, {});
        const table = (await host.inspect()).tables[0]!;
        const before = JSON.stringify(workbook.picture());
        workbook.failSync(1, 'GeneralException');
        const error: unknown =
          what === 'inspecting'
            ? await host.inspect().catch((e: unknown) => e)
            : await host.readColumns(table, [0]).catch((e: unknown) => e);
        expect((error as Error).message).toMatch(/^Excel reported a problem: .*Nothing was changed\.$/u);
        expect(JSON.stringify(workbook.picture())).toBe(before);
      } finally {
        close();
      }
    },
  );
});
