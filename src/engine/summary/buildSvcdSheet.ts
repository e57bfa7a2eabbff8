import type { AnalysisResult } from '../analyze';
import { sheetName, svcdLabel, svcdStrategy, t } from '../labels';
import { svcdVisitPlan } from '../planVisits';
import type { CellSpec, SheetSpec } from '../sheetSpec';
import type { SvcdSegment } from '../types';
import { cell, headerCell, share, titleCell } from './cells';

const segments: readonly SvcdSegment[] = ['Star', 'Cow', 'Volcano', 'Dog'];

/**
 * The SVCD matrix sheet: the thresholds used and where they came from, the 2×2 matrix (amount per order
 * against orders per month) with customers and revenue in each cell, a table per segment with its visit
 * interval and strategy, and a column chart of customers and revenue share per segment.
 */
export function buildSvcdSheet(result: AnalysisResult): SheetSpec {
  const lang = result.settings.language;
  const stats = new Map<SvcdSegment, { customers: number; revenue: number }>(
    segments.map((s) => [s, { customers: 0, revenue: 0 }]),
  );
  let totalRevenue = 0;
  let unsegmented = 0;
  for (const c of result.customers) {
    totalRevenue += c.revenue;
    if (c.svcd === null) {
      unsegmented++;
      continue;
    }
    const s = stats.get(c.svcd)!;
    s.customers++;
    s.revenue += c.revenue;
  }
  const th = result.svcdThresholds;
  const thresholdText = (value: number | null, source: 'median' | 'fixed'): string =>
    value === null
      ? '—'
      : `${Number(value.toPrecision(6))} (${source === 'median' ? (lang === 'en' ? 'smallest value above the median' : '高于中位数的最小值') : lang === 'en' ? 'typed' : '手动设定'})`;
  const matrixCell = (segment: SvcdSegment): CellSpec => {
    const s = stats.get(segment)!;
    return { value: `${svcdLabel(segment, lang)}: ${s.customers} · ${s.revenue.toFixed(2)}`, wrap: true };
  };
  const cells: CellSpec[][] = [
    [titleCell(t('svcdTitle', lang))],
    [
      cell(`${t('amountPerOrder', lang)} — ${t('threshold', lang)}`),
      cell(thresholdText(th.amount, th.amountSource)),
    ],
    [
      cell(`${t('frequency', lang)} — ${t('threshold', lang)}`),
      cell(thresholdText(th.frequency, th.frequencySource)),
    ],
    [],
    [
      headerCell(''),
      headerCell(`${t('frequency', lang)}: ${t('low', lang)}`),
      headerCell(`${t('frequency', lang)}: ${t('high', lang)}`),
    ],
    [
      headerCell(`${t('amountPerOrder', lang)}: ${t('high', lang)}`),
      matrixCell('Volcano'),
      matrixCell('Star'),
    ],
    [headerCell(`${t('amountPerOrder', lang)}: ${t('low', lang)}`), matrixCell('Dog'), matrixCell('Cow')],
    [],
    ['segment', 'customers', 'revenue', 'revenueShare', 'visitEvery', 'strategy'].map((k) =>
      headerCell(t(k as Parameters<typeof t>[0], lang)),
    ),
  ];
  for (const segment of segments) {
    const s = stats.get(segment)!;
    cells.push([
      cell(svcdLabel(segment, lang)),
      cell(s.customers, 'integer'),
      cell(s.revenue, 'money'),
      cell(share(s.revenue, totalRevenue), 'percent'),
      cell(svcdVisitPlan[segment].intervalDays, 'integer'),
      { value: svcdStrategy(segment, lang), wrap: true },
    ]);
  }
  cells.push([
    cell(lang === 'en' ? 'No order in the window' : '分析期间内无订单'),
    cell(unsegmented, 'integer'),
    cell(null),
    cell(null),
    cell(60, 'integer'),
    cell(lang === 'en' ? 'Visited like ABC class C.' : '按 ABC 的 C 类拜访。'),
  ]);
  const first = 9;
  const last = 12;
  return {
    key: 'svcd',
    name: sheetName('svcd', lang),
    cells,
    columnWidths: [34, 30, 30, 14, 16, 60],
    frozenRows: 0,
    charts: [
      {
        type: 'column',
        title: t('svcdTitle', lang),
        categories: { firstRow: first, firstColumn: 0, lastRow: last, lastColumn: 0 },
        series: [
          {
            name: t('customers', lang),
            values: { firstRow: first, firstColumn: 1, lastRow: last, lastColumn: 1 },
            color: '#4472C4',
          },
          {
            name: t('revenueShare', lang),
            values: { firstRow: first, firstColumn: 3, lastRow: last, lastColumn: 3 },
            secondaryAxis: true,
            type: 'line',
            color: '#ED7D31',
          },
        ],
        anchor: { row: last + 3, column: 0, widthColumns: 4, heightRows: 16 },
      },
    ],
    colorScales: [],
  };
}
