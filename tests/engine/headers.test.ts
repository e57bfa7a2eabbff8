import { chooseTables, classifyTable } from '../../src/engine/chooseTables';
import { findHeaderRow, headerScanRows } from '../../src/engine/findHeaderRow';
import { normalizeHeader } from '../../src/engine/headerSynonyms';
import { mapHeaders } from '../../src/engine/mapHeaders';
import type { ColumnMapping, FieldKey, RawCell, SourceTable, TableKind } from '../../src/engine/types';
import { expectAnalysisError } from '../helpers/tables';

describe('mapHeaders: one column per field, in English and Chinese', () => {
  test.each<[string, string[], ColumnMapping]>([
    ['plain English', ['Customer ID', 'Date', 'Amount'], { customerId: 0, date: 1, amount: 2 }],
    ['simplified Chinese', ['客户编号', '销售日期', '金额'], { customerId: 0, date: 1, amount: 2 }],
    ['traditional Chinese', ['客戶編號', '銷售日期', '銷售額'], { customerId: 0, date: 1, amount: 2 }],
    ['Chinese 日期 / 销售额', ['客户编号', '日期', '销售额'], { customerId: 0, date: 1, amount: 2 }],
    [
      'Chinese optional columns',
      ['客户编号', '客户名称', '日期', '金额', '利润', '成本', '订单号', '业务员'],
      { customerId: 0, customerName: 1, date: 2, amount: 3, profit: 4, cost: 5, orderId: 6, rep: 7 },
    ],
    [
      '毛利 is profit, 销售代表 is the rep',
      ['客户编号', '日期', '金额', '毛利', '销售代表'],
      { customerId: 0, date: 1, amount: 2, profit: 3, rep: 4 },
    ],
    [
      'traditional 客戶名稱 / 利潤 / 訂單號 / 業務員',
      ['客戶編號', '客戶名稱', '利潤', '訂單號', '業務員'],
      { customerId: 0, customerName: 1, profit: 2, orderId: 3, rep: 4 },
    ],
    ['stray spaces and case', ['  customer id ', 'DATE', ' aMoUnT  '], { customerId: 0, date: 1, amount: 2 }],
    ['underscores', ['customer_id', 'order_date', 'sales_amount'], { customerId: 0, date: 1, amount: 2 }],
    [
      'CustomerID without a space',
      ['CustomerID', 'InvoiceDate', 'Quantity', 'UnitPrice', 'InvoiceNo'],
      { customerId: 0, date: 1, quantity: 2, unitPrice: 3, orderId: 4 },
    ],
    [
      'full-width letters',
      ['ＣＵＳＴＯＭＥＲ　ＩＤ', 'Ｄａｔｅ', 'Ａｍｏｕｎｔ'],
      { customerId: 0, date: 1, amount: 2 },
    ],
    ['a unit in brackets', ['Customer ID', 'Date', 'Amount (USD)'], { customerId: 0, date: 1, amount: 2 }],
    [
      'a Chinese unit in full-width brackets',
      ['客户编号', '日期', '金额（元）'],
      { customerId: 0, date: 1, amount: 2 },
    ],
    [
      'Superstore: Order Date beats Ship Date',
      ['Row ID', 'Order ID', 'Order Date', 'Ship Date', 'Customer ID', 'Customer Name', 'Sales', 'Profit'],
      { orderId: 1, date: 2, customerId: 4, customerName: 5, amount: 6, profit: 7 },
    ],
    [
      'Order Date beats Date even to its right',
      ['Customer ID', 'Date', 'Order Date', 'Amount'],
      { customerId: 0, date: 2, amount: 3 },
    ],
    ['Amount beats Sales', ['Customer ID', 'Date', 'Sales', 'Amount'], { customerId: 0, date: 1, amount: 3 }],
    [
      'Customer ID beats Customer',
      ['Customer', 'Customer ID', 'Date', 'Amount'],
      { customerId: 1, date: 2, amount: 3 },
    ],
    [
      'same synonym twice: the leftmost wins',
      ['Customer ID', 'Date', 'Amount', 'amount'],
      { customerId: 0, date: 1, amount: 2 },
    ],
    [
      'Financial Sample: " Sales" with a leading space is the amount; no customer column',
      [
        'Segment',
        'Country',
        'Product',
        'Discount Band',
        'Units Sold',
        'Manufacturing Price',
        'Sale Price',
        'Gross Sales',
        'Discounts',
        ' Sales',
        'COGS',
        'Profit',
        'Date',
        'Month Number',
        'Month Name',
        'Year',
      ],
      { product: 2, quantity: 4, unitPrice: 6, amount: 9, cost: 10, profit: 11, date: 12 },
    ],
    ['unknown headers map nothing', ['Foo', 'Bar', '', 'Baz'], {}],
  ])('%s', (_name, headers, expected) => {
    expect(mapHeaders(headers)).toEqual(expected);
  });

  test.each<[string, FieldKey]>([
    ['客户名称', 'customerName'],
    ['客戶名稱', 'customerName'],
    ['订单号', 'orderId'],
    ['訂單號', 'orderId'],
    ['成本', 'cost'],
    ['利润', 'profit'],
    ['毛利', 'profit'],
    ['业务员', 'rep'],
    ['销售代表', 'rep'],
    ['銷售額', 'amount'],
    ['销售日期', 'date'],
    ['客戶編號', 'customerId'],
    ['Visit Date', 'visitDate'],
    ['拜访日期', 'visitDate'],
  ])('%s maps to %s', (header, field) => {
    const mapping = mapHeaders(['Notes', header]);
    expect(mapping[field]).toBe(1);
  });

  test.each([
    ['  Customer_ID ', 'customer id'],
    ['Order-Date', 'order date'],
    ['Amount (USD)', 'amount'],
    ['CUSTOMER   NAME', 'customer name'],
  ])('normalizeHeader(%j) = %j', (header, expected) => {
    expect(normalizeHeader(header)).toBe(expected);
  });
});

