import { readFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Workbook, type Worksheet } from 'exceljs';
import JSZip from 'jszip';
import { directRowsAboveCells } from '../../../src/host/file/FileWorkbookHost';
import { readRawZip } from '../../../src/host/file/node/rawZip';
import { readWorkbookFile } from '../../../src/host/file/node/readWorkbookFile';
import { writeSampleWorkbook } from '../../../src/host/file/node/writeSampleWorkbook';
import { runAnalysis } from '../../../src/host/runAnalysis';
import type { AnalysisSettings } from '../../../src/engine/types';
import { sharedData } from '../../cli/sharedData';
import { workbookCells } from '../../golden/workbookCells';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'patch-xlsx-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Analyses `input` as the command line does and writes the result to `out`; returns its bytes. */
async function analyzeTo(
  input: string,
  out: string,
  settings: Partial<AnalysisSettings> = {},
  patch = true,
  directRows?: number,
): Promise<Uint8Array> {
  const host = await readWorkbookFile(input, { patch });
  if (directRows !== undefined) host.directRowsAboveCells = directRows;
  await runAnalysis(host, settings);
  const bytes = await host.toBuffer();
  await writeFile(out, bytes);
  return bytes;
}

/** The package's parts by name, with the compressed bytes and CRC as stored. */
function entries(bytes: Uint8Array): Map<string, { crc: number; data: Buffer }> {
  return new Map(readRawZip(bytes).map((e) => [e.name, { crc: e.crc, data: Buffer.from(e.data) }]));
}

async function sheetNames(bytes: Uint8Array): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(bytes)).file('xl/workbook.xml')!.async('string');
  return [...xml.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/gu)].map((m) => m[1]!);
}

