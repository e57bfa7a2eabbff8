import type { CellColumn, RawCell } from '../../engine/types';
import { CsvColumn } from './CsvColumn';

/** Options of {@link parseCsv}. */
export interface CsvOptions {
  /** Field separator (one character); default: the most frequent of `,`, `;` and tab on the first line. */
  delimiter?: string;
  /** Records skipped before the header row (a title above the header); default 0. */
  skipRows?: number;
  /** Stop after this many data rows (for a quick look at the top of a file); default all. */
  maxRows?: number;
}

/** A parsed CSV: the header row and the data column by column. */
export interface CsvTable<Column extends CellColumn = RawCell[]> {
  /** Header texts as written; a row longer than the header adds columns with header `''`. */
  headers: string[];
  /**
   * Column-major values: `cellAt(columns[c], i)` is data row i of column c (plain arrays unless
   * `parseCsvEncoded`). Text stays text; blanks are null.
   */
  columns: Column[];
  /** Number of data rows (trailing blank records are dropped, blank records in between kept as nulls). */
  rowCount: number;
}

const quote = 34;
const carriageReturn = 13;

/**
 * Guesses the field separator from the first line: the most frequent of `,`, `;` and tab outside quotes
 * (Excel writes `;` in locales whose decimal separator is a comma); `,` when none appears.
 */
