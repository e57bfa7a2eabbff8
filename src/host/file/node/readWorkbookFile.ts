import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { AnalysisError } from '../../../engine/errors';
import { FileWorkbookHost } from '../FileWorkbookHost';
import { decodeText } from '../decodeText';
import { textEncodingOf } from '../textEncodingOf';
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
function checkCsvFitsHeap(fileName: string, size: number): void {
  const heap = getHeapStatistics();
  const needed = size * csvHeapPerByte;
  const available = heap.heap_size_limit - heap.used_heap_size;
  if (needed <= available) return;
  const mb = (bytes: number): string => Math.ceil(bytes / 1024 ** 2).toLocaleString('en-US');
  // A round figure above what is needed, with room for the analysis after the read.
  const suggested = Math.ceil((needed * 1.5 + heap.used_heap_size) / 1024 ** 3) * 1024;
  throw new AnalysisError(
    'TOO_LARGE',
    `"${fileName}" is ${mb(size)} MB; reading it takes about ${mb(needed)} MB of memory, but this process may use only ${mb(available)} MB more. Give Node more memory (NODE_OPTIONS=--max-old-space-size=${suggested}, in MB), or split the file by date.`,
  );
}

/**
 * Opens a workbook file for analysis: `.csv` (or `.txt`) as one table, `.xlsx` / `.xlsm` with every
 * table and headed range in it.
 *
 * @throws AnalysisError `TOO_LARGE` above {@link maxCsvBytes} (CSV) or {@link maxXlsxBytes} (.xlsx), and for
 *   a CSV that needs more memory than this process's heap limit leaves (see `--max-old-space-size`);
 *   Error with a one-line reason for a missing file, an old `.xls` or an unknown extension.
 * An .xlsx above {@link streamXlsxAboveBytes} is read by streaming (see there).
 * @example const host = await readWorkbookFile('data/sales.csv');
 */
export async function readWorkbookFile(
  filePath: string,
  options: ReadWorkbookOptions = {},
): Promise<FileWorkbookHost> {
  const extension = path.extname(filePath).toLowerCase();
  const fileName = path.basename(filePath);
  const size = await stat(filePath).then(
    (info) => info.size,
    () => {
      throw new Error(`The file "${filePath}" does not exist or cannot be read.`);
    },
  );
  const megabytes = (bytes: number): string => `${Math.round(bytes / 1024 ** 2).toLocaleString('en-US')} MB`;
  if (extension === '.csv' || extension === '.txt') {
    if (size > maxCsvBytes) {
      throw new AnalysisError(
        'TOO_LARGE',
        `"${fileName}" is ${megabytes(size)}; CSV files up to ${megabytes(maxCsvBytes)} can be analysed. Split it by date or filter it first.`,
      );
    }
    checkCsvFitsHeap(fileName, size);
    return FileWorkbookHost.fromCsv(decodeCsvBytes(await readFile(filePath)), fileName);
  }
  if (extension === '.xlsx' || extension === '.xlsm') {
    if (size > maxXlsxBytes) {
      throw new AnalysisError(
        'TOO_LARGE',
        `"${fileName}" is ${megabytes(size)}; workbooks up to ${megabytes(maxXlsxBytes)} can be analysed. Save the sales sheet as CSV instead.`,
      );
    }
    if (size > (options.streamAboveBytes ?? streamXlsxAboveBytes))
      return FileWorkbookHost.fromStreamed(await streamXlsx(filePath, fileName), fileName);
    return FileWorkbookHost.fromXlsx(await readFile(filePath), fileName);
  }
  if (extension === '.xls') {
    throw new Error(
      `"${fileName}" is an old-format .xls workbook: open it in Excel and save it as .xlsx first.`,
    );
  }
  throw new Error(`"${fileName}" is not a workbook this tool reads: use an .xlsx or a .csv file.`);
}
