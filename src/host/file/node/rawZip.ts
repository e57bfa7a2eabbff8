import zlib from 'node:zlib';
import type { PackagePart } from '../appendSheetRows';
import { ZipWriter, type RawZipEntry } from './ZipWriter';

export type { RawZipEntry } from './ZipWriter';

/** A file to write into a new archive: an entry copied as it is, or new bytes to deflate (or deflated ahead). */
export type ZipPart = RawZipEntry | { name: string; bytes: PackagePart };

const endOfDirectorySignature = 0x06054b50;
const directorySignature = 0x02014b50;
const localHeaderSignature = 0x04034b50;
/** Zip fields are 32-bit without the zip64 extension, which is neither read nor written. */
const maxZipBytes = 0xffffffff;

/**
 * The entries of a zip archive held in memory, in the order of its central directory, their data left
 * compressed (a slice of `bytes`, not a copy).
 *
 * @throws Error when the bytes are not a zip archive, or are a zip64 one (over 4 GB).
 * @example const entries = readRawZip(await readFile('sales.xlsx'));
 */
export function readRawZip(bytes: Uint8Array): RawZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === endOfDirectorySignature) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip archive (no central directory)');
  const count = view.getUint16(end + 10, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || directoryOffset === maxZipBytes)
    throw new Error('a zip64 archive (over 4 GB), which is not supported');
  const decoder = new TextDecoder();
  const entries: RawZipEntry[] = [];
  let at = directoryOffset;
  for (let k = 0; k < count; k++) {
    if (view.getUint32(at, true) !== directorySignature) throw new Error('a damaged central directory');
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const compressedSize = view.getUint32(at + 20, true);
    const headerOffset = view.getUint32(at + 42, true);
    if (view.getUint32(at + 24, true) === maxZipBytes || compressedSize === maxZipBytes)
      throw new Error('a zip64 archive (a part over 4 GB), which is not supported');
    if (view.getUint32(headerOffset, true) !== localHeaderSignature) throw new Error('a damaged zip entry');
    const start =
      headerOffset + 30 + view.getUint16(headerOffset + 26, true) + view.getUint16(headerOffset + 28, true);
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      time: view.getUint16(at + 12, true),
      date: view.getUint16(at + 14, true),
      crc: view.getUint32(at + 16, true),
      size: view.getUint32(at + 24, true),
      data: bytes.subarray(start, start + compressedSize),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * The uncompressed bytes of an entry.
 *
 * @throws Error for a compression method other than stored or deflated.
 */
export function inflateEntry(entry: RawZipEntry): Uint8Array {
  if (entry.method === 0) return entry.data;
  if (entry.method === 8) return zlib.inflateRawSync(entry.data);
  throw new Error(`a zip entry packed with method ${entry.method}, which is not supported`);
}

/**
 * A zip archive of `parts`, in their order: entries read by {@link readRawZip} are copied as they are
 * (no inflating, no deflating), new bytes are deflated with Node's zlib (level 6 as Excel writes, level 1
 * above 8 MB). File names are marked UTF-8.
 *
 * @throws Error when the archive would pass 4 GB (zip64 is not written).
 * @example const bytes = writeRawZip([...readRawZip(input), { name: 'x.xml', bytes: xml }]);
 */
export function writeRawZip(parts: readonly ZipPart[]): Uint8Array {
  const writer = new ZipWriter();
  const now = new Date();
  for (const part of parts) {
    if ('bytes' in part) writer.add(part.name, part.bytes, now);
    else writer.addEntry(part);
  }
  return writer.finish();
}
