import type { AnalysisResult } from '../analyze';
import { isoFromDay } from '../dayNumbers';
import {
  sheetName,
  t,
  tierCourseZone,
  tierLabel,
  tierOutcome,
  tierStrategy,
  tierTitle,
  type TierOutcome,
  type ValueBasis,
} from '../labels';
import type { CellSpec, ChartSpec, NumberFormatKey, SheetSpec } from '../sheetSpec';
import type { Language, PyramidTier } from '../types';
import { cell, fitRowHeights, headerCell, share, titleCell } from './cells';

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
  /** Customers of the tier whose own profit is below zero (0 without profit data). */
  lossMaking: number;
}

const tiers: readonly PyramidTier[] = [1, 2, 3, 4, 5];

/** Customers, revenue, profit, loss-making customers and logged visits per pyramid tier. */
export function tierFigures(result: AnalysisResult): TierFigures[] {
  const figures = tiers.map((tier) => ({
    tier,
    customers: 0,
    revenue: 0,
    profit: 0,
    visits: 0,
    lossMaking: 0,
  }));
  const { tiers: tierOf } = result.outputs.pyramid;
  // Profit is all zero without profit data: it adds nothing and nobody loses money.
  const { revenue, profit, visitsInWindow } = result.outputs.measures;
  for (let i = 0; i < tierOf.length; i++) {
    const tier = tierOf[i]!;
    if (tier === 0) continue;
    const f = figures[tier - 1]!;
    f.customers++;
    f.revenue += revenue[i]!;
    f.profit += profit[i]!;
    f.visits += visitsInWindow[i]!;
    if (profit[i]! < 0) f.lossMaking++;
  }
  return figures;
}

/**
 * What each tier's customers actually did (shares of the pyramid's revenue and profit, customers losing
 * money), the input of `tierOutcome` and `tierStrategy` in labels — for the sheet, the pane and the CLI.
 */
export function tierOutcomes(figures: readonly TierFigures[]): TierOutcome[] {
  const revenue = figures.reduce((sum, f) => sum + f.revenue, 0);
  const profit = figures.reduce((sum, f) => sum + f.profit, 0);
  return figures.map((f) => ({
    customers: f.customers,
    profit: f.profit,
    profitShare: profit > 0 ? f.profit / profit : null,
    revenueShare: share(f.revenue, revenue),
    lossMaking: f.lossMaking,
  }));
}

/**
 * Share of revenue from the top 20 % of customers with sales in the window, by revenue (the 80/20 check;
 * `ceil(n × 20 %)` customers); null if none.
 */
export function topTwentyShare(result: AnalysisResult): number | null {
  const { revenue, hasSalesInWindow } = result.outputs.measures;
  const revenues = revenue.filter((_value, i) => hasSalesInWindow[i] === 1).sort();
  if (revenues.length === 0) return null;
  let total = 0;
  for (const value of revenues) total += value;
  let top = 0;
  const count = Math.ceil(revenues.length * 0.2);
  for (let i = revenues.length - count; i < revenues.length; i++) top += revenues[i]!;
  return share(top, total);
}

interface Column {
  header: string;
  width: number;
  value: (f: TierFigures, outcome: TierOutcome) => CellSpec;
  total?: CellSpec;
}

const wrapped = (value: string): CellSpec => ({ value, wrap: true });

