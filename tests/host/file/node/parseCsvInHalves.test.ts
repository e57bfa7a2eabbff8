import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cellsOf, isDecimal, isEncoded, isPrefixedNumber } from '../../../../src/engine/cellColumn';
import type { CellColumn } from '../../../../src/engine/types';
import { CsvSource } from '../../../../src/host/file/CsvSource';
import { decodeText } from '../../../../src/host/file/decodeText';
import {
  cutSearchFrom,
  parseCsvInHalves,
  type CsvHalfParser,
  type CsvHalfReply,
} from '../../../../src/host/file/node/parseCsvInHalves';
import { parseCsvSecondHalf } from '../../../../src/host/file/node/parseCsvSecondHalf';
import { readWorkbookFile } from '../../../../src/host/file/node/readWorkbookFile';
import { parseCsvEncoded } from '../../../../src/host/file/parseCsv';
import { sharedData } from '../../../cli/sharedData';

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'cp-csv-halves-'));
});
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

/** The second half parsed on this thread, as the worker parses it. */
const sameThread: CsvHalfParser = { parse: (request) => Promise.resolve(parseCsvSecondHalf(request)) };

let written = 0;
function fileOf(content: string | Uint8Array): string {
  const file = path.join(folder, `sales-${String(written++)}.csv`);
  writeFileSync(file, content);
  return file;
}

/** What one thread gives for the file (`CsvSource.parse` on the decoded text). */
function oneThread(file: string): {
  headers: string[];
  rowCount: number;
  skipRows: number;
  cells: unknown[][];
} {
  const { text } = decodeText(readFileSync(file));
  const skipRows = CsvSource.headerRowsToSkip(text, false) ?? 0;
  const table = parseCsvEncoded(text, { skipRows });
  return {
    headers: table.headers,
    rowCount: table.rowCount,
    skipRows,
    cells: table.columns.map((c) => [...cellsOf(c)]),
  };
}

/** The file parsed in halves; null when it falls back to one thread. */
async function inHalves(
  file: string,
  parser = sameThread,
): Promise<{
  headers: string[];
  rowCount: number;
  skipRows: number;
  cells: unknown[][];
  columns: CellColumn[];
} | null> {
  const halves = await parseCsvInHalves(file, readFileSync(file).length, parser);
  if (halves === null) return null;
  const { table, skipRows } = halves;
  return {
    headers: table.headers,
    rowCount: table.rowCount,
    skipRows,
    cells: table.columns.map((c) => [...cellsOf(c)]),
    columns: table.columns,
  };
}

async function expectSameAsOneThread(file: string): Promise<CellColumn[]> {
  const halves = await inHalves(file);
  expect(halves).not.toBeNull();
  const { columns, ...parsed } = halves!;
  expect(parsed).toEqual(oneThread(file));
  return columns;
}

const kindOf = (column: CellColumn): string =>
  isEncoded(column)
    ? 'codes'
    : isDecimal(column)
      ? 'decimal'
      : isPrefixedNumber(column)
        ? 'prefixed'
        : 'cells';

/** Rows `from` to `to` − 1 of a table whose columns are each a function of the row. */
function rows(from: number, to: number, columns: readonly ((row: number) => string)[]): string[] {
  const lines: string[] = [];
  for (let row = from; row < to; row++) lines.push(columns.map((column) => column(row)).join(','));
  return lines;
}

describe('cutSearchFrom: the first half is longer by what this thread parses while the worker starts', () => {
  test('2 MB past the middle of a large file, at most three quarters into a small one', () => {
    const mb = 1024 ** 2;
    expect(cutSearchFrom(64 * mb)).toBe(34 * mb);
    expect(cutSearchFrom(60 * mb + 1)).toBe(32 * mb);
    expect(cutSearchFrom(8 * mb)).toBe(6 * mb);
    expect(cutSearchFrom(4 * mb)).toBe(3 * mb);
    expect(cutSearchFrom(1001)).toBe(750);
  });
});

