import type { AnalysisResult } from '../../src/engine/analyze';
import { buildCustomerColumns } from '../../src/engine/buildCustomerColumns';
import { buildSummarySheets } from '../../src/engine/buildSummarySheets';
import { buildPyramidSheet, topTwentyShare } from '../../src/engine/summary/buildPyramidSheet';
import { buildRfmSheet } from '../../src/engine/summary/buildRfmSheet';
import { buildSvcdSheet, svcdColors } from '../../src/engine/summary/buildSvcdSheet';
import { buildDataIssuesSheet } from '../../src/engine/summary/buildDataIssuesSheet';
import { excelNumberFormat, type CellSpec, type SheetSpec } from '../../src/engine/sheetSpec';
import type { Language, RawCell } from '../../src/engine/types';
import { buildChartXml } from '../../src/host/file/buildChartXml';
import { analyzeScenario } from '../helpers/tables';

/**
 * 20 customers ranked by profit 100, 94, …, −14 (customer i makes 100 − 6i): tiers of 1, 2, 4, 5 and 8.
 * The bottom tier (course: "loss-making") holds 28, 22, 16, 10, 4, −2, −8, −14: it makes a profit of 56
 * in all, and three of its customers lose money.
 */
function profitBook(language: Language = 'en'): AnalysisResult {
  const rows: RawCell[][] = [];
  for (let i = 0; i < 20; i++) {
    const id = `P${String(i).padStart(2, '0')}`;
    rows.push([id, `2024-0${1 + (i % 6)}-0${1 + (i % 9)}`, 1000 + 37 * i, 100 - 6 * i]);
    if (i % 3 === 0) rows.push([id, '2024-06-20', 10, 0]);
  }
  return analyzeScenario({
    sales: { headers: ['Customer ID', 'Date', 'Amount', 'Profit'], rows },
    settings: { language },
  });
}

/** The same customers without a profit column: ranked by revenue. */
function revenueBook(language: Language = 'en'): AnalysisResult {
  const rows: RawCell[][] = [];
  for (let i = 0; i < 20; i++)
    rows.push([`R${String(i).padStart(2, '0')}`, `2024-0${1 + (i % 6)}-10`, 500 + 91 * i]);
  rows.push([null, '2024-02-02', 70], ['R01', 'someday', 30], ['R02', '2024-03-03', 'n/a']);
  return analyzeScenario({
    sales: { headers: ['Customer ID', 'Date', 'Amount'], rows },
    settings: { language },
  });
}

const texts = (sheet: SheetSpec): string[] => [
  ...sheet.cells.flat().flatMap((c) => (typeof c.value === 'string' ? [c.value] : [])),
  ...sheet.charts.flatMap((chart) => [chart.title, ...chart.series.map((s) => s.name)]),
];
const rowOf = (sheet: SheetSpec, test: (row: CellSpec[]) => boolean): number => {
  const index = sheet.cells.findIndex(test);
  if (index < 0) throw new Error(`no such row on ${sheet.key}`);
  return index;
};
const columnOf = (sheet: SheetSpec, headerRow: number, header: string): number => {
  const index = sheet.cells[headerRow]!.findIndex((c) => c.value === header);
  if (index < 0) throw new Error(`no column ${header}`);
  return index;
};

