import type { AnalysisInput } from '../analyze';
import { addMonths, dayFromYmd, ymdFromDay } from '../dayNumbers';
import { parseSales } from '../parseSales';
import { periodTotals } from './periodTotals';

/**
 * One purchase per customer and calendar month in which it bought (amount > 0), from the month of the
 * earliest sale up to the as-of month (the as-of month ends at the as-of date): the input of
 * `monthlyCohorts`. The day is the customer's first purchase day in that month. Reads the sales once per
 * month.
 *
 * @example monthlyCohorts(monthlyPurchases(input, result.asOf), result.asOf)
 */
export function monthlyPurchases(input: AnalysisInput, asOf: number): { customer: string; day: number }[] {
  const options = { date1904: input.date1904, dateOrder: input.settings.dateOrder };
  const all = parseSales(input.sales.table, input.sales.mapping, options);
  const purchases: { customer: string; day: number }[] = [];
  if (all.count === 0 || all.minDay > asOf) return purchases;
  const { year, month } = ymdFromDay(all.minDay);
  for (let start = dayFromYmd(year, month, 1)!; start <= asOf; start = addMonths(start, 1)) {
    const end = Math.min(addMonths(start, 1) - 1, asOf);
    for (const [customer, totals] of periodTotals(input, start, end)) {
      if (totals.purchaseDays > 0) purchases.push({ customer, day: totals.firstPurchase });
    }
  }
  return purchases;
}
