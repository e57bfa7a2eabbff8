/**
 * "Never overwrites a cell it did not create" in the file host (command line and web page): after a first
 * run, the user makes cells theirs or puts them in the way — renames one of our columns, edits a value in
 * one, types below our columns, grows the table and types into our column in the new row, inserts a
 * column of their own — and a second run must leave every one of those cells as the user left it.
 */
import { Workbook, type Worksheet } from 'exceljs';
import { FileWorkbookHost } from '../../../src/host/file/FileWorkbookHost';
import { tableModelsOf } from '../../../src/host/file/tableModelsOf';
import { toRawCell } from '../../../src/host/file/toRawCell';
import { runAnalysis } from '../../../src/host/runAnalysis';

const customers = [
  ['Customer ID', 'Name'],
  ['C1', 'Acme'],
  ['C2', 'Bolt'],
  ['C3', 'Cole'],
];

async function input(asTable: boolean): Promise<Uint8Array> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('Customers');
  if (asTable) {
    sheet.addTable({
      name: 'CustomerTable',
      ref: 'A1',
      headerRow: true,
      columns: customers[0]!.map((name) => ({ name })),
      rows: customers.slice(1),
    });
  } else customers.forEach((row) => sheet.addRow(row));
  const sales = workbook.addWorksheet('Sales');
  sales.addRow(['Customer ID', 'Order Date', 'Amount']);
  for (let i = 0; i < 24; i++) sales.addRow([['C1', 'C2', 'C3'][i % 3], 45000 + i * 9, 10 + (i % 4) * 30]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function analyse(bytes: Uint8Array): Promise<Uint8Array> {
  const host = await FileWorkbookHost.fromXlsx(bytes, 'customers.xlsx');
  await runAnalysis(host, {});
  return host.toBuffer();
}

async function load(bytes: Uint8Array): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

/** The 1-based column whose header (row 1) is `header`. */
function columnOf(sheet: Worksheet, header: string): number {
  let found = -1;
  sheet.getRow(1).eachCell((cell, column) => {
    if (toRawCell(cell.value, false) === header) found = column;
  });
  if (found < 0) throw new Error(`no column "${header}"`);
  return found;
}

/** A user's change after the first run: it returns the cells it made the user's, with their values. */
type Edit = (sheet: Worksheet) => { row: number; column: number; value: string | number }[];

const set = (sheet: Worksheet, row: number, column: number, value: string | number) => {
  sheet.getCell(row, column).value = value;
  return { row, column, value };
};

const edits: [string, Edit][] = [
  [
    'renames our first column and edits one of its values',
    (sheet) => {
      const column = columnOf(sheet, 'SVCD segment');
      return [set(sheet, 1, column, 'My segment'), set(sheet, 2, column, 'mine')];
    },
  ],
  [
    'renames a column in the middle of ours and edits one of its values',
    (sheet) => {
      const column = columnOf(sheet, 'ABC class');
      return [set(sheet, 1, column, 'My class'), set(sheet, 3, column, 'AAA')];
    },
  ],
  [
    'edits a value of one of our columns, header unchanged',
    (sheet) => [set(sheet, 4, columnOf(sheet, 'Revenue'), 12345)],
  ],
  [
    'edits a value of our last column',
    (sheet) => [set(sheet, 3, columnOf(sheet, 'Days since last purchase'), 'soon')],
  ],
  [
    'types notes below our columns',
    (sheet) => [
      set(sheet, 8, columnOf(sheet, 'SVCD segment'), 'note below'),
      set(sheet, 30, columnOf(sheet, 'Revenue'), 'total?'),
    ],
  ],
  [
    'adds a customer row and types into our column in it',
    (sheet) => [
      set(sheet, 5, 1, 'C4'),
      set(sheet, 5, 2, 'Dyn'),
      set(sheet, 5, columnOf(sheet, 'Pyramid tier'), 'my tier'),
    ],
  ],
  [
    'types a note right of our columns, in the way of a new one',
    (sheet) => {
      let last = 0;
      sheet.getRow(1).eachCell((_cell, column) => {
        last = Math.max(last, column);
      });
      return [set(sheet, 2, last + 1, 'right note')];
    },
  ],
];

describe.each([
  ['a plain range', false],
  ['an Excel table', true],
] as const)('the file host, customers in %s', (_layout, asTable) => {
  it.each(edits)(
    'the user %s: a second run leaves those cells as the user left them',
    async (_what, edit) => {
      const first = await load(await analyse(await input(asTable)));
      const sheet = first.getWorksheet('Customers')!;
      const users = edit(sheet);
      if (asTable && users.some(({ row }) => row === 5)) {
        // The table grows by the new row, as Excel grows it when a row is typed right below.
        for (const model of tableModelsOf(sheet))
          model.tableRef = (model.tableRef ?? '').replace(/\d+$/u, '5');
      }
      const second = await load(await analyse(new Uint8Array(await first.xlsx.writeBuffer())));
      const after = second.getWorksheet('Customers')!;
      // The user's customers table is still the one analysed: no customers sheet built from the sales instead.
      expect(second.getWorksheet('Customers (analysis)')).toBeUndefined();
      for (const { row, column, value } of users)
        expect([row, column, toRawCell(after.getCell(row, column).value, false)]).toEqual([
          row,
          column,
          value,
        ]);
      for (const [r, row] of customers.entries())
        row.forEach((value, c) => {
          expect(toRawCell(after.getCell(r + 1, c + 1).value, false)).toBe(value);
        });
      // No blank column left among ours (a blank header inside a table is a broken table), unless the user's
      // cells are in it.
      const lastHeader = after.getRow(1).cellCount;
      for (let column = 1; column <= lastHeader; column++) {
        const header = toRawCell(after.getCell(1, column).value, false);
        if (header === null) expect(users.filter((u) => u.column === column)).not.toHaveLength(0);
      }
      // Our columns are all there, under our headers (a column the user took is replaced by a new one).
      const headers: string[] = [];
      after.getRow(1).eachCell((cell) => headers.push(String(toRawCell(cell.value, false))));
      for (const ours of ['SVCD segment', 'ABC class', 'Pyramid tier', 'Revenue'])
        expect(headers.filter((h) => h === ours || h.startsWith(`${ours} (`))).not.toHaveLength(0);
    },
  );
});
