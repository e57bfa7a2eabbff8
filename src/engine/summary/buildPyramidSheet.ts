import type { AnalysisResult } from '../analyze';
import { isoFromDay } from '../dayNumbers';
import { sheetName, t, tierLabel, tierStrategy } from '../labels';
import type { CellSpec, SheetSpec } from '../sheetSpec';
import type { PyramidTier } from '../types';
import { cell, headerCell, share, titleCell } from './cells';

/** The course's reference profile per tier: share of customers, of revenue, and the profit remark. */
export const referenceProfile: Record<PyramidTier, { customers: number; revenue: number; profit: string }> = {
  1: { customers: 0.05, revenue: 0.35, profit: '>40%' },
  2: { customers: 0.1, revenue: 0.4, profit: '>40%' },
  3: { customers: 0.2, revenue: 0.15, profit: '~15%' },
  4: { customers: 0.25, revenue: 0.1, profit: '<10%' },
  5: { customers: 0.4, revenue: 0.05, profit: '<0' },
};

/** Per-tier figures of a result. */
export interface TierFigures {
  tier: PyramidTier;
  customers: number;
  revenue: number;
  profit: number;
  visits: number;
}

/** Customers, revenue, profit and logged visits per pyramid tier. */
export function tierFigures(result: AnalysisResult): TierFigures[] {
  const figures = ([1, 2, 3, 4, 5] as const).map((tier) => ({
    tier,
    customers: 0,
    revenue: 0,
    profit: 0,
    visits: 0,
  }));
  for (const c of result.customers) {
    if (c.pyramidTier === null) continue;
    const f = figures[c.pyramidTier - 1]!;
    f.customers++;
    f.revenue += c.revenue;
    f.profit += c.profit ?? 0;
    f.visits += c.visitsInWindow;
  }
  return figures;
}

/** Share of revenue from the top 20 % of ranked customers by revenue (the 80/20 check); null if none. */
export function topTwentyShare(result: AnalysisResult): number | null {
  const revenues = Float64Array.from(
    result.customers.filter((c) => c.hasSalesInWindow),
    (c) => c.revenue,
  ).sort();
  if (revenues.length === 0) return null;
  let total = 0;
  for (const value of revenues) total += value;
  let top = 0;
  const count = Math.ceil(revenues.length * 0.2);
  for (let i = revenues.length - count; i < revenues.length; i++) top += revenues[i]!;
  return share(top, total);
}

/**
 * The Pyramid sheet: per tier, customers, revenue and profit with their shares and share of visits, beside
 * the course's reference profile, the strategy for each tier, a bar chart (tier 1 on top) and the 80/20
 * check.
 */
export function buildPyramidSheet(result: AnalysisResult): SheetSpec {
  const lang = result.settings.language;
  const span = result.window;
  const figures = tierFigures(result);
  const totals = figures.reduce(
    (s, f) => ({
      customers: s.customers + f.customers,
      revenue: s.revenue + f.revenue,
      profit: s.profit + f.profit,
      visits: s.visits + f.visits,
    }),
    { customers: 0, revenue: 0, profit: 0, visits: 0 },
  );
  const withProfit = result.valueBasis === 'profit';
  const cells: CellSpec[][] = [
    [titleCell(t('pyramidTitle', lang))],
    [
      cell(
        `${t('asOf', lang)}: ${isoFromDay(result.asOf)} · ${t('window', lang)}: ${isoFromDay(span.start)} – ${isoFromDay(span.end)} · ${t('rankedBy', lang)}: ${t(withProfit ? 'byProfit' : 'byRevenue', lang)}`,
      ),
    ],
    [],
    [
      'tier',
      'customers',
      'customerShare',
      'revenue',
      'revenueShare',
      'profit',
      'profitShare',
      'visitShare',
      'refCustomers',
      'refRevenue',
      'refProfit',
      'strategy',
    ].map((key) => headerCell(t(key as Parameters<typeof t>[0], lang))),
  ];
  for (const f of figures) {
    const ref = referenceProfile[f.tier];
    cells.push([
      cell(tierLabel(f.tier, lang)),
      cell(f.customers, 'integer'),
      cell(share(f.customers, totals.customers), 'percent'),
      cell(f.revenue, 'money'),
      cell(share(f.revenue, totals.revenue), 'percent'),
      cell(withProfit ? f.profit : null, 'money'),
      cell(withProfit && totals.profit > 0 ? f.profit / totals.profit : null, 'percent'),
      cell(result.hasVisitsLog ? share(f.visits, totals.visits) : null, 'percent'),
      cell(ref.customers, 'percent'),
      cell(ref.revenue, 'percent'),
      cell(ref.profit),
      { value: tierStrategy(f.tier, lang), wrap: true },
    ]);
  }
  cells.push([
    { value: t('total', lang), bold: true },
    { value: totals.customers, format: 'integer', bold: true },
    cell(totals.customers > 0 ? 1 : null, 'percent'),
    { value: totals.revenue, format: 'money', bold: true },
    cell(totals.revenue > 0 ? 1 : null, 'percent'),
    { value: withProfit ? totals.profit : null, format: 'money', bold: true },
  ]);
  cells.push([]);
  cells.push([cell(t('top20', lang)), cell(topTwentyShare(result), 'percent')]);
  cells.push([cell(result.hasVisitsLog ? t('myth', lang) : t('noVisitsLog', lang))]);
  const first = 4;
  const last = first + 4;
  return {
    key: 'pyramid',
    name: sheetName('pyramid', lang),
    cells,
    columnWidths: [20, 11, 11, 14, 11, 14, 11, 11, 12, 12, 12, 60],
    frozenRows: 4,
    charts: [
      {
        type: 'bar',
        title: t('pyramidTitle', lang),
        categories: { firstRow: first, firstColumn: 0, lastRow: last, lastColumn: 0 },
        series: [
          {
            name: t('customerShare', lang),
            values: { firstRow: first, firstColumn: 2, lastRow: last, lastColumn: 2 },
            color: '#4472C4',
          },
          {
            name: t('revenueShare', lang),
            values: { firstRow: first, firstColumn: 4, lastRow: last, lastColumn: 4 },
            color: '#ED7D31',
          },
          {
            name: t('refCustomers', lang),
            values: { firstRow: first, firstColumn: 8, lastRow: last, lastColumn: 8 },
            color: '#A5A5A5',
          },
        ],
        anchor: { row: last + 6, column: 0, widthColumns: 8, heightRows: 18 },
        reverseCategories: true,
        valueFormat: 'percent',
      },
    ],
    colorScales: [],
  };
}
