import type { AnalysisResult } from '../analyze';
import { compareIds } from '../compareIds';
import { abcByCode } from '../assignAbc';
import { abcLabel, sheetName, t } from '../labels';
import { abcVisitPlan } from '../planVisits';
import type { CellSpec, SheetSpec } from '../sheetSpec';
import type { AbcClass } from '../types';
import { cell, fitRowHeights, headerCell, share, titleCell } from './cells';

/** Up to this many customers with revenue the Pareto table lists each one; above, it lists 5 % steps. */
export const paretoDetailLimit = 50;

/**
 * The ABC / Pareto sheet: customers and revenue per class with visit intervals, then the Pareto curve —
 * revenue per customer (or per 5 % of customers for large books) as columns with the cumulative share as a
 * line on a secondary axis.
 */
export function buildAbcSheet(result: AnalysisResult): SheetSpec {
  const lang = result.settings.language;
  const classes: AbcClass[] = ['A', 'B', 'C'];
  const stats = new Map(classes.map((k) => [k, { customers: 0, revenue: 0 }]));
  let total = 0;
  const { revenue } = result.outputs.measures;
  const codes = result.outputs.abc.codes;
  const { ids } = result.roster;
  for (let i = 0; i < codes.length; i++) {
    const s = stats.get(abcByCode[codes[i]!] ?? 'C')!;
    s.customers++;
    s.revenue += revenue[i]!;
    if (revenue[i]! > 0) total += revenue[i]!;
  }
  const cells: CellSpec[][] = [
    [titleCell(t('abcTitle', lang))],
    [
      cell(
        `${lang === 'en' ? 'Class A ends where cumulative revenue passes' : 'A 类截止的累计销售额占比'}: ${Math.round(result.settings.abcCut * 1000) / 10}%`,
      ),
    ],
    [],
    ['class', 'customers', 'revenue', 'revenueShare', 'visitEvery'].map((k) =>
      headerCell(t(k as Parameters<typeof t>[0], lang)),
    ),
  ];
  for (const k of classes) {
    const s = stats.get(k)!;
    cells.push([
      cell(abcLabel(k, lang)),
      cell(s.customers, 'integer'),
      cell(s.revenue, 'money'),
      cell(share(s.revenue, total), 'percent'),
      cell(abcVisitPlan[k].intervalDays, 'integer'),
    ]);
  }
  cells.push([]);
  const positive: number[] = [];
  for (let i = 0; i < codes.length; i++) if (revenue[i]! > 0) positive.push(i);
  const detail = positive.length <= paretoDetailLimit;
  // Large books only need the revenues in order (5 % steps): a native numeric sort avoids 100k comparator
  // calls. A customers come first in that order, so a position's class is A below the count of A.
  const ranked = detail
    ? positive.sort((a, b) => revenue[b]! - revenue[a]! || compareIds(ids[a]!, ids[b]!))
    : [];
  const sortedRevenue = detail
    ? new Float64Array(0)
    : Float64Array.from(positive, (i) => revenue[i]!)
        .sort()
        .reverse();
  const countA = stats.get('A')!.customers;
  const tableStart = cells.length;
  cells.push(
    (detail
      ? ['rank', 'customerId', 'revenue', 'cumulativeShare', 'class']
      : ['customerShare', 'customers', 'revenue', 'cumulativeShare', 'class']
    ).map((k) => headerCell(t(k as Parameters<typeof t>[0], lang))),
  );
  let cumulative = 0;
  if (detail) {
    ranked.forEach((c, i) => {
      cumulative += revenue[c]!;
      cells.push([
        cell(i + 1, 'integer'),
        cell(ids[c]!, 'text'),
        cell(revenue[c]!, 'money'),
        cell(share(cumulative, total), 'percent'),
        cell(abcLabel(abcByCode[codes[c]!] ?? 'C', lang)),
      ]);
    });
  } else {
    let start = 0;
    for (let step = 1; step <= 20; step++) {
      const end = Math.ceil((sortedRevenue.length * step) / 20);
      let stepRevenue = 0;
      for (let k = start; k < end; k++) stepRevenue += sortedRevenue[k]!;
      cumulative += stepRevenue;
      const lastClass: AbcClass = end - 1 < countA ? 'A' : 'B';
      cells.push([
        cell(`${(step - 1) * 5}–${step * 5}%`),
        cell(end - start, 'integer'),
        cell(stepRevenue, 'money'),
        cell(share(cumulative, total), 'percent'),
        cell(abcLabel(lastClass, lang)),
      ]);
      start = end;
    }
  }
  const first = tableStart + 1;
  const last = cells.length - 1;
  const hasRows = last >= first;
  const widths = [16, 18, 16, 16, 18];
  return {
    key: 'abc',
    name: sheetName('abc', lang),
    cells,
    columnWidths: widths,
    rowHeights: fitRowHeights(cells, widths),
    frozenRows: 0,
    charts: hasRows
      ? [
          {
            type: 'column',
            title: lang === 'en' ? 'Pareto: revenue and cumulative share' : '帕累托：销售额与累计占比',
            categories: {
              firstRow: first,
              firstColumn: detail ? 1 : 0,
              lastRow: last,
              lastColumn: detail ? 1 : 0,
            },
            series: [
              {
                name: t('revenue', lang),
                values: { firstRow: first, firstColumn: 2, lastRow: last, lastColumn: 2 },
                color: '#4472C4',
              },
              {
                name: t('cumulativeShare', lang),
                values: { firstRow: first, firstColumn: 3, lastRow: last, lastColumn: 3 },
                secondaryAxis: true,
                type: 'line',
                color: '#ED7D31',
              },
            ],
            anchor: { row: 3, column: 6, widthColumns: 9, heightRows: 20 },
            valueFormat: 'integer',
            secondaryValueFormat: 'percent',
          },
        ]
      : [],
    colorScales: [],
    print: { landscape: true, breaksBefore: [] },
  };
}
