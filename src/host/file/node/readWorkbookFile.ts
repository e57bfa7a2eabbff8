import { open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { AnalysisError } from '../../../engine/errors';
import type { Language } from '../../../engine/types';
import { FileWorkbookHost } from '../FileWorkbookHost';
import { decodeText } from '../decodeText';
import { textEncodingOf } from '../textEncodingOf';
import { FileError } from './FileError';
import { deflatingSink } from './deflatingSink';
import { packZipNative } from './packZipNative';
import { csvHalvesAboveBytes, parseCsvInHalves, type CsvHalfParser } from './parseCsvInHalves';
import { patchXlsxPackage } from './patchXlsxPackage';
import { streamXlsx } from './streamXlsx';

/** Largest CSV file accepted, in bytes (about 1.5 GB): beyond it the columns would not fit in memory. */
export const maxCsvBytes = 1.5 * 1024 ** 3;
/** Largest .xlsx file accepted, in bytes: a zip this size unpacks to several gigabytes of XML. */
export const maxXlsxBytes = 300 * 1024 ** 2;
/**
 * .xlsx files larger than this many bytes (20 MB, about 500,000 sales rows) are read by streaming: only
 * their candidate tables' cells are kept, in a tenth of the memory and less than half the time of loading
 * the whole workbook, and the output workbook holds our customers and summary sheets but not the sales
 * (see `FileWorkbookHost.fromStreamed`). Smaller files are loaded whole and their output is the whole
 * input plus ours.
 */
export const streamXlsxAboveBytes = 20 * 1024 ** 2;

/** Options of {@link readWorkbookFile}. */
export interface ReadWorkbookOptions {
  /** Overrides {@link streamXlsxAboveBytes} (tests force the streaming path with 0). */
  streamAboveBytes?: number;
  /** Language of the errors' sentences; default English. */
  language?: Language;
  /**
   * An .xlsx below the streaming size is read by streaming and its result written by patching its package
   * (`FileWorkbookHost.fromPatched`); false loads it whole with the workbook library (`fromXlsx`), as the
   * web page does. Default true.
   */
  patch?: boolean;
  /**
   * A thread for the second half of a UTF-8 CSV of at least {@link csvHalvesAboveBytes}: the file is
   * then parsed on two threads (`parseCsvInHalves`), into the same table. Default none: one thread.
   */
  csvHalfParser?: CsvHalfParser | null;
}

/** CSV files are decoded in pieces of about this many bytes (one JavaScript string holds < 512 M chars). */
const csvPieceBytes = 256 * 1024 ** 2;

/** Where the last record of `text` ends: after its last line feed outside quotes (0 when there is none). */
function lastRecordEnd(text: string): number {
  let quotes = 0;
  let end = 0;
  let scanned = 0;
  for (let lineFeed = text.indexOf('\n'); lineFeed >= 0; lineFeed = text.indexOf('\n', lineFeed + 1)) {
    for (let at = text.indexOf('"', scanned); at >= 0 && at < lineFeed; at = text.indexOf('"', at + 1))
      quotes++;
    scanned = lineFeed;
    if (quotes % 2 === 0) end = lineFeed + 1;
  }
  return end;
}

/**
 * Decodes `bytes` a piece at a time with one streaming decoder (a character cut between two pieces is
 * carried over), and cuts the text at record boundaries.
 *
 * @throws TypeError from a `fatal` decoder on bytes that are not valid in `encoding`.
 */
function decodePieces(bytes: Uint8Array, encoding: string, fatal: boolean, pieceBytes: number): string[] {
  const decoder = new TextDecoder(encoding, { fatal });
  const pieces: string[] = [];
  let carry = '';
  for (let start = 0; ; start += pieceBytes) {
    const end = Math.min(bytes.length, start + pieceBytes);
    const last = end >= bytes.length;
    const text = carry + decoder.decode(bytes.subarray(start, end), { stream: !last });
    if (last) {
      if (text !== '' || pieces.length === 0) pieces.push(text);
      return pieces;
    }
    const cut = lastRecordEnd(text);
    if (cut > 0) pieces.push(text.slice(0, cut));
    carry = text.slice(cut);
  }
}

/**
 * Decodes CSV bytes in pieces, as {@link decodeText} would decode them whole: UTF-8 (with or without a
 * byte-order mark), UTF-16 LE/BE (Excel's "Unicode text"), else GB18030 — what Excel in Chinese saves as
 * "CSV". The encoding is told from the first bytes ({@link textEncodingOf}); a file that starts as UTF-8
 * but holds invalid UTF-8 further on is decoded again as GB18030.
 *
 * @returns The text in pieces that each end at a record boundary (never inside quotes); one piece when
 *   the file is at most `pieceBytes` long.
 */
export function decodeCsvBytes(bytes: Uint8Array, pieceBytes = csvPieceBytes): string[] {
  if (bytes.length <= pieceBytes) return [decodeText(bytes).text];
  const encoding = textEncodingOf(bytes);
  if (encoding !== 'utf-8') return decodePieces(bytes, encoding, false, pieceBytes);
  try {
    return decodePieces(bytes, encoding, true, pieceBytes);
  } catch {
    return decodePieces(bytes, 'gb18030', false, pieceBytes);
  }
}

/**
 * Heap bytes reading a CSV takes per byte of the file, at its peak: the decoded text (up to 2 bytes per
 * character) while the parsed columns (about 4 bytes per byte, measured on sales exports) are built.
 */
const csvHeapPerByte = 6;

/**
 * Refuses a CSV this process cannot hold, before reading it: V8 stops the whole process with "heap out of
 * memory" (no error to catch) when the heap limit is reached, whatever the file-size limit says.
 */
function checkCsvFitsHeap(fileName: string, size: number, language: Language): void {
  const heap = getHeapStatistics();
  const needed = size * csvHeapPerByte;
  const available = heap.heap_size_limit - heap.used_heap_size;
  if (needed <= available) return;
  // A round figure above what is needed, with room for the analysis after the read.
  const suggested = Math.ceil((needed * 1.5 + heap.used_heap_size) / 1024 ** 3) * 1024;
  throw AnalysisError.of(
    {
      key: 'csvNeedsMemory',
      file: fileName,
      megabytes: megabytesUp(size),
      neededMegabytes: megabytesUp(needed),
      availableMegabytes: megabytesUp(available),
      suggestedMegabytes: suggested,
    },
    language,
  );
}

const megabytesUp = (bytes: number): number => Math.ceil(bytes / 1024 ** 2);
const megabytesNear = (bytes: number): number => Math.round(bytes / 1024 ** 2);

/** The first bytes of a file (fewer when it is shorter). */
async function headOf(filePath: string, length: number): Promise<Uint8Array> {
  const handle = await open(filePath, 'r');
  try {
    const buffer = new Uint8Array(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** A zip package starts with a local file header (or, empty, with the end of its central directory). */
const isZip = (head: Uint8Array): boolean =>
  head[0] === 0x50 && head[1] === 0x4b && (head[2] === 0x03 || head[2] === 0x05);
/** An .xlsx saved with a password is an OLE compound file (as an old .xls is). */
const isCompoundFile = (head: Uint8Array): boolean =>
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((byte, k) => head[k] === byte);

/**
 * An .xlsx read by streaming, its result written by patching its package; loaded whole when one of its
 * sheet names cannot name a placeholder sheet.
 */
async function openPatched(filePath: string, fileName: string): Promise<FileWorkbookHost> {
  const bytes = await readFile(filePath);
  const streamed = await streamXlsx(filePath, fileName);
  try {
    return FileWorkbookHost.fromPatched(streamed, bytes, fileName, patchXlsxPackage);
  } catch {
    return FileWorkbookHost.fromXlsx(bytes, fileName);
  }
}

/**
 * Opens a workbook file for analysis: `.csv` (or `.txt`) as one table, `.xlsx` / `.xlsm` with every
 * table and headed range in it. Its output package is deflated by Node's zlib (`packZipNative`).
 *
 * @throws FileError for a missing or unreadable file, a folder, an empty file, an old `.xls`, an unknown
 *   extension, an `.xlsx` that is not a zip package, is password-protected or damaged — in
 *   `options.language`, without the zip library's words; AnalysisError `TOO_LARGE` above
 *   {@link maxCsvBytes} (CSV) or {@link maxXlsxBytes} (.xlsx), and for a CSV that needs more memory than
 *   this process's heap limit leaves (see `--max-old-space-size`).
 * An .xlsx above {@link streamXlsxAboveBytes} is read by streaming (see there).
 * @example const host = await readWorkbookFile('data/sales.csv');
 */
export async function readWorkbookFile(
  filePath: string,
  options: ReadWorkbookOptions = {},
): Promise<FileWorkbookHost> {
  const language = options.language ?? 'en';
  const extension = path.extname(filePath).toLowerCase();
  const fileName = path.basename(filePath);
  const info = await stat(filePath).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException | null)?.code ?? '';
    throw code === 'ENOENT' || code === 'ENOTDIR'
      ? new FileError('notFound', filePath, language)
      : new FileError('unreadable', filePath, language, code);
  });
  if (info.isDirectory()) throw new FileError('isFolder', filePath, language);
  const size = info.size;
  const isCsv = extension === '.csv' || extension === '.txt';
  const isXlsx = extension === '.xlsx' || extension === '.xlsm';
  if (!isCsv && !isXlsx)
    throw new FileError(extension === '.xls' ? 'oldXls' : 'unknownExtension', fileName, language);
  if (size === 0) throw new FileError('emptyFile', fileName, language);
  const head = await headOf(filePath, 8).catch((error: unknown) => {
    throw new FileError(
      'unreadable',
      filePath,
      language,
      (error as NodeJS.ErrnoException | null)?.code ?? '',
    );
  });
  if (isCsv) {
    if (size > maxCsvBytes) {
      throw AnalysisError.of(
        {
          key: 'csvTooLarge',
          file: fileName,
          megabytes: megabytesNear(size),
          limitMegabytes: megabytesNear(maxCsvBytes),
        },
        language,
      );
    }
    checkCsvFitsHeap(fileName, size, language);
    const parser = options.csvHalfParser ?? null;
    const halves =
      parser !== null && size >= csvHalvesAboveBytes && size <= csvPieceBytes
        ? await parseCsvInHalves(filePath, size, parser).catch(() => null)
        : null;
    let host: FileWorkbookHost;
    if (halves !== null) host = FileWorkbookHost.fromCsvTable(halves.table, halves.skipRows, fileName);
    else {
      const pieces = decodeCsvBytes(await readFile(filePath));
      if (pieces.every((piece) => piece.trim() === '')) throw new FileError('emptyFile', fileName, language);
      host = FileWorkbookHost.fromCsv(pieces, fileName);
    }
    host.packPackage = packZipNative;
    host.partSink = deflatingSink;
    return host;
  }
  if (size > maxXlsxBytes) {
    throw AnalysisError.of(
      {
        key: 'xlsxTooLarge',
        file: fileName,
        megabytes: megabytesNear(size),
        limitMegabytes: megabytesNear(maxXlsxBytes),
      },
      language,
    );
  }
  if (isCompoundFile(head)) throw new FileError('encrypted', fileName, language);
  if (!isZip(head)) throw new FileError('notXlsx', fileName, language);
  try {
    const host =
      size > (options.streamAboveBytes ?? streamXlsxAboveBytes)
        ? FileWorkbookHost.fromStreamed(await streamXlsx(filePath, fileName), fileName)
        : options.patch === false
          ? await FileWorkbookHost.fromXlsx(await readFile(filePath), fileName)
          : await openPatched(filePath, fileName);
    host.packPackage = packZipNative;
    host.partSink = deflatingSink;
    return host;
  } catch (error) {
    // Both readers say so when the package's parts cannot be read; anything else is not the file's fault.
    if (error instanceof Error && error.message.includes('could not be read as an .xlsx workbook'))
      throw new FileError('damagedXlsx', fileName, language);
    throw error;
  }
}
