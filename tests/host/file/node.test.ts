import { createHash } from 'node:crypto';
import { cellsOf } from '../../../src/engine/cellColumn';
import { mkdir, mkdtemp, open, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Workbook } from 'exceljs';
import { defaultSettings } from '../../../src/engine/defaultSettings';
import { AnalysisError } from '../../../src/engine/errors';
import { decodeCsvBytes, readWorkbookFile } from '../../../src/host/file/node/readWorkbookFile';
import { flushEveryBytes, writeFileAtomically } from '../../../src/host/file/node/writeFileAtomically';
import { writeSampleWorkbook } from '../../../src/host/file/node/writeSampleWorkbook';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'file-host-node-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const sha = async (file: string): Promise<string> =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');

describe('writeFileAtomically', () => {
  it('replaces the target and leaves no temporary file', async () => {
    const target = path.join(folder, 'out.xlsx');
    await writeFile(target, 'old');
    await writeFileAtomically(target, new TextEncoder().encode('new contents'));
    expect(await readFile(target, 'utf8')).toBe('new contents');
    expect(await readdir(folder)).toEqual(['out.xlsx']);
  });

  it('writes text given in pieces as UTF-8, one piece after the other', async () => {
    const target = path.join(folder, 'report.json');
    const pieces = function* (): Generator<string> {
      yield '{"客户": [\n';
      for (let i = 0; i < 3; i++) yield `${i === 0 ? '' : ',\n'}  "C${i}"`;
      yield '\n]}\n';
    };
    await writeFileAtomically(target, pieces());
    expect(await readFile(target, 'utf8')).toBe('{"客户": [\n  "C0",\n  "C1",\n  "C2"\n]}\n');
    expect(await readdir(folder)).toEqual(['report.json']);
  });

  it('writes many small pieces, multi-byte text and pieces larger than its buffer, byte for byte', async () => {
    const target = path.join(folder, 'big.json');
    const pieces: string[] = [];
    for (let i = 0; i < 30_000; i++) pieces.push(i % 7 === 0 ? `客户${i}😀,` : `C${i},`);
    // Larger than the writer's 1 MB buffer, ASCII and not, and a lone surrogate (written as U+FFFD).
    pieces.push('x'.repeat(1_500_000), '甲'.repeat(400_000), '\ud800', 'end');
    await writeFileAtomically(target, pieces);
    expect((await readFile(target)).equals(Buffer.from(pieces.join(''), 'utf8'))).toBe(true);
  });

  describe('a large text flushes what it has written while it goes on writing', () => {
    /** The prototype of the file handles `writeFileAtomically` opens, to watch their flushes. */
    const handlePrototype = async (): Promise<{ datasync: () => Promise<void> }> => {
      const handle = await open(path.join(folder, 'probe'), 'w');
      await handle.close();
      await rm(path.join(folder, 'probe'));
      return Object.getPrototypeOf(handle) as { datasync: () => Promise<void> };
    };
    // 20 MB in pieces of 100 KB: two flushes of 8 MB at most, the final fsync for the rest.
    const pieces = Array.from({ length: 200 }, (_, i) => String(i).padStart(3, '0').repeat(34_000));
    afterEach(() => {
      jest.restoreAllMocks();
    });

    it('byte for byte, with flushes on the way', async () => {
      const target = path.join(folder, 'large.json');
      const datasync = jest.spyOn(await handlePrototype(), 'datasync');
      await writeFileAtomically(target, pieces);
      expect((await readFile(target)).equals(Buffer.from(pieces.join(''), 'utf8'))).toBe(true);
      expect(datasync.mock.calls.length).toBeGreaterThanOrEqual(1);
      expect(datasync.mock.calls.length).toBeLessThanOrEqual(Math.floor(20_400_000 / flushEveryBytes));
      expect(await readdir(folder)).toEqual(['large.json']);
    });

    it('bytes and text mixed, in order; small byte parts gathered into few writes, each part read before the next is asked for', async () => {
      const target = path.join(folder, 'mixed.json');
      const write = jest.spyOn(await handlePrototype(), 'write' as 'datasync');
      const expected: Buffer[] = [];
      // 3,000 parts of 1 KB (a worker's chunks, say), text between, one part and one text over a buffer's size.
      async function* parts(): AsyncGenerator<Iterable<string> | Uint8Array, void, undefined> {
        const part = new Uint8Array(1000);
        for (let i = 0; i < 3000; i++) {
          // Now and then the next part is waited for, as a worker's chunk would be.
          if (i % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
          part.fill(48 + (i % 10));
          expected.push(Buffer.from(part));
          // The caller reuses its part as soon as it is asked for the next: its bytes must be taken by then.
          yield part;
          if (i % 500 === 0) {
            const text = `,"客户${i}"`;
            expected.push(Buffer.from(text, 'utf8'));
            yield [text];
          }
        }
        const large = new Uint8Array(1_500_000).fill(65);
        expected.push(Buffer.from(large));
        yield large;
        const long = '甲'.repeat(400_000);
        expected.push(Buffer.from(long, 'utf8'));
        yield [long, 'end'];
        expected.push(Buffer.from('end'));
      }
      await writeFileAtomically(target, parts());
      expect((await readFile(target)).equals(Buffer.concat(expected))).toBe(true);
      // About 3 MB of small parts in 1 MB writes, not one write per part.
      expect(write.mock.calls.length).toBeLessThan(12);
      expect(await readdir(folder)).toEqual(['mixed.json']);
    });

    it('a flush that fails fails the write: the target as it was, no temporary file', async () => {
      const target = path.join(folder, 'large.json');
      await writeFile(target, 'old');
      jest
        .spyOn(await handlePrototype(), 'datasync')
        .mockRejectedValue(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }));
      await expect(writeFileAtomically(target, pieces)).rejects.toThrow(`Could not write "${target}"`);
      expect(await readFile(target, 'utf8')).toBe('old');
      expect(await readdir(folder)).toEqual(['large.json']);
    });
  });

  it('on failure leaves the target as it was and removes its temporary file', async () => {
    // A folder in the way: the final rename fails after the bytes were written.
    const target = path.join(folder, 'taken');
    await mkdir(target);
    await writeFile(path.join(target, 'inside.txt'), 'keep');
    await expect(writeFileAtomically(target, new Uint8Array([1, 2, 3]))).rejects.toThrow(
      `Could not write "${target}"`,
    );
    expect(await readdir(folder)).toEqual(['taken']);
    expect(await readFile(path.join(target, 'inside.txt'), 'utf8')).toBe('keep');
  });
});

