import zlib from 'node:zlib';
import JSZip from 'jszip';
import { crc32Of } from '../../../src/host/file/node/crc32Of';
import { deflatingSink } from '../../../src/host/file/node/deflatingSink';
import { packZipNative } from '../../../src/host/file/node/packZipNative';

/** Text-like bytes: repetitive, as worksheet XML is, with a varying part. */
function bytesOf(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let k = 0; k < length; k++) bytes[k] = 0x41 + ((k * 7 + seed * 13 + (k >> 9)) % 26);
  return bytes;
}

describe('deflatingSink', () => {
  it('gives one raw deflate stream of every buffer written, with their CRC-32 and size', () => {
    const buffers = [bytesOf(100_000, 1), new Uint8Array(), bytesOf(3, 2), bytesOf(250_000, 3)];
    const sink = deflatingSink();
    for (const bytes of buffers) sink.write(bytes);
    const part = sink.end();
    if (part instanceof Uint8Array) throw new Error('expected a deflated part');
    const whole = Buffer.concat(buffers);
    expect(part.size).toBe(whole.length);
    expect(part.crc32).toBe(crc32Of(whole));
    expect(part.crc32).toBe(crc32Of(buffers[3]!, crc32Of(buffers[2]!, crc32Of(buffers[0]!))));
    const deflated = Buffer.concat(part.deflated);
    expect(Buffer.from(zlib.inflateRawSync(deflated)).equals(whole)).toBe(true);
    expect(deflated.length).toBeLessThan(whole.length / 4);
  });

  it('goes into a package as it is: the zip reads back the bytes', async () => {
    const zip = new JSZip();
    zip.file('a.txt', 'kept');
    const sink = deflatingSink();
    const first = bytesOf(70_000, 4);
    const second = bytesOf(5, 5);
    sink.write(first);
    sink.write(second);
    const packed = await packZipNative(zip, new Map([['xl/big.xml', sink.end()]]));
    const read = await JSZip.loadAsync(packed, { checkCRC32: true });
    expect(await read.file('a.txt')!.async('string')).toBe('kept');
    expect(
      Buffer.from(await read.file('xl/big.xml')!.async('uint8array')).equals(Buffer.concat([first, second])),
    ).toBe(true);
  });
});
