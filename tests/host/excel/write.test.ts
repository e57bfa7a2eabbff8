import { Workbook } from 'exceljs';
import type { SheetSpec } from '../../../src/engine/sheetSpec';
import type { SourceTable } from '../../../src/engine/types';
import { renderSheetSpec } from '../../../src/host/file/renderSheetSpec';
import { ExcelHostError } from '../../../src/host/excel/ExcelHostError';
import { FakeCells } from '../../fakes/FakeCells';
import { customerColumns, customersRows, openFakeWorkbook, paretoSheet, planFor } from './excelHostFixture';

const tableSpec = {
  sheets: [{ name: 'Customers', table: 'CustomerTable', rows: customersRows, cells: { F2: 'my note' } }],
};
const plainSpec = {
  sheets: [
    {
      name: 'Customers',
      rows: customersRows,
      origin: 'A3',
      cells: { A1: 'Customer list', G8: 'user cell far right' },
    },
  ],
};

async function customersTable(host: { inspect(): Promise<{ tables: SourceTable[] }> }): Promise<SourceTable> {
  const table = (await host.inspect()).tables.find((t) => t.sheet === 'Customers');
  if (table === undefined) throw new Error('customers table not found');
  return table;
}

/** A long summary table: a bold header, a centred column (bold in rows 1000–1999) and a wrapped one. */
function longList(rows: number): SheetSpec {
  return {
    ...paretoSheet('Long list'),
    cells: [
      [
        { value: 'Customer', bold: true, fill: '#DDEEFF' },
        { value: 'Tier', bold: true },
        { value: 'Detail', bold: true },
      ],
      ...Array.from({ length: rows }, (_, i) => [
        { value: `C${i}` },
        // Centred throughout; rows 1000–1999 also bold: three blocks in this column.
        { value: i % 6, center: true, ...(i >= 1000 && i < 2000 ? { bold: true } : {}) },
        { value: 'x', wrap: true },
      ]),
    ],
    charts: [],
    colorScales: [],
  };
}

