/**
 * Nothing lost in Excel (the fake): a whole analysis run — inspect, read, compute, write columns, summary
 * sheets with charts, settings — that fails at any sync leaves the user's data intact and the previous
 * results intact or restorable with "Undo last run"; a protected sheet, a protected workbook structure, a
 * read-only workbook, a cell in edit mode and a co-author's conflicting change give a clear sentence and
 * never a half-written table.
 */
import type { AnalysisInput } from '../../src/engine/analyze';
import { computeAnalysis } from '../../src/engine/computeAnalysis';
import { ExcelWorkbookHost } from '../../src/host/excel/ExcelWorkbookHost';
import { runAnalysis } from '../../src/host/runAnalysis';
import { buildFakeWorkbook, type FakeWorkbookSpec } from '../fakes/buildFakeWorkbook';
import { batchModes, type BatchMode, type FakeWorkbook } from '../fakes/FakeWorkbook';
import { installFakeExcel } from '../fakes/installFakeExcel';

const sales: (string | number)[][] = [['Customer ID', 'Order Date', 'Amount', 'Sales Rep']];
for (let i = 0; i < 48; i++)
  sales.push([
    ['C1', 'C2', '00042', '=cmd', 'C5', 'C6'][i % 6]!,
    45000 + i * 5,
    20 + (i % 5) * 35,
    i % 2 === 0 ? 'Li' : 'Wang',
  ]);

const spec: FakeWorkbookSpec = {
  sheets: [
    {
      name: 'Customers',
      table: 'CustomerTable',
      rows: [
        ['Customer ID', 'Customer Name', 'Region'],
        ['C1', 'Acme', 'North'],
        ['C2', '+Bolt', 'South'],
        ['00042', 'Zed', 'East'],
        ['=cmd', '@Cmd', 'West'],
        ['C9', 'Prospect', 'North'],
      ],
      cells: { F2: 'my note beside the table', H10: 42 },
    },
    { name: 'Sales', rows: sales },
    // A user sheet with the name of one of ours: it must never be touched.
    { name: 'Pyramid', rows: [['my own pyramid notes']] },
  ],
};

/** The workbook the user sees, without the add-in's hidden bookkeeping sheets. */
function picture(workbook: FakeWorkbook): string {
  const all = workbook.picture() as { sheets: { name: string }[]; tables: unknown[] };
  return JSON.stringify({ ...all, sheets: all.sheets.filter((s) => !s.name.startsWith('CustomerPyramid.')) });
}

/**
 * The user's own cells: the customers table's columns, the sales sheet, their own "Pyramid" sheet, and the
 * notes beside the table (Excel shifts cells in the table's rows right when a table column is added, so
 * those are looked up by content on the sheet).
 */
function userData(workbook: FakeWorkbook): string {
  const customers = workbook.values('Customers', 'A1:AZ20').flat();
  return JSON.stringify([
    workbook.values('Customers', 'A1:C6'),
    workbook.values('Sales', 'A1:D49'),
    workbook.values('Pyramid', 'A1:B2'),
    customers.filter((v) => v === 'my note beside the table').length,
    customers.filter((v) => v === 42).length,
  ]);
}

function open(mode: BatchMode = 'partial'): {
  workbook: FakeWorkbook;
  host: ExcelWorkbookHost;
  close: () => void;
} {
  const workbook = buildFakeWorkbook(spec);
  workbook.batchMode = mode;
  const { uninstall } = installFakeExcel(workbook);
  return { workbook, host: new ExcelWorkbookHost(), close: uninstall };
}

/** A second run that changes everything the first wrote: other language (other sheet names), other window. */
const secondSettings = { language: 'zh-CN' as const, windowMonths: 3 };