describe('the result of a small .xlsx is written by patching its package', () => {
  it('copies the sales sheet compressed as it was, and re-runs on its own output in place, twice', async () => {
    const input = sharedData('superstore.xlsx');
    const inputBytes = await readFile(input);
    const first = await analyzeTo(input, path.join(folder, 'first.xlsx'));
    const original = entries(inputBytes);
    const written = entries(first);
    // The 7 MB Orders sheet, its table and the shared strings' first part are the input's bytes.
    for (const part of ['xl/worksheets/sheet1.xml', 'xl/tables/table1.xml', 'xl/theme/theme1.xml'])
      expect(written.get(part)?.data.equals(original.get(part)!.data)).toBe(true);
    const names = await sheetNames(first);
    expect(names.slice(0, 3)).toEqual(['Orders', 'Returns', 'People']);
    expect(names).toContain('Customers (analysis)');
    expect(names.at(-1)).toBe('CustomerPyramid.state');

    const second = await analyzeTo(path.join(folder, 'first.xlsx'), path.join(folder, 'second.xlsx'));
    const third = await analyzeTo(path.join(folder, 'second.xlsx'), path.join(folder, 'third.xlsx'), {
      language: 'zh-CN',
    });
    // Same sheets in the same order; no chart, drawing or sheet of an earlier run is left behind.
    expect(await sheetNames(second)).toEqual(names);
    const partsOf = (bytes: Uint8Array): string[] => [...entries(bytes).keys()].sort();
    expect(partsOf(second)).toEqual(partsOf(first));
    expect(partsOf(third)).toEqual(partsOf(first));
    const chinese = await sheetNames(third);
    expect(chinese.slice(0, 3)).toEqual(['Orders', 'Returns', 'People']);
    expect(chinese).toContain('客户金字塔');
    expect(chinese).not.toContain('Pyramid');
    expect(chinese).toHaveLength(names.length);
    expect(
      entries(third)
        .get('xl/worksheets/sheet1.xml')
        ?.data.equals(original.get('xl/worksheets/sheet1.xml')!.data),
    ).toBe(true);
    // Our strings already in the shared-string table are reused: a re-run does not grow it.
    const uniqueStrings = async (bytes: Uint8Array): Promise<string | undefined> =>
      /uniqueCount="(\d+)"/u.exec(
        await (await JSZip.loadAsync(bytes)).file('xl/sharedStrings.xml')!.async('string'),
      )?.[1];
    expect(await uniqueStrings(second)).toBe(await uniqueStrings(first));
    // Our cells of the re-run equal the first run's (same input, same settings).
    const cells = async (bytes: Uint8Array): Promise<unknown> =>
      (await workbookCells(bytes)).filter((sheet) => sheet.name !== 'Orders');
    expect(await cells(second)).toEqual(await cells(first));
  }, 240_000);

  it('appends our columns to a customers table as the whole-workbook path does, the sales copied as they were', async () => {
    const input = path.join(folder, 'sample.xlsx');
    await writeSampleWorkbook('en', input, { tables: true });
    const patched = await analyzeTo(input, path.join(folder, 'patched.xlsx'));
    const whole = await analyzeTo(input, path.join(folder, 'whole.xlsx'), {}, false);
    expect(await workbookCells(patched)).toEqual(await workbookCells(whole));
    const zip = await JSZip.loadAsync(patched);
    const tables = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => /^xl\/tables\/[^/]+\.xml$/u.test(name))
        .map(async (name) => (await zip.file(name)!.async('string')).match(/<table\b[^>]*>/u)![0]),
    );
    // Table ids stay unique, and the customers table is widened over our columns.
    const ids = tables.map((tag) => /\sid="(\d+)"/u.exec(tag)![1]);
    expect(new Set(ids).size).toBe(ids.length);
    const customers = tables.find((tag) => tag.includes('tblCustomers'))!;
    expect(customers).not.toMatch(/ref="A1:E\d+"/u);
    // The sales sheet was not re-written: its part is the input's bytes.
    const inputEntries = entries(await readFile(input));
    const outputEntries = entries(patched);
    const unchanged = [...inputEntries].filter(([name, e]) => outputEntries.get(name)?.data.equals(e.data));
    expect(unchanged.map(([name]) => name)).toEqual(expect.arrayContaining(['xl/theme/theme1.xml']));
    expect(unchanged.some(([name]) => name.startsWith('xl/worksheets/sheet'))).toBe(true);
  }, 120_000);

  it('writes our sheets straight into the package, as the workbook library writes them', async () => {
    const input = sharedData('superstore.xlsx');
    const patched = await analyzeTo(input, path.join(folder, 'patched.xlsx'));
    // The same patched path with our sheets rendered by the workbook library, as before.
    const library = await analyzeTo(input, path.join(folder, 'library.xlsx'), {}, true, directRowsAboveCells);
    const load = async (bytes: Uint8Array): Promise<Workbook> => {
      const workbook = new Workbook();
      await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
      return workbook;
    };
    const [ours, theirs] = await Promise.all([load(patched), load(library)]);
    expect(ours.worksheets.map((sheet) => sheet.name)).toEqual(theirs.worksheets.map((sheet) => sheet.name));
    const inputSheets = new Set(['Orders', 'Returns', 'People']);
    for (const expected of theirs.worksheets.filter((sheet) => !inputSheets.has(sheet.name))) {
      const sheet = ours.getWorksheet(expected.name)!;
      const look = (s: Worksheet): unknown => [
        s.name,
        s.rowCount,
        s.columnCount,
        s.views,
        s.autoFilter,
        s.pageSetup,
        s.state,
        (s as unknown as { conditionalFormattings: unknown }).conditionalFormattings,
      ];
      expect(look(sheet)).toEqual(look(expected));
      for (let c = 1; c <= expected.columnCount; c++)
        expect([expected.name, c, sheet.getColumn(c).width]).toEqual([
          expected.name,
          c,
          expected.getColumn(c).width,
        ]);
      for (let r = 1; r <= expected.rowCount; r++) {
        expect([expected.name, r, sheet.getRow(r).height]).toEqual([
          expected.name,
          r,
          expected.getRow(r).height,
        ]);
        for (let c = 1; c <= expected.columnCount; c++) {
          const [a, b] = [sheet.getCell(r, c), expected.getCell(r, c)];
          expect([expected.name, a.address, a.value, a.style]).toEqual([
            expected.name,
            b.address,
            b.value,
            b.style,
          ]);
        }
      }
    }
    // The customers and the visit plan's list were appended as bytes (inline strings), not rendered by the
    // workbook library; the Calls sheet was, as a re-run updates it there (its strings shared).
    const zip = await JSZip.loadAsync(patched);
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
    const partOf = async (name: string): Promise<string> => {
      const tag = [...workbookXml.matchAll(/<sheet\b[^>]*>/gu)].find((m) => m[0].includes(`name="${name}"`))!;
      const id = /r:id="([^"]+)"/u.exec(tag[0])![1]!;
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`, 'u').exec(rels)![1]!;
      return zip.file(`xl/${target.replace(/^\/?xl\//u, '')}`)!.async('string');
    };
    const calls = theirs.worksheets.find((sheet) => sheet.name.startsWith('Calls '))!.name;
    for (const name of ['Customers (analysis)', 'Visit plan', calls])
      expect([name, /t="inlineStr"/u.test(await partOf(name))]).toEqual([name, name !== calls]);
  }, 240_000);

  it('falls back to the whole workbook for a package it does not handle (no style sheet relationship)', async () => {
    const input = path.join(folder, 'sample.xlsx');
    await writeSampleWorkbook('en', input, { tables: true });
    const zip = await JSZip.loadAsync(await readFile(input));
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    zip.file('xl/_rels/workbook.xml.rels', rels.replace(/<Relationship\b[^>]*\/styles"[^>]*\/>/u, ''));
    const odd = path.join(folder, 'odd.xlsx');
    await writeFile(odd, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    const patched = await analyzeTo(odd, path.join(folder, 'odd-out.xlsx'));
    const whole = await analyzeTo(odd, path.join(folder, 'odd-whole.xlsx'), {}, false);
    expect(await workbookCells(patched)).toEqual(await workbookCells(whole));
  }, 120_000);
});
