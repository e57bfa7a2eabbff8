import zlib from 'node:zlib';
import type { PackagePart } from '../appendSheetRows';
import { crc32Of } from './crc32Of';

/** One file of a zip archive held in memory, still compressed as the archive holds it. */
export interface RawZipEntry {
  name: string;
  /** 0 = stored, 8 = deflated. */
  method: number;
  crc: number;
  /** The uncompressed size in bytes. */
  size: number;
  /** The entry's data as stored in the archive (compressed when `method` is 8). */
  data: Uint8Array;
  /** MS-DOS time and date fields of the entry. */
  time: number;
  date: number;
}

/** A file to write into a new archive: an entry copied as it is, or new bytes to deflate (or deflated ahead). */
export type ZipPart = RawZipEntry | { name: string; bytes: PackagePart };

const endOfDirectorySignature = 0x06054b50;
const directorySignature = 0x02014b50;
const localHeaderSignature = 0x04034b50;
/** Zip fields are 32-bit without the zip64 extension, which is neither read nor written. */
const maxZipBytes = 0xffffffff;
/** New parts larger than this are deflated at level 1: several times quicker, a little larger. */
const fastLevelAboveBytes = 8 * 1024 ** 2;

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

/** MS-DOS time and date fields of a date (local time, 2-second steps; 1980 at the earliest). */
function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.max(1980, date.getFullYear());
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
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
  const chunks: Uint8Array[] = [];
  const directory: Buffer[] = [];
  const now = dosDateTime(new Date());
  let offset = 0;
  for (const part of parts) {
    const entry: RawZipEntry = !('bytes' in part)
      ? part
      : part.bytes instanceof Uint8Array
        ? {
            name: part.name,
            method: 8,
            crc: crc32Of(part.bytes),
            size: part.bytes.length,
            data: zlib.deflateRawSync(part.bytes, {
              level: part.bytes.length > fastLevelAboveBytes ? 1 : 6,
            }),
            ...now,
          }
        : {
            name: part.name,
            method: 8,
            crc: part.bytes.crc32,
            size: part.bytes.size,
            data: part.bytes.deflated,
            ...now,
          };
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(localHeaderSignature, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt16LE(entry.time, 10);
    local.writeUInt16LE(entry.date, 12);
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(directorySignature, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    local.copy(central, 8, 6, 30);
    // Comment length, disk, internal and external attributes stay 0.
    central.writeUInt32LE(offset, 42);
    directory.push(central, name);
    chunks.push(local, name, entry.data);
    offset += local.length + name.length + entry.data.length;
    if (offset > maxZipBytes || entry.size > maxZipBytes)
      throw new Error('The result workbook would be over 4 GB, which this writer does not support.');
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(endOfDirectorySignature, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directoryBytes, end]);
}
