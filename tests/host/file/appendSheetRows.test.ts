import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Workbook } from 'exceljs';
import JSZip from 'jszip';
import { defaultSettings } from '../../../src/engine/defaultSettings';
import { sheetName as labelSheetName } from '../../../src/engine/labels';
import type { ColumnSpec, NumberFormatKey, OutputValue } from '../../../src/engine/sheetSpec';
import { sheetPartsByName } from '../../../src/host/file/addChartsToXlsx';
import { FileWorkbookHost } from '../../../src/host/file/FileWorkbookHost';
import { readWorkbookFile } from '../../../src/host/file/node/readWorkbookFile';
import { runAnalysis } from '../../../src/host/runAnalysis';
import type { WritePlan } from '../../../src/host/WorkbookHost';
import { describeWithLibreOffice, readXlsxWithLibreOffice } from '../../helpers/libreoffice';

const sheetName = 'Customers (analysis)';

/** Values that are easy to get wrong in hand-written sheet XML. */
const awkwardTexts: OutputValue[] = [
  '00042',
  '=HYPERLINK("http://x","y")',
  '+SUM(A1)',
  '-2+3',
  '@cmd',
  ' padded ',
  'a < b & c > "d" \'e\'',
  '客户 明星',
  'emoji 😀',
  'line\nbreak',
  'bell\u0007gone',
  'x'.repeat(40_000),
  null,
];

function column(key: string, format: NumberFormatKey, values: OutputValue[]): ColumnSpec {
  return { key, header: key, format, values };
}

/** Columns of `rows` customers mixing text, money, counts, shares, dates and blanks (a blank first row too). */
function columns(rows: number): ColumnSpec[] {
  const at = <T>(list: readonly T[], i: number): T => list[i % list.length]!;
  const range = Array.from({ length: rows }, (_, i) => i);
  return [
    column(
      'Customer ID',
      'text',
      range.map((i) => at(awkwardTexts, i)),
    ),
    column(
      'Revenue',
      'money',
      range.map((i) => (i === 0 ? null : (i % 7) * 1234.5678 - 100)),
    ),
    column(
      'Orders',
      'integer',
      range.map((i) => i * 3),
    ),
    column(
      'Share',
      'percent',
      range.map((i) => (i % 5) / 7),
    ),
    column(
      'Last purchase',
      'date',
      range.map((i) => (i % 4 === 0 ? null : 45_000 + i)),
    ),
    column(
      'Segment',
      'text',
      range.map((i) => at(['Star', 'Cow', 'Volcano', 'Dog', null], i)),
    ),
  ];
}

function plan(rows: number): WritePlan {
  const all = columns(rows);
  return {
    customers: { kind: 'new', sheetName, baseColumns: all.slice(0, 1) },
    columns: all.slice(1),
    sheets: [],
    settings: defaultSettings(),
  };
}

async function outputOf(rows: number, directAbove: number): Promise<Uint8Array> {
  const host = FileWorkbookHost.fromCsv('Customer ID,Date,Amount\nC1,2024-01-01,5\n', 'sales.csv');
  host.directRowsAboveCells = directAbove;
  await host.write(plan(rows));
  return host.toBuffer();
}

/** Every cell of a sheet as [address, value, number format], via exceljs. */
async function cellsOf(bytes: Uint8Array, name: string): Promise<[string, unknown, string][]> {
  const workbook = new Workbook();
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  const sheet = workbook.getWorksheet(name);
  if (sheet === undefined) throw new Error(`no sheet ${name}`);
  const cells: [string, unknown, string][] = [];
  sheet.eachRow((row) => {
    row.eachCell((cell) => {
      if (cell.value !== null) cells.push([cell.address, cell.value, cell.numFmt]);
    });
  });
  return cells;
}

