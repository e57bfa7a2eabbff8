import { Workbook } from 'exceljs';
import { defaultSettings } from '../../src/engine/defaultSettings';
import type { RawCell } from '../../src/engine/types';
import { FileWorkbookHost } from '../../src/host/file/FileWorkbookHost';
import { toRawCell } from '../../src/host/file/toRawCell';
import { runRecord } from '../../src/host/runRecord';
import type { FakeSheetSpec } from '../fakes/buildFakeWorkbook';
import {
  customerColumns,
  customersRows,
  openFakeWorkbook,
  paretoSheet,
  planFor,
} from './excel/excelHostFixture';

const savedSettings = { ...defaultSettings(), language: 'zh-CN' as const, svcdAmountThreshold: 300 };
const ourHeaders = ['SVCD segment', 'Next visit due', 'Revenue', 'RFM segment'];
/** What an earlier run left in our four columns (rows 2–5). */
const oldValues: RawCell[][] = [
  ['Dog', 44000, 1, 'old 1'],
  ['Dog', 44001, 2, 'old 2'],
  ['Cow', 44002, 3, 'old 3'],
  [null, null, 4, 'old 4'],
];
const oldRows = customersRows.map((row, r) => [...row, ...(r === 0 ? ourHeaders : oldValues[r - 1]!)]);

describe.each([
  ['a plain range', null],
  ['an Excel table', 'CustomerTable'],
])('the Excel host on a workbook an older command line analysed (%s)', (_kind, tableName) => {
  /** Customers with our four columns in D:G, the old summary sheet and the older command line's record. */
  function olderCommandLineOutput(): FakeSheetSpec[] {
    const record = {
      version: 1,
      settings: savedSettings,
      createdSheets: ['ABC Pareto'],
      customerColumns: {
        sheet: 'Customers',
        headerRow: 1,
        columns: ourHeaders.map((header, k) => ({ column: 4 + k, header })),
      },
    };
    return [
      { name: 'Customers', rows: oldRows, ...(tableName === null ? {} : { table: tableName }) },
      {
        name: 'ABC Pareto',
        rows: [
          ['Customer ID', 'Revenue'],
          ['00042', 1],
        ],
      },
      {
        name: runRecord.legacySheetName,
        rows: [['Customer Pyramid: settings and output of the last run'], [JSON.stringify(record)]],
      },
    ];
  }

  it('takes its settings, recognises its columns and sheets, and re-runs in place', async () => {
    const { host, workbook, close } = openFakeWorkbook({ sheets: olderCommandLineOutput() });
    const info = await host.inspect();
    expect(info.savedSettings).toEqual(savedSettings);
    expect(info.tables.map((t) => t.sheet)).toEqual(['Customers']);
    const table = info.tables[0]!;
    expect(table.headers).toEqual(customersRows[0]);

    const summary = await host.write(planFor(table));
    expect(summary.columnHeaders).toEqual(ourHeaders);
    expect(summary.sheetNames).toEqual(['ABC Pareto']);
    const written = customerColumns();
    expect(workbook.values('Customers', 'D1:G5')).toEqual([
      ourHeaders,
      ...[0, 1, 2, 3].map((r) => written.map((c) => c.values[r] ?? null)),
    ]);
    expect(workbook.usedAddress('Customers')).toBe('Customers!A1:G5');
    if (tableName !== null) expect(workbook.table(tableName).columnIds).toHaveLength(7);
    expect(workbook.cell('ABC Pareto', 'A1').value).toBe(paretoSheet().cells[0]![0]!.value);
    const visible = workbook.sheets.filter((s) => s.visibility === 'Visible').map((s) => s.name);
    expect(visible).toEqual(['Customers', 'ABC Pareto']);
    expect(workbook.findSheet(runRecord.legacySheetName)).toBeUndefined();
    expect((await host.inspect()).savedSettings).toEqual(defaultSettings());

    // Undo gives back the older run's columns, sheet and settings.
    await host.undoLastRun();
    expect(workbook.values('Customers', 'D1:G5')).toEqual([ourHeaders, ...oldValues]);
    expect(workbook.values('ABC Pareto', 'A1:B2')).toEqual([
      ['Customer ID', 'Revenue'],
      ['00042', 1],
    ]);
    expect((await host.inspect()).savedSettings).toEqual(savedSettings);
    close();
  });

  it('leaves a user column that took one of its headers alone (its record is by position and header)', async () => {
    const sheets = olderCommandLineOutput();
    // The user renamed our SVCD column: it is theirs now, and ours goes after it with a fresh header.
    const rows = oldRows.map((row, r) =>
      r === 0 ? ['Customer ID', 'Customer name', 'Region', 'My segment', ...row.slice(4)] : row,
    );
    sheets[0] = { ...sheets[0]!, rows };
    const { host, workbook, close } = openFakeWorkbook({ sheets });
    const table = (await host.inspect()).tables[0]!;
    expect(table.headers).toEqual(['Customer ID', 'Customer name', 'Region', 'My segment']);
    await host.write(planFor(table));
    expect(workbook.values('Customers', 'D1:D5')).toEqual([
      ['My segment'],
      ...oldValues.map((row) => [row[0]!]),
    ]);
    const headers = workbook.values('Customers', 'A1:K1')[0]!.filter((h) => h !== null);
    expect(headers.filter((h) => h === 'SVCD segment')).toHaveLength(1);
    expect(headers.slice(4)).toEqual(['Next visit due', 'Revenue', 'RFM segment', 'SVCD segment']);
    close();
  });
});