describe('ExcelWorkbookHost.write into an Excel table', () => {
  it('adds our columns with table.columns.add: text as text, ids untouched, dates as serials with a date format', async () => {
    const { host, workbook, close } = openFakeWorkbook(tableSpec);
    const table = await customersTable(host);
    const summary = await host.write(planFor(table));
    expect(summary.columnHeaders).toEqual(['SVCD segment', 'Next visit due', 'Revenue', 'RFM segment']);
    expect(summary.location).toBe('Customers');
    const model = workbook.table('CustomerTable');
    expect(model.columnIds).toHaveLength(7);
    expect(workbook.values('Customers', 'D1:G5')).toEqual([
      ['SVCD segment', 'Next visit due', 'Revenue', 'RFM segment'],
      ['Star', 45000, 100.5, '=cmd|x'],
      ['Cow', 45001, 20, '+1'],
      ['Dog', 45002, 0, '-1'],
      [null, null, 0, '@me'],
    ]);
    for (const address of ['G2', 'G3', 'G4', 'G5']) {
      expect(workbook.cell('Customers', address)).toMatchObject({ formula: null, numberFormat: '@' });
    }
    expect(workbook.cell('Customers', 'E2').numberFormat).toBe('yyyy-mm-dd');
    expect(workbook.cell('Customers', 'F2').numberFormat).toBe('#,##0.00');
    expect(workbook.values('Customers', 'A2:B5')).toEqual(customersRows.slice(1).map((r) => r.slice(0, 2)));
    // A cell beside the table moves right as the table grows (Excel inserts table columns).
    expect(workbook.cell('Customers', 'J2').value).toBe('my note');
    close();
  });

  it('writes dates 1,462 days smaller in a 1904 workbook', async () => {
    const { host, workbook, close } = openFakeWorkbook({ ...tableSpec, date1904: true });
    await host.write(planFor(await customersTable(host)));
    expect(workbook.values('Customers', 'E2:E4')).toEqual([[45000 - 1462], [45001 - 1462], [45002 - 1462]]);
    close();
  });

  it('gives our column a suffixed name when the user has a column with the same header, and leaves theirs alone', async () => {
    const rows = customersRows.map((row, i) => [...row, i === 0 ? 'SVCD segment' : `user ${i}`]);
    const { host, workbook, close } = openFakeWorkbook({
      sheets: [{ name: 'Customers', table: 'CustomerTable', rows }],
    });
    const summary = await host.write(planFor(await customersTable(host)));
    expect(summary.columnHeaders[0]).toBe('SVCD segment (2)');
    expect(workbook.values('Customers', 'D1:E2')).toEqual([
      ['SVCD segment', 'SVCD segment (2)'],
      ['user 1', 'Star'],
    ]);
    // A second run still tells the user's column from ours by the marker, not by the header.
    await host.write(planFor(await customersTable(host), 1));
    expect(workbook.values('Customers', 'D1:E4')).toEqual([
      ['SVCD segment', 'SVCD segment (2)'],
      ['user 1', 'Star'],
      ['user 2', 'Cow'],
      ['user 3', 'Volcano'],
    ]);
    expect(workbook.table('CustomerTable').columnIds).toHaveLength(8);
    close();
  });

  it('updates its own columns in place on a re-run: no duplicate columns, new values', async () => {
    const { host, workbook, close } = openFakeWorkbook(tableSpec);
    await host.write(planFor(await customersTable(host)));
    const inspected = await customersTable(host);
    expect(inspected.headers).toEqual(['Customer ID', 'Customer name', 'Region']);
    await host.write(planFor(inspected, 1));
    expect(workbook.table('CustomerTable').columnIds).toHaveLength(7);
    expect(workbook.values('Customers', 'D1:F4')).toEqual([
      ['SVCD segment', 'Next visit due', 'Revenue'],
      ['Star', 45000, 100.5],
      ['Cow', 45002, 21],
      ['Volcano', 45002, 0],
    ]);
    expect(workbook.sheets.filter((s) => s.name.startsWith('ABC Pareto'))).toHaveLength(1);
    close();
  });

  it('refuses a protected sheet with a clear sentence and writes nothing', async () => {
    const { host, workbook, close } = openFakeWorkbook({
      sheets: [{ ...tableSpec.sheets[0]!, protected: true }],
    });
    const table = await customersTable(host);
    const before = workbook.picture();
    const error: unknown = await host.write(planFor(table)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelHostError);
    expect((error as ExcelHostError).code).toBe('PROTECTED');
    expect((error as Error).message).toMatch(
      /Sheet "Customers" is protected.*Unprotect.*Nothing was changed/,
    );
    expect(workbook.picture()).toEqual(before);
    close();
  });

  it('refuses a read-only workbook with a clear sentence', async () => {
    const { host, workbook, close } = openFakeWorkbook(tableSpec);
    const table = await customersTable(host);
    workbook.readOnly = true;
    await expect(host.write(planFor(table))).rejects.toThrow(/read-only/);
    close();
  });

  it('waits for cell-edit mode to end instead of failing (delayForCellEdit)', async () => {
    const { host, workbook, close } = openFakeWorkbook(tableSpec);
    const table = await customersTable(host);
    workbook.cellEditMode = true;
    await host.write(planFor(table));
    expect(workbook.delayedRuns).toBe(1);
    expect(workbook.cell('Customers', 'D2').value).toBe('Star');
    close();
  });

  it('writes with events disabled and screen updating and calculation suspended', async () => {
    const { host, workbook, close } = openFakeWorkbook(tableSpec);
    const table = await customersTable(host);
    workbook.resetStats();
    await host.write(planFor(table));
    const writing = workbook.stats.log.filter((s) => s.cellsWritten > 0);
    expect(writing.length).toBeGreaterThan(2);
    expect(writing.every((s) => s.cellsWrittenWithEventsEnabled === 0)).toBe(true);
    expect(
      writing.filter((s) => s.screenUpdatingSuspended && s.calculationSuspended).length,
    ).toBeGreaterThanOrEqual(writing.length - 2);
    expect(workbook.eventsEnabled).toBe(true);
    close();
  });
});

describe('ExcelWorkbookHost.write into a plain range', () => {
  it('puts our columns to the right of the used range and never into cells it did not create', async () => {
    const { host, workbook, close } = openFakeWorkbook(plainSpec);
    const table = await customersTable(host);
    expect(table).toMatchObject({ headerRow: 3, firstColumn: 1, rowCount: 4 });
    const userCells = workbook.values('Customers', 'A1:G8');
    await host.write(planFor(table));
    expect(workbook.values('Customers', 'A1:G8')).toEqual(userCells);
    expect(workbook.values('Customers', 'H3:K4')).toEqual([
      ['SVCD segment', 'Next visit due', 'Revenue', 'RFM segment'],
      ['Star', 45000, 100.5, '=cmd|x'],
    ]);
    expect(workbook.cell('Customers', 'K5').formula).toBeNull();
    await host.write(planFor(await customersTable(host), 1));
    expect(workbook.values('Customers', 'H3:L5')).toEqual([
      ['SVCD segment', 'Next visit due', 'Revenue', 'RFM segment', null],
      ['Star', 45000, 100.5, '=cmd|x', null],
      ['Cow', 45002, 21, '+1', null],
    ]);
    expect(workbook.values('Customers', 'A1:G8')).toEqual(userCells);
    close();
  });

  it("treats a user header equal to ours as the user's (suffix), since it carries no marker", async () => {
    const rows = customersRows.map((row, i) => [...row, i === 0 ? 'Revenue' : i]);
    const { host, workbook, close } = openFakeWorkbook({ sheets: [{ name: 'Customers', rows }] });
    const summary = await host.write(planFor(await customersTable(host)));
    expect(summary.columnHeaders[2]).toBe('Revenue (2)');
    expect(workbook.values('Customers', 'D1:D3')).toEqual([['Revenue'], [1], [2]]);
    close();
  });
});

