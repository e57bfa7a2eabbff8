import { Workbook } from 'exceljs';
import { cellsOf } from '../../../src/engine/cellColumn';
import { readFile } from 'node:fs/promises';
import { chooseTables } from '../../../src/engine/chooseTables';
import { FileWorkbookHost } from '../../../src/host/file/FileWorkbookHost';
import { readWorkbookFile } from '../../../src/host/file/node/readWorkbookFile';
import { sharedData } from '../../cli/sharedData';

async function xlsxBytes(build: (workbook: Workbook) => void): Promise<Uint8Array> {
  const workbook = new Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Day number of a date in the 1900 system (days since 1899-12-30). */
const serial1900 = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000 + 25_569;

describe('FileWorkbookHost reading real files', () => {
  it('reads the online retail CSV: 42,481 rows, its headers, values as text', async () => {
    const host = await readWorkbookFile(sharedData('online_retail_2010-12.csv'));
    const info = await host.inspect();
    expect(info.tables).toHaveLength(1);
    const table = info.tables[0]!;
    expect(table).toMatchObject({
      sheet: 'online_retail_2010-12.csv',
      tableName: null,
      headerRow: 1,
      firstColumn: 1,
      rowCount: 42_481,
    });
    expect(table.headers).toEqual([
      'InvoiceNo',
      'StockCode',
      'Description',
      'Quantity',
      'InvoiceDate',
      'UnitPrice',
      'CustomerID',
      'Country',
    ]);
    const [invoice, customer] = (await host.readColumns(table, [0, 6])).map(cellsOf);
    expect(invoice).toHaveLength(42_481);
    expect(invoice![0]).toBe('536365');
    expect(customer![0]).toBe('17850.0');
    expect(customer!.some((value) => value === null)).toBe(true);
    expect(chooseTables(info.tables).sales.source).toBe(info.tables[0]);
  });

  it('finds the Orders Excel table of superstore.xlsx and reads Order Date as serial numbers', async () => {
    const host = await readWorkbookFile(sharedData('superstore.xlsx'));
    const info = await host.inspect();
    expect(info.date1904).toBe(false);
    expect(info.savedSettings).toBeNull();
    const orders = info.tables.find((t) => t.sheet === 'Orders');
    expect(orders).toMatchObject({ tableName: 'Table1', headerRow: 1, firstColumn: 1, rowCount: 9_994 });
    expect(orders!.headers.slice(0, 4)).toEqual(['Row ID', 'Order ID', 'Order Date', 'Ship Date']);
    // Returns (Returned, Order ID) and People (Person, Region) name one recognised field each: no table.
    expect(info.tables.map((t) => t.sheet)).toEqual(['Orders']);
    const [orderDate, customerId, sales] = (await host.readColumns(orders!, [2, 5, 17])).map(cellsOf);
    expect(orderDate![0]).toBe(serial1900('2016-11-08'));
    expect(orderDate!.every((value) => typeof value === 'number')).toBe(true);
    expect(customerId![0]).toBe('CG-12520');
    expect(sales![0]).toBeCloseTo(261.96, 6);
    expect(chooseTables(info.tables).sales.source.sheet).toBe('Orders');
  });

  it('keeps the leading space of " Sales" in the financials table of financial_sample.xlsx', async () => {
    const host = await FileWorkbookHost.fromXlsx(
      await readFile(sharedData('financial_sample.xlsx')),
      'financial_sample.xlsx',
    );
    const info = await host.inspect();
    expect(info.tables).toHaveLength(1);
    const table = info.tables[0]!;
    expect(table).toMatchObject({ tableName: 'financials', rowCount: 700 });
    expect(table.headers).toContain(' Sales');
    const [year, date] = (
      await host.readColumns(table, [table.headers.indexOf('Year'), table.headers.indexOf('Date')])
    ).map(cellsOf);
    expect(year![0]).toBe('2014');
    expect(date![0]).toBe(serial1900('2014-01-01'));
  });
});

describe('FileWorkbookHost reading built workbooks', () => {
  it('finds a header row below a title, starting in column B, and trims empty headers and rows', async () => {
    const bytes = await xlsxBytes((workbook) => {
      const sheet = workbook.addWorksheet('Report');
      sheet.getCell('A1').value = 'Sales report 2024';
      sheet.getCell('A2').value = 'Prepared by the office';
      sheet.getRow(4).values = [null, 'Customer ID', 'Order Date', 'Amount'];
      sheet.getRow(5).values = [null, '00042', new Date(Date.UTC(2024, 0, 5)), 100];
      sheet.getRow(6).values = [null, 'C2', new Date(Date.UTC(2024, 0, 6)), { formula: '1+1', result: 2 }];
      sheet.getRow(7).values = [
        null,
        { richText: [{ text: 'C' }, { text: '3' }] },
        '2024-01-07',
        { error: '#N/A' },
      ];
      sheet.getRow(8).values = [
        null,
        { text: 'C4', hyperlink: 'https://example.com' },
        true,
        '=not a formula',
      ];
      // Formatting below the data must not make the table longer.
      sheet.getCell('B12').numFmt = '0.00';
      sheet.getCell('F4').value = null;
    });
    const host = await FileWorkbookHost.fromXlsx(bytes, 'report.xlsx');
    const info = await host.inspect();
    expect(info.tables).toEqual([
      {
        sheet: 'Report',
        tableName: null,
        headerRow: 4,
        firstColumn: 2,
        headers: ['Customer ID', 'Order Date', 'Amount'],
        rowCount: 4,
      },
    ]);
    const columns = await host.readColumns(info.tables[0]!, [0, 1, 2]);
    expect(columns).toEqual([
      ['00042', 'C2', 'C3', 'C4'],
      [serial1900('2024-01-05'), serial1900('2024-01-06'), '2024-01-07', true],
      [100, 2, '#N/A', '=not a formula'],
    ]);
  });

  it('reads a 1904 workbook: the flag, and serials in its own date system', async () => {
    const bytes = await xlsxBytes((workbook) => {
      workbook.properties.date1904 = true;
      const sheet = workbook.addWorksheet('Sales');
      sheet.addRow(['Customer', 'Date', 'Amount']);
      sheet.addRow(['C1', new Date(Date.UTC(2024, 0, 1)), 10]);
    });
    const host = await FileWorkbookHost.fromXlsx(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
      'mac.xlsx',
    );
    const info = await host.inspect();
    expect(info.date1904).toBe(true);
    const [dates] = await host.readColumns(info.tables[0]!, [1]);
    expect(dates).toEqual([serial1900('2024-01-01') - 1462]);
  });

  it('skips sheets without a recognisable header row and reads sheets holding tables only through their tables', async () => {
    const bytes = await xlsxBytes((workbook) => {
      workbook.addWorksheet('Notes').addRow(['Just', 'some', 'notes']);
      const sheet = workbook.addWorksheet('Data');
      sheet.addTable({
        name: 'SalesTable',
        ref: 'C3',
        headerRow: true,
        columns: [{ name: 'Customer ID' }, { name: 'Date' }, { name: 'Amount' }],
        rows: [
          ['A', 45000, 1],
          ['B', 45001, 2],
        ],
      });
    });
    const info = await (await FileWorkbookHost.fromXlsx(bytes, 'book.xlsx')).inspect();
    expect(info.tables).toEqual([
      {
        sheet: 'Data',
        tableName: 'SalesTable',
        headerRow: 3,
        firstColumn: 3,
        headers: ['Customer ID', 'Date', 'Amount'],
        rowCount: 2,
      },
    ]);
  });

  it('finds a CSV header row below a title line', () => {
    const host = FileWorkbookHost.fromCsv(
      'Exported 2024-06-30\n\nCustomer,Date,Amount\nC1,2024-01-01,5\n',
      'export.csv',
    );
    return host.inspect().then((info) => {
      expect(info.tables[0]).toMatchObject({
        headerRow: 3,
        headers: ['Customer', 'Date', 'Amount'],
        rowCount: 1,
      });
    });
  });

  it('refuses files it cannot read with a one-line reason', async () => {
    await expect(readWorkbookFile(sharedData('does-not-exist.csv'))).rejects.toThrow('does not exist');
    await expect(readWorkbookFile(sharedData('README.md'))).rejects.toThrow('use an .xlsx or a .csv file');
    await expect(
      FileWorkbookHost.fromXlsx(new TextEncoder().encode('not a zip'), 'bad.xlsx'),
    ).rejects.toThrow('"bad.xlsx" could not be read as an .xlsx workbook');
  });
});