describe('the file host on a workbook an older Excel add-in analysed', () => {
  /** Customers (plain range) with our SVCD and Revenue columns in D:E, a summary sheet, and the add-in's sheets. */
  async function olderAddInOutput(): Promise<Uint8Array> {
    const workbook = new Workbook();
    const customers = workbook.addWorksheet('Customers');
    oldRows.forEach((row) => customers.addRow(row.slice(0, 5)));
    workbook.addWorksheet('ABC Pareto').addRow(['Pareto of the older run']);
    const marker = (key: string, header: string, column: number): unknown => ({
      key,
      header,
      sheetId: '{00000000-0001-0000-0000-000000000000}',
      tableName: null,
      tableColumnId: null,
      column,
      headerRow: 0,
      rows: 4,
    });
    const state = {
      version: 1,
      settings: savedSettings,
      columns: [marker('svcd', 'SVCD segment', 3), marker('nextVisitDue', 'Next visit due', 4)],
      sheets: [{ key: 'abc', sheetId: '{00000000-0001-0000-0200-000000000000}', name: 'ABC Pareto' }],
      lastRun: {
        complete: true,
        createdColumns: [],
        updatedColumns: [],
        createdSheets: [],
        backupSheets: [],
      },
    };
    const stateSheet = workbook.addWorksheet(runRecord.sheetName, { state: 'veryHidden' });
    stateSheet.getCell('A1').value =
      'Customer Pyramid add-in: settings and markers of its columns and sheets.';
    stateSheet.getCell('A2').value = JSON.stringify(state);
    workbook.addWorksheet('CustomerPyramid.undo', { state: 'veryHidden' }).addRow(['SVCD segment', 'Star']);
    // A replaced summary kept for undo that looks like a sales table: never to be read as one.
    const backup = workbook.addWorksheet('CustomerPyramid.old', { state: 'veryHidden' });
    backup.addRow(['Customer ID', 'Order Date', 'Amount']);
    backup.addRow(['X9', 45000, 999]);
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  }

  it('takes its settings, skips its sheets, reuses its columns and drops its stale undo sheets', async () => {
    const host = await FileWorkbookHost.fromXlsx(await olderAddInOutput(), 'book.xlsx');
    const info = await host.inspect();
    expect(info.savedSettings).toEqual(savedSettings);
    expect(info.tables.map((t) => t.sheet)).toEqual(['Customers']);
    expect(info.tables[0]!.headers).toEqual(customersRows[0]);

    const summary = await host.write(planFor(info.tables[0]!));
    expect(summary.columnHeaders).toEqual(ourHeaders);
    expect(summary.sheetNames).toEqual(['ABC Pareto']);
    const output = new Workbook();
    await output.xlsx.load((await host.toBuffer()) as unknown as Parameters<typeof output.xlsx.load>[0]);
    expect(output.worksheets.map((s) => s.name)).toEqual(['Customers', 'ABC Pareto', runRecord.sheetName]);
    const sheet = output.getWorksheet('Customers')!;
    const written = customerColumns();
    for (let r = 1; r <= 5; r++) {
      const row = [4, 5, 6, 7].map((c) => toRawCell(sheet.getCell(r, c).value, false));
      expect(row).toEqual(r === 1 ? ourHeaders : written.map((spec) => spec.values[r - 2] ?? null));
    }
    expect(toRawCell(sheet.getCell(1, 8).value, false)).toBeNull();

    // The record is now the shared one, with keys and sheet names, and no stale undo record.
    const stateSheet = output.getWorksheet(runRecord.sheetName)!;
    expect(stateSheet.state).toBe('veryHidden');
    const cells = Array.from({ length: stateSheet.rowCount }, (_, r) =>
      toRawCell(stateSheet.getCell(r + 1, 1).value, false),
    );
    const record = runRecord.decode(cells);
    expect(record?.lastRun).toBeUndefined();
    expect(record?.sheets).toEqual([{ key: 'abc', name: 'ABC Pareto' }]);
    expect(record?.columns.map((c) => [c.key, c.sheet, c.column, c.header])).toEqual(
      written.map((spec, k) => [spec.key, 'Customers', 4 + k, spec.header]),
    );
  });
});
