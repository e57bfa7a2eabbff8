import type { AnalysisResult } from '../analyze';
import { rfmLabel, sheetName, t } from '../labels';
import type { CellSpec, SheetSpec } from '../sheetSpec';
import type { Language, RfmSegment } from '../types';
import { cell, fitRowHeights, headerCell, share, titleCell } from './cells';

/**
 * Fill of a heat-map cell by how good its position is — recency score plus frequency score, 2 (bought long
 * ago, rarely: red) to 10 (recently and often: green) — never by how many customers it holds, so R1 F1
 * ("Lost") is red however crowded it is.
 */
export function rfmCellFill(r: number, f: number): string {
  const score = r + f;
  if (score <= 3) return '#F8696B';
  if (score <= 5) return '#FBAA77';
  if (score === 6) return '#FFEB84';
  if (score <= 8) return '#B1D580';
  return '#63BE7B';
}

function explanation(lang: Language): [string, string] {
  return lang === 'en'
    ? [
        'Rows: recency score R (5 = bought most recently, on top). Columns: frequency score F (5 = buys most often).',
        'The colour shows how good the position is (green: recent and frequent; red: long ago and rare), not how many customers are in it.',
      ]
    : [
        '行：最近购买得分 R（5 = 最近购买，在最上方）。列：购买频率得分 F（5 = 购买最频繁）。',
        '颜色表示位置的好坏（绿色：最近且频繁；红色：很久以前且很少），而不是客户数量。',
      ];
}

/**
 * The RFM sheet: two heat maps side by side over recency score (rows, R5 on top) × frequency score
 * (columns) — customers per cell and their revenue (monetary value) per cell — coloured by how good the
 * position is ({@link rfmCellFill}); then customers and revenue per named segment with the rule that
 * defines it.
 */
export function buildRfmSheet(result: AnalysisResult): SheetSpec {
  const lang = result.settings.language;
  const counts = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);
  const revenue = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);
  const bySegment = new Map<RfmSegment, { customers: number; revenue: number }>();
  let total = 0;
  const { codes, results } = result.outputs.rfm;
  const customerRevenue = result.outputs.measures.revenue;
  for (let i = 0; i < codes.length; i++) {
    const rfm = results[codes[i]!] ?? null;
    if (rfm === null) continue;
    const value = customerRevenue[i]!;
    counts[5 - rfm.r]![rfm.f - 1]! += 1;
    revenue[5 - rfm.r]![rfm.f - 1]! += value;
    const s = bySegment.get(rfm.segment) ?? { customers: 0, revenue: 0 };
    s.customers++;
    s.revenue += value;
    bySegment.set(rfm.segment, s);
    total += value;
  }
  const gridTitle = (en: string, zh: string): CellSpec => ({ value: lang === 'en' ? en : zh, bold: true });
  const heading = [headerCell('R \\ F'), ...[1, 2, 3, 4, 5].map((f) => headerCell(`F${f}`))];
  const cells: CellSpec[][] = [
    [titleCell(t('rfmTitle', lang))],
    [cell(explanation(lang)[0])],
    [cell(explanation(lang)[1])],
    [
      gridTitle('Customers per cell', '各格客户数'),
      ...Array<CellSpec>(6).fill(cell(null)),
      gridTitle('Revenue per cell (monetary value)', '各格销售额（购买金额）'),
    ],
    [...heading, cell(null), ...heading],
  ];
  for (let i = 0; i < 5; i++) {
    const r = 5 - i;
    const fills = [1, 2, 3, 4, 5].map((f) => rfmCellFill(r, f));
    cells.push([
      headerCell(`R${r}`),
      ...counts[i]!.map((n, k): CellSpec => ({ value: n, format: 'integer', fill: fills[k]! })),
      cell(null),
      headerCell(`R${r}`),
      ...revenue[i]!.map((m, k): CellSpec => ({ value: m, format: 'money', fill: fills[k]! })),
    ]);
  }
  cells.push([]);
  cells.push(
    ['rfmSegment', 'customers', 'revenue', 'revenueShare']
      .map((k) => headerCell(t(k as Parameters<typeof t>[0], lang)))
      .concat([headerCell('R'), headerCell('F'), headerCell('M')]),
  );
  const seen = new Set<RfmSegment>();
  for (const rule of result.settings.rfmRules) {
    if (seen.has(rule.segment)) continue;
    seen.add(rule.segment);
    const s = bySegment.get(rule.segment) ?? { customers: 0, revenue: 0 };
    const range = ([lo, hi]: [number, number]): string => (lo === hi ? `${lo}` : `${lo}–${hi}`);
    cells.push([
      cell(rfmLabel(rule.segment, lang)),
      cell(s.customers, 'integer'),
      cell(s.revenue, 'money'),
      cell(share(s.revenue, total), 'percent'),
      cell(range(rule.r)),
      cell(range(rule.f)),
      cell(range(rule.m)),
    ]);
  }
  const widths = [22, 10, 14, 10, 10, 10, 3, 8, 13, 13, 13, 13, 13];
  return {
    key: 'rfm',
    name: sheetName('rfm', lang),
    cells,
    columnWidths: widths,
    frozenRows: 0,
    charts: [],
    colorScales: [],
    rowHeights: fitRowHeights(cells, widths),
    print: { landscape: true, breaksBefore: [] },
  };
}
