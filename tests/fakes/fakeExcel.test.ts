import { buildFakeWorkbook } from './buildFakeWorkbook';
import type { FakeRequestContext } from './FakeRequestContext';
import { installFakeExcel } from './installFakeExcel';

type Batch<T> = (context: FakeRequestContext) => Promise<T>;

function setup(spec: Parameters<typeof buildFakeWorkbook>[0]) {
  const workbook = buildFakeWorkbook(spec);
  const { excel, uninstall } = installFakeExcel(workbook);
  const run = <T>(batch: Batch<T>, options?: { delayForCellEdit?: boolean }): Promise<T> =>
    options === undefined ? excel.run<T>(batch) : excel.run<T>(options, batch);
  return { workbook, run, uninstall };
}

const sales = {
  name: 'Sales',
  table: 'SalesTable',
  rows: [
    ['Customer', 'Date', 'Amount'],
    ['C1', 45000, 10],
    ['C2', 45001, 20],
  ],
};

describe('fake Excel', () => {
  it('refuses to read a property before load + sync, and reads it after', async () => {
    const { run, uninstall } = setup({ sheets: [sales] });
    await run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sales').getRange('A1:C2');
      // Reading before load is exactly what this test checks the fake refuses.
      // eslint-disable-next-line office-addins/load-object-before-read, office-addins/call-sync-before-read
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('values');
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(range.values).toEqual([
        ['Customer', 'Date', 'Amount'],
        ['C1', 45000, 10],
      ]);
    });
    uninstall();
  });

  it('applies queued writes only at sync, in order', async () => {
    const { workbook, run, uninstall } = setup({ sheets: [sales] });
    await run(async (context) => {
      context.workbook.worksheets.getItem('Sales').getRange('E1').values = [['x']];
      expect(workbook.cell('Sales', 'E1').value).toBeNull();
      await context.sync();
      expect(workbook.cell('Sales', 'E1').value).toBe('x');
    });
    uninstall();
  });

  it('turns text beginning with = + - @ into formulas and numeric text into numbers, except in a Text (@) cell', async () => {
    const { workbook, run, uninstall } = setup({ sheets: [{ name: 'S', rows: [['a']] }] });
    await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.getRange('A2:E2').values = [['=SUM(A1)', '+A1', '-2+3', '00042', '-5']];
      const text = sheet.getRange('A3:E3');
      text.numberFormat = [['@', '@', '@', '@', '@']];
      text.values = [['=SUM(A1)', '+A1', '-2+3', '00042', '@cmd']];
      await context.sync();
    });
    expect(workbook.cell('S', 'A2').formula).toBe('=SUM(A1)');
    expect(workbook.cell('S', 'B2').formula).toBe('=+A1');
    expect(workbook.cell('S', 'C2').formula).toBe('=-2+3');
    expect(workbook.cell('S', 'D2').value).toBe(42);
    expect(workbook.cell('S', 'E2').value).toBe(-5);
    expect(workbook.values('S', 'A3:E3')).toEqual([['=SUM(A1)', '+A1', '-2+3', '00042', '@cmd']]);
    for (const address of ['A3', 'B3', 'C3', 'D3', 'E3'])
      expect(workbook.cell('S', address).formula).toBeNull();
    uninstall();
  });

  it('rejects a request over 5 MB before running any of it, and counts payloads', async () => {
    const { workbook, run, uninstall } = setup({ sheets: [{ name: 'S', rows: [['a']] }] });
    const big = Array.from({ length: 60_000 }, () => ['x'.repeat(100)]);
    await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.getRange('B1').values = [['small']];
      sheet.getRange('A1:A60000').values = big;
      await expect(context.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    });
    expect(workbook.cell('S', 'B1').value).toBeNull();
    expect(workbook.stats.syncs).toBe(1);
    expect(workbook.stats.largestRequestBytes).toBeGreaterThan(5 * 1024 * 1024);
    uninstall();
  });

  it('rejects a response over 5 MB', async () => {
    const values = Array.from({ length: 60_000 }, () => 'y'.repeat(100));
    const { run, uninstall } = setup({ sheets: [{ name: 'S', columns: [{ header: 'h', values }] }] });
    await run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1:A60001').load('values');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    });
    uninstall();
  });

  it('refuses writes to a protected sheet with AccessDenied', async () => {
    const { workbook, run, uninstall } = setup({ sheets: [{ ...sales, protected: true }] });
    await run(async (context) => {
      context.workbook.worksheets.getItem('Sales').getRange('E1').values = [['x']];
      await expect(context.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
    });
    expect(workbook.cell('Sales', 'E1').value).toBeNull();
    uninstall();
  });

  it('fails in cell-edit mode unless the run asked to wait for it', async () => {
    const { workbook, run, uninstall } = setup({ sheets: [sales] });
    workbook.cellEditMode = true;
    await expect(run((context) => context.sync())).rejects.toMatchObject({
      code: 'InvalidOperationInCellEditMode',
    });
    await run((context) => context.sync(), { delayForCellEdit: true });
    expect(workbook.delayedRuns).toBe(1);
    uninstall();
  });

  it('injects a failure at the nth sync after applying some commands', async () => {
    const { workbook, run, uninstall } = setup({ sheets: [sales] });
    workbook.failSync(2, 'Conflict', 1);
    await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sales');
      await context.sync();
      sheet.getRange('E1').values = [['first']];
      sheet.getRange('E2').values = [['second']];
      await expect(context.sync()).rejects.toMatchObject({ code: 'Conflict' });
    });
    expect(workbook.values('Sales', 'E1:E2')).toEqual([['first'], [null]]);
    uninstall();
  });

  it('grows a table when a column is added and reports rows and ranges', async () => {
    const { workbook, run, uninstall } = setup({
      sheets: [{ ...sales, cells: { D2: 'beside', D5: 'below' } }],
    });
    await run(async (context) => {
      const table = context.workbook.tables.getItem('SalesTable');
      table.columns.add(null, null, 'Amount');
      const body = table.getDataBodyRange().load('address');
      const rows = table.rows.load('count');
      await context.sync();
      expect(body.address).toBe('Sales!A2:D3');
      expect(rows.count).toBe(2);
    });
    expect(workbook.table('SalesTable').columnIds).toHaveLength(4);
    expect(workbook.cell('Sales', 'D1').value).toBe('Amount2');
    expect(workbook.values('Sales', 'D2:E5')).toEqual([
      [null, 'beside'],
      [null, null],
      [null, null],
      ['below', null],
    ]);
    uninstall();
  });

  it('formats a range cell by cell: each keeps its own style under the new format, and clearing formats removes it', async () => {
    const { workbook, run, uninstall } = setup({ sheets: [sales] });
    const undo = workbook.checkpoint();
    await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sales');
      sheet.getRange('A1:C1').format.font.bold = true;
      sheet.getRange('B1:B3').format.horizontalAlignment = 'Center';
      sheet.getRange('A1:C3').format.verticalAlignment = 'Top';
      sheet.getRange('E5').format.fill.color = '#FFEE00';
      await context.sync();
    });
    expect(workbook.cell('Sales', 'A1').style).toEqual({ bold: true, vertical: 'Top' });
    expect(workbook.cell('Sales', 'B1').style).toEqual({ bold: true, horizontal: 'Center', vertical: 'Top' });
    expect(workbook.cell('Sales', 'B3').style).toEqual({ horizontal: 'Center', vertical: 'Top' });
    expect(workbook.cell('Sales', 'C2').style).toEqual({ vertical: 'Top' });
    // A copy handed out is not the stored style.
    workbook.cell('Sales', 'C3').style.bold = true;
    expect(workbook.cell('Sales', 'C2').style).toEqual({ vertical: 'Top' });
    await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sales');
      sheet.getRange('B2:B3').format.horizontalAlignment = 'Right';
      // E5 has a style only (no value, no number format): clearing formats still removes it.
      sheet.getRange('A3:E5').clear('Formats');
      await context.sync();
    });
    expect(workbook.cell('Sales', 'B2').style).toEqual({ horizontal: 'Right', vertical: 'Top' });
    expect(workbook.cell('Sales', 'B3').style).toEqual({});
    expect(workbook.cell('Sales', 'E5').style).toEqual({});
    expect(workbook.cell('Sales', 'B1').style).toEqual({ bold: true, horizontal: 'Center', vertical: 'Top' });
    undo();
    expect(workbook.cell('Sales', 'B1').style).toEqual({});
    expect(workbook.cell('Sales', 'B2').style).toEqual({});
    uninstall();
  });

  it('holds a million rows of six columns', () => {
    const n = 1_000_000;
    const ids = Array.from({ length: n }, (_, i) => `C${i % 100_000}`);
    const numbers = Array.from({ length: n }, (_, i) => 45000 + (i % 700));
    const workbook = buildFakeWorkbook({
      sheets: [
        {
          name: 'Sales',
          columns: ['Customer', 'Date', 'Amount', 'Profit', 'Order', 'Rep'].map((header, c) => ({
            header,
            values: c === 0 || c === 4 || c === 5 ? ids : numbers,
          })),
        },
      ],
    });
    expect(workbook.usedAddress('Sales')).toBe('Sales!A1:F1000001');
  });
});
