import { dayFromYmd, ymdFromDay } from '../dayNumbers';
import type { CareDate } from './parseCareDate';

/** One yearly return of a care date inside a span of days. */
export interface CareDay {
  /** The day number it falls on. */
  day: number;
  /** The calendar year of that day. */
  year: number;
  /** Whole years since the date's own year (age, years married); null when the date has no year. */
  years: number | null;
  /** True for a 29 February date moved to 28 February in a year that has no 29 February. */
  movedFromLeapDay: boolean;
}

/**
 * The days from `start` to `end` (inclusive day numbers) on which a yearly date comes back. A 29 February
 * date falls on 28 February in years without a 29 February (the common rule: the day stays in its month).
 * A date with a year comes back only in later years (a birthday in its own year is the birth, not a
 * birthday).
 *
 * @example careDaysIn({ year: 1984, month: 2, day: 29 }, dayFromIso('2025-02-20')!, dayFromIso('2025-03-01')!)
 * // [{ day: <2025-02-28>, year: 2025, years: 41, movedFromLeapDay: true }]
 */
export function careDaysIn(date: CareDate, start: number, end: number): CareDay[] {
  const found: CareDay[] = [];
  if (end < start) return found;
  const first = ymdFromDay(start).year;
  const last = ymdFromDay(end).year;
  for (let year = first; year <= last; year++) {
    if (date.year !== null && year <= date.year) continue;
    let day = dayFromYmd(year, date.month, date.day);
    let moved = false;
    if (day === null && date.month === 2 && date.day === 29) {
      day = dayFromYmd(year, 2, 28);
      moved = true;
    }
    if (day === null || day < start || day > end) continue;
    found.push({ day, year, years: date.year === null ? null : year - date.year, movedFromLeapDay: moved });
  }
  return found;
}
