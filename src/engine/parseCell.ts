import { date1904Offset, dayFromYmd, maxSerial, yyyymmddFrom, yyyymmddTo } from './dayNumbers';
import type { DateOrder, RawCell } from './types';

const errorValues = new Set([
  '#N/A',
  '#VALUE!',
  '#REF!',
  '#DIV/0!',
  '#NUM!',
  '#NAME?',
  '#NULL!',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
  '#GETTING_DATA',
]);

/** Whether a cell holds an Excel error value such as `#N/A` (hosts pass errors as their text). */
export function isErrorValue(cell: RawCell): cell is string {
  return (
    typeof cell === 'string' && cell.trimStart().startsWith('#') && errorValues.has(cell.trim().toUpperCase())
  );
}

/** Whether a cell is empty: null, or text of only spaces. */
export function isBlank(cell: RawCell): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

/** Text a spreadsheet would read as a formula: `=…`, `@…`, or `+`/`-` followed by anything but a number. */
const formulaShape = /^(?:[=@]|[+-](?!\d+(?:\.\d+)?$))/u;

/**
 * A customer id as text, kept as written (`00042` stays `00042`, `17850.0` stays `17850.0`); only
 * surrounding whitespace is removed, unless the text would then look like a formula (`\t=2+2`, ` +A1`):
 * that is kept exactly as written. Numbers become their shortest text (`42`). Null for a blank cell or an
 * error value.
 */
export function parseIdCell(cell: RawCell): string | null {
  if (cell === null) return null;
  if (typeof cell === 'string') {
    // Fast path: most ids start and end with a printable ASCII character other than `#`, so there is
    // nothing to trim and no error value.
    const first = cell.charCodeAt(0);
    const last = cell.charCodeAt(cell.length - 1);
    if (first > 35 && first < 127 && last > 32 && last < 127) return cell;
    const trimmed = cell.trim();
    if (trimmed === '' || isErrorValue(trimmed)) return null;
    // Trimming must not give text the shape of a formula its cell did not have (`\t=2+2` → `=2+2`): a CSV
    // export of a sheet we write would hand it to the next program as a formula. Such text stays as written.
    return trimmed !== cell && formulaShape.test(trimmed) && !formulaShape.test(cell) ? cell : trimmed;
  }
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : null;
  return cell ? 'TRUE' : 'FALSE';
}

/** Optional text (a name, a sales rep): trimmed, null when blank or an error value. */
export function parseTextCell(cell: RawCell): string | null {
  return parseIdCell(cell);
}

/** Decimal digits a double holds exactly as an integer, whatever they are. */
const exactDigits = 15;

/**
 * The value of plain decimal text (`-?\d{1,15}(\.\d{1,15})?`, what CSV files hold), NaN for any other text.
 * With at most 15 digits in all, the digits as one integer and the power of ten are both exact, so the one
 * rounding of their quotient gives exactly what `Number(text)` gives, without a regular expression.
 */
function plainDecimal(text: string): number {
  const length = text.length;
  const negative = text.charCodeAt(0) === 45; // '-'
  let at = negative ? 1 : 0;
  const wholeStart = at;
  let digits = 0;
  for (; at < length; at++) {
    const digit = text.charCodeAt(at) - 48;
    if (digit < 0 || digit > 9) break;
    digits = digits * 10 + digit;
  }
  const wholeDigits = at - wholeStart;
  if (wholeDigits === 0 || wholeDigits > exactDigits) return Number.NaN;
  let scale = 1;
  if (at < length) {
    if (text.charCodeAt(at) !== 46) return Number.NaN; // '.'
    const fractionStart = ++at;
    for (; at < length; at++) {
      const digit = text.charCodeAt(at) - 48;
      if (digit < 0 || digit > 9) return Number.NaN;
      digits = digits * 10 + digit;
      scale *= 10;
    }
    const fractionDigits = at - fractionStart;
    if (fractionDigits === 0 || fractionDigits > exactDigits) return Number.NaN;
    if (wholeDigits + fractionDigits > exactDigits) return Number(text);
  }
  return negative ? -(digits / scale) : digits / scale;
}

const currencyPattern = /[$€£¥￥₩₹]|元|人民币|rmb|cny|usd|eur|gbp|hk\$/giu;

/**
 * A number from a cell: numbers as they are; text with currency symbols (`$`, `¥`, `元`, `USD`…),
 * thousands separators (`1,234.50`), spaces, a decimal comma (`1.234,50` or `12,5`) or accounting
 * parentheses (`(12.00)` = −12) is read too. Null for anything else (blank, booleans, errors, words).
 *
 * @example parseNumberCell('¥1,234.50') === 1234.5
 */
