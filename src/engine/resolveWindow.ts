import { addMonths, dayFromIso } from './dayNumbers';
import { AnalysisError } from './errors';
import type { AnalysisWindow } from './types';

/** Days per average month, for orders per month. */
export const daysPerMonth = 30.4375;

/**
 * The as-of date and analysis window; as-of: the setting, else the latest sale date. Window: from the
 * earliest sale date up to the as-of date, or with `windowMonths` from the as-of date minus N calendar
 * months, plus one day. Months = days in the window (inclusive) / 30.4375.
 *
 * @param minDay Earliest usable sale day; `maxDay` latest.
 * @throws AnalysisError `BAD_SETTING` for an unreadable as-of date or a non-positive month count;
 *   `NO_USABLE_ROWS` when no sale falls on or before the as-of date.
 * @example resolveWindow(45000, 45100, { asOf: null, windowMonths: null }) // { asOf: 45100, window: { start: 45000, end: 45100, months: 101 / 30.4375 } }
 */
export function resolveWindow(
  minDay: number,
  maxDay: number,
  settings: { asOf: string | null; windowMonths: number | null },
): { asOf: number; window: AnalysisWindow } {
  let asOf = maxDay;
  if (settings.asOf !== null) {
    const parsed = dayFromIso(settings.asOf);
    if (parsed === null) {
      throw new AnalysisError(
        'BAD_SETTING',
        `The as-of date "${settings.asOf}" is not a date: use YYYY-MM-DD, e.g. 2024-12-31.`,
      );
    }
    asOf = parsed;
  }
  if (minDay > asOf) {
    throw new AnalysisError(
      'NO_USABLE_ROWS',
      `No sale is dated on or before the as-of date; the earliest sale is later. Choose a later as-of date.`,
    );
  }
  let start = minDay;
  if (settings.windowMonths !== null) {
    if (!Number.isInteger(settings.windowMonths) || settings.windowMonths < 1) {
      throw new AnalysisError(
        'BAD_SETTING',
        `"Last N months" needs a whole number of months of at least 1 (got ${settings.windowMonths}).`,
      );
    }
    start = addMonths(asOf, -settings.windowMonths) + 1;
  }
  return { asOf, window: { start, end: asOf, months: (asOf - start + 1) / daysPerMonth } };
}
