import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Workbook, ValueType } from 'exceljs';
import JSZip from 'jszip';
import { defaultSettings } from '../../../src/engine/defaultSettings';
import type { CellSpec, ColumnSpec, SheetSpec } from '../../../src/engine/sheetSpec';
import type { SourceTable } from '../../../src/engine/types';
import { FileWorkbookHost } from '../../../src/host/file/FileWorkbookHost';
import { runRecord } from '../../../src/host/runRecord';
import type { WritePlan } from '../../../src/host/WorkbookHost';
import {
  describeWithLibreOffice,
  readXlsxWithLibreOffice,
  resaveXlsxWithLibreOffice,
} from '../../helpers/libreoffice';

const formulaLike = ['=HYPERLINK("http://x","y")', '+SUM(A1)', '-2+3', '@cmd'];

async function customersWorkbook(
  options: { asTable?: boolean; date1904?: boolean } = {},
): Promise<Uint8Array> {
  const workbook = new Workbook();
  workbook.properties.date1904 = options.date1904 === true;
  const sheet = workbook.addWorksheet('Customers');
  const headers = ['Customer ID', 'Customer Name', 'Revenue', 'Region'];
  const rows = [
    ['00042', formulaLike[0], 10, 'North'],
    ['C2', 'Plain Ltd', 20, 'South'],
    ['00107', formulaLike[3], 30, 'East'],
  ];
  if (options.asTable === true) {
    sheet.addTable({
      name: 'CustomerTable',
      ref: 'A1',
      headerRow: true,
      columns: headers.map((name) => ({ name })),
      rows,
    });
  } else {
    sheet.addRow(headers);
    rows.forEach((row) => sheet.addRow(row));
  }
  // A user note right of the table, with no header: our columns must not overwrite it.
  if (options.asTable !== true) sheet.getCell('F3').value = 'call back';
  const sales = workbook.addWorksheet('Sales');
  sales.addRow(['Customer ID', 'Order Date', 'Amount']);
  sales.addRow(['00042', 45292, 10]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function columnsFor(rowCount: number): ColumnSpec[] {
  const pick = <T>(values: T[]): T[] => values.slice(0, rowCount);
  return [
    {
      key: 'svcd',
      header: 'SVCD segment',
      format: 'text',
      values: pick([formulaLike[1]!, 'Star', formulaLike[2]!]),
    },
    { key: 'revenue', header: 'Revenue', format: 'money', values: pick([100.5, -2, 0]) },
    { key: 'nextVisitDue', header: 'Next visit due', format: 'date', values: pick([45292, null, 45300]) },
  ];
}

function text(value: string, extra: Partial<CellSpec> = {}): CellSpec {
  return { value, ...extra };
}

function pyramidSheet(): SheetSpec {
  const tiers = ['Most profitable', 'Profitable', 'Marginal', 'Break-even', 'Loss-making'];
  const cells: CellSpec[][] = [
    [text('Customer pyramid', { bold: true, size: 14 })],
    [
      text('Tier', { bold: true, fill: '#DDEBF7' }),
      text('Customers', { bold: true }),
      text('Cumulative share', { bold: true }),
    ],
    ...tiers.map((tier, i) => [
      text(tier),
      { value: (i + 1) * 10, format: 'integer' as const },
      { value: (i + 1) / 5, format: 'percent' as const },
    ]),
    formulaLike.map((value) => text(value, { wrap: true })),
  ];
  return {
    key: 'pyramid',
    name: 'Pyramid',
    cells,
    columnWidths: [22, 12, 16],
    frozenRows: 2,
    colorScales: [
      {
        range: { firstRow: 2, firstColumn: 1, lastRow: 6, lastColumn: 1 },
        minColor: '#F8696B',
        midColor: '#FFEB84',
        maxColor: '#63BE7B',
      },
    ],
    charts: [
      {
        type: 'bar',
        title: 'Customers by tier',
        categories: { firstRow: 2, firstColumn: 0, lastRow: 6, lastColumn: 0 },
        series: [
          {
            name: 'Customers',
            values: { firstRow: 2, firstColumn: 1, lastRow: 6, lastColumn: 1 },
            color: '#2F5597',
          },
        ],
        anchor: { row: 1, column: 4, widthColumns: 8, heightRows: 15 },
        reverseCategories: true,
        valueFormat: 'integer',
      },
      {
        type: 'column',
        title: 'Pareto',
        categories: { firstRow: 2, firstColumn: 0, lastRow: 6, lastColumn: 0 },
        series: [
          { name: 'Customers', values: { firstRow: 2, firstColumn: 1, lastRow: 6, lastColumn: 1 } },
          {
            name: 'Cumulative share',
            values: { firstRow: 2, firstColumn: 2, lastRow: 6, lastColumn: 2 },
            type: 'line',
            secondaryAxis: true,
            color: '#C00000',
          },
        ],
        anchor: { row: 18, column: 4, widthColumns: 8, heightRows: 15 },
      },
    ],
  };
}

function planFor(table: SourceTable): WritePlan {
  return {
    customers: { kind: 'existing', table },
    columns: columnsFor(table.rowCount),
    sheets: [
      pyramidSheet(),
      {
        key: 'dataIssues',
        name: 'Data issues',
        cells: [[text('No issues')]],
        columnWidths: [],
        frozenRows: 0,
        charts: [],
        colorScales: [],
      },
    ],
    settings: { ...defaultSettings(), abcCut: 0.8 },
  };
}

async function readBack(bytes: Uint8Array): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook;
}

const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'file-host-write-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('FileWorkbookHost.write', () => {
  it('appends our columns beside the customers range, suffixing a clashing header, text kept as text', async () => {
    const input = await customersWorkbook();
    const inputHash = sha(input);
    const host = await FileWorkbookHost.fromXlsx(input, 'book.xlsx');
    const info = await host.inspect();
    const customers = info.tables.find((t) => t.sheet === 'Customers')!;
    const summary = await host.write(planFor(customers));
    expect(summary.columnHeaders).toEqual(['SVCD segment', 'Revenue (2)', 'Next visit due']);
    expect(summary.sheetNames).toEqual(['Pyramid', 'Data issues']);
    expect(summary.location).toBe('Customers');
    const output = await host.toBuffer();
    expect(sha(input)).toBe(inputHash);

    const workbook = await readBack(output);
    const sheet = workbook.getWorksheet('Customers')!;
    // Column F holds the user's note on row 3, so our three columns start at G.
    expect(sheet.getCell('F3').value).toBe('call back');
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Customer ID',
      'Customer Name',
      'Revenue',
      'Region',
      undefined,
      undefined,
      'SVCD segment',
      'Revenue (2)',
      'Next visit due',
    ]);
    expect(sheet.getCell('A2').value).toBe('00042');
    expect(sheet.getCell('B2').value).toBe(formulaLike[0]);
    expect(sheet.getCell('B2').type).toBe(ValueType.String);
    expect(sheet.getCell('G2').value).toBe('+SUM(A1)');
    expect(sheet.getCell('G2').type).toBe(ValueType.String);
    expect(sheet.getCell('G4').value).toBe('-2+3');
    expect(sheet.getCell('G4').type).toBe(ValueType.String);
    expect(sheet.getCell('H2').value).toBe(100.5);
    expect(sheet.getCell('H2').numFmt).toBe('#,##0.00');
    expect(sheet.getCell('I2').numFmt).toBe('yyyy-mm-dd');
    expect((sheet.getCell('I2').value as Date).toISOString()).toBe('2024-01-01T00:00:00.000Z');
    expect(sheet.getCell('I3').value).toBeNull();

    const pyramid = workbook.getWorksheet('Pyramid')!;
    expect(pyramid.getCell('A1').font.bold).toBe(true);
    expect(pyramid.getCell('A1').font.size).toBe(14);
    expect(pyramid.getCell('A2').fill).toMatchObject({
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: 'FFDDEBF7' },
    });
    expect(pyramid.getCell('C3').numFmt).toBe('0.0%');
    expect(pyramid.getColumn(1).width).toBe(22);
    expect(pyramid.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(pyramid.getCell('D8').value).toBe('@cmd');
    expect(pyramid.getCell('D8').alignment.wrapText).toBe(true);
    expect(workbook.getWorksheet(runRecord.sheetName)!.state).toBe('veryHidden');
  });

  it('writes native charts as well-formed DrawingML parts wired to the sheet', async () => {
    const host = await FileWorkbookHost.fromXlsx(await customersWorkbook(), 'book.xlsx');
    const customers = (await host.inspect()).tables.find((t) => t.sheet === 'Customers')!;
    await host.write(planFor(customers));
    const zip = await JSZip.loadAsync(await host.toBuffer());
    const parts = Object.keys(zip.files);
    expect(parts).toEqual(
      expect.arrayContaining([
        'xl/charts/chart1.xml',
        'xl/charts/chart2.xml',
        'xl/drawings/drawing1.xml',
        'xl/drawings/_rels/drawing1.xml.rels',
      ]),
    );
    const contentTypes = await zip.file('[Content_Types].xml')!.async('string');
    expect(contentTypes).toContain('PartName="/xl/charts/chart1.xml"');
    expect(contentTypes).toContain('PartName="/xl/drawings/drawing1.xml"');

    const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
    const relsXml = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    const rId = /<sheet [^>]*name="Pyramid"[^>]*r:id="(rId\d+)"/.exec(workbookXml)![1]!;
    const target = new RegExp(`Id="${rId}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rId}"`).exec(
      relsXml,
    )!;
    const sheetPath = `xl/${(target[1] ?? target[2])!.replace(/^\/?xl\//, '')}`;
    const sheetXml = await zip.file(sheetPath)!.async('string');
    const sheetRels = await zip.file(sheetPath.replace(/([^/]+)$/, '_rels/$1.rels'))!.async('string');
    const drawingId = /<drawing r:id="(rId\d+)"\/>/.exec(sheetXml)![1]!;
    expect(sheetRels).toMatch(new RegExp(`Id="${drawingId}"[^>]*Target="../drawings/drawing1.xml"`));
    // The drawing element sits before the conditional-format extension list and table parts, as the schema orders them.
    expect(sheetXml.indexOf('<drawing')).toBeGreaterThan(sheetXml.indexOf('</sheetData>'));

    const bar = await zip.file('xl/charts/chart1.xml')!.async('string');
    expect(bar).toContain('<c:barDir val="bar"/>');
    expect(bar).toContain('<c:orientation val="maxMin"/>');
    expect(bar).toContain('<a:t>Customers by tier</a:t>');
    expect(bar).toContain('<c:f>&apos;Pyramid&apos;!$A$3:$A$7</c:f>');
    expect(bar).toContain('<a:srgbClr val="2F5597"/>');
    expect(bar).toContain('<c:pt idx="0"><c:v>Most profitable</c:v></c:pt>');
    const pareto = await zip.file('xl/charts/chart2.xml')!.async('string');
    expect(pareto).toContain('<c:barDir val="col"/>');
    expect(pareto).toMatch(/<c:lineChart>.*<c:axId val="50030"\/><c:axId val="50040"\/><\/c:lineChart>/);
    expect(pareto).toMatch(/<c:valAx><c:axId val="50040"\/>.*<c:axPos val="r"\/>.*<c:crosses val="max"\/>/);

    const partsFolder = await mkdtemp(path.join(folder, 'parts-'));
    for (const part of [
      sheetPath,
      'xl/charts/chart1.xml',
      'xl/charts/chart2.xml',
      'xl/drawings/drawing1.xml',
      'xl/drawings/_rels/drawing1.xml.rels',
      '[Content_Types].xml',
    ]) {
      const file = path.join(partsFolder, part.replace(/[[\]/]/g, '_'));
      await writeFile(file, await zip.file(part)!.async('string'));
      expect(() => execFileSync('xmllint', ['--noout', file], { stdio: 'pipe' })).not.toThrow();
    }
  });

  it('re-runs in place: its own sheets and columns are not read as data, are replaced, and settings come back', async () => {
    const first = await FileWorkbookHost.fromXlsx(await customersWorkbook(), 'book.xlsx');
    const customers = (await first.inspect()).tables.find((t) => t.sheet === 'Customers')!;
    const plan = planFor(customers);
    await first.write(plan);
    // The web page re-runs on the same host as thresholds change: still one set of sheets and columns.
    const sameHost = await first.write(planFor((await first.inspect()).tables[0]!));
    expect(sameHost.columnHeaders).toEqual(['SVCD segment', 'Revenue (2)', 'Next visit due']);
    expect(sameHost.sheetNames).toEqual(['Pyramid', 'Data issues']);
    const once = await first.toBuffer();

    const second = await FileWorkbookHost.fromXlsx(once, 'book.xlsx');
    const info = await second.inspect();
    expect(info.savedSettings).toEqual(plan.settings);
    expect(info.tables.map((t) => t.sheet)).toEqual(['Customers', 'Sales']);
    expect(info.tables[0]!.headers).toEqual(['Customer ID', 'Customer Name', 'Revenue', 'Region']);
    const again = await second.write(planFor(info.tables[0]!));
    expect(again.columnHeaders).toEqual(['SVCD segment', 'Revenue (2)', 'Next visit due']);
    expect(again.sheetNames).toEqual(['Pyramid', 'Data issues']);
    const workbook = await readBack(await second.toBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Customers',
      'Sales',
      'Pyramid',
      'Data issues',
      runRecord.sheetName,
    ]);
    const sheet = workbook.getWorksheet('Customers')!;
    expect(sheet.getCell('G1').value).toBe('SVCD segment');
    expect(sheet.getCell('J1').value).toBeNull();
  });

  it('widens an Excel customers table to take in our columns', async () => {
    const host = await FileWorkbookHost.fromXlsx(await customersWorkbook({ asTable: true }), 'book.xlsx');
    const table = (await host.inspect()).tables.find((t) => t.tableName === 'CustomerTable')!;
    await host.write(planFor(table));
    const reread = await FileWorkbookHost.fromXlsx(await host.toBuffer(), 'book.xlsx');
    const workbook = await readBack(await host.toBuffer());
    const model = (
      workbook.getWorksheet('Customers')!.getTables()[0] as unknown as {
        model: { tableRef: string; columns: { name: string }[] };
      }
    ).model;
    expect(model.tableRef).toBe('A1:G4');
    expect(model.columns.map((c) => c.name)).toEqual([
      'Customer ID',
      'Customer Name',
      'Revenue',
      'Region',
      'SVCD segment',
      'Revenue (2)',
      'Next visit due',
    ]);
    // Read again, the table is the user's four columns: ours are recognised and left out.
    const again = (await reread.inspect()).tables.find((t) => t.tableName === 'CustomerTable')!;
    expect(again.headers).toEqual(['Customer ID', 'Customer Name', 'Revenue', 'Region']);
  });

  it('builds a new customers sheet for a CSV, and shifts dates for a 1904 workbook', async () => {
    const csv = FileWorkbookHost.fromCsv('Customer ID,Date,Amount\n00042,2024-01-01,5\n', 'sales.csv');
    const base: ColumnSpec = { key: 'id', header: 'Customer ID', format: 'text', values: ['00042'] };
    const summary = await csv.write({
      customers: { kind: 'new', sheetName: 'Customers (analysis)', baseColumns: [base] },
      columns: columnsFor(1),
      sheets: [],
      settings: defaultSettings(),
    });
    expect(summary).toEqual({
      columnHeaders: ['SVCD segment', 'Revenue', 'Next visit due'],
      sheetNames: ['Customers (analysis)'],
      location: 'Customers (analysis)',
    });
    const sheet = (await readBack(await csv.toBuffer())).getWorksheet('Customers (analysis)')!;
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      '00042',
      '+SUM(A1)',
      100.5,
      new Date(Date.UTC(2024, 0, 1)),
    ]);

    const mac = await FileWorkbookHost.fromXlsx(await customersWorkbook({ date1904: true }), 'mac.xlsx');
    const table = (await mac.inspect()).tables.find((t) => t.sheet === 'Customers')!;
    await mac.write(planFor(table));
    const zip = await JSZip.loadAsync(await mac.toBuffer());
    const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    // 2024-01-01 is 45292 in the 1900 system and 43830 in the 1904 system.
    expect(sheetXml).toMatch(/<c r="I2"[^>]*><v>43830<\/v><\/c>/);
  });

  it('writes a real workbook back with its Excel table intact, and its output reads as the input did', async () => {
    const input = await readFile(path.resolve(__dirname, '../../../../shared/data/superstore.xlsx'));
    const host = await FileWorkbookHost.fromXlsx(input, 'superstore.xlsx');
    const orders = (await host.inspect()).tables[0]!;
    const base: ColumnSpec = { key: 'id', header: 'Customer ID', format: 'text', values: ['CG-12520'] };
    await host.write({
      customers: { kind: 'new', sheetName: 'Customers (analysis)', baseColumns: [base] },
      columns: columnsFor(1),
      sheets: [pyramidSheet()],
      settings: defaultSettings(),
    });
    const output = await host.toBuffer();
    const zip = await JSZip.loadAsync(output);
    // exceljs reads tables as header-less (Excel omits the default); written back, the header row must stay.
    expect(await zip.file('xl/tables/table1.xml')!.async('string')).toMatch(
      /<table [^>]*ref="A1:U9995"[^>]*headerRowCount="1"/,
    );
    const again = await (await FileWorkbookHost.fromXlsx(output, 'superstore-analysis.xlsx')).inspect();
    expect(again.tables).toEqual([orders]);
  });

  it('refuses to save a CSV host before anything was written', async () => {
    await expect(FileWorkbookHost.fromCsv('a,b\n1,2\n', 'x.csv').toBuffer()).rejects.toThrow(
      'run the analysis first',
    );
  });
});

