import type { AnalysisResult } from '../analyze';
import { isoFromDay } from '../dayNumbers';
import { sheetName } from '../labels';
import { movementText } from '../movement/movementText';
import type { Movement } from '../movement/types';
import type { CellSpec, ChartSpec, ColorScaleSpec, SheetSpec } from '../sheetSpec';
import { cell, fitRowHeights, headerCell, share, titleCell } from './cells';

/**
 * The Loyalty sheet: retention from the earlier period to the recent one (who bought in the N months up to
 * the earlier date, and how many of them bought again in the N months after it), the repeat-purchase rate
 * over the analysis window, and the monthly cohorts — the share of each first-purchase month's customers
 * who bought in each later month, as a heat map (a red–yellow–green colour scale over the later months),
 * then the same as counts — with a column chart of the share still buying by months since the first
 * purchase (all cohorts together: buyers in month k over the customers of the cohorts that reached month k).
 */
export function buildLoyaltySheet(result: AnalysisResult, movement: Movement): SheetSpec {
  const lang = result.settings.language;
  const w = movementText(lang);
  const months = movement.settings.compareMonths;
  const { retention, repeatPurchases, cohorts } = movement;
  // A rate without a base (nobody bought in the earlier period) is a dash, not an empty cell.
  const rate = (value: number | null): CellSpec =>
    value === null ? { value: '—', bold: true } : { value, format: 'percent', bold: true };
  const cells: CellSpec[][] = [
    [titleCell(w.text('loyaltyTitle'))],
    [cell(w.text('asOf')), cell(isoFromDay(result.asOf))],
    [],
    [{ value: w.text('retention'), bold: true }],
    [{ value: w.text('retentionNote', { n: months, p: isoFromDay(movement.earlier.end) }), wrap: true }],
    [
      cell(
        `${w.text('earlierBuyers')} (${isoFromDay(movement.earlier.start)} – ${isoFromDay(movement.earlier.end)})`,
      ),
      cell(retention.earlierBuyers, 'integer'),
    ],
    [
      cell(
        `${w.text('retained')} (${isoFromDay(movement.recent.start)} – ${isoFromDay(movement.recent.end)})`,
      ),
      cell(retention.retained, 'integer'),
    ],
    [{ value: w.text('rate'), bold: true }, rate(retention.rate)],
    [],
    [{ value: w.text('repeat'), bold: true }],
    [{ value: w.text('repeatNote'), wrap: true }],
    [cell(w.text('buyers')), cell(repeatPurchases.buyers, 'integer')],
    [cell(w.text('repeaters')), cell(repeatPurchases.repeaters, 'integer')],
    [{ value: w.text('rate'), bold: true }, rate(repeatPurchases.rate)],
    [],
    [{ value: w.text('cohorts'), bold: true }],
    [{ value: w.text('cohortNote'), wrap: true }],
  ];
  const span = Math.max(1, ...cohorts.map((c) => c.active.length));
  // Month columns are headed by the number of months since the first purchase (0 = the cohort month).
  const heading = [
    headerCell(w.text('cohort')),
    headerCell(w.text('customers')),
    ...Array.from({ length: span }, (_v, k) => headerCell(String(k))),
  ];
  const above = [cell(null), cell(null), { value: `${w.text('monthsSince')} →`, bold: true }];
  cells.push(above);
  cells.push(heading);
  const sharesFirst = cells.length;
  for (const c of cohorts) {
    cells.push([
      cell(c.month, 'text'),
      cell(c.customers, 'integer'),
      ...c.active.map((n) => cell(share(n, c.customers), 'percent')),
    ]);
  }
  const colorScales: ColorScaleSpec[] =
    cohorts.length > 0 && span > 1
      ? [
          {
            range: {
              firstRow: sharesFirst,
              firstColumn: 3,
              lastRow: sharesFirst + cohorts.length - 1,
              lastColumn: span + 1,
            },
            minColor: '#F8696B',
            midColor: '#FFEB84',
            maxColor: '#63BE7B',
          },
        ]
      : [];
  cells.push([]);
  cells.push(above, heading);
  for (const c of cohorts) {
    cells.push([
      cell(c.month, 'text'),
      cell(c.customers, 'integer'),
      ...c.active.map((n) => cell(n, 'integer')),
    ]);
  }
  cells.push([]);

  // The chart, then its data: the share of all cohorts still buying k months after their first purchase.
  const chartRow = cells.length;
  const chartHeight = 18;
  const dataRow = chartRow + chartHeight + 1;
  while (cells.length < dataRow) cells.push([]);
  cells.push([headerCell(w.text('monthsSince')), headerCell(w.text('averageShare'))]);
  const dataFirst = cells.length;
  for (let k = 0; k < span; k++) {
    let reached = 0;
    let active = 0;
    for (const c of cohorts) {
      if (k >= c.active.length) continue;
      reached += c.customers;
      active += c.active[k]!;
    }
    cells.push([cell(k, 'integer'), cell(share(active, reached), 'percent')]);
  }
  const charts: ChartSpec[] =
    cohorts.length === 0
      ? []
      : [
          {
            type: 'column',
            title: w.text('chartTitle'),
            categories: { firstRow: dataFirst, firstColumn: 0, lastRow: dataFirst + span - 1, lastColumn: 0 },
            series: [
              {
                name: w.text('averageShare'),
                values: { firstRow: dataFirst, firstColumn: 1, lastRow: dataFirst + span - 1, lastColumn: 1 },
                color: '#5B9BD5',
              },
            ],
            anchor: {
              row: chartRow,
              column: 0,
              // As wide as the cohort table, so it prints within the page at the table's scale.
              widthColumns: span + 2,
              heightRows: chartHeight,
            },
            valueFormat: 'percent',
            valueAxis: { min: 0, max: 1 },
            legend: false,
          },
        ];
  const widths = [44, 11, ...Array.from({ length: span }, () => 7)];
  return {
    key: 'loyalty',
    name: sheetName('loyalty', lang),
    cells,
    columnWidths: widths,
    frozenRows: 0,
    charts,
    colorScales,
    rowHeights: fitRowHeights(cells, widths),
    print: { landscape: span > 8, breaksBefore: [chartRow], lastRow: dataRow - 1 },
  };
}
