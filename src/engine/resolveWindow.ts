import { addMonths, dayFromIso, isoFromDay } from './dayNumbers';
import { AnalysisError } from './errors';
import type { AnalysisWindow, Language } from './types';

/** Days per average month, for orders per month. */
export const daysPerMonth = 30.4375;

/**
 * The as-of date and analysis window; as-of: the setting, else the latest sale date. Window: from the
 * earliest sale date up to the as-of date, or with `windowMonths` from the as-of date minus N calendar
 * months, plus one day. Months = days in the window (inclusive) / 30.4375.
 *
 * @param minDay Earliest usable sale day; `maxDay` latest.
 * @throws AnalysisError `BAD_SETTING` for an unreadable as-of date or a non-positive month count;
 *   `NO_USABLE_ROWS` when no sale falls on or before the as-of date (naming the earliest sale date); the
 *   sentences are in `settings.language` (default English).
 * @example resolveWindow(45000, 45100, { asOf: null, windowMonths: null }) // { asOf: 45100, window: { start: 45000, end: 45100, months: 101 / 30.4375 } }
 */
export function resolveWindow(
  minDay: number,
  maxDay: number,
  settings: { asOf: string | null; windowMonths: number | null; language?: Language },
): { asOf: number; window: AnalysisWindow } {
  const language = settings.language ?? 'en';
  let asOf = maxDay;
  if (settings.asOf !== null) {
    const parsed = dayFromIso(settings.asOf);
    if (parsed === null) {
      throw AnalysisError.of({ key: 'asOfNotADate', value: settings.asOf }, language);
    }
    asOf = parsed;
  }
  if (minDay > asOf) {
    throw AnalysisError.of(
      { key: 'asOfBeforeData', asOf: isoFromDay(asOf), earliest: isoFromDay(minDay) },
      language,
    );
  }
  let start = minDay;
  if (settings.windowMonths !== null) {
    if (!Number.isInteger(settings.windowMonths) || settings.windowMonths < 1) {
      throw AnalysisError.of({ key: 'badWindowMonths', value: settings.windowMonths }, language);
    }
    start = addMonths(asOf, -settings.windowMonths) + 1;
  }
  return { asOf, window: { start, end: asOf, months: (asOf - start + 1) / daysPerMonth } };
}
