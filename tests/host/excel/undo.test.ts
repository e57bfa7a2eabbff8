import type { SourceTable } from '../../../src/engine/types';
import { ExcelWorkbookHost } from '../../../src/host/excel/ExcelWorkbookHost';
import type { FakeWorkbookSpec } from '../../fakes/buildFakeWorkbook';
import { batchModes, type FakeWorkbook } from '../../fakes/FakeWorkbook';
import { customersRows, openFakeWorkbook, planFor, userPicture } from './excelHostFixture';

const layouts: [string, FakeWorkbookSpec][] = [
  [
    'an Excel table',
    {
      sheets: [{ name: 'Customers', table: 'CustomerTable', rows: customersRows, cells: { F2: 'my note' } }],
    },
  ],
  [
    'a plain range',
    {
      sheets: [
        {
          name: 'Customers',
          rows: customersRows,
          origin: 'A3',
          cells: { A1: 'Customer list', G8: 'far right' },
        },
      ],
    },
  ],
];

async function customersTable(host: ExcelWorkbookHost): Promise<SourceTable> {
  const table = (await host.inspect()).tables.find((t) => t.sheet === 'Customers');
  if (table === undefined) throw new Error('customers table not found');
  return table;
}

/** The user's own cells: every cell of the Customers sheet outside the add-in's columns. */
function userCells(workbook: FakeWorkbook, layout: string): unknown {
  return layout === 'an Excel table'
    ? workbook.values('Customers', 'A1:C5')
    : workbook.values('Customers', 'A1:G8');
}

describe.each(layouts)('undo and failures with %s', (_layout, spec) => {
  it('undoes a first run completely and a second run back to the first', async () => {
    const { host, workbook, close } = openFakeWorkbook(spec);
    const original = userPicture(workbook);
    await host.write(planFor(await customersTable(host)));
    const afterFirst = userPicture(workbook);
    await host.write(planFor(await customersTable(host), 1));
    expect(userPicture(workbook)).not.toEqual(afterFirst);
    await host.undoLastRun();
    expect(userPicture(workbook)).toEqual(afterFirst);
    await expect(host.undoLastRun()).rejects.toMatchObject({ code: 'NOTHING_TO_UNDO' });
    close();

    const second = openFakeWorkbook(spec);
    await second.host.write(planFor(await customersTable(second.host)));
    await second.host.undoLastRun();
    expect(userPicture(second.workbook)).toEqual(original);
    second.close();
  });
});

describe.each(batchModes.flatMap((mode) => layouts.map(([layout, spec]) => [mode, layout, spec] as const)))(
  'failures in %s batches with %s',
  (mode, layout, spec) => {
    it('rolls back a run that fails at any sync, leaving user data and previous results as they were', async () => {
      const probe = openFakeWorkbook(spec, {}, mode);
      await probe.host.write(planFor(await customersTable(probe.host)));
      const table = await customersTable(probe.host);
      probe.workbook.resetStats();
      await probe.host.write(planFor(table, 1));
      const syncs = probe.workbook.stats.syncs;
      probe.close();
      expect(syncs).toBeGreaterThan(6);

      const wrong: { n: number; afterOps: number; what: string }[] = [];
      for (let n = 1; n <= syncs; n++) {
        for (const afterOps of [0, 1, 3]) {
          const { host, workbook, close } = openFakeWorkbook(spec, {}, mode);
          await host.write(planFor(await customersTable(host)));
          const previous = userPicture(workbook);
          const user = userCells(workbook, layout);
          const target = await customersTable(host);
          workbook.failSync(n, 'Conflict', afterOps);
          const error: unknown = await host.write(planFor(target, 1)).catch((e: unknown) => e);
          const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
          if (!/co-authoring.*(Nothing was changed|as they were)/.test((error as Error).message))
            wrong.push({ n, afterOps, what: 'message' });
          if (!same(userCells(workbook, layout), user)) wrong.push({ n, afterOps, what: 'user data' });
          if (!same(userPicture(workbook), previous)) wrong.push({ n, afterOps, what: 'previous results' });
          if (!workbook.eventsEnabled) wrong.push({ n, afterOps, what: 'events' });
          close();
        }
      }
      expect(wrong).toEqual([]);
    });

    it('when the rollback fails too, keeps user data intact and "Undo last run" restores the previous results', async () => {
      const probe = openFakeWorkbook(spec, {}, mode);
      await probe.host.write(planFor(await customersTable(probe.host)));
      const table = await customersTable(probe.host);
      probe.workbook.resetStats();
      await probe.host.write(planFor(table, 1));
      const syncs = probe.workbook.stats.syncs;
      probe.close();

      let undone = 0;
      const wrong: { n: number; what: string }[] = [];
      for (let n = 1; n <= syncs; n++) {
        const { host, workbook, close } = openFakeWorkbook(spec, {}, mode);
        await host.write(planFor(await customersTable(host)));
        const previous = userPicture(workbook);
        const user = userCells(workbook, layout);
        const target = await customersTable(host);
        workbook.failSync(n, 'GeneralException', 0);
        workbook.failSync(n + 1, 'GeneralException', 0);
        await expect(host.write(planFor(target, 1))).rejects.toThrow();
        if (JSON.stringify(userCells(workbook, layout)) !== JSON.stringify(user))
          wrong.push({ n, what: 'user data' });
        if (JSON.stringify(userPicture(workbook)) !== JSON.stringify(previous)) {
          await host.undoLastRun();
          undone++;
        }
        if (JSON.stringify(userPicture(workbook)) !== JSON.stringify(previous))
          wrong.push({ n, what: 'previous results' });
        close();
      }
      expect(wrong).toEqual([]);
      expect(undone).toBeGreaterThan(0);
    });
  },
);

describe('undo of a customers sheet built from sales', () => {
  it('restores the sheet of the previous run and the settings', async () => {
    const { host, workbook, close } = openFakeWorkbook({
      sheets: [{ name: 'Sales', rows: [['Customer', 'Date', 'Amount']] }],
    });
    const plan = (variant: number): Parameters<ExcelWorkbookHost['write']>[0] => ({
      customers: {
        kind: 'new',
        sheetName: 'Customers (analysis)',
        baseColumns: [
          { key: 'id', header: 'Customer ID', format: 'text', values: ['00042', 'C2', 'C3', 'C4'] },
        ],
      },
      columns: planFor({} as SourceTable, variant).columns,
      sheets: [],
      settings: { ...planFor({} as SourceTable).settings, abcCut: 0.5 + variant / 10 },
    });
    await host.write(plan(0));
    const first = userPicture(workbook);
    await host.write(plan(1));
    expect((await host.inspect()).savedSettings?.abcCut).toBe(0.6);
    await host.undoLastRun();
    expect(userPicture(workbook)).toEqual(first);
    expect((await host.inspect()).savedSettings?.abcCut).toBe(0.5);
    close();
  });
});
