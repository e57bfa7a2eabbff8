/**
 * "Never overwrites a cell it did not create" in the Excel host (on the fake Excel): after a first run, the
 * user makes cells theirs or puts them in the way — renames one of our columns, edits a value in one, types
 * below our columns, grows the customers table and types into our column in the new row, inserts a column
 * of their own before ours — and a second run leaves every one of those cells as the user left it (or, for
 * a plain range grown into cells under our column, refuses with `CELLS_IN_THE_WAY` and changes nothing).
 */
import { runAnalysis } from '../../../src/host/runAnalysis';
import type { FakeWorkbookSpec } from '../../fakes/buildFakeWorkbook';
import type { FakeWorkbook } from '../../fakes/FakeWorkbook';
import { openFakeWorkbook } from './excelHostFixture';

const customers = [
  ['Customer ID', 'Name'],
  ['C1', 'Acme'],
  ['C2', 'Bolt'],
  ['C3', 'Cole'],
];
const sales: (string | number)[][] = [['Customer ID', 'Order Date', 'Amount']];
for (let i = 0; i < 24; i++) sales.push([['C1', 'C2', 'C3'][i % 3]!, 45000 + i * 9, 10 + (i % 4) * 30]);

function spec(asTable: boolean): FakeWorkbookSpec {
  return {
    sheets: [
      { name: 'Customers', rows: customers, ...(asTable ? { table: 'CustomerTable' } : {}) },
      { name: 'Sales', rows: sales },
    ],
  };
}

/** The 0-based column of the Customers sheet whose header (row 1) is `header`. */
function columnOf(workbook: FakeWorkbook, header: string): number {
  const row = workbook.values('Customers', 'A1:AZ1')[0] ?? [];
  const found = row.indexOf(header);
  if (found < 0) throw new Error(`no column "${header}"`);
  return found;
}

type UserCell = { row: number; column: number; value: string | number };

/** A user's change after the first run: it returns the cells it made the user's (0-based), with their values. */
type Edit = (workbook: FakeWorkbook) => UserCell[];

function set(workbook: FakeWorkbook, row: number, column: number, value: string | number): UserCell {
  workbook.sheet('Customers').cells.setRaw(row, column, value, null);
  return { row, column, value };
}

/** Grows the customers range (and its table) by the row right below it: a new customer. */
function addCustomer(workbook: FakeWorkbook): UserCell[] {
  const cells = [set(workbook, 4, 0, 'C4'), set(workbook, 4, 1, 'Dyn')];
  const table = workbook.findTable('CustomerTable');
  if (table !== undefined) table.rowCount += 1;
  return cells;
}

const edits: [string, Edit][] = [
  [
    'renames our first column and edits one of its values',
    (w) => {
      const column = columnOf(w, 'SVCD segment');
      return [set(w, 0, column, 'My segment'), set(w, 1, column, 'mine')];
    },
  ],
  [
    'renames a column in the middle of ours and edits one of its values',
    (w) => {
      const column = columnOf(w, 'ABC class');
      return [set(w, 0, column, 'My class'), set(w, 2, column, 'AAA')];
    },
  ],
  [
    'edits a value of one of our columns, header unchanged',
    (w) => [set(w, 3, columnOf(w, 'Revenue'), 12345)],
  ],
  [
    'types notes below our columns, away from the table',
    (w) => [
      set(w, 8, columnOf(w, 'SVCD segment'), 'note below'),
      set(w, 30, columnOf(w, 'Revenue'), 'total?'),
    ],
  ],
  [
    'adds a customer row and types into our column in it',
    (w) => [...addCustomer(w), set(w, 4, columnOf(w, 'Pyramid tier'), 'my tier')],
  ],
  [
    'inserts a column of their own between the table and ours',
    (w) => {
      const column = columnOf(w, 'SVCD segment');
      w.sheet('Customers').cells.shiftColumns(0, 10, column, 1);
      return [set(w, 0, column, 'Phone'), set(w, 1, column, '555-1')];
    },
  ],
];

describe.each([
  ['a plain range', false],
  ['an Excel table', true],
] as const)('the Excel host, customers in %s', (layout, asTable) => {
  it.each(edits)('the user %s: a second run leaves those cells as the user left them', async (what, edit) => {
    const { workbook, host, close } = openFakeWorkbook(spec(asTable));
    try {
      await runAnalysis(host, {});
      const users = edit(workbook);
      const outcome = await runAnalysis(host, {}).then(
        () => null,
        (e: unknown) => e as { code?: string; message: string },
      );
      if (outcome !== null) {
        // Only a plain range grown into cells under our column may be refused, and then with a clear reason.
        expect([layout, what, outcome.code]).toEqual([
          'a plain range',
          'adds a customer row and types into our column in it',
          'CELLS_IN_THE_WAY',
        ]);
        expect(outcome.message).toMatch(/Nothing was changed/u);
      }
      const cells = workbook.sheet('Customers').cells;
      for (const { row, column, value } of users)
        expect([row, column, cells.value(row, column)]).toEqual([row, column, value]);
      expect(workbook.values('Customers', 'A1:B4')).toEqual(customers);
      // No blank header left among ours, unless the user's cells are in that column.
      const header = workbook.values('Customers', 'A1:AZ1')[0] ?? [];
      const last = header.reduce<number>((end, value, c) => (value === null ? end : c), 0);
      for (let column = 0; column <= last; column++)
        if (header[column] === null) expect(users.filter((u) => u.column === column)).not.toHaveLength(0);
    } finally {
      close();
    }
  });
});

describe('a plain range grown into cells under our column', () => {
  it('is refused with CELLS_IN_THE_WAY, naming the cell, and nothing is changed', async () => {
    const { workbook, host, close } = openFakeWorkbook(spec(false));
    try {
      await runAnalysis(host, {});
      addCustomer(workbook);
      const column = columnOf(workbook, 'Pyramid tier');
      set(workbook, 4, column, 'my tier');
      const before = JSON.stringify(workbook.picture());
      await expect(runAnalysis(host, {})).rejects.toMatchObject({
        code: 'CELLS_IN_THE_WAY',
        message: expect.stringMatching(
          /row 5 under the add-in's column "Pyramid tier".*Nothing was changed/u,
        ),
      });
      expect(JSON.stringify(workbook.picture())).toBe(before);
    } finally {
      close();
    }
  });
});
