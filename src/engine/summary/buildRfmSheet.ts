import type { AnalysisResult } from '../analyze';
import { rfmLabel, sheetName, t } from '../labels';
import type { CellSpec, SheetSpec } from '../sheetSpec';
import type { RfmSegment } from '../types';
import { cell, headerCell, share, titleCell } from './cells';

/**
 * The RFM sheet: a heat map of customers by recency score (rows, 5 at the top) and frequency score
 * (columns), coloured by a three-colour scale, then customers and revenue per named segment with the rule
 * that defines it.
 */
export function buildRfmSheet(result: AnalysisResult): SheetSpec {
  const lang = result.settings.language;
  const grid = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);
  const bySegment = new Map<RfmSegment, { customers: number; revenue: number }>();
  let total = 0;
  for (const c of result.customers) {
    if (c.rfm === null) continue;
    grid[5 - c.rfm.r]![c.rfm.f - 1]! += 1;
    const s = bySegment.get(c.rfm.segment) ?? { customers: 0, revenue: 0 };
    s.customers++;
    s.revenue += c.revenue;
    bySegment.set(c.rfm.segment, s);
    total += c.revenue;
  }
  const cells: CellSpec[][] = [
    [titleCell(t('rfmTitle', lang))],
    [cell(t('rfmHeat', lang))],
    [headerCell(`R \\ F`), ...[1, 2, 3, 4, 5].map((f) => headerCell(`F${f}`))],
  ];
  grid.forEach((row, i) => {
    cells.push([headerCell(`R${5 - i}`), ...row.map((n) => cell(n, 'integer'))]);
  });
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
  return {
    key: 'rfm',
    name: sheetName('rfm', lang),
    cells,
    columnWidths: [22, 12, 14, 14, 8, 8, 8],
    frozenRows: 0,
    charts: [],
    colorScales: [
      {
        range: { firstRow: 3, firstColumn: 1, lastRow: 7, lastColumn: 5 },
        minColor: '#F8696B',
        midColor: '#FFEB84',
        maxColor: '#63BE7B',
      },
    ],
  };
}