describe('readWorkbookFile', () => {
  it('never changes the input file when the analysis is written elsewhere', async () => {
    const input = path.join(folder, 'sample.xlsx');
    await writeSampleWorkbook('en', input, { tables: true });
    const before = await sha(input);
    const host = await readWorkbookFile(input);
    const info = await host.inspect();
    const customers = info.tables.find((t) => t.tableName === 'tblCustomers')!;
    await host.write({
      customers: { kind: 'existing', table: customers },
      columns: [
        {
          key: 'abc',
          header: 'ABC class',
          format: 'text',
          values: new Array<string>(customers.rowCount).fill('C'),
        },
      ],
      sheets: [],
      settings: defaultSettings(),
    });
    await writeFileAtomically(path.join(folder, 'analysis.xlsx'), await host.toBuffer());
    expect(await sha(input)).toBe(before);
    expect((await readdir(folder)).sort()).toEqual(['analysis.xlsx', 'sample.xlsx']);
  });

  it('reads a GB18030 CSV, as Excel in Chinese saves it, and a UTF-16 one', async () => {
    const gbk = path.join(folder, 'gbk.csv');
    // "客户编号,金额,日期\r\n甲001,5,2024-01-01\r\n" in GB18030.
    const bytes = Buffer.from(
      'bfcdbba7b1e0bac52cbdf0b6ee2cc8d5c6da0d0abcd73030312c352c323032342d30312d30310d0a',
      'hex',
    );
    await writeFile(gbk, bytes);
    const info = await (await readWorkbookFile(gbk)).inspect();
    expect(info.tables[0]!.headers).toEqual(['客户编号', '金额', '日期']);

    const utf16 = path.join(folder, 'unicode.txt');
    await writeFile(
      utf16,
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from('客户编号\t金额\t日期\r\n甲001\t5\t2024-01-01\r\n', 'utf16le'),
      ]),
    );
    const host = await readWorkbookFile(utf16);
    const table = (await host.inspect()).tables[0]!;
    expect(table.headers).toEqual(['客户编号', '金额', '日期']);
    expect((await host.readColumns(table, [0])).map((column) => [...cellsOf(column)])).toEqual([['甲001']]);
  });

  it('cuts a large CSV into pieces only between records, never inside quotes', () => {
    const text = 'id,note\r\n1,"a\r\nb"\r\n2,"x,""y"""\r\n3,z\r\n';
    const pieces = decodeCsvBytes(Buffer.from(text, 'utf8'), 4);
    expect(pieces.join('')).toBe(text);
    expect(pieces).toEqual(['id,note\r\n', '1,"a\r\nb"\r\n', '2,"x,""y"""\r\n', '3,z\r\n']);
  });

  it('decodes a large GB18030 or UTF-16 CSV piece by piece: characters cut between pieces are kept whole', () => {
    const text = '客户编号,名称\r\n甲001,"北京\r\n贸易"\r\n乙002,"上海,""商行"""\r\n丙𠀀,x\r\n';
    // The same text in GB18030, from `iconv -f UTF-8 -t GB18030` (丙𠀀: a two- and a four-byte character).
    const gb18030 = Buffer.from(
      'bfcdbba7b1e0bac52cc3fbb3c60d0abcd73030312c22b1b1bea90d0ac3b3d2d7220d0ad2d23030322c22c9cfbaa32c2222c9ccd0d02222220d0ab1fb953282362c780d0a',
      'hex',
    );
    const utf16be = Buffer.from(`\ufeff${text}`, 'utf16le').swap16();
    for (const bytes of [gb18030, utf16be, Buffer.from(`\ufeff${text}`, 'utf8')]) {
      for (const pieceBytes of [1, 3, 5, 7]) {
        const pieces = decodeCsvBytes(bytes, pieceBytes);
        expect(pieces.join('')).toBe(text);
        expect(pieces.slice(0, 2)).toEqual(['客户编号,名称\r\n', '甲001,"北京\r\n贸易"\r\n']);
      }
    }
  });

  it('refuses a CSV over 1.5 GB and an old .xls with a clear message', async () => {
    const huge = path.join(folder, 'huge.csv');
    await writeFile(huge, '');
    await truncate(huge, 1_600 * 1024 ** 2);
    const refused = readWorkbookFile(huge);
    await expect(refused).rejects.toBeInstanceOf(AnalysisError);
    await expect(refused).rejects.toMatchObject({ code: 'TOO_LARGE' });
    await expect(refused).rejects.toThrow('"huge.csv" is 1,600 MB; CSV files up to 1,536 MB can be analysed');
    const old = path.join(folder, 'old.xls');
    await writeFile(old, 'x');
    await expect(readWorkbookFile(old)).rejects.toThrow('save it as .xlsx first');
  });
});

describe('writeSampleWorkbook', () => {
  it('writes dates formatted as dates and ids as text, as tables or plain ranges', async () => {
    for (const tables of [true, false]) {
      const file = path.join(folder, 'nested', `sample-${tables}.xlsx`);
      await writeSampleWorkbook('en', file, { tables });
      const workbook = new Workbook();
      await workbook.xlsx.readFile(file);
      const sales = workbook.getWorksheet('Sales')!;
      expect(sales.getTables()).toHaveLength(tables ? 1 : 0);
      expect(sales.getCell('B2').numFmt).toBe('yyyy-mm-dd');
      expect(sales.getCell('B2').value).toBeInstanceOf(Date);
      const ids = workbook.getWorksheet('Customers')!.getColumn(1).values.slice(2);
      expect(ids.every((id) => typeof id === 'string')).toBe(true);
      expect(ids).toContain('00042');
    }
  });
});
