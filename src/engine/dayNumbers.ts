/**
 * Day numbers: the engine counts days as Excel 1900-system serials (day 1 = 1900-01-01 for serials from
 * 61 on; day 0 = 1899-12-30). Integers only; time of day is dropped. Pure arithmetic, no time zones.
 */

/** Serial of 1970-01-01 in the 1900 system. */
const unixEpochSerial = 25569;
const msPerDay = 86_400_000;

/** Serials in the 1904 system are this many days smaller than in the 1900 system. */
export const date1904Offset = 1462;

/** Largest serial Excel accepts (9999-12-31). */
export const maxSerial = 2_958_465;

/** Whole numbers in this range are read as yyyymmdd dates (`20240105`), not as serials. */
export const yyyymmddFrom = 19_000_101;
export const yyyymmddTo = 99_991_231;

/**
 * Day number of a calendar date, or null when the date does not exist (e.g. 2023-02-29).
 *
 * @example dayFromYmd(2024, 1, 5) === 45296
 */
export function dayFromYmd(year: number, month: number, day: number): number | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return Date.UTC(year, month - 1, day) / msPerDay + unixEpochSerial;
}

/** Days in a month of a (proleptic Gregorian) year. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Year, month (1–12) and day of a day number. */
export function ymdFromDay(dayNumber: number): { year: number; month: number; day: number } {
  const date = new Date((dayNumber - unixEpochSerial) * msPerDay);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/**
 * ISO text (`YYYY-MM-DD`) of a day number.
 *
 * @example isoFromDay(45296) === '2024-01-05'
 */
export function isoFromDay(dayNumber: number): string {
  const { year, month, day } = ymdFromDay(dayNumber);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Day number of an ISO date (`YYYY-MM-DD`), or null when the text is not a valid date. */
export function dayFromIso(iso: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso.trim());
  if (match === null) return null;
  return dayFromYmd(Number(match[1]), Number(match[2]), Number(match[3]));
}

/**
 * Moves a day number by whole calendar months; a day past the end of the target month is clamped to its
 * last day (2024-03-31 minus one month is 2024-02-29).
 *
 * @example isoFromDay(addMonths(dayFromIso('2024-03-31')!, -1)) === '2024-02-29'
 */
export function addMonths(dayNumber: number, months: number): number {
  const { year, month, day } = ymdFromDay(dayNumber);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const clamped = Math.min(day, daysInMonth(targetYear, targetMonth));
  return Date.UTC(targetYear, targetMonth - 1, clamped) / msPerDay + unixEpochSerial;
}
