import type { AnalysisInput } from '../analyze';
import { parseSales } from '../parseSales';
import type { PeriodTotals } from './types';

/**
 * Each customer's sales from day `start` to day `end` (inclusive), read from the sales table by the same
 * rules as the analysis (skipped rows stay skipped; returns reduce revenue): revenue, profit (null
 * without a profit or cost column), distinct purchase days and first purchase. Customers with no row in
 * the span are absent.
 *
 * @example periodTotals(input, dayFromIso('2024-01-01')!, dayFromIso('2024-03-31')!).get('C001')?.revenue
 */
export function periodTotals(input: AnalysisInput, start: number, end: number): Map<string, PeriodTotals> {
  const options = { date1904: input.date1904, dateOrder: input.settings.dateOrder };
  const sales = parseSales(input.sales.table, input.sales.mapping, options, { asOf: end, start });
  const { totals } = sales;
  const hasProfit = sales.profitSource !== null;
  const byId = new Map<string, PeriodTotals>();
  sales.customerIds.forEach((id, k) => {
    if (totals.hasSalesInWindow[k] !== 1) return;
    byId.set(id, {
      revenue: totals.revenue[k]!,
      profit: hasProfit ? totals.profit[k]! : null,
      purchaseDays: totals.purchaseDays[k]!,
      firstPurchase: totals.firstPurchase[k]!,
    });
  });
  return byId;
}