/** The customers sheet's XML (a CSV input's sales copy comes before it). */
async function sheetXml(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const part = (await sheetPartsByName(zip)).get(sheetName);
  return zip.file(part!)!.async('string');
}

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'append-rows-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('customers sheet written straight into the package', () => {
  it('holds the same cells, values and number formats as the one the workbook library writes', async () => {
    const viaLibrary = await outputOf(60, Number.POSITIVE_INFINITY);
    const direct = await outputOf(60, 0);
    expect(await sheetXml(viaLibrary)).not.toMatch(/inlineStr/u);
    expect(await sheetXml(direct)).toMatch(/t="inlineStr"/u);
    const expected = await cellsOf(viaLibrary, sheetName);
    expect(expected.length).toBeGreaterThan(300);
    expect(await cellsOf(direct, sheetName)).toEqual(expected);
  });

  it('never writes a formula, keeps the dimension right and leaves small sheets to the library', async () => {
    const xml = await sheetXml(await outputOf(30, 0));
    expect(xml).not.toMatch(/<f>/u);
    expect(xml).toMatch(/<dimension ref="A1:F31"\/>/u);
    expect(xml).toContain('<t>=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)</t>');
    expect(xml).toContain('<t xml:space="preserve"> padded </t>');
    expect(xml).not.toContain('\u0007');
    expect(await sheetXml(await outputOf(30, 1_000))).not.toMatch(/inlineStr/u);
  });

  it('gives an analysis of a real CSV the same customers sheet either way', async () => {
    const file = path.join(__dirname, '../../../../shared/data/online_retail_2010-12.csv');
    const outputs: Uint8Array[] = [];
    for (const directAbove of [Number.POSITIVE_INFINITY, 0]) {
      const host = await readWorkbookFile(file);
      host.directRowsAboveCells = directAbove;
      await runAnalysis(host, {});
      outputs.push(await host.toBuffer());
    }
    const [viaLibrary, direct] = outputs as [Uint8Array, Uint8Array];
    const workbook = new Workbook();
    await workbook.xlsx.load(viaLibrary as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    // Our customers sheet (the CSV's sales are copied into the first sheet).
    const customers = workbook.getWorksheet(labelSheetName('customers', 'en'))!;
    expect(customers.rowCount).toBe(949);
    expect(await cellsOf(direct, customers.name)).toEqual(await cellsOf(viaLibrary, customers.name));
  });
});

describeWithLibreOffice('customers sheet written straight into the package, in LibreOffice', () => {
  it('opens and reads as the library-written sheet does', async () => {
    const read = async (bytes: Uint8Array, name: string): Promise<string[][]> => {
      const file = path.join(folder, name);
      await writeFile(file, bytes);
      return (await readXlsxWithLibreOffice(file)).get(sheetName)!;
    };
    const viaLibrary = await read(await outputOf(40, Number.POSITIVE_INFINITY), 'library.xlsx');
    const direct = await read(await outputOf(40, 0), 'direct.xlsx');
    expect(direct).toHaveLength(41);
    expect(direct).toEqual(viaLibrary);
    expect(direct[2]![0]).toBe('=HYPERLINK("http://x","y")');
    expect(direct[1]![0]).toBe('00042');
    expect((await readFile(path.join(folder, 'direct.xlsx'))).length).toBeGreaterThan(0);
  });
});

describe('long summary sheets written straight into the package', () => {
  /** Every sheet's cells (address, value, style) and row heights, via exceljs. */
  async function sheetsOf(bytes: Uint8Array): Promise<Map<string, unknown[]>> {
    const workbook = new Workbook();
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheets = new Map<string, unknown[]>();
    for (const sheet of workbook.worksheets) {
      const cells: unknown[] = [];
      sheet.eachRow((row, r) => {
        cells.push([r, row.height]);
        row.eachCell((cell) => {
          if (cell.value !== null) cells.push([cell.address, cell.value, JSON.stringify(cell.style)]);
        });
      });
      sheets.set(sheet.name, cells);
    }
    return sheets;
  }

  it('gives the visit plan and Calls sheet of a real CSV the same cells, formats and row heights either way', async () => {
    const file = path.join(__dirname, '../../../../shared/data/online_retail_2010-12.csv');
    const outputs: Uint8Array[] = [];
    for (const directAbove of [Number.POSITIVE_INFINITY, 2_000]) {
      const host = await readWorkbookFile(file);
      host.directRowsAboveCells = directAbove;
      await runAnalysis(host, {});
      outputs.push(await host.toBuffer());
    }
    const [viaLibrary, direct] = outputs as [Uint8Array, Uint8Array];
    const visitPlan = labelSheetName('visitPlan', 'en');
    const zip = await JSZip.loadAsync(direct);
    const parts = await sheetPartsByName(zip);
    // The visit plan's list of due customers went straight into the package (inline strings), and so did
    // the Calls sheet (more than 200 calls).
    expect(await zip.file(parts.get(visitPlan)!)!.async('string')).toMatch(/t="inlineStr"/u);
    const calls = [...parts.keys()].find((name) => name.startsWith('Calls '))!;
    expect(await zip.file(parts.get(calls)!)!.async('string')).toMatch(/t="inlineStr"/u);
    const expected = await sheetsOf(viaLibrary);
    expect(expected.get(visitPlan)!.length).toBeGreaterThan(1_000);
    expect(await sheetsOf(direct)).toEqual(expected);
  });
});