describe('tiers are named by position, with the course zone as a reference', () => {
  const result = profitBook();
  const pyramid = buildPyramidSheet(result);
  const header = rowOf(pyramid, (row) => row[0]?.value === 'Tier');
  const tierRows = [1, 2, 3, 4, 5].map((k) => pyramid.cells[header + k]!);

  test('the tier cell says the position and, as a reference, the course zone', () => {
    expect(tierRows.map((row) => row[0]!.value)).toEqual([
      'Tier 1 · top 5%\ncourse: most profitable zone',
      'Tier 2 · next 10%\ncourse: profitable zone',
      'Tier 3 · next 20%\ncourse: marginal zone',
      'Tier 4 · next 25%\ncourse: break-even zone',
      'Tier 5 · bottom 40%\ncourse: loss-making zone',
    ]);
  });

  test('what the customers actually did: share of profit and how many lose money, per tier', () => {
    const did = columnOf(pyramid, header, 'What your customers did');
    const losing = columnOf(pyramid, header, 'Customers losing money');
    expect(tierRows.map((row) => row[losing]!.value)).toEqual([0, 0, 0, 0, 3]);
    // Total profit 860; tier 5 makes 56 of it.
    expect(tierRows[4]![did]!.value).toBe('made +6.5% of profit · 3 of 8 lose money');
    expect(tierRows[0]![did]!.value).toBe('made +11.6% of profit · 0 of 1 lose money');
  });

  test('the strategy follows the actual profit: a profitable bottom tier is not told to go', () => {
    const strategy = String(tierRows[4]![columnOf(pyramid, header, 'What to do')]!.value);
    expect(strategy).not.toMatch(/let them go/u);
    expect(strategy).toContain('3 of them lose money');
    // Tiers 2 and 3 together earn most of the profit (188 + 304 of 860).
    expect(String(tierRows[2]![columnOf(pyramid, header, 'What to do')]!.value)).toMatch(
      /keep the relationship excellent/u,
    );
  });

  test('a bottom tier that loses money overall is told to cut the cost or let them go', () => {
    const rows: RawCell[][] = [];
    for (let i = 0; i < 20; i++)
      rows.push([`L${String(i).padStart(2, '0')}`, '2024-01-05', 100, 50 - 10 * i]);
    const loses = buildPyramidSheet(
      analyzeScenario({ sales: { headers: ['Customer ID', 'Date', 'Amount', 'Profit'], rows } }),
    );
    const at = rowOf(loses, (row) => row[0]?.value === 'Tier');
    expect(String(loses.cells[at + 5]![columnOf(loses, at, 'What to do')]!.value)).toMatch(
      /lose money: cut the cost/u,
    );
  });

  test('every customer whose own profit is below zero is flagged, whatever its tier', () => {
    const { columns } = buildCustomerColumns(result);
    const flag = columns.find((c) => c.key === 'lossMaking')!;
    expect(flag.header).toBe('Own profit below zero');
    const expected = result.customers.map((c) => (c.profit! < 0 ? 'Yes' : 'No'));
    expect(flag.values).toEqual(expected);
    expect(expected.filter((v) => v === 'Yes')).toHaveLength(3);
    const tiers = columns.find((c) => c.key === 'pyramidTier')!;
    expect(tiers.values[0]).toBe('Tier 1 · top 5%');
  });

  test('ranked by revenue, the pyramid sheet and the customer columns never speak of profit', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const revenue = revenueBook(lang);
      const sheet = buildPyramidSheet(revenue);
      const words = texts(sheet).filter((text) => /profit|利润|赚钱|赔钱|loss/iu.test(text));
      // Only the "ranked by" line may say why: there is no profit or cost column.
      expect(words.every((text) => /no profit or cost column|没有利润或成本列/u.test(text))).toBe(true);
      const { columns } = buildCustomerColumns(revenue);
      expect(columns.map((c) => c.key)).not.toContain('lossMaking');
      expect(columns.map((c) => c.key)).not.toContain('profit');
      const tiers = columns.find((c) => c.key === 'pyramidTier')!.values;
      expect(tiers.some((v) => /profit|赚钱|赔钱/u.test(String(v)))).toBe(false);
      expect(sheet.charts.some((c) => /profit|利润/u.test(c.title))).toBe(false);
    }
  });

  test('the position follows the pyramid cut-offs setting', () => {
    const custom = analyzeScenario({
      sales: { headers: ['Customer ID', 'Date', 'Amount'], rows: [['A', '2024-01-01', 5]] },
      settings: { pyramidCuts: [0.1, 0.2, 0.5, 0.7, 1] },
    });
    const sheet = buildPyramidSheet(custom);
    const at = rowOf(sheet, (row) => row[0]?.value === 'Tier');
    expect(sheet.cells.slice(at + 1, at + 6).map((row) => row[0]!.value)).toEqual([
      'Tier 1 · top 10% by revenue',
      'Tier 2 · next 10% by revenue',
      'Tier 3 · next 30% by revenue',
      'Tier 4 · next 20% by revenue',
      'Tier 5 · bottom 30% by revenue',
    ]);
  });
});

