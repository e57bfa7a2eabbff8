import { xmlUnescape } from './xmlText';

/** Receives the cells of a worksheet as {@link SheetXmlScanner} finds them (rows and columns 1-based). */
export interface CellSink {
  /** A number cell (dates are numbers with a date style). */
  number(row: number, column: number, value: number, style: number): void;
  /** A shared-string cell: `index` into the workbook's shared strings. */
  shared(row: number, column: number, index: number): void;
  /** Any other cell with a value: inline or formula text, an error (`#N/A`), a boolean, an ISO date. */
  other(row: number, column: number, value: string | boolean): void;
}

const lessThan = 0x3c;
const greaterThan = 0x3e;
const slash = 0x2f;
const space = 0x20;
const quoteMark = 0x22;
const apostrophe = 0x27;
const equals = 0x3d;

const utf8 = new TextDecoder('utf-8');

/** What a cell's `t` attribute says it holds. */
const CellType = {
  Number: 0,
  Shared: 1,
  Boolean: 2,
  Error: 3,
  FormulaText: 4,
  InlineText: 5,
  IsoDate: 6,
} as const;
type CellType = (typeof CellType)[keyof typeof CellType];

/**
 * A streaming reader of a worksheet part (`xl/worksheets/sheetN.xml`) that works on the bytes: it finds
 * `<row>` and `<c>` elements with `indexOf`, reads numbers and shared-string indexes straight from the
 * bytes and decodes text only for the rare inline and formula strings. Feed it the inflated part piece by
 * piece with {@link push}; it hands each cell to the sink. Rows and cells without an `r` attribute follow
 * the one before, as the format allows.
 */
export class SheetXmlScanner {
  private pending: Uint8Array = new Uint8Array(0);
  private inSheetData = false;
  private done = false;
  private row = 0;
  private column = 0;

  constructor(private readonly sink: CellSink) {}

  /** Reads the next piece of the part; whole rows are handed on, a partial one waits for the next piece. */
  push(piece: Uint8Array): void {
    if (this.done) return;
    const bytes = this.pending.length === 0 ? piece : concat(this.pending, piece);
    const end = this.completeEnd(bytes);
    this.scan(bytes, end);
    this.pending = bytes.subarray(end);
  }

  /** Reads what is left after the last piece. */
  end(): void {
    if (!this.done) this.scan(this.pending, this.pending.length);
    this.pending = new Uint8Array(0);
    this.done = true;
  }

  /** Whether the end of the sheet's data was reached (the rest of the part is of no interest). */
  get finished(): boolean {
    return this.done;
  }

  /** The end of the last complete row (after `</row>`, or `</sheetData>`), 0 when there is none yet. */
  private completeEnd(bytes: Uint8Array): number {
    const rowEnd = lastIndexOf(bytes, '</row>');
    const dataEnd = indexOf(bytes, '</sheetData>', rowEnd < 0 ? 0 : rowEnd);
    if (dataEnd >= 0) return dataEnd + '</sheetData>'.length;
    return rowEnd < 0 ? 0 : rowEnd + '</row>'.length;
  }

  private scan(bytes: Uint8Array, end: number): void {
    let at = 0;
    if (!this.inSheetData) {
      const start = indexOf(bytes, '<sheetData', 0, end);
      if (start < 0) return;
      this.inSheetData = true;
      at = start + 1;
    }
    while (at < end && !this.done) {
      const open = bytes.indexOf(lessThan, at);
      if (open < 0 || open >= end) return;
      const next = bytes[open + 1];
      const after = bytes[open + 2] ?? 0;
      if (next === 0x72 && after === 0x6f && bytes[open + 3] === 0x77 && isTagEnd(bytes[open + 4] ?? 0)) {
        at = this.readRow(bytes, open + 4);
      } else if (next === 0x63 && isTagEnd(after)) {
        at = this.readCell(bytes, open + 2);
      } else if (next === slash && startsWith(bytes, open + 2, 'sheetData')) {
        this.done = true;
        return;
      } else {
        at = open + 1;
      }
    }
  }

  /** Reads a `<row …>` start tag's `r`; returns where scanning goes on. */
  private readRow(bytes: Uint8Array, at: number): number {
    const close = bytes.indexOf(greaterThan, at);
    if (close < 0) return bytes.length;
    let number = 0;
    forEachAttribute(bytes, at, close, (name, valueStart, valueEnd) => {
      if (name === 0x72 /* r */) number = readInteger(bytes, valueStart, valueEnd);
    });
    this.row = number > 0 ? number : this.row + 1;
    this.column = 0;
    return close + 1;
  }

