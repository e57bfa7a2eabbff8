import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cellsOf } from '../../../src/engine/cellColumn';
import os from 'node:os';
import path from 'node:path';
import { Workbook } from 'exceljs';
import type { SourceTable } from '../../../src/engine/types';
import { largeInputNote, type FileWorkbookHost } from '../../../src/host/file/FileWorkbookHost';
import { readWorkbookFile } from '../../../src/host/file/node/readWorkbookFile';
import { writeSampleWorkbook } from '../../../src/host/file/node/writeSampleWorkbook';
import { runAnalysis } from '../../../src/host/runAnalysis';
import { runRecord } from '../../../src/host/runRecord';
import { sharedData } from '../../cli/sharedData';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'stream-xlsx-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Both readers of one file: the in-memory one and the streaming one (forced by a threshold of 0). */
async function bothReaders(file: string): Promise<{ whole: FileWorkbookHost; streamed: FileWorkbookHost }> {
  return {
    whole: await readWorkbookFile(file),
    streamed: await readWorkbookFile(file, { streamAboveBytes: 0 }),
  };
}

async function allColumns(host: FileWorkbookHost, table: SourceTable): Promise<unknown[][]> {
  const columns = await host.readColumns(
    table,
    table.headers.map((_, c) => c),
  );
  return columns.map((column) => [...cellsOf(column)]);
}

/** Expects the streaming reader to find the same tables and read the same values as the in-memory one. */
async function expectSameReads(file: string): Promise<SourceTable[]> {
  const { whole, streamed } = await bothReaders(file);
  expect(whole.outputNote).toBeNull();
  expect(streamed.outputNote).toBe(largeInputNote);
  const expected = await whole.inspect();
  const actual = await streamed.inspect();
  expect(actual).toEqual(expected);
  for (const table of expected.tables) {
    const columns = await allColumns(streamed, table);
    expect(columns).toEqual(await allColumns(whole, table));
    for (const column of columns) expect(column).toHaveLength(table.rowCount);
  }
  return expected.tables;
}

