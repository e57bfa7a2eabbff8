/**
 * The first day of the holdout when the user picks none: the last third of the days from the first
 * purchase to the as-of date (the first two thirds calibrate, the last third checks).
 *
 * @param firstDay First purchase day in the data (engine day number).
 * @param asOf The as-of day.
 * @returns The holdout's first day; the as-of day itself when the span is under three days.
 * @example defaultHoldoutStart(0, 299) // 200: days 0–199 calibrate, 200–299 are the holdout
 */
export function defaultHoldoutStart(firstDay: number, asOf: number): number {
  const days = asOf - firstDay + 1;
  return days < 3 ? asOf : asOf - Math.floor(days / 3) + 1;
}
