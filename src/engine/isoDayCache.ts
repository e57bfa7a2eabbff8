import { isoFromDay } from './dayNumbers';

/** Days around the first one asked for whose texts are held in an array (some 180 years). */
const nearDays = 1 << 16;

/**
 * {@link isoFromDay} that makes each distinct day's text once: a report's 100,000 customers have a few
 * dates each but share a few thousand distinct days, so the texts (and the Date objects behind them) are not
 * made again per customer. Whole days within some 90 years of the first day asked for are looked up by
 * index (a report asks several times per customer: a hash lookup would cost tens of milliseconds); others
 * by value. Use one per report; it keeps every day it has seen.
 *
 * @example
 * const iso = isoDayCache();
 * iso(45296) === '2024-01-05'; // and the same string object on the next call
 */
export function isoDayCache(): (day: number) => string {
  let base = Number.NaN;
  const near: (string | undefined)[] = new Array<string | undefined>(nearDays);
  const far = new Map<number, string>();
  return (day) => {
    if (Number.isNaN(base) && Number.isInteger(day)) base = day - nearDays / 2;
    const at = day - base;
    // A whole day in range (a fraction, NaN or a day far off fails the first test).
    if (at >>> 0 === at && at < nearDays) {
      let text = near[at];
      if (text === undefined) {
        text = isoFromDay(day);
        near[at] = text;
      }
      return text;
    }
    let text = far.get(day);
    if (text === undefined) {
      text = isoFromDay(day);
      far.set(day, text);
    }
    return text;
  };
}