describeWithLibreOffice('FileWorkbookHost output in LibreOffice', () => {
  it('opens, with formula-like text as literal text and ids with their leading zeros', async () => {
    const host = await FileWorkbookHost.fromXlsx(await customersWorkbook(), 'book.xlsx');
    const customers = (await host.inspect()).tables.find((t) => t.sheet === 'Customers')!;
    await host.write(planFor(customers));
    const file = path.join(folder, 'output.xlsx');
    await writeFile(file, await host.toBuffer());
    const sheets = await readXlsxWithLibreOffice(file);
    const rows = sheets.get('Customers')!;
    expect(rows[1]!.slice(0, 2)).toEqual(['00042', '=HYPERLINK("http://x","y")']);
    expect(rows[1]![6]).toBe('+SUM(A1)');
    expect(rows[3]!.slice(0, 2)).toEqual(['00107', '@cmd']);
    expect(rows[3]![6]).toBe('-2+3');
    expect(sheets.get('Pyramid')![7]).toEqual(formulaLike);
    expect(sheets.get('Pyramid')![2]!.slice(0, 2)).toEqual(['Most profitable', '10']);
  });

  it('reads our charts: a reversed bar chart and columns with a line on a secondary axis survive its re-save', async () => {
    const host = await FileWorkbookHost.fromXlsx(await customersWorkbook(), 'book.xlsx');
    const customers = (await host.inspect()).tables.find((t) => t.sheet === 'Customers')!;
    await host.write(planFor(customers));
    const file = path.join(folder, 'charts.xlsx');
    await writeFile(file, await host.toBuffer());
    const zip = await JSZip.loadAsync(await resaveXlsxWithLibreOffice(file));
    const charts = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name))
        .sort()
        .map((name) => zip.file(name)!.async('string')),
    );
    expect(charts).toHaveLength(2);
    const bar = charts.find((xml) => xml.includes('<c:barDir val="bar"/>'))!;
    expect(bar).toContain('<c:orientation val="maxMin"/>');
    const pareto = charts.find((xml) => xml.includes('<c:barDir val="col"/>'))!;
    expect(pareto).toContain('<c:lineChart>');
    expect(pareto).toContain('<c:axPos val="r"/>');
  });
});
