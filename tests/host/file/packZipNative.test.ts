import zlib from 'node:zlib';
import JSZip from 'jszip';
import { packZipNative } from '../../../src/host/file/node/packZipNative';

/** A package with a text part, a binary part, a large part (level 1) and a non-ASCII name. */
async function samplePackage(): Promise<JSZip> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types/>');
  zip.file('xl/media/image1.bin', new Uint8Array([0, 1, 2, 255, 254]));
  zip.file(
    'xl/worksheets/sheet1.xml',
    `<sheetData>${'<row r="1"><c><v>1</v></c></row>'.repeat(300_000)}</sheetData>`,
  );
  zip.file('docProps/客户.xml', '<x>客户 明星</x>');
  return JSZip.loadAsync(await zip.generateAsync({ type: 'uint8array', compression: 'STORE' }));
}

describe('packZipNative', () => {
  it('writes a deflated package JSZip reads back part for part, with replaced and added parts', async () => {
    const zip = await samplePackage();
    const replaced = new TextEncoder().encode('<sheetData><row r="1"/></sheetData>');
    const added = new TextEncoder().encode('<added/>');
    const bytes = await packZipNative(
      zip,
      new Map([
        ['xl/worksheets/sheet1.xml', replaced],
        ['xl/new.xml', added],
      ]),
    );
    const read = await JSZip.loadAsync(bytes);
    expect(Object.keys(read.files).sort()).toEqual(
      [
        '[Content_Types].xml',
        'docProps/客户.xml',
        'xl/media/image1.bin',
        'xl/new.xml',
        'xl/worksheets/sheet1.xml',
      ].sort(),
    );
    expect(await read.file('docProps/客户.xml')!.async('string')).toBe('<x>客户 明星</x>');
    expect([...(await read.file('xl/media/image1.bin')!.async('uint8array'))]).toEqual([0, 1, 2, 255, 254]);
    expect(await read.file('xl/worksheets/sheet1.xml')!.async('uint8array')).toEqual(replaced);
    expect(await read.file('xl/new.xml')!.async('string')).toBe('<added/>');
  });

  it('deflates: a large repetitive part shrinks to a small fraction', async () => {
    const zip = await samplePackage();
    const bytes = await packZipNative(zip);
    expect(bytes.length).toBeLessThan(300_000);
    const read = await JSZip.loadAsync(bytes);
    expect((await read.file('xl/worksheets/sheet1.xml')!.async('string')).length).toBe(
      '<row r="1"><c><v>1</v></c></row>'.length * 300_000 + '<sheetData></sheetData>'.length,
    );
  });

  it('computes the same CRC-32 without zlib.crc32 (Node 20 before 20.15)', async () => {
    const native = await packZipNative(await samplePackage());
    const saved = zlib.crc32;
    try {
      (zlib as { crc32?: unknown }).crc32 = undefined;
      const fallback = await packZipNative(await samplePackage());
      // Same bytes but for the entries' times: compare the CRC fields of the central directory.
      const crcs = (bytes: Uint8Array): number[] => {
        const view = Buffer.from(bytes);
        const found: number[] = [];
        for (
          let at = view.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
          at >= 0;
          at = view.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)
        )
          found.push(view.readUInt32LE(at + 16));
        return found;
      };
      expect(crcs(fallback)).toHaveLength(4);
      expect(crcs(fallback)).toEqual(crcs(native));
    } finally {
      (zlib as { crc32?: unknown }).crc32 = saved;
    }
  });
});