function isClearSentence(message: string): boolean {
  return message.length > 30 && !message.includes('\n') && !/undefined|\[object|at .*\.ts:/u.test(message);
}

/**
 * Where in a batch of `ops` operations a failure is injected: before the first, after the first few, half
 * way, before the last. Real Excel keeps what a failed batch applied before the failing operation.
 */
function failurePoints(ops: number): number[] {
  return [...new Set([0, 1, 2, Math.floor(ops / 2), ops - 1])].filter((k) => k >= 0 && k < Math.max(ops, 1));
}

describe.each(batchModes)('a whole analysis run in Excel that fails at any sync (%s batches)', (mode) => {
  it('leaves user data intact and the previous results intact or restorable by undo, for every sync, place in the batch and failure', async () => {
    const probe = open(mode);
    await runAnalysis(probe.host, {});
    probe.workbook.resetStats();
    await runAnalysis(probe.host, secondSettings);
    const log = probe.workbook.stats.log.map((r) => r.ops);
    probe.close();
    expect(log.length).toBeGreaterThan(5);

    const wrong: string[] = [];
    let rolledBack = 0;
    let undone = 0;
    for (let n = 1; n <= log.length; n++) {
      const cases = failurePoints(log[n - 1] ?? 0).flatMap((afterOps) => [
        ['GeneralException', afterOps, false] as const,
        ['InsertDeleteConflict', afterOps, true] as const,
      ]);
      for (const [code, afterOps, alsoFailRollback] of [['Conflict', 0, false] as const, ...cases]) {
        const { workbook, host, close } = open(mode);
        try {
          await runAnalysis(host, {});
          const previous = picture(workbook);
          const user = userData(workbook);
          workbook.failSync(n, code, afterOps);
          if (alsoFailRollback) workbook.failSync(n + 1, 'GeneralException', 0);
          const error = await runAnalysis(host, secondSettings).then(
            () => null,
            (e: unknown) => e,
          );
          const at = `sync ${n} ${code}/${afterOps}${alsoFailRollback ? '+rollback' : ''}`;
          if (!(error instanceof Error)) {
            wrong.push(`${at}: the run did not fail`);
            continue;
          }
          if (!isClearSentence(error.message)) wrong.push(`${at}: unclear message "${error.message}"`);
          if (code !== 'GeneralException' && !/co-authoring/u.test(error.message))
            wrong.push(`${at}: message does not name co-authoring: "${error.message}"`);
          if (userData(workbook) !== user) wrong.push(`${at}: user data changed`);
          const pointsToUndo = /Undo last run/u.test(error.message);
          if (picture(workbook) === previous && !pointsToUndo) {
            if (!/Nothing was changed/u.test(error.message))
              wrong.push(`${at}: restored without saying so: "${error.message}"`);
            rolledBack++;
          } else {
            if (!pointsToUndo) wrong.push(`${at}: changed without pointing to undo: "${error.message}"`);
            // Told to undo: there must be a run to undo, and undoing it brings the previous results back.
            const undoError = await host.undoLastRun().then(
              () => null,
              (e: unknown) => (e instanceof Error ? e.message : 'unknown error'),
            );
            if (undoError !== null) wrong.push(`${at}: undo failed: ${undoError} after "${error.message}"`);
            undone++;
            if (picture(workbook) !== previous)
              wrong.push(`${at}: undo did not restore the previous results`);
          }
          if (!workbook.eventsEnabled) wrong.push(`${at}: events left off`);
          // Whatever happened, the next run works and leaves our sheets once each (a failure meant for a
          // rollback that never came, the run having failed while reading, must not hit it).
          workbook.failures.length = 0;
          const next = await runAnalysis(host, secondSettings).then(
            () => null,
            (e: unknown) => (e instanceof Error ? e.message : 'unknown error'),
          );
          if (next !== null) wrong.push(`${at}: the next run failed: ${next}`);
          const visible = workbook.sheets.filter((sh) => sh.visibility === 'Visible').map((sh) => sh.name);
          // Customers, Sales and the user's Pyramid sheet, our nine summary sheets and the one Calls sheet of
          // the as-of date (a re-run on the same date updates it, never adds another).
          if (new Set(visible).size !== visible.length || visible.length !== 13)
            wrong.push(`${at}: visible sheets after the next run: ${visible.join(', ')}`);
        } finally {
          close();
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(rolledBack).toBeGreaterThan(0);
    // The variant that also breaks the rollback must have needed undo at least once, or it tested nothing.
    expect(undone).toBeGreaterThan(0);
  });
});

describe('a workbook Excel will not let us write', () => {
  it.each([
    [
      'the customers sheet is protected',
      (w: FakeWorkbook): void => {
        w.sheet('Customers').protected = true;
      },
      /protect/iu,
    ],
    [
      'the workbook structure is protected',
      (w: FakeWorkbook): void => {
        w.structureProtected = true;
      },
      /protect/iu,
    ],
    [
      'the workbook is read-only',
      (w: FakeWorkbook): void => {
        w.readOnly = true;
      },
      /read-only|only view/iu,
    ],
  ] as const)('%s: a clear sentence, and nothing written at all', async (_what, lock, pattern) => {
    const { workbook, host, close } = open();
    try {
      const before = picture(workbook);
      lock(workbook);
      const error = await runAnalysis(host, {}).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(Error);
      expect(isClearSentence((error as Error).message)).toBe(true);
      expect((error as Error).message).toMatch(pattern);
      expect(picture(workbook)).toBe(before);
    } finally {
      close();
    }
  });

  it('protected after a first run: the second run is refused and the first run’s results stay whole', async () => {
    const { workbook, host, close } = open();
    try {
      await runAnalysis(host, {});
      const previous = picture(workbook);
      workbook.sheet('Customers').protected = true;
      await expect(runAnalysis(host, secondSettings)).rejects.toThrow(/protect/iu);
      expect(picture(workbook)).toBe(previous);
    } finally {
      close();
    }
  });

  it('a cell in edit mode: the run waits for the edit to end instead of failing, and writes everything', async () => {
    const { workbook, host, close } = open();
    try {
      workbook.cellEditMode = true;
      const run = await runAnalysis(host, {});
      expect(workbook.delayedRuns).toBeGreaterThan(0);
      expect(run.summary?.columnHeaders.length).toBeGreaterThan(5);
      for (const name of run.summary?.sheetNames ?? []) expect(workbook.findSheet(name)).toBeDefined();
    } finally {
      close();
    }
  });
});

describe('a co-author changes the customers table while the analysis runs', () => {
  /** Runs an analysis during which, after the read and before the write, `edit` changes the workbook. */
  async function runWithEdit(
    edit: (workbook: FakeWorkbook) => void,
  ): Promise<{ workbook: FakeWorkbook; error: unknown; svcdById: Map<string, string | null> }> {
    const { workbook, host, close } = open();
    const svcdById = new Map<string, string | null>();
    try {
      const compute = (input: AnalysisInput): Promise<ReturnType<typeof computeAnalysis>> => {
        const computed = computeAnalysis(input);
        for (const c of computed.result.customers) svcdById.set(c.id, c.svcd);
        edit(workbook);
        return Promise.resolve(computed);
      };
      const error = await runAnalysis(host, {}, { compute }).then(
        () => null,
        (e: unknown) => e,
      );
      return { workbook, error, svcdById };
    } finally {
      close();
    }
  }

  /** Each customers-table row's id and the SVCD segment written beside it, when the run wrote any. */
  function writtenSegments(workbook: FakeWorkbook): [unknown, unknown][] {
    const table = workbook.table('CustomerTable');
    const header = workbook.values('Customers', 'A1:AZ1')[0]!;
    const column = header.indexOf('SVCD segment');
    if (column < 0) return [];
    const rows: [unknown, unknown][] = [];
    for (let r = 1; r <= table.rowCount; r++)
      rows.push([
        workbook.sheet('Customers').cells.value(r, 0),
        workbook.sheet('Customers').cells.value(r, column),
      ]);
    return rows;
  }

  it.each([
    [
      'sorts it (two rows swap places)',
      (w: FakeWorkbook) => {
        const cells = w.sheet('Customers').cells;
        for (let c = 0; c < 3; c++) {
          const a = cells.value(1, c);
          cells.setRaw(1, c, cells.value(2, c), null);
          cells.setRaw(2, c, a, null);
        }
      },
    ],
    [
      'adds a customer at the end',
      (w: FakeWorkbook) => {
        const table = w.table('CustomerTable');
        const row = table.headerRow + table.rowCount + 1;
        w.sheet('Customers').cells.setRaw(row, 0, 'C6', null);
        w.sheet('Customers').cells.setRaw(row, 1, 'Late', null);
        table.rowCount += 1;
      },
    ],
  ] as const)(
    '%s: either refused with a clear sentence, or every row gets its own customer’s results',
    async (_what, edit) => {
      const { workbook, error, svcdById } = await runWithEdit(edit);
      if (error !== null) {
        expect(error).toBeInstanceOf(Error);
        expect(isClearSentence((error as Error).message)).toBe(true);
        expect(writtenSegments(workbook)).toEqual([]);
        return;
      }
      // Written: a row's result is its own id's, never its neighbour's (a row the run never read may
      // stay blank until the next run).
      const rows = writtenSegments(workbook);
      expect(rows.filter(([, segment]) => segment !== null).length).toBeGreaterThan(3);
      for (const [id, segment] of rows) {
        if (segment === null) continue;
        expect([id, segment]).toEqual([id, svcdById.get(String(id))]);
      }
    },
  );
});