  /** Reads a `<c …>…</c>` element; returns where scanning goes on. */
  private readCell(bytes: Uint8Array, at: number): number {
    const close = bytes.indexOf(greaterThan, at);
    if (close < 0) return bytes.length;
    let column = 0;
    let type = CellType.Number as CellType;
    let style = 0;
    forEachAttribute(bytes, at, close, (name, valueStart, valueEnd) => {
      if (name === 0x72 /* r */) column = columnOfReference(bytes, valueStart, valueEnd);
      else if (name === 0x74 /* t */) type = cellType(bytes, valueStart, valueEnd);
      else if (name === 0x73 /* s */) style = readInteger(bytes, valueStart, valueEnd);
    });
    this.column = column > 0 ? column : this.column + 1;
    if (bytes[close - 1] === slash) return close + 1;
    const cellEnd = indexOf(bytes, '</c>', close);
    const end = cellEnd < 0 ? bytes.length : cellEnd;
    if (type === CellType.InlineText) {
      const text = inlineText(bytes, close + 1, end);
      if (text !== '') this.sink.other(this.row, this.column, text);
      return end + 4;
    }
    const valueTag = indexOf(bytes, '<v', close + 1, end);
    if (valueTag < 0) return end + 4;
    const valueStart = bytes.indexOf(greaterThan, valueTag) + 1;
    if (bytes[valueStart - 2] === slash) return end + 4;
    const valueEnd = indexOf(bytes, '</v>', valueStart, end);
    if (valueEnd < 0) return end + 4;
    switch (type) {
      case CellType.Number: {
        const value = readNumber(bytes, valueStart, valueEnd);
        if (!Number.isNaN(value)) this.sink.number(this.row, this.column, value, style);
        break;
      }
      case CellType.Shared:
        this.sink.shared(this.row, this.column, readInteger(bytes, valueStart, valueEnd));
        break;
      case CellType.Boolean:
        this.sink.other(this.row, this.column, bytes[valueStart] === 0x31);
        break;
      default: {
        const text = unescapeXml(utf8.decode(bytes.subarray(valueStart, valueEnd)));
        if (text !== '') this.sink.other(this.row, this.column, text);
      }
    }
    return end + 4;
  }
}

