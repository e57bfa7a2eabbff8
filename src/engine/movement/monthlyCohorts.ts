import { ymdFromDay } from '../dayNumbers';
import type { CohortRow } from './types';

/** Months since year 0 of a day number (a month's index). */
function monthIndex(day: number): number {
  const { year, month } = ymdFromDay(day);
  return year * 12 + month - 1;
}

/** `YYYY-MM` of a month index. */
function monthText(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * Monthly cohort retention: customers grouped by the calendar month of their first purchase up to the
 * as-of date; for each cohort, how many of its customers bought in the cohort month (all of them), the
 * month after, … up to the as-of month. Purchases after the as-of date are ignored. Cohorts come in month
 * order; a month in which nobody made a first purchase has no row.
 *
 * @param purchases Purchases (amount > 0) as customer and day number; any order, repeats allowed.
 * @example monthlyCohorts([{ customer: 'a', day: dayFromIso('2024-01-05')! }, { customer: 'a', day: dayFromIso('2024-03-01')! }], dayFromIso('2024-03-31')!)
 *   // [{ month: '2024-01', customers: 1, active: [1, 0, 1] }]
 */
export function monthlyCohorts(
  purchases: Iterable<{ customer: string; day: number }>,
  asOf: number,
): CohortRow[] {
  const last = monthIndex(asOf);
  const monthsOf = new Map<string, Set<number>>();
  for (const { customer, day } of purchases) {
    if (day > asOf) continue;
    let months = monthsOf.get(customer);
    if (months === undefined) {
      months = new Set();
      monthsOf.set(customer, months);
    }
    months.add(monthIndex(day));
  }
  const cohorts = new Map<number, { customers: number; active: number[] }>();
  for (const months of monthsOf.values()) {
    const first = Math.min(...months);
    let cohort = cohorts.get(first);
    if (cohort === undefined) {
      cohort = { customers: 0, active: new Array<number>(last - first + 1).fill(0) };
      cohorts.set(first, cohort);
    }
    cohort.customers++;
    for (const month of months) cohort.active[month - first]!++;
  }
  return [...cohorts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([month, { customers, active }]) => ({ month: monthText(month), customers, active }));
}