describe('findHeaderRow: the row naming the most fields among the first 30', () => {
  const header: RawCell[] = ['Customer ID', 'Date', 'Amount'];
  const data: RawCell[] = ['C1', 45000, 10];
  test.each<[string, RawCell[][], number | null]>([
    ['header on row 1', [header, data], 0],
    ['title and blank row above the header', [['Sales report 2024'], [], header, data], 2],
    ['a title that names one field does not count', [['Date'], [null], header, data], 2],
    [
      'the row naming more fields wins',
      [['Customer', 'Date'], ['Customer ID', 'Date', 'Amount', 'Profit'], data],
      1,
    ],
    ['first row on a tie', [['Customer', 'Date'], ['Client', 'Order Date'], data], 0],
    ['only one recognised field anywhere', [['Customer'], ['C1'], ['C2']], null],
    ['no rows', [], null],
    [
      'header on row 30 is found',
      [...Array.from({ length: headerScanRows - 1 }, () => [null]), header, data],
      headerScanRows - 1,
    ],
    [
      'header on row 31 is beyond the scan',
      [...Array.from({ length: headerScanRows }, () => [null]), header, data],
      null,
    ],
  ])('%s', (_name, rows, expected) => {
    const found = findHeaderRow(rows);
    expect(found?.index ?? null).toBe(expected);
    if (found !== null) expect(found.headers.length).toBe(rows[found.index]!.length);
  });

  test('header cells that are numbers or blanks become text', () => {
    const found = findHeaderRow([[2024, null, 'Customer ID', 'Date', 'Amount']]);
    expect(found).toEqual({ index: 0, headers: ['2024', '', 'Customer ID', 'Date', 'Amount'] });
  });
});

describe('classifyTable: sales, customers, visits or none', () => {
  test.each<[string, TableKind | null, string[]]>([
    ['customer, date, amount', 'sales', ['Customer ID', 'Date', 'Amount']],
    [
      'customer, date, quantity × unit price',
      'sales',
      ['CustomerID', 'InvoiceDate', 'Quantity', 'UnitPrice'],
    ],
    ['Chinese sales', 'sales', ['客户编号', '销售日期', '销售额']],
    ['customer list', 'customers', ['Customer ID', 'Customer Name', 'Region', 'Sales Rep']],
    ['customer ids only', 'customers', ['客户编号']],
    ['visits log with a visit date', 'visits', ['Customer ID', 'Visit Date', 'Sales Rep']],
    ['visits log with a plain date and no amount', 'visits', ['Customer ID', 'Date', 'Sales Rep']],
    ['quantity without a unit price is not an amount', 'visits', ['Customer ID', 'Date', 'Quantity']],
    ['amounts without a date', null, ['Customer ID', 'Amount']],
    ['no customer column', null, ['Date', 'Amount']],
    ['nothing recognised', null, ['Foo', 'Bar']],
  ])('%s → %s', (_name, expected, headers) => {
    expect(classifyTable(mapHeaders(headers))).toBe(expected);
  });
});

