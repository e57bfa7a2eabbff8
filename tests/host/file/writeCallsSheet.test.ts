/**
 * The Calls sheet of a new date written straight into the package (`writeCallsSheet` past
 * `directRowsAboveCells`): the same sheet as the workbook library writes, cell for cell — values, number
 * formats, styled blanks, header, widths, frozen header, Outcome's drop-down list — in a 1900 and a 1904
 * workbook, and a re-run on the same output (the web page) reading every row back.
 */
import { Workbook, type Worksheet } from 'exceljs';
import JSZip from 'jszip';
import type { Call } from '../../../src/engine/calls/Call';
import { callsSheet } from '../../../src/engine/calls/callsSheet';
import { defaultSettings } from '../../../src/engine/defaultSettings';
import { sheetPartsByName } from '../../../src/host/file/addChartsToXlsx';
import { FileWorkbookHost } from '../../../src/host/file/FileWorkbookHost';
import type { CallsPlan, WritePlan } from '../../../src/host/WorkbookHost';
import { asOf, call } from '../calls/callsFixture';

const sheetName = 'Calls 2026-12-06';

/** 300 calls with awkward text, blanks (no phone, no rep, no tier) and labels repeated across rows. */
function manyCalls(): Call[] {
  return Array.from({ length: 300 }, (_, i) =>
    call(`C${String(i).padStart(4, '0')}`, i % 3 === 0 ? '2026-12-06' : '2026-12-07', {
      name:
        i % 50 === 7 ? '=HYPERLINK("http://x")' : i % 11 === 0 ? ' padded 客户 ' : `Name & <${String(i)}>`,
      phone: i % 4 === 0 ? null : `0${String(5550100 + i)}`,
      rep: i % 9 === 0 ? null : ['Ann', 'Bob', '王芳'][i % 3]!,
      tier: i % 13 === 0 ? null : 1 + (i % 5),
      segment: ['Star', 'Cow', 'Volcano', 'Dog'][i % 4]!,
      reasons: i % 2 === 0 ? ['visit'] : ['visit', 'birthday'],
      detail:
        i % 17 === 0
          ? 'Visit overdue by 1064 days (due 2022-02-01); Win back: Lapsed, tier 3, last purchase 2022-01-02'
          : `Visit due (every ${String(7 + (i % 4))} days)`,
    }),
  );
}

function plan(calls: Call[]): WritePlan {
  const calling: CallsPlan = { asOf, language: 'en', calls };
  return {
    customers: { kind: 'new', sheetName: 'Customers', baseColumns: [] },
    columns: [],
    sheets: [],
    settings: defaultSettings(),
    calls: calling,
  };
}

async function salesWorkbook(date1904: boolean): Promise<Uint8Array> {
  const workbook = new Workbook();
  workbook.properties.date1904 = date1904;
  const sales = workbook.addWorksheet('Sales');
  sales.addRow(['Customer ID', 'Order Date', 'Amount']);
  sales.addRow(['C1', asOf - 10, 10]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function load(bytes: Uint8Array): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** Everything of a sheet a reader sees: cells with styles (formatted blanks too), widths, views, validations. */
function look(sheet: Worksheet): unknown {
  const cells: unknown[] = [];
  sheet.eachRow((row, r) => {
    cells.push([r, row.height]);
    row.eachCell({ includeEmpty: true }, (cell) => {
      if (cell.value !== null || Object.keys(cell.style).length > 0)
        cells.push([cell.address, cell.value, JSON.stringify(cell.style)]);
    });
  });
  const validations = (sheet as unknown as { dataValidations: { model: Record<string, unknown> } })
    .dataValidations.model;
  return {
    rowCount: sheet.rowCount,
    cells,
    widths: sheet.columns.map((column) => [column.width, column.numFmt]),
    views: sheet.views,
    pageSetup: sheet.pageSetup,
    validations,
  };
}

async function partOf(bytes: Uint8Array, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return zip.file((await sheetPartsByName(zip)).get(name)!)!.async('string');
}

async function written(directAbove: number, date1904: boolean, runs: readonly Call[][]): Promise<Uint8Array> {
  const host = await FileWorkbookHost.fromXlsx(await salesWorkbook(date1904), 'sales.xlsx');
  host.directRowsAboveCells = directAbove;
  let bytes: Uint8Array = new Uint8Array();
  for (const calls of runs) {
    await host.inspect();
    await host.write(plan(calls));
    bytes = await host.toBuffer();
  }
  return bytes;
}

describe('Calls sheet written straight into the package', () => {
  it.each([false, true])(
    'is the sheet the library writes, cell for cell (1904 dates: %s)',
    async (date1904) => {
      const calls = manyCalls();
      const viaLibrary = await written(Number.POSITIVE_INFINITY, date1904, [calls]);
      const direct = await written(0, date1904, [calls]);
      expect(await partOf(viaLibrary, sheetName)).not.toMatch(/inlineStr/u);
      const xml = await partOf(direct, sheetName);
      expect(xml).toMatch(/t="inlineStr"/u);
      expect(xml).not.toMatch(/<f>/u);
      expect(xml).toMatch(/<dimension ref="A1:L301"\/>/u);
      const expected = look((await load(viaLibrary)).getWorksheet(sheetName)!);
      expect(look((await load(direct)).getWorksheet(sheetName)!)).toEqual(expected);
      // The sheet really holds the calls: the date (as the workbook counts days), blanks and formula-like text.
      const sheet = (await load(direct)).getWorksheet(sheetName)!;
      expect(sheet.rowCount).toBe(301);
      expect(sheet.getCell('A300').value).toBeInstanceOf(Date);
      expect((sheet.getCell('A2').value as Date).toISOString().slice(0, 10)).toBe('2026-12-06');
      expect(sheet.getCell('D9').value).toBe('=HYPERLINK("http://x")');
      expect(sheet.getCell('E2').value).toBeNull();
      expect(sheet.getCell('E2').numFmt).toBe('@');
      // A merged detail wraps to two lines, and its row is two lines tall; others keep the default.
      expect(sheet.getRow(2).height).toBe(33);
      expect(sheet.getRow(19).height).toBe(33);
      expect(sheet.getRow(3).height).toBeUndefined();
      expect(xml).toMatch(/<dataValidation [^>]*sqref="K2:K801"/u);
    },
  );

  it('a re-run of the same date on the same output (the web page) reads every row back', async () => {
    const first = manyCalls();
    // The second run lists the calls in another order (each keeps its row), drops one (its row is kept and
    // marked) and adds one (appended).
    const second = [call('C9999', '2026-12-08'), ...first.slice(1).reverse()];
    const viaLibrary = await written(Number.POSITIVE_INFINITY, false, [first, second]);
    const direct = await written(0, false, [first, second]);
    const sheet = (await load(direct)).getWorksheet(sheetName)!;
    expect(sheet.rowCount).toBe(302);
    expect(callsSheet.isNoLongerListed(sheet.getCell(2, 8).value as string)).toBe(true);
    expect(sheet.getCell(2, 3).value).toBe('C0000');
    expect(sheet.getCell(3, 3).value).toBe('C0001');
    expect(sheet.getCell(302, 3).value).toBe('C9999');
    expect(look(sheet)).toEqual(look((await load(viaLibrary)).getWorksheet(sheetName)!));
  });
});
