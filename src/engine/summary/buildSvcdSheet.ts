import type { AnalysisResult } from '../analyze';
import { svcdByCode } from '../assignSvcd';
import { compareIds } from '../compareIds';
import { sheetName, svcdLabel, svcdStrategy, t } from '../labels';
import { svcdVisitPlan } from '../planVisits';
import type { CellSpec, ChartSeriesSpec, ChartSpec, RangeRef, SheetSpec } from '../sheetSpec';
import type { Language, SvcdSegment } from '../types';
import { cell, fitRowHeights, headerCell, share, titleCell } from './cells';

const segments: readonly SvcdSegment[] = ['Star', 'Cow', 'Volcano', 'Dog'];

/** Quadrant colours: the cell fill of the matrix and table, and (darker) the chart's markers. */
export const svcdColors: Record<SvcdSegment, { fill: string; marker: string }> = {
  Star: { fill: '#FFE699', marker: '#BF8F00' },
  Cow: { fill: '#C6E0B4', marker: '#548235' },
  Volcano: { fill: '#F8CBAD', marker: '#C55A11' },
  Dog: { fill: '#D9D9D9', marker: '#7F7F7F' },
};

/** The scatter chart plots at most this many customers (every k-th by id above it). */
export const svcdChartLimit = 4000;

