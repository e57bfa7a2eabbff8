import type { AnalysisResult } from '../engine/analyze';
import { isoFromDay } from '../engine/dayNumbers';
import { tierLabel } from '../engine/labels';
import { tierFigures } from '../engine/summary/buildPyramidSheet';
import { cliText } from './cliText';
import { displayWidth } from './displayWidth';

const percent = (part: number, total: number): string =>
  total > 0 ? `${((100 * part) / total).toFixed(1)}%` : '—';

/** Pads to a display width ({@link displayWidth}: a Chinese character takes two columns). */
function pad(text: string, width: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

/** Rows of cells as lines: each column as wide as its widest cell, numbers right-aligned. */
function alignColumns(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => displayWidth(row[c] ?? ''))));
  return rows.map((row) =>
    row
      .map((cell, c) => (c === 0 ? pad(cell, widths[c]!, false) : pad(cell, widths[c]! + 2, true)))
      .join('')
      .trimEnd(),
  );
}

/**
 * The short summary table the command line prints, in the results' language: per pyramid tier,
 * customers and their share of revenue, and when ranked by profit their share of profit and how many of
 * them lose money; then the totals and the row counts. Columns are
 * aligned by display width, so Chinese labels line up in a terminal.
 */
export function formatSummaryTable(result: AnalysisResult, source: string): string {
  const lang = result.settings.language;
  const text = cliText[lang];
  const figures = tierFigures(result);
  const total = figures.reduce(
    (s, f) => ({
      customers: s.customers + f.customers,
      revenue: s.revenue + f.revenue,
      profit: s.profit + f.profit,
      lossMaking: s.lossMaking + f.lossMaking,
    }),
    { customers: 0, revenue: 0, profit: 0, lossMaking: 0 },
  );
  // Ranked by revenue, the table says nothing of profit.
  const withProfit = result.valueBasis === 'profit';
  const row = (label: string, f: typeof total): string[] => [
    label,
    f.customers.toLocaleString('en-US'),
    percent(f.revenue, total.revenue),
    ...(withProfit ? [percent(f.profit, total.profit), f.lossMaking.toLocaleString('en-US')] : []),
  ];
  const table = alignColumns([
    [
      text.tier,
      text.customers,
      text.revenueShare,
      ...(withProfit ? [text.profitShare, text.losingMoney] : []),
    ],
    ...figures.map((f) => row(tierLabel(f.tier, lang), f)),
    row(text.total, total),
  ]);
  const { input } = result;
  const unranked = result.roster.count - total.customers;
  return [
    text.title(source),
    text.window(
      isoFromDay(result.asOf),
      isoFromDay(result.window.start),
      isoFromDay(result.window.end),
      result.window.months.toFixed(2),
      withProfit,
    ),
    '',
    ...table,
    '',
    ...(unranked > 0 ? [text.unranked(unranked)] : []),
    text.rows(
      input.salesRows,
      input.usedRows,
      input.skippedCount,
      input.afterAsOfRows,
      input.beforeWindowRows,
    ),
  ].join('\n');
}
