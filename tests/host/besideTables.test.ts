/**
 * Both hosts find a headed range on a sheet that also holds Excel tables, leaving the tables' cells out,
 * and agree on it; a merged block reads as Excel shows it (the value in its top-left cell only).
 */
import { Workbook } from 'exceljs';
import { FileWorkbookHost } from '../../src/host/file/FileWorkbookHost';
import { buildFakeWorkbook } from '../fakes/buildFakeWorkbook';
import { installFakeExcel } from '../fakes/installFakeExcel';
import { ExcelWorkbookHost } from '../../src/host/excel/ExcelWorkbookHost';
import { fakeWorkbookToXlsx } from './fakeWorkbookToXlsx';

describe('a sales range on a sheet with Excel tables', () => {
  it('is found beside a table and ends above a table below it, the same in both hosts', async () => {
    const fake = buildFakeWorkbook({
      sheets: [
        {
          name: 'Sales',
          rows: [
            ['Customer ID', 'Date', 'Amount'],
            ['C1', 45000, 10],
            ['C2', 45001, 20],
          ],
          cells: {
            F1: 'Region',
            G1: 'Manager',
            F2: 'North',
            G2: 'Li',
            A6: 'Code',
            B6: 'Note',
            A7: 'x',
            B7: 'y',
          },
        },
      ],
    });
    fake.addTable('Regions', fake.sheet('Sales'), 0, 5, 2, 1);
    fake.addTable('Codes', fake.sheet('Sales'), 5, 0, 2, 1);
    const { uninstall } = installFakeExcel(fake);
    try {
      const excel = (await new ExcelWorkbookHost().inspect()).tables;
      const file = (
        await (await FileWorkbookHost.fromXlsx(await fakeWorkbookToXlsx(fake), 'x.xlsx')).inspect()
      ).tables;
      const range = {
        sheet: 'Sales',
        tableName: null,
        headerRow: 1,
        firstColumn: 1,
        headers: ['Customer ID', 'Date', 'Amount'],
        // Rows 4 and 5 are blank, row 6 starts the "Codes" table: the range's data is rows 2–3.
        rowCount: 2,
      };
      expect(excel.filter((t) => t.tableName === null)).toEqual([range]);
      expect(file.filter((t) => t.tableName === null)).toEqual([range]);
      expect(file.map((t) => t.tableName).sort()).toEqual(excel.map((t) => t.tableName).sort());
    } finally {
      uninstall();
    }
  });
});

describe('merged cells in the file host', () => {
  it('read as blank except the top-left cell of the block', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Sales');
    sheet.addRows([
      ['Customer ID', 'Date', 'Amount'],
      ['C1', 45000, 10],
      [null, 45001, 20],
      [null, 45002, 30],
    ]);
    sheet.mergeCells('A2:A4');
    const host = await FileWorkbookHost.fromXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()), 'm.xlsx');
    const [table] = (await host.inspect()).tables;
    expect(await host.readColumns(table!, [0, 2])).toEqual([
      ['C1', null, null],
      [10, 20, 30],
    ]);
  });
});
