import { closeSync, openSync, readSync } from 'node:fs';
import type { CellColumn } from '../../../engine/types';
import { CsvSource } from '../CsvSource';
import type { CsvColumnPart } from '../CsvColumn';
import { mergeCsvHalves } from '../mergeCsvHalves';
import { detectDelimiter, parseCsvHalf, type CsvTable } from '../parseCsv';
import { encodingSampleBytes, textEncodingOf } from '../textEncodingOf';

/**
 * What the main thread asks of the thread that parses a CSV's second half: the records that start after
 * the first line feed at or after byte `from` of the file ({@link cutSearchFrom}).
 */
export interface CsvHalfRequest {
  filePath: string;
  /** Where the search for the cut starts (a little past the middle of the file: {@link cutSearchFrom}). */
  from: number;
  /** The file's size in bytes (its rows are estimated from it: see {@link rowsJudged}). */
  fileBytes: number;
  /** The field separator the file's first line gives. */
  delimiter: string;
}

/**
 * Its answer: the half's columns as parts (typed arrays transferred) and the byte its half starts at,
 * or that its bytes are not UTF-8 (the whole file is then read as GB18030), or that it could not.
 */
export type CsvHalfReply =
  | { kind: 'parsed'; cut: number; columns: CsvColumnPart[]; rowCount: number; lastNonBlankRow: number }
  | { kind: 'notUtf8' }
  | { kind: 'failed'; message: string };

/** A thread that parses the second half of a CSV (the command line's worker, see `serveCsvHalf`). */
export interface CsvHalfParser {
  /** Parses the half; the promise never rejects (a failure is a `failed` reply). */
  parse(request: CsvHalfRequest): Promise<CsvHalfReply>;
}

/** A CSV of at least this many bytes is parsed on two threads when a {@link CsvHalfParser} is given. */
export const csvHalvesAboveBytes = 4 * 1024 ** 2;

/** Bytes past the cut's search start within which the first half's last record must end (else one thread reads it). */
const cutWindowBytes = 1024 ** 2;

/**
 * Bytes of CSV this thread parses while the worker thread starts (some 35 ms from its spawn to its first
 * parsed byte): the first half is longer by as much, so that the halves end together rather than this
 * thread waiting for the worker.
 */
const workerStartBytes = 4 * 1024 ** 2;

/**
 * Where the search for the cut between the halves starts in a file of `size` bytes: past the middle by
 * half of {@link workerStartBytes} (the worker thread starts later), at most three quarters in.
 *
 * @example cutSearchFrom(64 * 1024 ** 2) // 34 MB: 32 MB + 2 MB
 */
export function cutSearchFrom(size: number): number {
  return Math.min(Math.floor((size * 3) / 4), Math.floor((size + workerStartBytes) / 2));
}

/**
 * A half's rows (its line feeds + 1) and the file's rows as estimated from them and the bytes, against
 * which a half's columns are judged mostly distinct (`CsvColumn`): counting the whole file's line feeds
 * would cost the main thread as much as decoding a tenth of the file.
 *
 * @example rowsJudged('a\nb\n', 4, 8) // { capacity: 3, judgedRows: 6 }
 */
export function rowsJudged(
  text: string,
  bytes: number,
  fileBytes: number,
): { capacity: number; judgedRows: number } {
  let capacity = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) capacity++;
  const judgedRows = Math.max(capacity, Math.round((capacity * fileBytes) / Math.max(1, bytes)));
  return { capacity, judgedRows };
}

/**
 * Reads `length` bytes of a file from byte 0 (fewer at its end), on this thread: it has nothing else to do
 * meanwhile, and a read on Node's thread pool would compete for a core with the worker thread as it starts.
 */
function readHead(filePath: string, length: number): Uint8Array {
  const fd = openSync(filePath, 'r');
  try {
    const bytes = Buffer.allocUnsafeSlow(length);
    let read = 0;
    while (read < length) {
      const bytesRead = readSync(fd, bytes, read, length - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return bytes.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/**
 * Parses a large UTF-8 CSV file on two threads into the table a one-thread parse of its text gives
 * (`CsvSource.parse`): the file is cut after the first line feed past {@link cutSearchFrom}; this thread reads,
 * decodes and parses the first half (header included) while `parser` reads and parses the second, then
 * the second half's columns are appended to the first's (`mergeCsvHalves`).
 *
 * @param size The file's size in bytes.
 * @returns The table and the records skipped above its header; null when the halves cannot give the
 *   one-thread result — not UTF-8, no line feed soon after the cut's search start, fewer records in the first half
 *   than the header search reads, a quoted field spanning the cut, a failed thread — and the file must
 *   be read on one thread.
 */
export async function parseCsvInHalves(
  filePath: string,
  size: number,
  parser: CsvHalfParser,
): Promise<{ table: CsvTable<CellColumn>; skipRows: number } | null> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const head = readHead(filePath, Math.min(size, encodingSampleBytes + 1));
  if (textEncodingOf(head) !== 'utf-8') return null;
  const lineEnd = head.indexOf(10);
  if (lineEnd < 0) return null;
  let delimiter: string;
  try {
    delimiter = detectDelimiter(decoder.decode(head.subarray(0, lineEnd + 1)));
  } catch {
    return null;
  }
  const from = cutSearchFrom(size);
  const reply = parser.parse({ filePath, from, fileBytes: size, delimiter });
  const bytes = readHead(filePath, Math.min(size, from + cutWindowBytes));
  const cut = bytes.indexOf(10, from) + 1;
  let text: string;
  try {
    if (cut <= 0) return null;
    text = decoder.decode(bytes.subarray(0, cut));
  } catch {
    return null;
  }
  const skipRows = CsvSource.headerRowsToSkip(text, true);
  if (skipRows === null) return null;
  const { capacity, judgedRows } = rowsJudged(text, cut, size);
  // Room for the whole file's rows as estimated, and a little more, so that appending the second half
  // rarely has to copy the columns into longer arrays.
  const first = parseCsvHalf(text, {
    delimiter,
    first: true,
    skipRows,
    capacity: Math.max(capacity, Math.ceil(judgedRows * 1.02) + 64),
    judgedRows,
  });
  if (first.endsInQuotes) return null;
  const parts = await reply;
  if (parts.kind !== 'parsed' || parts.cut !== cut) return null;
  return { table: mergeCsvHalves(first, parts), skipRows };
}