describe('ExcelWorkbookHost.write summary sheets', () => {
  it('sets the page up as the file host does: A4, one page wide, breaks before charts, print area', async () => {
    const { host, workbook, close } = openFakeWorkbook(tableSpec);
    const spec = { ...paretoSheet(), print: { landscape: true, breaksBefore: [0, 3], lastRow: 2 } };
    await host.write(planFor(await customersTable(host), 0, [spec, paretoSheet('Portrait sheet')]));
    expect(workbook.sheet('ABC Pareto').pageLayout).toEqual({
      orientation: 'Landscape',
      paperSize: 'A4',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printArea: "'ABC Pareto'!A1:C3",
      rowBreaks: [3],
    });
    // A spec without page setup leaves Excel's defaults.
    expect(workbook.sheet('Portrait sheet').pageLayout).toMatchObject({
      zoom: { scale: 100 },
      printArea: null,
    });
    close();
  });

  it('renders native charts, a colour scale, a frozen header and widths; text stays text', async () => {
    const { host, workbook, close } = openFakeWorkbook(tableSpec);
    await host.write(planFor(await customersTable(host)));
    const sheet = workbook.sheet('ABC Pareto');
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.cells.columnWidths.get(0)).toBeGreaterThan(sheet.cells.columnWidths.get(1)!);
    expect(sheet.conditionalFormats).toEqual([
      expect.objectContaining({ type: 'ColorScale', block: { row0: 1, col0: 1, row1: 2, col1: 1 } }),
    ]);
    const [chart] = sheet.charts;
    expect(chart).toMatchObject({ type: 'ColumnClustered', title: 'Pareto', valueAxisFormat: '#,##0.00' });
    expect(chart!.series).toEqual([
      expect.objectContaining({
        name: 'Revenue',
        values: "'ABC Pareto'!B2:B3",
        xValues: "'ABC Pareto'!A2:A3",
        axisGroup: 'Primary',
        color: '#4472C4',
      }),
      expect.objectContaining({
        name: 'Cumulative %',
        values: "'ABC Pareto'!C2:C3",
        chartType: 'Line',
        axisGroup: 'Secondary',
      }),
    ]);
    expect(workbook.cell('ABC Pareto', 'A2')).toMatchObject({ value: '00042', numberFormat: '@' });
    expect(workbook.cell('ABC Pareto', 'A3')).toMatchObject({ value: '=evil()', formula: null });
    expect(workbook.cell('ABC Pareto', 'A1').style).toEqual({ bold: true, fill: '#DDEEFF' });
    expect(workbook.cell('ABC Pareto', 'B4')).toMatchObject({ value: 45000, numberFormat: 'yyyy-mm-dd' });
    close();
  });

  it('centres a cell the spec centres, as the file host does', async () => {
    const { host, workbook, close } = openFakeWorkbook(tableSpec);
    const spec = paretoSheet();
    spec.cells[3] = [{ value: 427, format: 'integer', center: true }, { value: 'Overdue' }];
    await host.write(planFor(await customersTable(host), 0, [spec]));
    expect(workbook.cell('ABC Pareto', 'A4').style).toEqual({ horizontal: 'Center' });
    expect(workbook.cell('ABC Pareto', 'B4').style).toEqual({});
    const file = new Workbook();
    renderSheetSpec(file.addWorksheet('x'), spec, false);
    expect(file.getWorksheet('x')!.getCell('A4').alignment).toEqual({ horizontal: 'center' });
    expect(file.getWorksheet('x')!.getCell('B4').alignment).toBeUndefined();
    close();
  });

  it('formats a long table by blocks of equal style, not row by row, and every cell as the spec says', async () => {
    const { host, workbook, close } = openFakeWorkbook(tableSpec);
    const rows = 3_000;
    const spec = longList(rows);
    await host.write(planFor(await customersTable(host), 0, [spec]));
    const formatCommands = workbook.stats.log.reduce((n, s) => n + s.ops, 0);
    // Every command of the run, cells and charts included: the header's two style runs, column B's three
    // blocks and column C's one take a handful (one per style property); row by row they took thousands.
    expect(formatCommands).toBeLessThan(200);
    expect(workbook.cell('Long list', 'A1').style).toEqual({ bold: true, fill: '#DDEEFF' });
    expect(workbook.cell('Long list', 'C1').style).toEqual({ bold: true });
    expect(workbook.cell('Long list', 'A2').style).toEqual({});
    expect(workbook.cell('Long list', 'B2').style).toEqual({ horizontal: 'Center' });
    expect(workbook.cell('Long list', 'B1001').style).toEqual({ horizontal: 'Center' });
    expect(workbook.cell('Long list', 'B1002').style).toEqual({ bold: true, horizontal: 'Center' });
    expect(workbook.cell('Long list', 'B2001').style).toEqual({ bold: true, horizontal: 'Center' });
    expect(workbook.cell('Long list', 'B2002').style).toEqual({ horizontal: 'Center' });
    expect(workbook.cell('Long list', `C${rows + 1}`).style).toEqual({ wrap: true });
    expect(workbook.cell('Long list', `C${rows + 2}`).style).toEqual({});
    close();
  });

  it('styles a long table by the same blocks however many requests its cells take', async () => {
    const styledWith = async (writeBudgetBytes?: number): Promise<{ styles: string; syncs: number }> => {
      const { host, workbook, close } = openFakeWorkbook(
        tableSpec,
        writeBudgetBytes === undefined ? {} : { writeBudgetBytes },
      );
      const styled = jest.spyOn(FakeCells.prototype, 'setBlockStyle');
      try {
        await host.write(planFor(await customersTable(host), 0, [longList(3_000)]));
        return { styles: JSON.stringify(styled.mock.calls), syncs: workbook.stats.syncs };
      } finally {
        styled.mockRestore();
        close();
      }
    };
    const oneRequest = await styledWith();
    const manyRequests = await styledWith(4096);
    expect(manyRequests.syncs).toBeGreaterThan(oneRequest.syncs + 10);
    expect(manyRequests.styles).toBe(oneRequest.styles);
  });

  it('rebuilds its own sheet on every run and leaves a user sheet of the same name alone', async () => {
    const { host, workbook, close } = openFakeWorkbook({
      sheets: [...tableSpec.sheets, { name: 'ABC Pareto', rows: [['mine']] }],
    });
    const first = await host.write(planFor(await customersTable(host)));
    expect(first.sheetNames).toEqual(['ABC Pareto (2)']);
    await host.write(planFor(await customersTable(host), 7));
    expect(workbook.values('ABC Pareto', 'A1')).toEqual([['mine']]);
    expect(workbook.values('ABC Pareto (2)', 'B2')).toEqual([[107]]);
    expect(workbook.sheets.filter((s) => s.visibility === 'Visible').map((s) => s.name)).toEqual([
      'Customers',
      'ABC Pareto',
      'ABC Pareto (2)',
    ]);
    expect(workbook.sheet('ABC Pareto (2)').charts).toHaveLength(1);
    close();
  });

  it('builds a customers sheet from sales when the workbook has no customers table', async () => {
    const { host, workbook, close } = openFakeWorkbook({
      sheets: [{ name: 'Sales', rows: [['Customer', 'Date', 'Amount']] }],
    });
    const summary = await host.write({
      customers: {
        kind: 'new',
        sheetName: 'Customers (analysis)',
        baseColumns: [
          { key: 'id', header: 'Customer ID', format: 'text', values: ['00042', 'C2', 'C3', 'C4'] },
        ],
      },
      columns: customerColumns(),
      sheets: [paretoSheet()],
      settings: planFor({} as SourceTable).settings,
    });
    expect(summary.location).toBe('Customers (analysis)');
    expect(workbook.values('Customers (analysis)', 'A1:C2')).toEqual([
      ['Customer ID', 'SVCD segment', 'Next visit due'],
      ['00042', 'Star', 45000],
    ]);
    expect(workbook.sheet('Customers (analysis)').frozenRows).toBe(1);
    // An Excel-style list with filter buttons over the header and every customer row.
    expect(workbook.sheet('Customers (analysis)').autoFilter).toBe("'Customers (analysis)'!A1:E5");
    close();
  });
});