describe('the pyramid chart is a centred pyramid of stacked bars', () => {
  const result = profitBook();
  const sheet = buildPyramidSheet(result);
  const pyramids = sheet.charts.filter((c) => c.grouping === 'stacked');

  test('two pyramids: the business beside the course; a chart of profit shares when ranked by profit', () => {
    expect(pyramids.map((c) => c.title)).toEqual([
      'Your customers by tier (share of customers)',
      'Course reference pyramid (share of customers)',
    ]);
    expect(pyramids[1]!.anchor.column).toBeGreaterThanOrEqual(
      pyramids[0]!.anchor.column + pyramids[0]!.anchor.widthColumns,
    );
    expect(sheet.charts.some((c) => c.title === 'Share of your profit by tier')).toBe(true);
    expect(buildPyramidSheet(revenueBook()).charts).toHaveLength(2);
  });

  test.each([0, 1])(
    'chart %i: the written DrawingML is centred stacked bars, widest at the bottom',
    (index) => {
      const chart = pyramids[index]!;
      const xml = buildChartXml(chart, sheet.name, sheet.cells);
      expect(xml).toContain('<c:barDir val="bar"/>');
      expect(xml).toContain('<c:grouping val="stacked"/>');
      expect(xml).toContain('<c:overlap val="100"/>');
      const series = [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/gu)].map((m) => m[1]!);
      expect(series).toHaveLength(2);
      // The first series is the invisible padding; the second is the tier bar, labelled with its share.
      expect(series[0]).toMatch(
        /^<c:idx val="0"\/>.*<c:spPr><a:noFill\/><a:ln><a:noFill\/><\/a:ln><\/c:spPr>/u,
      );
      expect(series[1]).toMatch(/<a:solidFill>/u);
      expect(series[1]).toMatch(/<c:dLbls><c:numFmt formatCode="0\.0%"[\s\S]*<c:showVal val="1"\/>/u);
      // Tier 1 on top: the category axis runs from max to min.
      expect(xml).toMatch(/<c:catAx>.*?<c:orientation val="maxMin"\/>/u);
      const cache = (ser: string): number[] =>
        [
          ...ser.replace(/<c:cat>[\s\S]*?<\/c:cat>/u, '').matchAll(/<c:pt idx="\d+"><c:v>([^<]*)<\/c:v>/gu),
        ].map((m) => Number(m[1]));
      const padding = cache(series[0]!);
      const bars = cache(series[1]!);
      expect(bars).toHaveLength(5);
      // Centred: padding + half the bar is the same for every tier, and the axis ends at twice that.
      const centre = padding[0]! + bars[0]! / 2;
      padding.forEach((p, i) => {
        expect(p + bars[i]! / 2).toBeCloseTo(centre, 12);
      });
      const max = Number(/<c:valAx>.*?<c:max val="([^"]+)"\/>/u.exec(xml)![1]);
      expect(max).toBeCloseTo(2 * centre, 12);
      expect(xml).toMatch(/<c:valAx>.*?<c:delete val="1"\/>/u);
      // Widest at the bottom: the last category (tier 5, drawn lowest) is the widest bar.
      expect(Math.max(...bars)).toBe(bars[4]);
    },
  );

  test('the categories carry the counts, the bars the shares', () => {
    const xml = buildChartXml(pyramids[0]!, sheet.name, sheet.cells);
    const categories = [
      .../<c:cat>([\s\S]*?)<\/c:cat>/u.exec(xml)![1]!.matchAll(/<c:v>([^<]*)<\/c:v>/gu),
    ].map((m) => m[1]);
    expect(categories).toEqual([
      'Tier 1 · top 5% — 1 customers',
      'Tier 2 · next 10% — 2 customers',
      'Tier 3 · next 20% — 4 customers',
      'Tier 4 · next 25% — 5 customers',
      'Tier 5 · bottom 40% — 8 customers',
    ]);
  });
});

describe('the SVCD sheet is a 2×2 matrix with a quadrant chart', () => {
  const result = profitBook();
  const sheet = buildSvcdSheet(result);
  const count = (segment: string): number => result.customers.filter((c) => c.svcd === segment).length;

  test('quadrants: high amount on top, high frequency on the right, each coloured, with its count', () => {
    const at = rowOf(sheet, (row) => String(row[1]?.value).startsWith('Orders per month: low'));
    const quadrants = [
      [sheet.cells[at + 1]![1]!, 'Volcano'],
      [sheet.cells[at + 1]![2]!, 'Star'],
      [sheet.cells[at + 2]![1]!, 'Dog'],
      [sheet.cells[at + 2]![2]!, 'Cow'],
    ] as const;
    for (const [cell, segment] of quadrants) {
      expect(String(cell.value)).toMatch(
        new RegExp(`^${segment}\\n${count(segment)} customers · [\\d.]+% of revenue$`, 'u'),
      );
      expect(cell.fill).toBe(svcdColors[segment].fill);
    }
    expect(String(sheet.cells[at + 1]![0]!.value)).toMatch(/^Amount per order: high \(≥ [\d,]+\.\d\d\)$/u);
  });

  test('thresholds are numbers with a format, not long decimals in text', () => {
    const amount = sheet.cells[1]![1]!;
    expect(amount).toMatchObject({ value: result.svcdThresholds.amount, format: 'money' });
    expect(sheet.cells[2]![1]!).toMatchObject({ value: result.svcdThresholds.frequency, format: 'number' });
  });

  test('the chart is a scatter of the customers with the two thresholds as lines, never a line across categories', () => {
    expect(sheet.charts).toHaveLength(1);
    const chart = sheet.charts[0]!;
    expect(chart.type).toBe('scatter');
    const points = chart.series.filter((s) => s.type !== 'line');
    expect(points.map((s) => s.name)).toEqual(['Star', 'Cow', 'Volcano', 'Dog'].filter((s) => count(s) > 0));
    const plotted = points.reduce((sum, s) => sum + s.values.lastRow - s.values.firstRow + 1, 0);
    expect(plotted).toBe(
      result.customers.filter((c) => c.svcd !== null && (c.amountPerOrder ?? 0) > 0).length,
    );
    const lines = chart.series.filter((s) => s.type === 'line');
    expect(lines).toHaveLength(2);
    const xs = lines[0]!.xValues!;
    expect([sheet.cells[xs.firstRow]![2]!.value, sheet.cells[xs.lastRow]![2]!.value]).toEqual([
      result.svcdThresholds.frequency,
      result.svcdThresholds.frequency,
    ]);
    const xml = buildChartXml(chart, sheet.name, sheet.cells);
    expect(xml).toContain('<c:scatterChart>');
    expect(xml).not.toContain('<c:lineChart>');
    expect(xml).toContain('<a:prstDash val="dash"/>');
  });
});