function source(
  sheet: string,
  headers: string[],
  rowCount = 10,
  tableName: string | null = null,
): SourceTable {
  return { sheet, tableName, headerRow: 1, firstColumn: 1, headers, rowCount };
}

describe('chooseTables', () => {
  test('picks the sales, customers and visits tables and maps them', () => {
    const chosen = chooseTables([
      source('People', ['Person', 'Region']),
      source('Customers', ['Customer ID', 'Customer Name']),
      source('Orders', ['Order ID', 'Order Date', 'Customer ID', 'Sales']),
      source('Visits', ['Customer ID', 'Date', 'Sales Rep']),
    ]);
    expect(chosen.sales.source.sheet).toBe('Orders');
    expect(chosen.sales.mapping).toEqual({ orderId: 0, date: 1, customerId: 2, amount: 3 });
    expect(chosen.customers?.source.sheet).toBe('Customers');
    expect(chosen.visits?.source.sheet).toBe('Visits');
    // A visits log with a plain "Date" gets it as the visit date.
    expect(chosen.visits?.mapping.visitDate).toBe(1);
  });

  test.each<[string, SourceTable[], string]>([
    [
      'most mapped fields wins',
      [
        source('Small', ['Customer ID', 'Date', 'Amount'], 100),
        source('Rich', ['Customer ID', 'Date', 'Amount', 'Profit'], 5),
      ],
      'Rich',
    ],
    [
      'then most rows',
      [
        source('Few', ['Customer ID', 'Date', 'Amount'], 5),
        source('Many', ['Customer ID', 'Date', 'Amount'], 50),
      ],
      'Many',
    ],
    [
      'then an Excel table before a plain range',
      [
        source('Range', ['Customer ID', 'Date', 'Amount'], 5),
        source('Table', ['Customer ID', 'Date', 'Amount'], 5, 'Sales'),
      ],
      'Table',
    ],
    [
      'then the first',
      [
        source('First', ['Customer ID', 'Date', 'Amount'], 5),
        source('Second', ['Customer ID', 'Date', 'Amount'], 5),
      ],
      'First',
    ],
  ])('among several sales tables, %s', (_name, tables, expected) => {
    expect(chooseTables(tables).sales.source.sheet).toBe(expected);
  });

  test('a user mapping makes an unrecognised table the sales table', () => {
    const chosen = chooseTables([source('Daten', ['Kunde', 'Datum', 'Betrag'])], {
      sales: { customerId: 0, date: 1, amount: 2 },
    });
    expect(chosen.sales.source.sheet).toBe('Daten');
    expect(chosen.sales.mapping).toEqual({ customerId: 0, date: 1, amount: 2 });
  });

  test('a user mapping replaces a recognised field', () => {
    const chosen = chooseTables([source('Orders', ['Customer ID', 'Order Date', 'Ship Date', 'Sales'])], {
      sales: { date: 2 },
    });
    expect(chosen.sales.mapping.date).toBe(2);
  });

  test('no tables at all → NO_TABLES', () => {
    expectAnalysisError(() => chooseTables([]), 'NO_TABLES');
  });

  test('sales data without a customer column → NO_CUSTOMER_COLUMN naming the headers', () => {
    const message = expectAnalysisError(
      () =>
        chooseTables([
          source(
            'Sheet1',
            ['Segment', 'Country', 'Product', 'Units Sold', 'Sale Price', ' Sales', 'COGS', 'Profit', 'Date'],
            700,
            'financials',
          ),
        ]),
      'NO_CUSTOMER_COLUMN',
    );
    for (const header of ['"Segment"', '"Country"', '"Sales"', '"COGS"', '"Date"'])
      expect(message).toContain(header);
    expect(message).toContain('financials');
  });

  test('nothing sales-like → NO_SALES_TABLE naming what was found', () => {
    const message = expectAnalysisError(
      () =>
        chooseTables([
          source('Customers', ['Customer ID', 'Customer Name']),
          source('Notes', ['Topic', 'Text']),
        ]),
      'NO_SALES_TABLE',
    );
    expect(message).toContain('"Customer Name"');
    expect(message).toContain('"Topic"');
  });
});