/** Text of a number with thousands separators and `decimals` decimals. */
export function formatNumber(value: number, decimals: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** Decimals that show a threshold to about three significant digits (0.29, 1.5, 1,665.20). */
function decimalsFor(value: number): number {
  const magnitude = Math.abs(value);
  if (magnitude >= 0.1 || magnitude === 0) return 2;
  return Math.min(6, 1 - Math.floor(Math.log10(magnitude)));
}

function words(
  lang: Language,
): Record<'low' | 'high' | 'customersIn' | 'ofRevenue' | 'notPlotted' | 'sampled', string> {
  return lang === 'en'
    ? {
        low: 'low',
        high: 'high',
        customersIn: 'customers',
        ofRevenue: 'of revenue',
        notPlotted: 'customers with no positive amount per order are not plotted',
        sampled: 'customers plotted (every',
      }
    : {
        low: '低',
        high: '高',
        customersIn: '位客户',
        ofRevenue: '的销售额',
        notPlotted: '位每单金额不为正的客户未画出',
        sampled: '位客户已画出（每',
      };
}

/**
 * The SVCD matrix sheet: the two thresholds (rounded and formatted, with where they came from), the 2×2
 * matrix — amount per order (rows, high on top) against orders per month (columns, high on the right) —
 * each quadrant coloured with its segment, customer count and share of revenue; a table per segment with
 * visit interval and strategy; and a scatter chart of the customers on orders per month × amount per
 * order, coloured by segment, with the two thresholds as dashed lines dividing it into the quadrants
 * (logarithmic axes when the values span more than two orders of magnitude). The chart's data sits below.
 */
export function buildSvcdSheet(result: AnalysisResult): SheetSpec {
  const lang = result.settings.language;
  const w = words(lang);
  const stats = new Map<SvcdSegment, { customers: number; revenue: number }>(
    segments.map((s) => [s, { customers: 0, revenue: 0 }]),
  );
  let totalRevenue = 0;
  let segmented = 0;
  let unsegmented = 0;
  const { revenue, amountPerOrder, frequencyPerMonth } = result.outputs.measures;
  const codes = result.outputs.svcd.codes;
  const { ids } = result.roster;
  for (let i = 0; i < codes.length; i++) {
    totalRevenue += revenue[i]!;
    const segment = svcdByCode[codes[i]!] ?? null;
    if (segment === null) {
      unsegmented++;
      continue;
    }
    segmented++;
    const s = stats.get(segment)!;
    s.customers++;
    s.revenue += revenue[i]!;
  }
  const th = result.svcdThresholds;
  const sourceText = (source: 'median' | 'fixed'): string =>
    source === 'median'
      ? lang === 'en'
        ? '(smallest value above the median)'
        : '（高于中位数的最小值）'
      : lang === 'en'
        ? '(typed in the settings)'
        : '（手动设定）';
  const thresholdText = (value: number | null): string =>
    value === null
      ? lang === 'en'
        ? 'nobody is high'
        : '无人为高'
      : formatNumber(value, decimalsFor(value));
  const axisHeader = (label: string, value: number | null, high: boolean): string =>
    value === null
      ? `${label}: ${high ? w.high : w.low}`
      : `${label}: ${high ? w.high : w.low} (${high ? '≥' : '<'} ${thresholdText(value)})`;
  const quadrant = (segment: SvcdSegment): CellSpec => {
    const s = stats.get(segment)!;
    const revenueShare = share(s.revenue, totalRevenue);
    const shareText = revenueShare === null ? '—' : `${formatNumber(revenueShare * 100, 1)}%`;
    return {
      value: `${svcdLabel(segment, lang)}\n${formatNumber(s.customers, 0)} ${w.customersIn} · ${shareText} ${w.ofRevenue}`,
      fill: svcdColors[segment].fill,
      bold: true,
      wrap: true,
    };
  };
  const amountLabel = t('amountPerOrder', lang);
  const frequencyLabel = t('frequency', lang);
  const cells: CellSpec[][] = [
    [titleCell(t('svcdTitle', lang))],
    [
      cell(`${amountLabel} — ${t('threshold', lang)}`),
      th.amount === null ? cell(thresholdText(null)) : cell(th.amount, 'money'),
      cell(sourceText(th.amountSource)),
    ],
    [
      cell(`${frequencyLabel} — ${t('threshold', lang)}`),
      th.frequency === null ? cell(thresholdText(null)) : { value: th.frequency, format: 'number' },
      cell(sourceText(th.frequencySource)),
    ],
    [],
    [
      headerCell(''),
      headerCell(axisHeader(frequencyLabel, th.frequency, false)),
      headerCell(axisHeader(frequencyLabel, th.frequency, true)),
    ],
    [headerCell(axisHeader(amountLabel, th.amount, true)), quadrant('Volcano'), quadrant('Star')],
    [headerCell(axisHeader(amountLabel, th.amount, false)), quadrant('Dog'), quadrant('Cow')],
    [],
    // An empty narrow column keeps the right-aligned interval off the strategy text.
    ['segment', 'customers', 'customerShare', 'revenue', 'revenueShare', 'visitEvery', '', 'strategy'].map(
      (k) => headerCell(k === '' ? '' : t(k as Parameters<typeof t>[0], lang)),
    ),
  ];
  for (const segment of segments) {
    const s = stats.get(segment)!;
    cells.push([
      { value: svcdLabel(segment, lang), fill: svcdColors[segment].fill, bold: true },
      cell(s.customers, 'integer'),
      cell(share(s.customers, segmented), 'percent'),
      cell(s.revenue, 'money'),
      cell(share(s.revenue, totalRevenue), 'percent'),
      cell(svcdVisitPlan[segment].intervalDays, 'integer'),
      cell(null),
      { value: svcdStrategy(segment, lang), wrap: true },
    ]);
  }
  cells.push([
    cell(lang === 'en' ? 'No order in the window' : '分析期间内无订单'),
    cell(unsegmented, 'integer'),
    cell(null),
    cell(null),
    cell(null),
    cell(60, 'integer'),
    cell(null),
    { value: lang === 'en' ? 'Visited like ABC class C.' : '按 ABC 的 C 类拜访。', wrap: true },
  ]);
  const widths = [36, 26, 26, 14, 10, 12, 2, 60];

  // The scatter chart, then its data: customers with a positive amount per order, grouped by segment.
  // (NaN amounts, customers without an order, fail the comparison.)
  const plotted: number[] = [];
  for (let i = 0; i < codes.length; i++)
    if (codes[i] !== 0 && amountPerOrder[i]! > 0 && frequencyPerMonth[i]! > 0) plotted.push(i);
  const step = Math.max(1, Math.ceil(plotted.length / svcdChartLimit));
  const shown = (
    step === 1
      ? plotted
      : [...plotted].sort((a, b) => compareIds(ids[a]!, ids[b]!)).filter((_c, i) => i % step === 0)
  )
    .map((i) => ({
      id: ids[i]!,
      svcd: svcdByCode[codes[i]!]!,
      frequencyPerMonth: frequencyPerMonth[i]!,
      amountPerOrder: amountPerOrder[i]!,
    }))
    .sort((a, b) => segments.indexOf(a.svcd) - segments.indexOf(b.svcd) || compareIds(a.id, b.id));
  const notShown = segmented - plotted.length;
  const chartHeight = 24;
  const noteRow = cells.length + 1;
  cells.push([]);
  const notes: string[] = [];
  if (step > 1)
    notes.push(
      `${formatNumber(shown.length, 0)} / ${formatNumber(plotted.length, 0)} ${w.sampled} ${step}).`,
    );
  if (notShown > 0) notes.push(`${formatNumber(notShown, 0)} ${w.notPlotted}.`);
  cells.push(notes.length === 0 ? [] : [cell(notes.join(' '))]);
  const chartRow = noteRow + 1;
  const dataRow = chartRow + chartHeight + 1;
  while (cells.length < dataRow) cells.push([]);
  cells.push([{ value: t('chartData', lang), bold: true }]);
  cells.push([t('customerId', lang), t('segment', lang), frequencyLabel, amountLabel].map(headerCell));
  const dataFirst = cells.length;
  for (const c of shown) {
    cells.push([
      cell(c.id, 'text'),
      cell(svcdLabel(c.svcd, lang)),
      cell(c.frequencyPerMonth, 'number'),
      cell(c.amountPerOrder, 'money'),
    ]);
  }
  const xs = shown.map((c) => c.frequencyPerMonth);
  const ys = shown.map((c) => c.amountPerOrder);
  const spread = (values: number[]): number =>
    values.length === 0 ? 1 : Math.max(...values) / Math.min(...values);
  const logX = spread(xs) > 20;
  const logY = spread(ys) > 20;
  const series: ChartSeriesSpec[] = [];
  let at = dataFirst;
  for (const segment of segments) {
    const count = shown.filter((c) => c.svcd === segment).length;
    if (count > 0) {
      series.push({
        name: svcdLabel(segment, lang),
        xValues: { firstRow: at, firstColumn: 2, lastRow: at + count - 1, lastColumn: 2 },
        values: { firstRow: at, firstColumn: 3, lastRow: at + count - 1, lastColumn: 3 },
        color: svcdColors[segment].marker,
      });
    }
    at += count;
  }
  // The thresholds as lines from edge to edge of the plotted values: two points each.
  if (shown.length > 0) {
    const [xMin, xMax, yMin, yMax] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    cells.push([]);
    const pair = (label: string, x1: number, y1: number, x2: number, y2: number): void => {
      cells.push([cell(label), cell(null), cell(x1, 'number'), cell(y1, 'money')]);
      cells.push([cell(label), cell(null), cell(x2, 'number'), cell(y2, 'money')]);
    };
    const lines: { name: string; first: number }[] = [];
    if (th.frequency !== null) {
      lines.push({ name: `${frequencyLabel} ${t('threshold', lang)}`, first: cells.length });
      pair(
        `${frequencyLabel} ${t('threshold', lang)}`,
        th.frequency,
        Math.min(yMin, th.amount ?? yMin),
        th.frequency,
        Math.max(yMax, th.amount ?? yMax),
      );
    }
    if (th.amount !== null) {
      lines.push({ name: `${amountLabel} ${t('threshold', lang)}`, first: cells.length });
      pair(
        `${amountLabel} ${t('threshold', lang)}`,
        Math.min(xMin, th.frequency ?? xMin),
        th.amount,
        Math.max(xMax, th.frequency ?? xMax),
        th.amount,
      );
    }
    for (const line of lines) {
      const range = (column: number): RangeRef => ({
        firstRow: line.first,
        firstColumn: column,
        lastRow: line.first + 1,
        lastColumn: column,
      });
      series.push({ name: line.name, xValues: range(2), values: range(3), type: 'line', color: '#404040' });
    }
  }
  const heights = fitRowHeights(cells, widths);
  const charts: ChartSpec[] =
    series.length === 0
      ? []
      : [
          {
            type: 'scatter',
            title:
              lang === 'en'
                ? 'Customers by orders per month and amount per order'
                : '按每月订单数和每单金额的客户分布',
            categories: {
              firstRow: dataFirst,
              firstColumn: 2,
              lastRow: Math.max(dataFirst, cells.length - 1),
              lastColumn: 2,
            },
            series,
            anchor: { row: chartRow, column: 0, widthColumns: 3, heightRows: chartHeight },
            valueFormat: 'integer',
            valueAxis: { title: amountLabel, logarithmic: logY },
            xAxis: { title: frequencyLabel, logarithmic: logX, format: 'number' },
            legend: true,
          },
        ];
  return {
    key: 'svcd',
    name: sheetName('svcd', lang),
    cells,
    columnWidths: widths,
    frozenRows: 0,
    charts,
    colorScales: [],
    rowHeights: heights,
    // Portrait: one page wide, the page is tall enough for the tables and the chart together.
    print: { landscape: false, breaksBefore: [], lastRow: dataRow - 1 },
  };
}
