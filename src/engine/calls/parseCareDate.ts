import { daysInMonth, ymdFromDay } from '../dayNumbers';
import { dayFromNumber, monthFromName, parseDateCell } from '../parseCell';
import type { DateOrder, RawCell } from '../types';

/** A date that comes back every year (a birthday, an anniversary): month and day, with the year when known. */
export interface CareDate {
  /** The year when the cell gave one (a birth year), else null. */
  year: number | null;
  /** 1–12. */
  month: number;
  /** 1–31 (29 February is kept as written). */
  day: number;
}

const numericPattern = /^(?:--)?(\d{1,2})[-/.](\d{1,2})$/u;
const chinesePattern = /^(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]?$/u;
const dayMonthPattern = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]{3,9})\.?$/iu;
const monthDayPattern = /^([a-z]{3,9})\.?[\s-]+(\d{1,2})(?:st|nd|rd|th)?$/iu;

/** A month and day that exist in some year (29 February exists in leap years). */
function valid(month: number | null, day: number): { month: number; day: number } | null {
  if (month === null || month < 1 || month > 12 || day < 1) return null;
  return day <= daysInMonth(2000, month) ? { month, day } : null;
}

/**
 * Reads a birthday or anniversary cell: a full date (an Excel serial, ISO text, `1985年3月15日`, `15 Mar 1985`
 * — see {@link parseDateCell}) keeps its year; a date without a year — `03-15`, `3/15` (month first unless
 * `order` is `dmy` or the first part is over 12), `--03-15`, `3月15日`, `15 March`, `March 15th` — has year
 * null. Null when the cell is blank or unreadable.
 *
 * @example parseCareDate('3月15日', false, 'mdy') // { year: null, month: 3, day: 15 }
 * @example parseCareDate('1984-02-29', false, 'mdy') // { year: 1984, month: 2, day: 29 }
 */
export function parseCareDate(cell: RawCell, date1904: boolean, order: DateOrder): CareDate | null {
  if (typeof cell === 'number') {
    const day = dayFromNumber(cell, date1904);
    return day === null ? null : { ...ymdFromDay(day) };
  }
  if (typeof cell !== 'string') return null;
  const text = cell.normalize('NFKC').trim();
  if (text === '') return null;
  const full = parseDateCell(text, date1904, order);
  if (full !== null) return { ...ymdFromDay(full.day) };
  let match = numericPattern.exec(text);
  if (match !== null) {
    const first = Number(match[1]);
    const second = Number(match[2]);
    const dayFirst = first > 12 || (order === 'dmy' && second <= 12);
    const found = dayFirst ? valid(second, first) : valid(first, second);
    return found === null ? null : { year: null, ...found };
  }
  match = chinesePattern.exec(text);
  if (match !== null) {
    const found = valid(Number(match[1]), Number(match[2]));
    return found === null ? null : { year: null, ...found };
  }
  match = dayMonthPattern.exec(text);
  if (match !== null) {
    const found = valid(monthFromName(match[2] ?? ''), Number(match[1]));
    return found === null ? null : { year: null, ...found };
  }
  match = monthDayPattern.exec(text);
  if (match !== null) {
    const found = valid(monthFromName(match[1] ?? ''), Number(match[2]));
    return found === null ? null : { year: null, ...found };
  }
  return null;
}