describe('parseCsvInHalves: a CSV parsed on two threads gives the one-thread table', () => {
  test('the real online retail export (3.7 MB): headers, row count and every cell', async () => {
    const columns = await expectSameAsOneThread(sharedData('online_retail_2010-12.csv'));
    expect(columns).toHaveLength(8);
  });

  test('halves whose columns chose different kinds agree on the cells, in a kind both fit', async () => {
    const half = 20_000;
    const header =
      'Repeat then distinct,Distinct then repeat,Ids then repeated ids,Words then ids,Ids then numbers,Texts then numbers,Order,Two prefixes';
    const first = rows(0, half, [
      (row) => String(row % 50),
      (row) => `${String(row)}.${String(row % 7)}5`,
      (row) => `SO${String(row).padStart(7, '0')}`,
      (row) => ['north', 'south', 'east'][row % 3]!,
      (row) => `INV-${String(row)}`,
      (row) => ['a', 'b', '-0', '0'][row % 4]!,
      (row) => (row % 9 === 0 ? '' : `O${String(row % 100)}`),
      (row) => `A${String(row)}`,
    ]);
    const second = rows(half, 2 * half, [
      (row) => `${String(row)}.25`,
      (row) => String(row % 40),
      (row) => `SO${String(row % 30).padStart(7, '0')}`,
      (row) => `ID${String(row)}`,
      (row) => `${String(row)}.5`,
      (row) => (row % 5 === 0 ? '' : String(row % 60)),
      (row) => `O${String(row % 100)}`,
      (row) => `${row % 2 === 0 ? 'B' : 'A'}${String(row)}`,
    ]);
    const columns = await expectSameAsOneThread(fileOf([header, ...first, ...second, ''].join('\n')));
    expect(columns.map(kindOf)).toEqual([
      'decimal',
      'decimal',
      'prefixed',
      'cells',
      'cells',
      'codes',
      'codes',
      'prefixed',
    ]);
  });

  test('a quoted field with line breaks across the cut: null, and the file is read on one thread', async () => {
    // More rows before the quoted field than after: the cut is searched for past the middle (a small
    // file's at three quarters).
    const before = rows(0, 1200, [(row) => `C${String(row % 10)}`, (row) => `${String(row)}.00`]);
    const after = rows(0, 400, [(row) => `C${String(row % 10)}`, (row) => `${String(row)}.00`]);
    const quoted = `"${Array.from({ length: 400 }, (_, k) => `line ${String(k)}`).join('\n')}"`;
    const text = ['Customer,Amount', ...before, `C1,${quoted}`, ...after, ''].join('\n');
    const middle = cutSearchFrom(Buffer.byteLength(text));
    const quoteAt = Buffer.byteLength(text.slice(0, text.indexOf('"')));
    expect(quoteAt).toBeLessThan(middle);
    expect(quoteAt + Buffer.byteLength(quoted)).toBeGreaterThan(middle);
    const file = fileOf(text);
    expect(await inHalves(file)).toBeNull();
    const host = await readWorkbookFile(file, { csvHalfParser: sameThread });
    const table = (await host.inspect()).tables[0]!;
    const read = await host.readColumns(table, [0, 1]);
    expect(read.map((c) => [...cellsOf(c)])).toEqual(oneThread(file).cells);
    expect(cellsOf(read[1]!)).toContain(quoted.slice(1, -1));
  });

  test('CRLF line ends, a byte-order mark, Chinese text and a U+FEFF that starts the second half', async () => {
    const lines = [
      '\ufeff客户,日期,金额',
      ...rows(0, 3000, [(row) => `客户${String(row % 97)}`, () => '2024-03-05', (row) => `${String(row)}.5`]),
    ];
    const text = lines.join('\r\n') + '\r\n';
    const columns = await expectSameAsOneThread(fileOf(text));
    expect(cellsOf(columns[0]!)[0]).toBe('客户0');
    // A zero-width no-break space right after the cut is a character of the cell, not a byte-order mark.
    const bytes = Buffer.from(text);
    const cut = bytes.indexOf(10, cutSearchFrom(bytes.length)) + 1;
    const marked = Buffer.concat([bytes.subarray(0, cut), Buffer.from('\ufeff'), bytes.subarray(cut)]);
    const file = fileOf(marked);
    await expectSameAsOneThread(file);
    const cells = (await inHalves(file))!.cells[0]!;
    expect(cells.filter((cell) => typeof cell === 'string' && cell.startsWith('\ufeff'))).toHaveLength(1);
  });

  test('blank records at the cut and at the end, a longer row in the second half, a title above the header', async () => {
    const top = ['Sales export,,', ',,', 'Customer,Date,Amount'];
    const body = rows(0, 2000, [(row) => `C${String(row % 13)}`, () => '2024-01-02', (row) => String(row)]);
    const text = [
      ...top,
      ...body.slice(0, 1000),
      '',
      ',,',
      ...body.slice(1000),
      'C1,2024-01-03,5,extra',
      '',
      '',
      '',
    ].join('\n');
    const parsed = await inHalves(fileOf(text));
    expect(parsed?.skipRows).toBe(2);
    await expectSameAsOneThread(fileOf(text));
    // Only blank records in the second half: the first half's rows, trailing blanks dropped.
    const blankEnd = [...top, ...body, ...Array.from({ length: 3000 }, () => ',,')].join('\n');
    const blankTail = await inHalves(fileOf(blankEnd));
    expect(blankTail?.rowCount).toBe(2000);
    await expectSameAsOneThread(fileOf(blankEnd));
  });

  test('not UTF-8 past the start, or a failed thread: null (read on one thread, as GB18030 when so)', async () => {
    const utf8 = [
      'Customer,Amount',
      ...rows(0, 3000, [(row) => `C${String(row % 20)}`, (row) => String(row)]),
    ].join('\n');
    const gbk = Buffer.concat([
      Buffer.from(utf8),
      Buffer.from([0x0a, 0xbf, 0xcd, 0xbb, 0xa7, 0x2c, 0x31, 0x0a]),
    ]);
    const file = fileOf(gbk);
    expect(await inHalves(file)).toBeNull();
    const host = await readWorkbookFile(file, { csvHalfParser: sameThread });
    const table = (await host.inspect()).tables[0]!;
    expect(table.rowCount).toBe(3001);
    expect(cellsOf((await host.readColumns(table, [0]))[0]!)[3000]).toBe('客户');
    const failing: CsvHalfParser = {
      parse: () => Promise.resolve<CsvHalfReply>({ kind: 'failed', message: 'worker stopped' }),
    };
    const plain = fileOf(utf8);
    expect(await inHalves(plain, failing)).toBeNull();
    const fallback = await readWorkbookFile(plain, { csvHalfParser: failing });
    expect((await fallback.inspect()).tables[0]!.rowCount).toBe(3000);
  });
});