describe('streaming .xlsx reader', () => {
  it('reads the Excel table of superstore.xlsx as the in-memory reader does', async () => {
    const tables = await expectSameReads(sharedData('superstore.xlsx'));
    expect(tables.map((t) => [t.sheet, t.tableName, t.rowCount])).toEqual([['Orders', 'Table1', 9994]]);
  });

  it('reads financial_sample.xlsx (worksheet parsed after its shared strings) the same way', async () => {
    const tables = await expectSameReads(sharedData('financial_sample.xlsx'));
    expect(tables).toHaveLength(1);
  });

  it.each([
    ['with Excel tables', true],
    ['as plain ranges', false],
  ])('reads the sample workbook %s the same way', async (_, tables) => {
    const file = path.join(folder, `sample-${String(tables)}.xlsx`);
    await writeSampleWorkbook('en', file, { tables });
    const found = await expectSameReads(file);
    expect(found.map((t) => t.tableName !== null)).toEqual([tables, tables, false, false]);
    expect(found.map((t) => t.sheet)).toEqual(['Customers', 'Sales', 'Visits', 'Care rules']);
  });

  it("reads a result's Calls sheet (the reps' outcomes) as the in-memory reader does, never as a table", async () => {
    const input = path.join(folder, 'sample-calls.xlsx');
    await writeSampleWorkbook('en', input);
    const host = await readWorkbookFile(input);
    await runAnalysis(host);
    const output = path.join(folder, 'sample-calls.out.xlsx');
    await writeFile(output, await host.toBuffer());
    const found = await expectSameReads(output);
    expect(found.some((t) => t.sheet.startsWith('Calls'))).toBe(false);
    const { streamed } = await bothReaders(output);
    const calls = (await streamed.inspect()).callSheets ?? [];
    expect(calls.map((c) => c.name)).toEqual(['Calls 2024-12-31']);
    expect(calls[0]!.rows.length).toBeGreaterThan(100);
    expect(calls[0]!.rows[0]).toContain('Outcome');
  });

  it('finds a plain range under a title, ends it at its last filled row, and keeps 1904 dates', async () => {
    const workbook = new Workbook();
    workbook.properties.date1904 = true;
    const sheet = workbook.addWorksheet('Report');
    sheet.getCell('A1').value = 'Sales report';
    sheet.getRow(3).values = ['Customer', 'Order Date', 'Amount'];
    sheet.getRow(4).values = ['Ann', new Date(Date.UTC(2024, 0, 1)), 10];
    sheet.getRow(6).values = ['Bob', new Date(Date.UTC(2024, 1, 2)), { formula: '1+1', result: 2 }];
    for (let row = 4; row <= 6; row++) sheet.getCell(row, 2).numFmt = 'yyyy-mm-dd';
    sheet.getCell('C40').value = { error: '#N/A' };
    sheet.getRow(41).values = [{ richText: [{ text: 'Cy' }, { text: 'ra' }] }];
    const file = path.join(folder, 'report.xlsx');
    await writeFile(file, new Uint8Array(await workbook.xlsx.writeBuffer()));
    const tables = await expectSameReads(file);
    expect(tables).toHaveLength(1);
    expect(tables[0]).toMatchObject({ headerRow: 3, firstColumn: 1, rowCount: 38 });
    const { streamed } = await bothReaders(file);
    const [names, dates, amounts] = await allColumns(streamed, tables[0]!);
    expect(names?.[37]).toBe('Cyra');
    // 2024-01-01 is 45292 in the 1900 system, 1462 less in the 1904 system.
    expect(dates?.[0]).toBe(45292 - 1462);
    expect(amounts?.[2]).toBe(2);
    expect(amounts?.[36]).toBe('#N/A');
    expect(names?.[1]).toBeNull();
  });

  it('writes the customers and summary sheets but not the sales, with the same values as the in-memory path', async () => {
    const file = path.join(folder, 'sample-run.xlsx');
    await writeSampleWorkbook('en', file, { tables: true });
    const { whole, streamed } = await bothReaders(file);
    const expected = await runAnalysis(whole, {}, { write: true });
    const actual = await runAnalysis(streamed, {}, { write: true });
    expect(actual.result.customers).toEqual(expected.result.customers);
    expect(actual.summary?.columnHeaders).toEqual(expected.summary?.columnHeaders);
    expect(actual.summary?.sheetNames).toEqual(expected.summary?.sheetNames);

    const output = new Workbook();
    await output.xlsx.load((await streamed.toBuffer()) as unknown as Parameters<typeof output.xlsx.load>[0]);
    const names = output.worksheets.map((sheet) => sheet.name);
    expect(names).not.toContain('Sales');
    expect(names).not.toContain('Visits');
    expect(names).toContain('Customers');
    for (const name of expected.summary?.sheetNames ?? []) expect(names).toContain(name);
    expect(names).toContain(runRecord.sheetName);

    // The customers sheet: the user's table copied, our columns beside it, values as the in-memory output's.
    const reference = new Workbook();
    await reference.xlsx.load(
      (await whole.toBuffer()) as unknown as Parameters<typeof reference.xlsx.load>[0],
    );
    const values = (workbook: Workbook): unknown[][] => {
      const sheet = workbook.getWorksheet('Customers');
      const rows: unknown[][] = [];
      sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v))));
      return rows;
    };
    expect(values(output)).toEqual(values(reference));
  });

  it('on an output of the in-memory path, skips our sheets and columns and reads the saved settings', async () => {
    const file = path.join(folder, 'sample-rerun.xlsx');
    await writeSampleWorkbook('en', file, { tables: false });
    const first = await readWorkbookFile(file);
    const before = await first.inspect();
    await runAnalysis(first, { language: 'en', abcCut: 0.75 }, { write: true });
    const output = path.join(folder, 'sample-rerun.out.xlsx');
    await writeFile(output, await first.toBuffer());
    const { whole, streamed } = await bothReaders(output);
    const info = await streamed.inspect();
    expect(info).toEqual(await whole.inspect());
    expect(info.savedSettings?.abcCut).toBe(0.75);
    // Our columns appended to the customers range are not part of it, and our summary sheets are skipped.
    expect(info.tables.map((t) => [t.sheet, t.headers, t.rowCount])).toEqual(
      before.tables.map((t) => [t.sheet, t.headers, t.rowCount]),
    );
  });
});