describe('the RFM heat map reads the right way round and shows monetary value', () => {
  const result = profitBook();
  const sheet = buildRfmSheet(result);
  const at = rowOf(sheet, (row) => row[0]?.value === 'R \\ F');

  test('R5 on top; R1 F1 ("Lost") is red and R5 F5 green, whatever the counts', () => {
    expect(sheet.cells[at + 1]![0]!.value).toBe('R5');
    expect(sheet.cells[at + 5]![0]!.value).toBe('R1');
    expect(sheet.cells[at + 5]![1]!.fill).toBe('#F8696B');
    expect(sheet.cells[at + 1]![5]!.fill).toBe('#63BE7B');
    expect(sheet.colorScales).toEqual([]);
  });

  test('beside the counts, the revenue of each cell', () => {
    const scored = result.customers.filter((c) => c.rfm !== null);
    for (let r = 1; r <= 5; r++) {
      for (let f = 1; f <= 5; f++) {
        const row = sheet.cells[at + 6 - r]!;
        const members = scored.filter((c) => c.rfm!.r === r && c.rfm!.f === f);
        expect(row[f]!.value).toBe(members.length);
        expect(row[7 + f]!).toMatchObject({ format: 'money', fill: row[f]!.fill });
        expect(row[7 + f]!.value as number).toBeCloseTo(
          members.reduce((s, c) => s + c.revenue, 0),
          9,
        );
      }
    }
  });
});

describe('the 80/20 figure is the share of the top 20 % of customers', () => {
  test('ten customers with revenue 1…10: the top two bring 19 of 55', () => {
    const result = analyzeScenario({
      sales: {
        headers: ['Customer ID', 'Date', 'Amount'],
        rows: Array.from({ length: 10 }, (_, i): RawCell[] => [`T${i}`, '2024-01-01', i + 1]),
      },
    });
    expect(topTwentyShare(result)).toBeCloseTo(19 / 55, 12);
    const sheet = buildPyramidSheet(result);
    const row = sheet.cells.find((r) => r[0]?.value === 'Revenue from the top 20% of customers')!;
    expect(row.find((c) => c.format === 'percent')!.value).toBeCloseTo(19 / 55, 12);
  });
});

