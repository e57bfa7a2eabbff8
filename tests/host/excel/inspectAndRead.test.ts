import { openFakeWorkbook } from './excelHostFixture';

const salesHeader = ['Customer ID', 'Order Date', 'Sales'];

describe('ExcelWorkbookHost.inspect', () => {
  it('reports Excel tables first, then plain ranges under a header row, also beside a table (its cells excluded)', async () => {
    const { host, close } = openFakeWorkbook({
      sheets: [
        {
          name: 'Notes',
          rows: [
            ['Sales report 2024'],
            [],
            ['Customer', 'Date', 'Amount'],
            ['C1', 45000, 5],
            ['C2', 45001, 7],
          ],
          origin: 'B1',
        },
        {
          name: 'Orders',
          table: 'Orders',
          rows: [salesHeader, ['C1', 45000, 10]],
          cells: { H1: 'Customer', I1: 'Amount', H2: 'C9', I2: 3, H3: 'C8', I3: 4 },
        },
        { name: 'Blank', rows: [['just text'], ['more text']] },
      ],
    });
    const info = await host.inspect();
    expect(info.tables).toEqual([
      {
        sheet: 'Orders',
        tableName: 'Orders',
        headerRow: 1,
        firstColumn: 1,
        headers: salesHeader,
        rowCount: 1,
      },
      {
        sheet: 'Notes',
        tableName: null,
        headerRow: 3,
        firstColumn: 2,
        headers: ['Customer', 'Date', 'Amount'],
        rowCount: 2,
      },
      {
        sheet: 'Orders',
        tableName: null,
        headerRow: 1,
        firstColumn: 8,
        headers: ['Customer', 'Amount'],
        rowCount: 2,
      },
    ]);
    expect(info.date1904).toBe(false);
    expect(info.savedSettings).toBeNull();
    close();
  });

  it('reports the 1904 date system', async () => {
    const { host, close } = openFakeWorkbook({
      sheets: [{ name: 'S', rows: [salesHeader] }],
      date1904: true,
    });
    expect((await host.inspect()).date1904).toBe(true);
    close();
  });
});

describe('ExcelWorkbookHost.readColumns', () => {
  const n = 12_345;
  const ids = Array.from({ length: n }, (_, i) => (i % 10 === 0 ? null : `C${String(i).padStart(5, '0')}`));
  const dates = Array.from({ length: n }, (_, i) => 45000 + (i % 365));
  const amounts = Array.from({ length: n }, (_, i) => i / 4);
  const spec = {
    sheets: [
      {
        name: 'Sales',
        origin: 'B3',
        columns: [
          { header: 'Customer ID', values: ids },
          { header: 'Unused', values: amounts.map((a) => `note ${a}`) },
          { header: 'Order Date', values: dates },
          { header: 'Sales', values: amounts },
        ],
      },
    ],
  };

  it('reads only the wanted columns, in the order asked, one sync per chunk of 5,000 rows', async () => {
    const { host, workbook, close } = openFakeWorkbook(spec);
    const [table] = (await host.inspect()).tables;
    workbook.resetStats();
    const seen: number[] = [];
    const columns = await host.readColumns(table!, [3, 0, 2], (done) => seen.push(done));
    expect(columns[0]).toEqual(amounts);
    expect(columns[1]).toEqual(ids);
    expect(columns[2]).toEqual(dates);
    expect(workbook.stats.syncs).toBe(Math.ceil(n / 5000));
    expect(seen).toEqual([0, 5000, 10000, n]);
    close();
  });

  it('halves the chunk and retries when Excel reports a response over its payload limit', async () => {
    const big = Array.from({ length: 60_000 }, (_, i) => `${'x'.repeat(120)}${i}`);
    const { host, workbook, close } = openFakeWorkbook(
      {
        sheets: [
          {
            name: 'S',
            columns: [
              { header: 'Customer ID', values: big },
              { header: 'Amount', values: big.map((_, i) => i) },
            ],
          },
        ],
      },
      { readChunkRows: 60_000 },
    );
    const [table] = (await host.inspect()).tables;
    workbook.resetStats();
    const [read] = await host.readColumns(table!, [0]);
    expect(read).toEqual(big);
    const failed = workbook.stats.log.filter((s) => s.failed === 'ResponsePayloadSizeLimitExceeded');
    expect(failed.length).toBeGreaterThan(0);
    expect(
      workbook.stats.log.filter((s) => s.failed === null).every((s) => s.responseBytes <= 5 * 1024 * 1024),
    ).toBe(true);
    close();
  });
});
