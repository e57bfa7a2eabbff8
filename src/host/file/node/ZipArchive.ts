import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { createInflateRaw, inflateRawSync } from 'node:zlib';

/** One file of a zip archive, as its central directory describes it. */
interface ZipEntry {
  /** 0 = stored, 8 = deflated. */
  method: number;
  compressedSize: number;
  /** Offset of the entry's local header in the archive. */
  headerOffset: number;
}

const endOfDirectorySignature = 0x06054b50;
const directorySignature = 0x02014b50;
const localHeaderSignature = 0x04034b50;
/** The end-of-directory record is 22 bytes plus a comment of up to 65,535. */
const endSearchBytes = 22 + 0xffff;

/**
 * Reads the files of a zip archive (an .xlsx package) from disk without loading it whole: the central
 * directory is read once, small parts are inflated in one go and large ones streamed through zlib.
 * Zip64 archives (over 4 GB) are refused with a message.
 */
export class ZipArchive {
  private constructor(
    private readonly filePath: string,
    private readonly entries: Map<string, ZipEntry>,
  ) {}

  /**
   * Opens an archive and reads its central directory.
   *
   * @throws Error when the file is not a zip archive.
   */
  static async open(filePath: string): Promise<ZipArchive> {
    const file = await open(filePath, 'r');
    try {
      const { size } = await file.stat();
      const tailLength = Math.min(size, endSearchBytes);
      const tail = await readAt(file, size - tailLength, tailLength);
      let end = -1;
      for (let at = tail.length - 22; at >= 0; at--) {
        if (tail.readUInt32LE(at) === endOfDirectorySignature) {
          end = at;
          break;
        }
      }
      if (end < 0) throw new Error('not a zip archive (no central directory)');
      const count = tail.readUInt16LE(end + 10);
      const directorySize = tail.readUInt32LE(end + 12);
      const directoryOffset = tail.readUInt32LE(end + 16);
      if (count === 0xffff || directoryOffset === 0xffffffff)
        throw new Error('a zip64 archive (over 4 GB), which is not supported');
      const directory = await readAt(file, directoryOffset, directorySize);
      const entries = new Map<string, ZipEntry>();
      let at = 0;
      for (let k = 0; k < count; k++) {
        if (directory.readUInt32LE(at) !== directorySignature) throw new Error('a damaged central directory');
        const nameLength = directory.readUInt16LE(at + 28);
        const extraLength = directory.readUInt16LE(at + 30);
        const commentLength = directory.readUInt16LE(at + 32);
        const name = directory.toString('utf8', at + 46, at + 46 + nameLength);
        if (directory.readUInt32LE(at + 20) === 0xffffffff || directory.readUInt32LE(at + 42) === 0xffffffff)
          throw new Error('a zip64 archive (a part over 4 GB), which is not supported');
        entries.set(name, {
          method: directory.readUInt16LE(at + 10),
          compressedSize: directory.readUInt32LE(at + 20),
          headerOffset: directory.readUInt32LE(at + 42),
        });
        at += 46 + nameLength + extraLength + commentLength;
      }
      return new ZipArchive(filePath, entries);
    } finally {
      await file.close();
    }
  }

  /** Whether the archive holds a file at this path. */
  has(path: string): boolean {
    return this.entries.has(path);
  }

  /** A file's content as UTF-8 text; '' when there is no such file. */
  async text(path: string): Promise<string> {
    const entry = this.entries.get(path);
    if (entry === undefined) return '';
    const file = await open(this.filePath, 'r');
    try {
      const start = await dataStart(file, entry);
      const data = await readAt(file, start, entry.compressedSize);
      return (entry.method === 0 ? data : inflateRawSync(data)).toString('utf8');
    } finally {
      await file.close();
    }
  }

  /** A file's content in pieces as it is inflated, for files too large to hold at once. */
  async *chunks(path: string): AsyncGenerator<Buffer> {
    const entry = this.entries.get(path);
    if (entry === undefined) return;
    const file = await open(this.filePath, 'r');
    let start: number;
    try {
      start = await dataStart(file, entry);
    } finally {
      await file.close();
    }
    if (entry.compressedSize === 0) return;
    const raw = createReadStream(this.filePath, {
      start,
      end: start + entry.compressedSize - 1,
      highWaterMark: 1024 * 1024,
    });
    const stream = entry.method === 0 ? raw : raw.pipe(createInflateRaw({ chunkSize: 1024 * 1024 }));
    if (entry.method !== 0) raw.on('error', (error) => stream.destroy(error));
    for await (const chunk of stream) yield chunk as Buffer;
  }
}

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let read = 0;
  while (read < length) {
    const { bytesRead } = await file.read(buffer, read, length - read, position + read);
    if (bytesRead === 0) throw new Error('the archive ends early');
    read += bytesRead;
  }
  return buffer;
}

/** Where an entry's data starts: after its local header, whose name and extra field lengths may differ. */
async function dataStart(file: FileHandle, entry: ZipEntry): Promise<number> {
  const header = await readAt(file, entry.headerOffset, 30);
  if (header.readUInt32LE(0) !== localHeaderSignature) throw new Error('a damaged zip entry');
  if (entry.method !== 0 && entry.method !== 8)
    throw new Error(`a zip entry packed with method ${entry.method}, which is not supported`);
  return entry.headerOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
}
