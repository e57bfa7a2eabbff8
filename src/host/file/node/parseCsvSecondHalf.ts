import { closeSync, openSync, readSync } from 'node:fs';
import { parseCsvHalf } from '../parseCsv';
import { rowsJudged, type CsvHalfReply, type CsvHalfRequest } from './parseCsvInHalves';

/** The bytes of a file from `from` to its end (`fileBytes`). */
function readTail(filePath: string, from: number, fileBytes: number): Uint8Array {
  const descriptor = openSync(filePath, 'r');
  try {
    const bytes = Buffer.allocUnsafeSlow(Math.max(0, fileBytes - from));
    let read = 0;
    while (read < bytes.length) {
      const count = readSync(descriptor, bytes, read, bytes.length - read, from + read);
      if (count === 0) break;
      read += count;
    }
    return bytes.subarray(0, read);
  } finally {
    closeSync(descriptor);
  }
}

/**
 * The second half of `parseCsvInHalves`: reads the file from `request.from`, cuts after its first line
 * feed, decodes the rest as UTF-8 (a U+FEFF at its start is a character, not a byte-order mark) and
 * parses it as data rows; the columns as parts (`CsvColumn.toPart`). Runs on the worker thread (tests
 * call it on theirs).
 *
 * @example parseCsvSecondHalf({ filePath, from: cutSearchFrom(size), fileBytes: size, delimiter: ',' }).kind // 'parsed'
 */
export function parseCsvSecondHalf(request: CsvHalfRequest): CsvHalfReply {
  const bytes = readTail(request.filePath, request.from, request.fileBytes);
  const start = bytes.indexOf(10) + 1;
  if (start <= 0) return { kind: 'failed', message: 'no line feed after the cut' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(start));
  } catch {
    return { kind: 'notUtf8' };
  }
  const half = parseCsvHalf(text, {
    delimiter: request.delimiter,
    first: false,
    skipRows: 0,
    ...rowsJudged(text, bytes.length - start, request.fileBytes),
  });
  return {
    kind: 'parsed',
    cut: request.from + start,
    columns: half.columns.map((column) => column.toPart()),
    rowCount: half.rowCount,
    lastNonBlankRow: half.lastNonBlankRow,
  };
}