function isSpace(byte: number): boolean {
  return byte === space || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

function isTagEnd(byte: number): boolean {
  return isSpace(byte) || byte === greaterThan || byte === slash;
}

/** Calls `visit` with the first byte of each attribute's local name and its value's bounds. */
function forEachAttribute(
  bytes: Uint8Array,
  from: number,
  to: number,
  visit: (name: number, valueStart: number, valueEnd: number) => void,
): void {
  let at = from;
  while (at < to) {
    const eq = bytes.indexOf(equals, at);
    if (eq < 0 || eq >= to) return;
    let nameStart = eq - 1;
    while (nameStart > at && !isSpace(bytes[nameStart - 1]!)) nameStart--;
    const quote = bytes[eq + 1] === apostrophe ? apostrophe : quoteMark;
    const valueStart = eq + 2;
    const valueEnd = bytes.indexOf(quote, valueStart);
    if (valueEnd < 0 || valueEnd > to) return;
    // Only one-letter names matter (r, t, s); a longer one (cm, ph, spans) is skipped.
    if (eq - nameStart === 1) visit(bytes[nameStart]!, valueStart, valueEnd);
    at = valueEnd + 1;
  }
}

function cellType(bytes: Uint8Array, start: number, end: number): CellType {
  const first = bytes[start];
  const length = end - start;
  if (first === 0x73 /* s */) return length === 1 ? CellType.Shared : CellType.FormulaText;
  if (first === 0x62 /* b */) return CellType.Boolean;
  if (first === 0x65 /* e */) return CellType.Error;
  if (first === 0x69 /* i */) return CellType.InlineText;
  if (first === 0x64 /* d */) return CellType.IsoDate;
  return CellType.Number;
}

/** The column number of a cell reference such as `AB12` (letters only count). */
function columnOfReference(bytes: Uint8Array, start: number, end: number): number {
  let column = 0;
  for (let at = start; at < end; at++) {
    const byte = bytes[at]! | 0x20;
    if (byte < 0x61 || byte > 0x7a) break;
    column = column * 26 + (byte - 0x60);
  }
  return column;
}

function readInteger(bytes: Uint8Array, start: number, end: number): number {
  let value = 0;
  let at = start;
  while (at < end && isSpace(bytes[at]!)) at++;
  for (; at < end; at++) {
    const digit = bytes[at]! - 0x30;
    if (digit < 0 || digit > 9) break;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * A number from its XML text. Plain decimals (`-123.45`) are computed from their digits, exactly as
 * `Number` would (an integer below 2^53 divided by a power of ten is correctly rounded); anything else
 * (exponents, long mantissas) goes through `Number`.
 */
function readNumber(bytes: Uint8Array, start: number, end: number): number {
  let at = start;
  const negative = bytes[at] === 0x2d;
  if (negative) at++;
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (; at < end; at++) {
    const byte = bytes[at]!;
    if (byte === 0x2e && decimals < 0) {
      decimals = 0;
      continue;
    }
    const digit = byte - 0x30;
    if (digit < 0 || digit > 9) break;
    mantissa = mantissa * 10 + digit;
    digits++;
    if (decimals >= 0) decimals++;
  }
  if (at === end && digits > 0 && digits <= 15) {
    const value = decimals > 0 ? mantissa / powersOfTen[decimals]! : mantissa;
    return negative ? -value : value;
  }
  let text = '';
  for (let k = start; k < end; k++) text += String.fromCharCode(bytes[k]!);
  const trimmed = text.trim();
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

const powersOfTen = Array.from({ length: 16 }, (_, k) => 10 ** k);

/** The text of an inline string: its `<t>` runs, without phonetic (`<rPh>`) runs. */
function inlineText(bytes: Uint8Array, start: number, end: number): string {
  return runsText(utf8.decode(bytes.subarray(start, end)));
}

/**
 * The plain text of a rich or plain string element's content (`<t>…</t>` or `<r><t>…</t></r>…`), phonetic
 * runs left out and XML escapes undone.
 */
export function runsText(xml: string): string {
  let text = '';
  let at = 0;
  for (;;) {
    const open = xml.indexOf('<t', at);
    if (open < 0) break;
    const after = xml.charCodeAt(open + 2);
    if (after !== 0x3e && after !== 0x20) {
      at = open + 2;
      continue;
    }
    const phonetic = xml.lastIndexOf('<rPh', open);
    if (phonetic >= 0 && xml.lastIndexOf('</rPh>', open) < phonetic) {
      at = xml.indexOf('</rPh>', open);
      if (at < 0) break;
      continue;
    }
    const contentStart = xml.indexOf('>', open) + 1;
    if (xml.charCodeAt(contentStart - 2) === 0x2f) {
      at = contentStart;
      continue;
    }
    const close = xml.indexOf('</t>', contentStart);
    if (close < 0) break;
    text += xml.slice(contentStart, close);
    at = close + 4;
  }
  return unescapeXml(text);
}

/**
 * Undoes XML's escapes (`&amp;`, `&#10;`…) and OOXML's `_xHHHH_` escapes of control characters, after
 * XML's line-end normalisation: a carriage return written as it is (alone or before a line feed) reads as
 * a line feed, as every XML parser (and so Excel and exceljs) reads it; an escaped one (`&#13;`) stays.
 */
export function unescapeXml(raw: string): string {
  const text = raw.includes('\r') ? raw.replace(/\r\n?/gu, '\n') : raw;
  const result = text.includes('&') ? xmlUnescape(text) : text;
  return result.includes('_x')
    ? result.replace(/_x([0-9A-Fa-f]{4})_/gu, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : result;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a, 0);
  joined.set(b, a.length);
  return joined;
}

function startsWith(bytes: Uint8Array, at: number, text: string): boolean {
  for (let k = 0; k < text.length; k++) if (bytes[at + k] !== text.charCodeAt(k)) return false;
  return true;
}

/** First position of ASCII `text` in bytes [from, to), −1 when absent. */
function indexOf(bytes: Uint8Array, text: string, from: number, to = bytes.length): number {
  const first = text.charCodeAt(0);
  let at = bytes.indexOf(first, from);
  while (at >= 0 && at + text.length <= to) {
    if (startsWith(bytes, at, text)) return at;
    at = bytes.indexOf(first, at + 1);
  }
  return -1;
}

/** Last position of ASCII `text` in bytes, −1 when absent. */
function lastIndexOf(bytes: Uint8Array, text: string): number {
  const first = text.charCodeAt(0);
  let at = bytes.lastIndexOf(first, bytes.length - text.length);
  while (at >= 0) {
    if (startsWith(bytes, at, text)) return at;
    at = at === 0 ? -1 : bytes.lastIndexOf(first, at - 1);
  }
  return -1;
}