describe('the Data issues sheet opens with a summary', () => {
  const result = revenueBook();
  const sheet = buildDataIssuesSheet(result);

  test('skipped rows by reason with the amount they carry, before the first rows', () => {
    const summary = rowOf(sheet, (row) => row[0]?.value === 'Reason');
    expect(sheet.cells.slice(summary + 1, summary + 5).map((row) => row.map((c) => c.value))).toEqual([
      ['customer id is blank', 1, 70],
      ['date is not readable', 1, 30],
      ['amount is not a number', 1, '(amount not readable)'],
      ['Total', 3, 100],
    ]);
    expect(rowOf(sheet, (row) => row[3]?.value === 'Problem')).toBeGreaterThan(summary + 4);
  });

  test('lists the first rows only; the summary counts them all', () => {
    const rows: RawCell[][] = [['A', '2024-01-01', 5]];
    for (let i = 0; i < 1500; i++) rows.push([null, '2024-01-02', 2]);
    const many = buildDataIssuesSheet(
      analyzeScenario({ sales: { headers: ['Customer ID', 'Date', 'Amount'], rows } }),
    );
    const summary = rowOf(many, (row) => row[0]?.value === 'Reason');
    expect(many.cells[summary + 1]!.map((c) => c.value)).toEqual(['customer id is blank', 1500, 3000]);
    const listed = many.cells.filter((row) => row[3]?.value === 'customer id is blank');
    expect(listed).toHaveLength(1000);
    expect(String(many.cells.at(-1)![0]!.value)).toBe(
      '… and 500 more skipped rows, not listed here (the summary above counts them all).',
    );
    expect(many.print!.lastRow).toBe(rowOf(many, (row) => row[3]?.value === 'Problem') + 100);
    expect(texts(many).some((text) => /json/iu.test(text))).toBe(false);
  });

  test('never points to a JSON report', () => {
    expect(texts(sheet).some((text) => /json/iu.test(text))).toBe(false);
  });

  test('notes in Chinese too', () => {
    const zh = buildDataIssuesSheet(revenueBook('zh-CN'));
    expect(texts(zh)).toContain('销售表既没有利润列也没有成本列，因此金字塔按销售额排序。');
    expect(texts(zh).some((text) => text.includes('neither a profit nor a cost'))).toBe(false);
    expect(zh.cells.some((row) => row[0]?.value === '原因')).toBe(true);
  });
});

describe('every summary sheet is formatted for screen and print', () => {
  test('counts and amounts show thousands separators; shares are percentages', () => {
    expect(excelNumberFormat('integer')).toBe('#,##0');
    expect(excelNumberFormat('money')).toBe('#,##0.00');
    expect(excelNumberFormat('number')).toBe('#,##0.00');
    expect(excelNumberFormat('percent')).toBe('0.0%');
  });

  const sheets = [...buildSummarySheets(profitBook()), ...buildSummarySheets(revenueBook('zh-CN'))];

  test.each(sheets.map((s) => [`${s.key} ${s.name}`, s] as const))(
    '%s: every number has a format',
    (_name, sheet) => {
      for (const row of sheet.cells)
        for (const c of row) if (typeof c.value === 'number') expect(c.format).toBeDefined();
      for (const chart of sheet.charts) expect(chart.valueFormat).toBeDefined();
    },
  );

  test.each(sheets.map((s) => [`${s.key} ${s.name}`, s] as const))(
    '%s: prints one page wide; wrapped headers are tall enough',
    (_name, sheet) => {
      expect(sheet.print).toBeDefined();
      sheet.cells.forEach((row, r) => {
        for (const [c, spec] of row.entries()) {
          if (spec.wrap !== true || typeof spec.value !== 'string') continue;
          const width = sheet.columnWidths[c] ?? 8.43;
          if (spec.value.length + 2 > width || spec.value.includes('\n'))
            expect(sheet.rowHeights?.[r] ?? 15).toBeGreaterThan(15);
        }
      });
    },
  );

  test('charts start on a page of their own when tables come before them', () => {
    const pyramid = sheets[0]!;
    const first = Math.min(...pyramid.charts.map((c) => c.anchor.row));
    const tableEnd = pyramid.cells.findIndex((row) => row[0]?.value === 'Total');
    expect(pyramid.print!.breaksBefore).toHaveLength(1);
    expect(pyramid.print!.breaksBefore[0]).toBeGreaterThan(tableEnd);
    expect(pyramid.print!.breaksBefore[0]).toBeLessThanOrEqual(first);
  });
});

describe('the customers sheet can show why a customer is where it is', () => {
  test('amount per order, orders per month, R, F, M and lifetime value as numbers', () => {
    const result = profitBook();
    const { columns } = buildCustomerColumns(result);
    const values = (key: string): unknown[] => columns.find((c) => c.key === key)!.values;
    expect(values('amountPerOrder')).toEqual(result.customers.map((c) => c.amountPerOrder));
    expect(values('frequencyPerMonth')).toEqual(result.customers.map((c) => c.frequencyPerMonth));
    expect(values('rfmR')).toEqual(result.customers.map((c) => c.rfm!.r));
    expect(values('rfmF')).toEqual(result.customers.map((c) => c.rfm!.f));
    expect(values('rfmM')).toEqual(result.customers.map((c) => c.rfm!.m));
    expect(values('lifetimeValue')).toEqual(result.customers.map((c) => c.lifetimeValue));
    expect(columns.find((c) => c.key === 'amountPerOrder')!.format).toBe('money');
  });
});