function columnsFor(
  result: AnalysisResult,
  basis: ValueBasis,
  totals: { customers: number; revenue: number; profit: number; visits: number; lossMaking: number },
): Column[] {
  const lang = result.settings.language;
  const cuts = result.settings.pyramidCuts;
  const tx = (key: Parameters<typeof t>[0]): string => t(key, lang);
  const withProfit = basis === 'profit';
  const columns: Column[] = [
    {
      header: tx('tier'),
      width: 26,
      value: (f) =>
        withProfit
          ? wrapped(`${tierLabel(f.tier, lang, cuts)}\n${tierCourseZone(f.tier, lang)}`)
          : wrapped(tierTitle(f.tier, lang, basis, cuts)),
      total: { value: tx('total'), bold: true },
    },
    {
      header: tx('customers'),
      width: 10,
      value: (f) => cell(f.customers, 'integer'),
      total: { value: totals.customers, format: 'integer', bold: true },
    },
    {
      header: tx('customerShare'),
      width: 10,
      value: (f) => cell(share(f.customers, totals.customers), 'percent'),
      total: cell(totals.customers > 0 ? 1 : null, 'percent'),
    },
    {
      header: tx('revenue'),
      width: 14,
      value: (f) => cell(f.revenue, 'money'),
      total: { value: totals.revenue, format: 'money', bold: true },
    },
    {
      header: tx('revenueShare'),
      width: 10,
      value: (f) => cell(share(f.revenue, totals.revenue), 'percent'),
      total: cell(totals.revenue > 0 ? 1 : null, 'percent'),
    },
  ];
  if (withProfit) {
    columns.push(
      {
        header: tx('profit'),
        width: 14,
        value: (f) => cell(f.profit, 'money'),
        total: { value: totals.profit, format: 'money', bold: true },
      },
      {
        header: tx('profitShare'),
        width: 10,
        value: (_f, o) => cell(o.profitShare, 'percent'),
        total: cell(totals.profit > 0 ? 1 : null, 'percent'),
      },
      {
        header: tx('lossMakingCustomers'),
        width: 12,
        value: (f) => ({
          value: f.lossMaking,
          format: 'integer',
          ...(f.lossMaking > 0 ? { fill: lossFill } : {}),
        }),
        total: {
          value: totals.lossMaking,
          format: 'integer',
          bold: true,
        },
      },
    );
  }
  columns.push(
    {
      header: tx('visitShare'),
      width: 10,
      value: (f) => cell(result.hasVisitsLog ? share(f.visits, totals.visits) : null, 'percent'),
    },
    {
      header: tx('refCustomers'),
      width: 10,
      value: (f) => referenceCell(referenceProfile[f.tier].customers, 'percent'),
    },
    {
      header: tx('refRevenue'),
      width: 10,
      value: (f) => referenceCell(referenceProfile[f.tier].revenue, 'percent'),
    },
  );
  if (withProfit) {
    columns.push({
      header: tx('refProfit'),
      width: 10,
      value: (f) => referenceCell(referenceProfile[f.tier].profit),
    });
  }
  columns.push(
    {
      header: tx('tierOutcome'),
      width: 26,
      value: (_f, o) => wrapped(o.customers === 0 ? '—' : tierOutcome(o, lang, basis)),
    },
    {
      header: tx('strategy'),
      width: 44,
      value: (f, o) => wrapped(tierStrategy(f.tier, lang, o, basis)),
    },
  );
  // How many of each tier's customers are At risk or Lapsed by the run's churn risk (gap rule or model).
  const slipping = new Map<number, number>();
  const tierOf = result.outputs.pyramid.tiers;
  const churn = result.outputs.churn;
  // Codes of churnByCode: 2 At risk, 3 Lapsed.
  for (let i = 0; i < tierOf.length; i++)
    if (churn.codes[i] === 2 || churn.codes[i] === 3)
      slipping.set(tierOf[i]!, (slipping.get(tierOf[i]!) ?? 0) + 1);
  const model = churn.from === 'model';
  columns.push({
    header:
      lang === 'en'
        ? `At risk or lapsed (${model ? 'value model' : 'gap rule'})`
        : `有流失风险或已流失（${model ? '价值模型' : '购买间隔规则'}）`,
    width: 12,
    value: (f) => cell(slipping.get(f.tier) ?? 0, 'integer'),
    total: {
      value: tiers.reduce((sum, tier) => sum + (slipping.get(tier) ?? 0), 0),
      format: 'integer',
      bold: true,
    },
  });
  return columns;
}

/** Course reference cells are greyed: a reference, not a finding. */
const referenceFill = '#F2F2F2';
/** Cells counting customers who lose money. */
const lossFill = '#FCE4D6';

