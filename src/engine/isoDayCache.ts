import { isoFromDay } from './dayNumbers';

/**
 * {@link isoFromDay} that makes each distinct day's text once: a report's 100,000 customers have a few
 * dates each but share a few thousand distinct days, so the texts (and the Date objects behind them) are not
 * made again per customer. Use one per report; it keeps every day it has seen.
 *
 * @example
 * const iso = isoDayCache();
 * iso(45296) === '2024-01-05'; // and the same string object on the next call
 */
export function isoDayCache(): (day: number) => string {
  const texts = new Map<number, string>();
  return (day) => {
    let text = texts.get(day);
    if (text === undefined) {
      text = isoFromDay(day);
      texts.set(day, text);
    }
    return text;
  };
}
