import { randomBytes } from 'node:crypto';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Language } from '../../../engine/types';
import { FileError } from './FileError';

/**
 * Writes a file so that readers see either the old file or the complete new one, never half of it: the
 * bytes go to a temporary file in the same folder, are flushed to disk (fsync), then renamed over the
 * target. On any failure the temporary file is removed and the target is left as it was.
 *
 * @param filePath Where the file goes; its folder must exist.
 * @param bytes The content, or its text in pieces of any size (written as UTF-8 one after the other, as they
 *   come, a megabyte or so at a time), or an asynchronous sequence of parts, each such pieces of text or bytes.
 * @param language Of the error's sentence.
 * @throws FileError `cannotWrite` with the system's reason in plain words.
 * @example await writeFileAtomically('out/analysis.xlsx', bytes);
 */
export async function writeFileAtomically(
  filePath: string,
  bytes: Uint8Array | Iterable<string> | AsyncIterable<Iterable<string> | Uint8Array>,
  language: Language = 'en',
): Promise<void> {
  const folder = path.dirname(path.resolve(filePath));
  const temporary = path.join(
    folder,
    `.${path.basename(filePath)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  let created = false;
  try {
    const handle = await open(temporary, 'wx');
    created = true;
    try {
      if (bytes instanceof Uint8Array) await handle.writeFile(bytes);
      else await writePieces(handle, Symbol.asyncIterator in bytes ? bytes : [bytes]);
      // What is left to flush (writePieces flushes as it goes), and the file's size and times.
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, filePath);
    created = false;
  } catch (error) {
    if (created) await unlink(temporary).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException | null)?.code;
    throw new FileError('cannotWrite', filePath, language, code ?? String(error));
  }
}

/** Bytes gathered before a write. */
const bufferBytes = 1 << 20;

/** Bytes written after which what is written so far starts going to disk while the writing goes on. */
export const flushEveryBytes = 8 << 20;

/**
 * Encodes text pieces as UTF-8 into a buffer and writes it whenever the next piece might not fit:
 * Buffer#write copies a flat string into the buffer several times faster than a write of the string
 * encodes it (a 74 MB report: tens of milliseconds instead of about half a second), and a megabyte per write
 * keeps the calls few. Parts that are bytes already (a worker's chunks) are copied into the buffer when they
 * fit. Two buffers take turns: one is written (on Node's thread pool) while the next is filled, so the text
 * is made while the bytes go out rather than after. Every {@link flushEveryBytes} it starts flushing what
 * is written (fdatasync, on a thread of the pool, one at a time) while the text is still being made, so the
 * final fsync waits for the last few megabytes only (for a 74 MB report, about 30 ms less at the end); a
 * failed flush fails the write.
 */
async function writePieces(
  handle: FileHandle,
  parts: AsyncIterable<Iterable<string> | Uint8Array> | Iterable<Iterable<string>>,
): Promise<void> {
  const buffers = [Buffer.allocUnsafe(bufferBytes), Buffer.allocUnsafe(bufferBytes)] as const;
  let buffer = buffers[0];
  let used = 0;
  // The write under way (one at a time, in order), of the other buffer or of a part of its own.
  let writing: Promise<void> = Promise.resolve();
  // Bytes written since the last flush began; the flush under way (one at a time) and its error.
  const flush = { unflushed: 0, busy: false, done: Promise.resolve(), failure: null as Error | null };
  const writeOut = async (bytes: Uint8Array, length: number): Promise<void> => {
    for (let at = 0; at < length;) at += (await handle.write(bytes, at, length - at)).bytesWritten;
    flush.unflushed += length;
    if (flush.unflushed >= flushEveryBytes && !flush.busy) {
      flush.unflushed = 0;
      flush.busy = true;
      flush.done = handle.datasync().then(
        () => {
          flush.busy = false;
        },
        (error: unknown) => {
          flush.failure ??= error instanceof Error ? error : new Error(String(error));
          flush.busy = false;
        },
      );
    }
    if (flush.failure !== null) throw flush.failure;
  };
  // Starts writing what the buffer holds, once the write before is done, and fills the other meanwhile.
  const writeBuffer = async (): Promise<void> => {
    await writing;
    if (used === 0) return;
    writing = writeOut(buffer, used);
    // Handled where it is awaited; never an unhandled rejection meanwhile.
    writing.catch(() => undefined);
    buffer = buffer === buffers[0] ? buffers[1] : buffers[0];
    used = 0;
  };
  for await (const part of parts) {
    if (part instanceof Uint8Array) {
      if (used + part.length <= bufferBytes) {
        buffer.set(part, used);
        used += part.length;
        continue;
      }
      // Bytes that do not fit go out as they are, after what the buffer holds, before the caller has the
      // part back.
      await writeBuffer();
      await writing;
      await writeOut(part, part.length);
      continue;
    }
    for (const piece of part) {
      // At most 3 bytes of UTF-8 per UTF-16 code unit (a surrogate pair: 4 bytes for 2 units).
      const most = 3 * piece.length;
      if (used + most > bufferBytes) await writeBuffer();
      if (most > bufferBytes) {
        await writing;
        const bytes = Buffer.from(piece, 'utf8');
        await writeOut(bytes, bytes.length);
      } else used += buffer.write(piece, used, 'utf8');
    }
  }
  await writeBuffer();
  await writing;
  await flush.done;
  if (flush.failure !== null) throw flush.failure;
}