function referenceCell(value: number | string, format?: NumberFormatKey): CellSpec {
  return format === undefined ? { value, fill: referenceFill } : { value, format, fill: referenceFill };
}

function chartTitle(key: 'own' | 'course' | 'profit', lang: Language): string {
  const titles = {
    own: { en: 'Your customers by tier (share of customers)', 'zh-CN': '您的客户分层（客户占比）' },
    course: { en: 'Course reference pyramid (share of customers)', 'zh-CN': '课程参考金字塔（客户占比）' },
    profit: { en: 'Share of your profit by tier', 'zh-CN': '各层贡献的利润占比' },
  } as const;
  return titles[key][lang];
}

/**
 * The Pyramid sheet. Tiers are positions in the ranking (top 5 %, next 10 %, …); ranked by profit each is
 * shown with the zone the course names it after, as a reference, beside what this business's customers in
 * it actually did (their shares of revenue and profit, how many lose money) and a strategy that follows
 * that; ranked by revenue (no profit or cost column) the sheet never speaks of profit. Then the course's
 * reference profile, the 80/20 check and, on a page of their own, two centred pyramid charts (stacked bars:
 * an invisible padding series plus the tier bar, tier 1 on top, widest at the bottom, labelled with counts
 * and shares) — the business's own profile beside the course's — and, ranked by profit, a chart of each
 * tier's share of profit. The charts' data sits below them.
 */
