/**
 * ZipArchive reads entries of zip files written by JSZip (deflated and stored, with and without data
 * descriptors, with an archive comment), whole and streamed.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { ZipArchive } from '../../../src/host/file/node/ZipArchive';
import { mulberry32 } from '../../../src/sample/mulberry32';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'zip-archive-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** A worksheet-like text of about `bytes` bytes, varied enough that deflate cannot shrink it to nothing. */
function bigText(bytes: number, seed: number): string {
  const random = mulberry32(seed);
  const rows: string[] = [];
  let size = 0;
  for (let r = 1; size < bytes; r++) {
    const row = `<row r="${r}"><c r="A${r}" t="s"><v>${Math.floor(random() * 1e6)}</v></c><c r="B${r}"><v>${(random() * 1e4).toFixed(2)}</v></c><c r="C${r}" t="inlineStr"><is><t>客户 ${r} ✓</t></is></c></row>`;
    rows.push(row);
    size += Buffer.byteLength(row);
  }
  return `<worksheet><sheetData>${rows.join('')}</sheetData></worksheet>`;
}

const big = bigText(5 * 1024 * 1024, 1);
const entries: Record<string, string> = {
  '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="x"/>',
  'xl/workbook.xml': '<workbook><sheets><sheet name="Données"/></sheets></workbook>',
  'xl/worksheets/sheet1.xml': big,
  'xl/empty.xml': '',
  'données/é 客户.txt': 'unicode name ✓',
};

type Compression = 'DEFLATE' | 'STORE';

/** JSZip options of a test archive; `perFile` overrides the compression of single entries. */
interface ZipOptions {
  streamFiles?: boolean;
  comment?: string;
  perFile?: Record<string, Compression>;
}

async function writeZip(name: string, compression: Compression, options: ZipOptions = {}): Promise<string> {
  const zip = new JSZip();
  for (const [entry, text] of Object.entries(entries)) {
    const own = options.perFile?.[entry];
    zip.file(entry, text, own === undefined ? {} : { compression: own });
  }
  const bytes = await zip.generateAsync({
    type: 'nodebuffer',
    compression,
    compressionOptions: { level: 6 },
    streamFiles: options.streamFiles ?? false,
    ...(options.comment === undefined ? {} : { comment: options.comment }),
  });
  const file = path.join(folder, name);
  await writeFile(file, bytes);
  return file;
}

async function chunksOf(archive: ZipArchive, entry: string): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of archive.chunks(entry)) chunks.push(chunk);
  return chunks;
}

/** How a test archive is written. */
interface ArchiveCase {
  name: string;
  compression: Compression;
  options: ZipOptions;
}

const archiveCases: ArchiveCase[] = [
  { name: 'deflated', compression: 'DEFLATE', options: {} },
  { name: 'stored', compression: 'STORE', options: {} },
  { name: 'deflated with data descriptors', compression: 'DEFLATE', options: { streamFiles: true } },
  { name: 'stored with data descriptors', compression: 'STORE', options: { streamFiles: true } },
  {
    name: 'deflated with an archive comment',
    compression: 'DEFLATE',
    options: { comment: `Written by a test. ${'x'.repeat(2_000)}` },
  },
  {
    name: 'mixed: the big entry stored, the rest deflated',
    compression: 'DEFLATE',
    options: { perFile: { 'xl/worksheets/sheet1.xml': 'STORE' } },
  },
];

describe.each(archiveCases)('ZipArchive on a $name archive', ({ name, compression, options }) => {
  let file: string;
  let archive: ZipArchive;
  beforeAll(async () => {
    file = await writeZip(`${name.replace(/\W+/gu, '-')}.zip`, compression, options);
    archive = await ZipArchive.open(file);
  });

  it('knows which entries it holds', () => {
    for (const entry of Object.keys(entries)) expect(archive.has(entry)).toBe(true);
    expect(archive.has('xl/worksheets/sheet2.xml')).toBe(false);
    expect(archive.has('XL/WORKBOOK.XML')).toBe(false);
    expect(archive.has('')).toBe(false);
  });

  it('reads each entry as text', async () => {
    for (const [entry, text] of Object.entries(entries)) expect(await archive.text(entry)).toBe(text);
  });

  it('reads several entries at once', async () => {
    const texts = await Promise.all(Object.keys(entries).map((entry) => archive.text(entry)));
    expect(texts).toEqual(Object.values(entries));
  });

  it('streams a multi-megabyte entry in several chunks that add up to its content', async () => {
    const chunks = await chunksOf(archive, 'xl/worksheets/sheet1.xml');
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(Buffer.isBuffer(chunk)).toBe(true);
    const joined = Buffer.concat(chunks);
    expect(joined.length).toBe(Buffer.byteLength(big));
    expect(joined.equals(Buffer.from(big, 'utf8'))).toBe(true);
  });

  it('streams small entries too', async () => {
    expect(Buffer.concat(await chunksOf(archive, 'données/é 客户.txt')).toString('utf8')).toBe(
      'unicode name ✓',
    );
    expect(Buffer.concat(await chunksOf(archive, 'xl/empty.xml')).length).toBe(0);
  });

  it("gives '' and no chunks for a missing entry", async () => {
    expect(await archive.text('missing.xml')).toBe('');
    expect(await chunksOf(archive, 'missing.xml')).toEqual([]);
  });

  it('can stop reading a stream early and read it again', async () => {
    for await (const chunk of archive.chunks('xl/worksheets/sheet1.xml')) {
      expect(chunk.length).toBeGreaterThan(0);
      break;
    }
    expect(Buffer.concat(await chunksOf(archive, 'xl/worksheets/sheet1.xml')).toString('utf8')).toBe(big);
  });
});

describe('ZipArchive.open on files that are not zip archives', () => {
  async function fileWith(name: string, bytes: Uint8Array | string): Promise<string> {
    const file = path.join(folder, name);
    await writeFile(file, bytes);
    return file;
  }

  it('rejects a text file with an Error', async () => {
    const file = await fileWith('not-a-zip.xlsx', 'Customer ID,Date,Amount\nC1,2024-01-05,10\n');
    await expect(ZipArchive.open(file)).rejects.toThrow(Error);
    await expect(ZipArchive.open(file)).rejects.toThrow(/not a zip archive/u);
  });

  it('rejects an empty file with an Error', async () => {
    await expect(ZipArchive.open(await fileWith('empty.xlsx', new Uint8Array(0)))).rejects.toBeInstanceOf(
      Error,
    );
  });

  it('rejects random bytes with an Error', async () => {
    const random = mulberry32(9);
    const bytes = Uint8Array.from({ length: 100_000 }, () => Math.floor(random() * 256));
    await expect(ZipArchive.open(await fileWith('random.bin', bytes))).rejects.toBeInstanceOf(Error);
  });

  it('rejects the first half of a zip archive with an Error', async () => {
    const whole = await readFile(await writeZip('to-cut.zip', 'DEFLATE'));
    const file = await fileWith('cut.zip', whole.subarray(0, whole.length >> 1));
    await expect(ZipArchive.open(file)).rejects.toBeInstanceOf(Error);
  });

  it('rejects a missing file', async () => {
    await expect(ZipArchive.open(path.join(folder, 'does-not-exist.zip'))).rejects.toThrow();
  });
});
