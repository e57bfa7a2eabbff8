import zlib from 'node:zlib';
import type { PackagePart } from '../appendSheetRows';
import { crc32Of } from './crc32Of';

/** One file of a zip archive, as the archive holds it (its data compressed when `method` is 8). */
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

const endOfDirectorySignature = 0x06054b50;
const directorySignature = 0x02014b50;
const localHeaderSignature = 0x04034b50;
/** Zip fields are 32-bit without the zip64 extension, which is not written. */
const maxZipBytes = 0xffffffff;
/** Parts larger than this are deflated at level 1: several times quicker, a little larger. */
const fastLevelAboveBytes = 8 * 1024 ** 2;

/** MS-DOS time and date fields of a date (local time, 2-second steps; 1980 at the earliest). */
function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.max(1980, date.getFullYear());
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

/**
 * Writes a zip archive (an .xlsx package) entry by entry with Node's zlib: new bytes are deflated at
 * level 6 as Excel writes (level 1 above 8 MB), a part deflated ahead (`deflatingSink`) or an entry
 * copied from another archive goes in as it is. File names are marked UTF-8; zip64 is not written.
 *
 * @example const zip = new ZipWriter(); zip.add('a.xml', bytes); const archive = zip.finish();
 */
export class ZipWriter {
  private readonly chunks: Uint8Array[] = [];
  private readonly directory: Buffer[] = [];
  private offset = 0;
  private count = 0;

  /**
   * Adds a part: its bytes (deflated here) or its bytes deflated ahead, dated `date`.
   *
   * @throws Error when the archive would pass 4 GB.
   */
  add(name: string, part: PackagePart, date = new Date()): void {
    const when = dosDateTime(date);
    if (part instanceof Uint8Array) {
      const data = zlib.deflateRawSync(part, { level: part.length > fastLevelAboveBytes ? 1 : 6 });
      this.append({ name, method: 8, crc: crc32Of(part), size: part.length, ...when }, [data]);
    } else this.append({ name, method: 8, crc: part.crc32, size: part.size, ...when }, part.deflated);
  }

  /**
   * Adds an entry as it is (one read from another archive: no inflating, no deflating).
   *
   * @throws Error when the archive would pass 4 GB.
   */
  addEntry(entry: RawZipEntry): void {
    this.append(entry, [entry.data]);
  }

  /** Adds an entry whose stored data is `pieces`, in order (a part deflated ahead is not joined first). */
  private append(entry: Omit<RawZipEntry, 'data'>, pieces: readonly Uint8Array[]): void {
    const stored = pieces.reduce((sum, piece) => sum + piece.length, 0);
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(localHeaderSignature, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt16LE(entry.time, 10);
    local.writeUInt16LE(entry.date, 12);
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(stored, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(directorySignature, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    local.copy(central, 8, 6, 30);
    // Comment length, disk, internal and external attributes stay 0.
    central.writeUInt32LE(this.offset, 42);
    this.directory.push(central, name);
    this.chunks.push(local, name, ...pieces);
    this.offset += local.length + name.length + stored;
    this.count++;
    if (this.offset > maxZipBytes || entry.size > maxZipBytes)
      throw new Error('The result workbook would be over 4 GB, which this writer does not support.');
  }

  /** The archive's bytes: the entries added, then their directory. */
  finish(): Uint8Array {
    const directoryBytes = Buffer.concat(this.directory);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(endOfDirectorySignature, 0);
    end.writeUInt16LE(this.count, 8);
    end.writeUInt16LE(this.count, 10);
    end.writeUInt32LE(directoryBytes.length, 12);
    end.writeUInt32LE(this.offset, 16);
    return Buffer.concat([...this.chunks, directoryBytes, end]);
  }
}