export function buildPyramidSheet(result: AnalysisResult): SheetSpec {
  const lang = result.settings.language;
  const cuts = result.settings.pyramidCuts;
  const span = result.window;
  const figures = tierFigures(result);
  const outcomes = tierOutcomes(figures);
  const totals = figures.reduce(
    (s, f) => ({
      customers: s.customers + f.customers,
      revenue: s.revenue + f.revenue,
      profit: s.profit + f.profit,
      visits: s.visits + f.visits,
      lossMaking: s.lossMaking + f.lossMaking,
    }),
    { customers: 0, revenue: 0, profit: 0, visits: 0, lossMaking: 0 },
  );
  const basis: ValueBasis = result.valueBasis === 'profit' ? 'profit' : 'revenue';
  const withProfit = basis === 'profit';
  const columns = columnsFor(result, basis, totals);
  const cells: CellSpec[][] = [
    [titleCell(t('pyramidTitle', lang))],
    [
      cell(
        `${t('asOf', lang)}: ${isoFromDay(result.asOf)} · ${t('window', lang)}: ${isoFromDay(span.start)} – ${isoFromDay(span.end)} · ${t('rankedBy', lang)}: ${t(withProfit ? 'byProfit' : 'byRevenue', lang)}`,
      ),
    ],
    [cell(t(withProfit ? 'tiersArePositions' : 'tiersArePositionsRevenue', lang))],
    [],
    columns.map((column) => headerCell(column.header)),
  ];
  figures.forEach((f, i) => {
    cells.push(columns.map((column) => column.value(f, outcomes[i]!)));
  });
  cells.push(columns.map((column) => column.total ?? cell(null)));
  cells.push([]);
  // The label spills over the empty cells to its right; the share stands after it.
  cells.push([
    cell(t('top20', lang)),
    cell(null),
    cell(null),
    cell(null),
    cell(topTwentyShare(result), 'percent'),
  ]);
  cells.push([cell(result.hasVisitsLog ? t('myth', lang) : t('noVisitsLog', lang))]);
  cells.push([]);
  const widths = columns.map((column) => column.width);

  // Charts on a page of their own, their data below them.
  const chartHeight = 20;
  const chartRow = cells.length;
  const profitChart = withProfit && totals.profit > 0;
  const profitRow = chartRow + chartHeight + 1;
  const dataRow = profitChart ? profitRow + chartHeight : chartRow + chartHeight + 2;
  while (cells.length < dataRow) cells.push([]);
  const largest = Math.max(
    ...figures.map((f) => share(f.customers, totals.customers) ?? 0),
    ...tiers.map((tier) => referenceProfile[tier].customers),
  );
  cells.push([{ value: t('chartData', lang), bold: true }]);
  cells.push(
    [
      t('tier', lang),
      t('padding', lang),
      t('ownProfile', lang),
      t('reference', lang),
      t('padding', lang),
      t('reference', lang),
      profitChart ? t('profitShare', lang) : '',
    ].map((value) => headerCell(value)),
  );
  const dataFirst = cells.length;
  figures.forEach((f, i) => {
    const own = share(f.customers, totals.customers) ?? 0;
    const course = referenceProfile[f.tier].customers;
    cells.push([
      cell(
        lang === 'en'
          ? `${tierLabel(f.tier, lang, cuts)} — ${f.customers.toLocaleString('en-US')} customers`
          : `${tierLabel(f.tier, lang, cuts)} — ${f.customers.toLocaleString('en-US')} 位客户`,
      ),
      cell((largest - own) / 2, 'percent'),
      cell(own, 'percent'),
      cell(
        withProfit
          ? `${tierLabel(f.tier, lang, cuts)} — ${tierCourseZone(f.tier, lang)}`
          : tierLabel(f.tier, lang, cuts),
      ),
      cell((largest - course) / 2, 'percent'),
      cell(course, 'percent'),
      cell(profitChart ? outcomes[i]!.profitShare : null, 'percent'),
    ]);
  });
  const dataLast = dataFirst + 4;
  const column = (
    c: number,
  ): { firstRow: number; firstColumn: number; lastRow: number; lastColumn: number } => ({
    firstRow: dataFirst,
    firstColumn: c,
    lastRow: dataLast,
    lastColumn: c,
  });
  const pyramid = (
    title: string,
    labels: number,
    padding: number,
    values: number,
    color: string,
    anchorColumn: number,
    widthColumns: number,
  ): ChartSpec => ({
    type: 'bar',
    grouping: 'stacked',
    gapWidth: 15,
    title,
    categories: column(labels),
    series: [
      { name: t('padding', lang), values: column(padding), noFill: true },
      { name: title, values: column(values), color, dataLabels: 'percent' },
    ],
    anchor: { row: chartRow, column: anchorColumn, widthColumns, heightRows: chartHeight },
    reverseCategories: true,
    valueFormat: 'percent',
    valueAxis: { min: 0, max: largest, hidden: true },
    legend: false,
  });
  // Two charts of about equal width side by side (columns differ in width): about 56 characters each.
  const spanOf = (start: number, characters: number): number => {
    let end = start;
    for (let width = 0; end < widths.length && width < characters; end++) width += widths[end]!;
    return Math.max(1, end - start);
  };
  const ownSpan = spanOf(0, 56);
  const courseSpan = spanOf(ownSpan, 56);
  const charts: ChartSpec[] = [
    pyramid(chartTitle('own', lang), 0, 1, 2, '#2F5597', 0, ownSpan),
    pyramid(chartTitle('course', lang), 3, 4, 5, '#BFBFBF', ownSpan, courseSpan),
  ];
  if (profitChart) {
    charts.push({
      type: 'bar',
      gapWidth: 40,
      title: chartTitle('profit', lang),
      categories: column(0),
      series: [{ name: t('profitShare', lang), values: column(6), color: '#70AD47', dataLabels: 'percent' }],
      anchor: { row: profitRow, column: 0, widthColumns: ownSpan, heightRows: chartHeight - 2 },
      reverseCategories: true,
      valueFormat: 'percent',
      legend: false,
    });
  }
  return {
    key: 'pyramid',
    name: sheetName('pyramid', lang),
    cells,
    columnWidths: widths,
    frozenRows: 0,
    charts,
    colorScales: [],
    rowHeights: fitRowHeights(cells, widths),
    // The page breaks on the empty row above the charts: a chart's edge on the break would print on both pages.
    print: { landscape: true, breaksBefore: [chartRow - 1], lastRow: dataRow - 1 },
  };
}
