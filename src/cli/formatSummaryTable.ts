import type { AnalysisResult } from '../engine/analyze';
import { isoFromDay } from '../engine/dayNumbers';
import { tierLabel } from '../engine/labels';
import { tierFigures } from '../engine/summary/buildPyramidSheet';

const percent = (part: number, total: number): string =>
  total > 0 ? `${((100 * part) / total).toFixed(1)}%` : '—';

/** Pads to a display width, counting CJK characters as two columns. */
function pad(text: string, width: number, right = false): string {
  let columns = 0;
  for (const ch of text)
    columns +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        ch,
      )
        ? 2
        : 1;
  const fill = ' '.repeat(Math.max(0, width - columns));
  return right ? fill + text : text + fill;
}

/**
 * The short summary table the command line prints: per pyramid tier, customers and their share of
 * revenue and profit, then the totals and the row counts.
 */
export function formatSummaryTable(result: AnalysisResult, source: string): string {
  const lang = result.settings.language;
  const figures = tierFigures(result);
  const total = figures.reduce(
    (s, f) => ({
      customers: s.customers + f.customers,
      revenue: s.revenue + f.revenue,
      profit: s.profit + f.profit,
    }),
    { customers: 0, revenue: 0, profit: 0 },
  );
  const withProfit = result.valueBasis === 'profit';
  const lines = [
    `Customer pyramid — ${source}`,
    `as of ${isoFromDay(result.asOf)}, window ${isoFromDay(result.window.start)} – ${isoFromDay(result.window.end)} (${result.window.months.toFixed(2)} months), ranked by ${withProfit ? 'profit' : 'revenue (no profit or cost column)'}`,
    '',
    `${pad('Tier', 22)}${pad('Customers', 11, true)}${pad('Revenue share', 15, true)}${pad('Profit share', 14, true)}`,
  ];
  for (const f of figures) {
    lines.push(
      `${pad(tierLabel(f.tier, lang), 22)}${pad(String(f.customers), 11, true)}${pad(percent(f.revenue, total.revenue), 15, true)}${pad(withProfit ? percent(f.profit, total.profit) : '—', 14, true)}`,
    );
  }
  lines.push(
    `${pad('Total', 22)}${pad(String(total.customers), 11, true)}${pad(percent(total.revenue, total.revenue), 15, true)}${pad(withProfit ? percent(total.profit, total.profit) : '—', 14, true)}`,
  );
  const unranked = result.customers.length - total.customers;
  const { input } = result;
  lines.push('');
  if (unranked > 0)
    lines.push(`${unranked} customer(s) with no sales in the window are not ranked (ABC class C).`);
  lines.push(
    `Sales rows: ${input.salesRows} read, ${input.usedRows} used, ${input.skippedCount} skipped${input.afterAsOfRows > 0 ? `, ${input.afterAsOfRows} after the as-of date` : ''}${input.beforeWindowRows > 0 ? `, ${input.beforeWindowRows} before the window` : ''}.`,
  );
  return lines.join('\n');
}