export function parseNumberCell(cell: RawCell): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell !== 'string') return null;
  // Fast path: plain decimal text (what CSV files hold) needs none of the clean-up below.
  const plain = plainDecimal(cell);
  if (!Number.isNaN(plain)) return plain;
  let text = cell.trim();
  if (text === '' || text.startsWith('#')) return null;
  let negative = false;
  if (text.startsWith('(') && text.endsWith(')')) {
    negative = true;
    text = text.slice(1, -1);
  }
  text = text.replace(currencyPattern, '').replace(/[\s\u00a0\u202f']/gu, '');
  if (text.endsWith('-')) {
    negative = !negative;
    text = text.slice(0, -1);
  }
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    text = lastComma > lastDot ? text.replace(/\./gu, '').replace(',', '.') : text.replace(/,/gu, '');
  } else if (lastComma >= 0) {
    text = /^[+-]?\d{1,3}(,\d{3})+$/u.test(text) ? text.replace(/,/gu, '') : text.replace(',', '.');
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/iu.test(text)) return null;
  const value = Number(text);
  if (!Number.isFinite(value)) return null;
  return negative ? -value : value;
}

/** A date read from a cell. `ambiguous` marks text like `03/04/2024` read by the date order setting. */
export interface ParsedDate {
  day: number;
  ambiguous: boolean;
}

const monthNames: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/**
 * The month (1–12) an English month name or its abbreviation names, any case; null for anything else.
 *
 * @example monthFromName('Sept') // 9
 */
export function monthFromName(name: string): number | null {
  const lower = name.toLowerCase();
  return monthNames[lower] ?? monthNames[lower.slice(0, 3)] ?? null;
}

const timePart = String.raw`(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?`;
const isoPattern = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${timePart}$`, 'iu');
const chinesePattern = new RegExp(
  String.raw`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?${timePart}$`,
  'u',
);
const compactPattern = /^(\d{4})(\d{2})(\d{2})$/u;
const slashPattern = new RegExp(String.raw`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})${timePart}$`, 'iu');
const dayNamePattern = /^(\d{1,2})[\s-]+([a-z]{3,9})\.?[\s,-]+(\d{4})$/iu;
const nameDayPattern = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/iu;
const serialTextPattern = /^\d{5}(\.\d+)?$/u;

function fromSerial(serial: number, date1904: boolean): number | null {
  const day = Math.floor(serial) + (date1904 ? date1904Offset : 0);
  return day >= 1 && day <= maxSerial ? day : null;
}

/**
 * A date from a number cell, as a day number: an Excel serial (time of day dropped) or `20240105`. Null
 * when it is neither.
 */
export function dayFromNumber(cell: number, date1904: boolean): number | null {
  if (!Number.isFinite(cell)) return null;
  if (cell >= yyyymmddFrom && cell <= yyyymmddTo && Number.isInteger(cell)) {
    return dayFromYmd(Math.floor(cell / 10000), Math.floor(cell / 100) % 100, cell % 100);
  }
  return fromSerial(cell, date1904);
}

/**
 * A date from a cell, as a day number (1900-system serial, time of day dropped). Reads Excel serials (1900
 * system, or 1904 when the workbook says so), ISO dates and timestamps (`2010-12-01 08:26:00`), `2024/1/5`,
 * `2024年1月5日`, `20240105` (text or number), `5 Jan 2024`, `Jan 5, 2024`, and day/month text such as
 * `03/04/2024`, which is read day-first or month-first by `order` unless one part is over 12, and is then
 * flagged ambiguous. Null when unreadable.
 *
 * @example parseDateCell('2024年1月5日', false, 'mdy') // { day: 45296, ambiguous: false }
 */
export function parseDateCell(cell: RawCell, date1904: boolean, order: DateOrder): ParsedDate | null {
  if (typeof cell === 'number') {
    const day = dayFromNumber(cell, date1904);
    return day === null ? null : { day, ambiguous: false };
  }
  if (typeof cell !== 'string') return null;
  const text = cell.trim();
  if (text === '') return null;
  let match = isoPattern.exec(text) ?? chinesePattern.exec(text) ?? compactPattern.exec(text);
  if (match !== null) {
    const day = dayFromYmd(Number(match[1]), Number(match[2]), Number(match[3]));
    return day === null ? null : { day, ambiguous: false };
  }
  match = slashPattern.exec(text);
  if (match !== null) {
    const first = Number(match[1]);
    const second = Number(match[2]);
    const year = Number(match[3]);
    if (first > 12 || second > 12 || first === second) {
      const dayFirst = first > 12 || (second <= 12 && order === 'dmy');
      const day = dayFirst ? dayFromYmd(year, second, first) : dayFromYmd(year, first, second);
      return day === null ? null : { day, ambiguous: false };
    }
    const day = order === 'dmy' ? dayFromYmd(year, second, first) : dayFromYmd(year, first, second);
    return day === null ? null : { day, ambiguous: true };
  }
  match = dayNamePattern.exec(text);
  if (match !== null) {
    const month = monthFromName(match[2] ?? '');
    const day = month === null ? null : dayFromYmd(Number(match[3]), month, Number(match[1]));
    return day === null ? null : { day, ambiguous: false };
  }
  match = nameDayPattern.exec(text);
  if (match !== null) {
    const month = monthFromName(match[1] ?? '');
    const day = month === null ? null : dayFromYmd(Number(match[3]), month, Number(match[2]));
    return day === null ? null : { day, ambiguous: false };
  }
  if (serialTextPattern.test(text)) {
    const day = fromSerial(Number(text), date1904);
    return day === null ? null : { day, ambiguous: false };
  }
  return null;
}