export function detectDelimiter(text: string): string {
  const end = text.indexOf('\n');
  const line = end < 0 ? text : text.slice(0, end);
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ',';
  let bestCount = 0;
  for (const [char, count] of counts) {
    if (count > bestCount) {
      best = char;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Parses RFC 4180 CSV text into columns: quoted fields (with delimiters, line breaks and doubled quotes
 * inside), CRLF or LF line ends, a UTF-8 byte-order mark stripped. Numbers stay text (the engine parses
 * them, knowing the column); empty fields become null. Built for size: a 1,000,000 × 8 file parses in
 * about a second, scanning with `indexOf` and writing straight into the columns.
 *
 * @param text The whole file, or pieces of it that each end at a record boundary (for files larger than
 *   one JavaScript string can hold).
 * @example parseCsv('id,amount\r\n"00042","1,5"\r\n') // { headers: ['id', 'amount'], columns: [['00042'], ['1,5']], rowCount: 1 }
 */
export function parseCsv(text: string | readonly string[], options: CsvOptions = {}): CsvTable {
  return parseCsvText(text, options, false) as CsvTable;
}

/**
 * {@link parseCsv}, keeping columns whose fields mostly repeat (ids, dates) as codes into their distinct
 * texts (`EncodedColumn`, see {@link CsvColumn}); the others are plain arrays.
 */
export function parseCsvEncoded(
  text: string | readonly string[],
  options: CsvOptions = {},
): CsvTable<CellColumn> {
  return parseCsvText(text, options, true);
}

function parseCsvText(
  text: string | readonly string[],
  options: CsvOptions,
  encodeRepeats: boolean,
): CsvTable<CellColumn> {
  const chunks = typeof text === 'string' ? [text] : text;
  const firstChunk = chunks[0] ?? '';
  const delimiter = options.delimiter ?? detectDelimiter(stripBom(firstChunk));
  if (delimiter.length !== 1) throw new Error(`A CSV delimiter is one character, not "${delimiter}".`);
  const state: ParseState = {
    delimiter: delimiter.charCodeAt(0),
    skip: options.skipRows ?? 0,
    maxRows: options.maxRows ?? Number.POSITIVE_INFINITY,
    headers: null,
    columns: [],
    encoded: encodeRepeats ? [] : null,
    rowCount: 0,
    lastNonBlankRow: 0,
    done: false,
    capacity: 0,
    judgedRows: 0,
    endsInQuotes: false,
  };
  // Line feeds are counted only as far as the rows wanted (the header search reads the top 30).
  let capacity = 1;
  for (const chunk of chunks) {
    for (let at = chunk.indexOf('\n'); at >= 0 && capacity <= state.maxRows; at = chunk.indexOf('\n', at + 1))
      capacity++;
  }
  state.capacity = Math.min(capacity, state.maxRows);
  state.judgedRows = state.capacity;
  chunks.forEach((chunk, index) => {
    if (!state.done) parseChunk(index === 0 ? stripBom(chunk) : chunk, state);
  });
  const rowCount = state.lastNonBlankRow;
  if (state.encoded !== null) {
    return {
      headers: state.headers ?? [],
      columns: state.encoded.map((column) => column.build(rowCount)),
      rowCount,
    };
  }
  for (const column of state.columns) column.length = rowCount;
  return { headers: state.headers ?? [], columns: state.columns, rowCount };
}

interface ParseState {
  delimiter: number;
  skip: number;
  maxRows: number;
  headers: string[] | null;
  columns: RawCell[][];
  /** The columns when repeats are encoded (then `columns` stays empty). */
  encoded: CsvColumn[] | null;
  rowCount: number;
  lastNonBlankRow: number;
  done: boolean;
  /** Upper bound on the data rows (line breaks + 1): columns are allocated once at this length. */
  capacity: number;
  /** The rows of the whole file, against which a column is judged mostly distinct (see `CsvColumn`). */
  judgedRows: number;
  /** Whether a quoted field ran to the end of the text. */
  endsInQuotes: boolean;
}

/** Options of {@link parseCsvHalf}. */
export interface CsvHalfOptions {
  /** The field separator (one character), as the whole file's first line gives it. */
  delimiter: string;
  /** The first half: a byte-order mark is stripped and `skipRows` records, then the header, are read. */
  first: boolean;
  /** Records skipped before the header row (first half only). */
  skipRows: number;
  /** Rows the columns can hold: at least the half's line breaks + 1 (the first half's columns must hold the whole file's). */
  capacity: number;
  /** The whole file's line breaks + 1, against which a column is judged mostly distinct. */
  judgedRows: number;
}

/** One half of a CSV, parsed apart: the first with its header, the second as data rows only. */
export interface CsvHalf {
  /** The header (first half), else an empty array grown by `''` for each column. */
  headers: string[];
  columns: CsvColumn[];
  /** Records read after the header, blank ones included. */
  rowCount: number;
  /** Records up to the last one that is not blank. */
  lastNonBlankRow: number;
  /** Whether a quoted field ran to the end of the text: the half did not end at a record boundary. */
  endsInQuotes: boolean;
  /** The options' capacity and judged rows (a column the second half adds is made with them). */
  capacity: number;
  judgedRows: number;
}

/**
 * Parses one half of a CSV file cut at a line break, as {@link parseCsvEncoded} parses the whole: the
 * first half's columns are exactly what the whole file's parse holds at the cut (same capacity, same
 * judgements), and the second half's rows follow them once appended (`CsvColumn.appendPart`) — unless a
 * quoted field spans the cut, which `endsInQuotes` of the first half tells.
 *
 * @example parseCsvHalf('id\nA\n', { delimiter: ',', first: true, skipRows: 0, capacity: 3, judgedRows: 3 }) // headers ['id'], 1 row
 */
export function parseCsvHalf(text: string, options: CsvHalfOptions): CsvHalf {
  if (options.delimiter.length !== 1)
    throw new Error(`A CSV delimiter is one character, not "${options.delimiter}".`);
  const state: ParseState = {
    delimiter: options.delimiter.charCodeAt(0),
    skip: options.first ? options.skipRows : 0,
    maxRows: Number.POSITIVE_INFINITY,
    headers: options.first ? null : [],
    columns: [],
    encoded: [],
    rowCount: 0,
    lastNonBlankRow: 0,
    done: false,
    capacity: options.capacity,
    judgedRows: options.judgedRows,
    endsInQuotes: false,
  };
  parseChunk(options.first ? stripBom(text) : text, state);
  return {
    headers: state.headers ?? [],
    columns: state.encoded ?? [],
    rowCount: state.rowCount,
    lastNonBlankRow: state.lastNonBlankRow,
    endsInQuotes: state.endsInQuotes,
    capacity: options.capacity,
    judgedRows: options.judgedRows,
  };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function parseChunk(text: string, state: ParseState): void {
  const length = text.length;
  const delimiter = state.delimiter;
  const delimiterChar = String.fromCharCode(delimiter);
  const record: string[] = [];
  let position = 0;
  // Next delimiter at or after the scan position, cached so a file without delimiters stays linear.
  let nextDelimiter = -1;
  while (position < length && !state.done) {
    // Header and skipped rows are collected; data rows go straight into the preallocated columns.
    const direct = state.skip === 0 && state.headers !== null;
    const row = state.rowCount;
    let blank = true;
    let column = 0;
    if (!direct) record.length = 0;
    let lineEnd = text.indexOf('\n', position);
    if (lineEnd < 0) lineEnd = length;
    // One record: fields until the end of its line (a quoted field may move the line end further).
    for (;;) {
      let pieces = '';
      let start = position;
      if (text.charCodeAt(position) === quote) {
        start = position + 1;
        for (;;) {
          const close = text.indexOf('"', start);
          if (close < 0) {
            // An unterminated quote runs to the end of the text, as spreadsheet programs read it.
            pieces += text.slice(start);
            start = length;
            state.endsInQuotes = true;
            break;
          }
          pieces += text.slice(start, close);
          if (text.charCodeAt(close + 1) === quote) {
            pieces += '"';
            start = close + 2;
            continue;
          }
          start = close + 1;
          break;
        }
        if (start > lineEnd) {
          lineEnd = text.indexOf('\n', start);
          if (lineEnd < 0) lineEnd = length;
        }
      }
      // Unquoted text (or text after a closing quote, kept rather than lost) runs to the delimiter.
      if (nextDelimiter < start && nextDelimiter !== length) {
        nextDelimiter = text.indexOf(delimiterChar, start);
        if (nextDelimiter < 0) nextDelimiter = length;
      }
      const fieldEnd = nextDelimiter < lineEnd ? nextDelimiter : lineEnd;
      let valueEnd = fieldEnd;
      if (fieldEnd === lineEnd && valueEnd > start && text.charCodeAt(valueEnd - 1) === carriageReturn)
        valueEnd--;
      if (direct && state.encoded !== null && pieces === '') {
        // An unquoted field is looked up by its characters, sliced only when new.
        if (valueEnd > start) {
          while (column >= state.encoded.length) addColumn(state);
          state.encoded[column]!.addRange(row, text, start, valueEnd);
          blank = false;
        }
        column++;
      } else {
        const value =
          valueEnd > start
            ? pieces === ''
              ? text.slice(start, valueEnd)
              : pieces + text.slice(start, valueEnd)
            : pieces;
        if (direct) {
          if (value !== '') {
            while (column >= state.columns.length + (state.encoded?.length ?? 0)) addColumn(state);
            if (state.encoded !== null) state.encoded[column]!.addString(row, value);
            else (state.columns[column] as RawCell[])[row] = value;
            blank = false;
          }
          column++;
        } else record.push(value);
      }
      if (fieldEnd < lineEnd) {
        position = fieldEnd + 1;
        continue;
      }
      position = lineEnd + 1;
      break;
    }
    if (direct) {
      state.rowCount = row + 1;
      if (!blank) state.lastNonBlankRow = row + 1;
      if (state.rowCount >= state.maxRows) state.done = true;
    } else if (state.skip > 0) state.skip--;
    else {
      state.headers = [...record];
      for (let c = 0; c < record.length; c++) {
        if (state.encoded !== null) state.encoded.push(new CsvColumn(state.capacity, state.judgedRows));
        else state.columns.push(new Array<RawCell>(state.capacity).fill(null));
      }
    }
  }
}

/** A data row longer than the header: a new column, header `''`, null above. */
function addColumn(state: ParseState): void {
  state.headers?.push('');
  if (state.encoded !== null) state.encoded.push(new CsvColumn(state.capacity, state.judgedRows));
  else state.columns.push(new Array<RawCell>(state.capacity).fill(null));
}
