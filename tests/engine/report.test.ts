import type { AnalysisResult } from '../../src/engine/analyze';
import { buildCustomerColumns } from '../../src/engine/buildCustomerColumns';
import { buildReport } from '../../src/engine/buildReport';
import { buildSummarySheets } from '../../src/engine/buildSummarySheets';
import { defaultOutputColumns } from '../../src/engine/methods/outputColumns';
import type { CellSpec, ColumnSpec, SheetSpec } from '../../src/engine/sheetSpec';
import type { Language, OutputColumnKey, RawCell } from '../../src/engine/types';
import { analyzeScenario, day, type RowTable } from '../helpers/tables';

const salesTable: RowTable = {
  headers: ['Order ID', 'Customer ID', 'Order Date', 'Sales', 'Profit'],
  rows: [
    ['O1', 'C001', '2024-01-01', 100, 20],
    ['O2', 'C001', '2024-01-15', 300, 60],
    ['O3', 'C002', '2024-01-31', 50, 5],
    ['O4', null, '2024-01-10', 10, 1],
  ],
};
const customersTable: RowTable = {
  headers: ['Customer ID', 'Customer Name'],
  rows: [
    ['C001', 'Acme'],
    ['C003', 'Prospect Co'],
  ],
};

function analyzeBook(language: Language = 'en', customers: RowTable | null = customersTable): AnalysisResult {
  return analyzeScenario({
    sales: salesTable,
    ...(customers === null ? {} : { customers }),
    settings: { language },
  });
}

const isoPattern = /^\d{4}-\d{2}-\d{2}$/u;
const months = 31 / 30.4375;

describe('buildReport follows the JSON contract of DESIGN.md', () => {
  const result = analyzeBook();
  const report = buildReport(result);

  test('top level: version, as-of, window and input', () => {
    expect(report.version).toBe(1);
    expect(report.asOf).toBe('2024-01-31');
    expect(report.window).toEqual({ start: '2024-01-01', end: '2024-01-31', months });
    expect(report.input).toMatchObject({
      salesRows: 4,
      usedRows: 3,
      skippedCount: 1,
      skipped: [{ sheet: 'Sales', row: 5, column: 'Customer ID', reason: 'customer id is blank' }],
    });
  });

  test('every key of the DESIGN.md example is present on every customer', () => {
    const keys = [
      'id',
      'revenue',
      'profit',
      'orders',
      'purchaseDays',
      'firstPurchase',
      'lastPurchase',
      'recencyDays',
      'frequencyPerMonth',
      'amountPerOrder',
      'svcd',
      'abc',
      'pyramidTier',
      'visitIntervalDays',
      'nextVisitDue',
      'rfm',
      'churnRisk',
    ];
    for (const customer of report.customers) for (const key of keys) expect(customer).toHaveProperty(key);
    for (const key of ['version', 'asOf', 'window', 'input', 'customers']) expect(report).toHaveProperty(key);
  });

  test('customers of the table in order, then customers only in the sales, once each', () => {
    expect(report.customers.map((c) => c.id)).toEqual(['C001', 'C003', 'C002']);
  });

  test.each([
    [
      'C001',
      {
        id: 'C001',
        name: 'Acme',
        revenue: 400,
        profit: 80,
        orders: 2,
        purchaseDays: 2,
        firstPurchase: '2024-01-01',
        lastPurchase: '2024-01-15',
        recencyDays: 16,
        frequencyPerMonth: 2 / months,
        amountPerOrder: 200,
        // Thresholds: amount per order median 125 → 200; orders median 1.5 → 2.
        svcd: 'Star',
        abc: 'A',
        pyramidTier: 1,
        visitIntervalDays: 7,
        visitsPerMonth: 4,
        lastContact: '2024-01-15',
        nextVisitDue: '2024-01-22',
        overdue: true,
        // n = 2: recency 16 is worse (R 1), two orders and more revenue are better (F 3, M 3).
        rfm: { r: 1, f: 3, m: 3, segment: 'At risk' },
        // Own gap 14 days; recency 16 ≤ 21.
        churnRisk: 'Active',
        lifetimeValue: 80,
        // Three months back (2023-10-31) is before the first sale: everyone with a tier is new.
        previousTier: null,
        tierChange: 'new',
        valueTrend: 'new',
        profitTrend: 'new',
        // Tier 1 with positive profit, not declining.
        relationship: 'biggestProfit',
      },
    ],
    [
      'C002',
      {
        id: 'C002',
        name: null,
        revenue: 50,
        profit: 5,
        orders: 1,
        purchaseDays: 1,
        firstPurchase: '2024-01-31',
        lastPurchase: '2024-01-31',
        recencyDays: 0,
        frequencyPerMonth: 1 / months,
        amountPerOrder: 50,
        svcd: 'Dog',
        // 400 of 450 (89 %) before it.
        abc: 'B',
        // n = 2: limits 1, 1, 1, 2, 2.
        pyramidTier: 4,
        visitIntervalDays: 60,
        visitsPerMonth: 0.5,
        lastContact: '2024-01-31',
        nextVisitDue: '2024-03-31',
        overdue: false,
        rfm: { r: 3, f: 1, m: 1, segment: 'About to sleep' },
        churnRisk: 'Active',
        lifetimeValue: 5,
        previousTier: null,
        tierChange: 'new',
        valueTrend: 'new',
        profitTrend: 'new',
        // One order.
        relationship: 'transactional',
      },
    ],
    [
      'C003',
      {
        id: 'C003',
        name: 'Prospect Co',
        revenue: 0,
        // The workbook has profit, so a customer without sales has profit 0 (the sum over no rows).
        profit: 0,
        orders: 0,
        purchaseDays: 0,
        firstPurchase: null,
        lastPurchase: null,
        recencyDays: null,
        frequencyPerMonth: 0,
        amountPerOrder: null,
        svcd: null,
        abc: 'C',
        pyramidTier: null,
        visitIntervalDays: 60,
        visitsPerMonth: 0.5,
        lastContact: null,
        nextVisitDue: '2024-01-31',
        overdue: false,
        rfm: null,
        churnRisk: null,
        lifetimeValue: 0,
        previousTier: null,
        tierChange: null,
        valueTrend: null,
        profitTrend: null,
        relationship: null,
      },
    ],
  ])('%s field by field', (id, expected) => {
    // Two customers are too few for the value model (30 at least): its fields are null (issue 14).
    const noValueModel = {
      pAlive: null,
      expectedPurchases: null,
      expectedOrderValue: null,
      predictedValue: null,
    };
    expect(report.customers.find((c) => c.id === id)).toEqual({ rep: null, ...expected, ...noValueModel });
  });

  test('method: what the pyramid ranks by, thresholds used, ABC cut, visit model, median gap', () => {
    expect(report.method).toEqual({
      valueBasis: 'profit',
      svcdThresholds: { amountPerOrder: 200, frequencyPerMonth: 2 / months, source: 'median/median' },
      abcCut: 0.75,
      visitsFrom: 'svcd',
      churnMedianGapDays: 14,
      churnFrom: 'gap',
      callDays: 7,
      careRules: 0,
    });
  });

  test('movement and retention: every customer new to the comparison, one cohort', () => {
    expect(report.movement).toEqual({
      previousAsOf: '2023-10-31',
      previousFrom: 'sales',
      compareMonths: 3,
      tiers: [
        [0, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 0],
        [1, 0, 0, 1, 0, 1],
      ],
      svcd: [
        [0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0],
        [1, 0, 0, 1, 1],
      ],
      abc: [
        [0, 0, 0, 0],
        [0, 0, 0, 0],
        [0, 0, 0, 0],
        [1, 1, 1, 0],
      ],
    });
    expect(report.retention).toMatchObject({
      earlierBuyers: 0,
      retained: 0,
      rate: null,
      repeatPurchase: { buyers: 2, repeaters: 1, rate: 0.5 },
      cohorts: [{ month: '2024-01', customers: 2, active: [2] }],
    });
  });

  test('dates are ISO text; the report survives JSON unchanged', () => {
    for (const c of report.customers) {
      for (const value of [c.firstPurchase, c.lastPurchase, c.lastContact, c.nextVisitDue]) {
        if (value !== null) expect(value).toMatch(isoPattern);
      }
    }
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  test('without a profit or cost column, profit is null and the basis is revenue', () => {
    const plain = buildReport(
      analyzeScenario({
        sales: { headers: salesTable.headers.slice(0, 4), rows: salesTable.rows.map((r) => r.slice(0, 4)) },
        customers: customersTable,
      }),
    );
    expect(plain.customers.map((c) => c.profit)).toEqual([null, null, null]);
    expect(plain.method.valueBasis).toBe('revenue');
  });
});

function column(columns: ColumnSpec[], key: OutputColumnKey): ColumnSpec {
  const found = columns.find((c) => c.key === key);
  if (found === undefined) throw new Error(`No column ${key}`);
  return found;
}

describe('buildCustomerColumns: one value per row of the customers table', () => {
  const tableWithRepeats: RowTable = {
    headers: ['Customer ID', 'Customer Name'],
    rows: [
      ['C002', 'Two'],
      [null, 'no id'],
      ['C001', 'One'],
      ['C002', 'Two again'],
      ['C009', 'Prospect'],
    ],
  };

  test('rows follow the table: repeats get the same values, a blank id gets blanks', () => {
    const { columns, baseColumns } = buildCustomerColumns(analyzeBook('en', tableWithRepeats));
    expect(baseColumns).toEqual([]);
    for (const c of columns) expect(c.values).toHaveLength(5);
    expect(column(columns, 'svcd').values).toEqual(['Dog', null, 'Star', 'Dog', null]);
    expect(column(columns, 'abc').values).toEqual(['B', null, 'A', 'B', 'C']);
    expect(column(columns, 'pyramidTier').values).toEqual([
      'Tier 4 · next 25%',
      null,
      'Tier 1 · top 5%',
      'Tier 4 · next 25%',
      null,
    ]);
    expect(column(columns, 'revenue').values).toEqual([50, null, 400, 50, 0]);
    expect(column(columns, 'profit').values).toEqual([5, null, 80, 5, 0]);
    expect(column(columns, 'orders').values).toEqual([1, null, 2, 1, 0]);
    expect(column(columns, 'rfmScore').values).toEqual(['311', null, '133', '311', null]);
    expect(column(columns, 'rfmSegment').values).toEqual([
      'About to sleep',
      null,
      'At risk',
      'About to sleep',
      null,
    ]);
    expect(column(columns, 'churnRisk').values).toEqual(['Active', null, 'Active', 'Active', null]);
    expect(column(columns, 'recencyDays').values).toEqual([0, null, 16, 0, null]);
    expect(column(columns, 'visitsPerMonth').values).toEqual([0.5, null, 4, 0.5, 0.5]);
  });

  test('dates are 1900-system serials with the date format', () => {
    const { columns } = buildCustomerColumns(analyzeBook('en', tableWithRepeats));
    expect(column(columns, 'nextVisitDue')).toMatchObject({
      format: 'date',
      values: [day('2024-03-31'), null, day('2024-01-22'), day('2024-03-31'), day('2024-01-31')],
    });
    expect(column(columns, 'lastPurchase')).toMatchObject({
      format: 'date',
      values: [day('2024-01-31'), null, day('2024-01-15'), day('2024-01-31'), null],
    });
    expect(column(columns, 'revenue').format).toBe('money');
  });

  test('the default columns in their order; the profit column only when there is profit', () => {
    const { columns } = buildCustomerColumns(analyzeBook());
    expect(columns.map((c) => c.key)).toEqual([...defaultOutputColumns]);
    const plain = analyzeScenario({
      sales: { headers: salesTable.headers.slice(0, 4), rows: salesTable.rows.map((r) => r.slice(0, 4)) },
    });
    expect(buildCustomerColumns(plain).columns.map((c) => c.key)).toEqual(
      defaultOutputColumns.filter((k) => k !== 'profit' && k !== 'lossMaking'),
    );
  });

  test('only the columns the user picked', () => {
    const result = analyzeScenario({
      sales: salesTable,
      customers: customersTable,
      settings: { columns: ['revenue', 'svcd'] },
    });
    expect(buildCustomerColumns(result).columns.map((c) => [c.key, c.header])).toEqual([
      ['revenue', 'Revenue'],
      ['svcd', 'SVCD segment'],
    ]);
  });

  test('without a customers table: one row per analysed customer, with id, name and rep first', () => {
    const result = analyzeBook('en', null);
    const { columns, baseColumns } = buildCustomerColumns(result);
    expect(baseColumns.map((c) => c.key)).toEqual(['customerId', 'customerName', 'rep']);
    expect(baseColumns[0]!.values).toEqual(['C001', 'C002']);
    expect(column(columns, 'svcd').values).toEqual(['Star', 'Dog']);
  });

  test('Chinese labels and headers', () => {
    const { columns } = buildCustomerColumns(analyzeBook('zh-CN', tableWithRepeats));
    expect(column(columns, 'svcd')).toMatchObject({
      header: 'SVCD 分类',
      values: ['小狗', null, '明星', '小狗', null],
    });
    expect(column(columns, 'abc').values).toEqual(['B 类', null, 'A 类', 'B 类', 'C 类（潜在客户）']);
    expect(column(columns, 'pyramidTier').values[2]).toBe('第 1 层 · 前 5%');
    expect(column(columns, 'rfmSegment').values[2]).toBe('有流失风险');
    expect(column(columns, 'churnRisk').values[0]).toBe('活跃');
  });
});

/** A book of 30 customers with distinct revenues (one only returns), 3 prospects and a visits log. */
function summaryBook(language: Language): AnalysisResult {
  const sales: RawCell[][] = [];
  for (let i = 0; i < 30; i++) {
    const id = `K${String(i).padStart(2, '0')}`;
    const rep = i % 3 === 0 ? 'Ann' : i % 3 === 1 ? 'Bob' : null;
    for (let k = 0; k <= i % 4; k++)
      sales.push([id, `2024-0${1 + ((i + k) % 6)}-1${k}`, (i * 100 + k + 1) * (i === 29 ? -1 : 1), rep]);
  }
  sales.push([null, '2024-02-02', 5, null], ['K01', 'someday', 5, null], ['K02', '2024-02-02', 'n/a', null]);
  return analyzeScenario({
    sales: { headers: ['Customer ID', 'Date', 'Amount', 'Sales Rep'], rows: sales },
    customers: { headers: ['Customer ID'], rows: [['P1'], ['K00'], ['P2'], ['P3']] },
    visits: {
      headers: ['Customer ID', 'Visit Date'],
      rows: [
        ['K00', '2024-06-01'],
        ['K05', '2024-05-01'],
        ['K05', '2024-05-20'],
      ],
    },
    settings: { language },
  });
}

const valueAt = (sheet: SheetSpec, row: number, col: number): CellSpec['value'] | undefined =>
  sheet.cells[row]?.[col]?.value;
const sheetOf = (sheets: SheetSpec[], key: SheetSpec['key']): SheetSpec => {
  const found = sheets.find((s) => s.key === key);
  if (found === undefined) throw new Error(`No sheet ${key}`);
  return found;
};

describe('summary sheets', () => {
  const result = summaryBook('en');
  const sheets = buildSummarySheets(result);

  test('nine sheets in tab order with their names', () => {
    expect(sheets.map((s) => [s.key, s.name])).toEqual([
      ['pyramid', 'Pyramid'],
      ['svcd', 'SVCD matrix'],
      ['abc', 'ABC Pareto'],
      ['rfm', 'RFM'],
      ['movement', 'Movement'],
      ['loyalty', 'Loyalty'],
      ['visitPlan', 'Visit plan'],
      ['valueOutlook', 'Value outlook'],
      ['dataIssues', 'Data issues'],
    ]);
  });

  test('pyramid: tier counts add up to the ranked customers and match each tier', () => {
    const pyramid = sheetOf(sheets, 'pyramid');
    const ranked = result.customers.filter((c) => c.pyramidTier !== null);
    expect(ranked).toHaveLength(30);
    const counts = [5, 6, 7, 8, 9].map((row) => valueAt(pyramid, row, 1));
    expect(counts).toEqual(
      [1, 2, 3, 4, 5].map((tier) => ranked.filter((c) => c.pyramidTier === tier).length),
    );
    expect(valueAt(pyramid, 10, 1)).toBe(30);
    // n = 30: limits 2, 5, 11, 18, 30 (no ties: revenues are distinct).
    expect(counts).toEqual([2, 3, 6, 7, 12]);
    const revenues = [5, 6, 7, 8, 9].map((row) => valueAt(pyramid, row, 3) as number);
    expect(revenues.reduce((s, v) => s + v, 0)).toBeCloseTo(
      ranked.reduce((s, c) => s + c.revenue, 0),
      6,
    );
  });

  test('pyramid: share of logged visits per tier', () => {
    const pyramid = sheetOf(sheets, 'pyramid');
    const visitColumn = pyramid.cells[4]!.findIndex((c) => c.value === 'Share of visits');
    const shares = [5, 6, 7, 8, 9].map((row) => valueAt(pyramid, row, visitColumn) as number);
    const tierOf = (id: string): number => result.customers.find((c) => c.id === id)!.pyramidTier!;
    // Three visits in the window: one to K00, two to K05.
    const expected = [1, 2, 3, 4, 5].map(
      (tier) => ((tierOf('K00') === tier ? 1 : 0) + (tierOf('K05') === tier ? 2 : 0)) / 3,
    );
    shares.forEach((share, i) => {
      expect(share).toBeCloseTo(expected[i]!, 12);
    });
  });

  test('pyramid: says it ranks by revenue when there is no profit or cost column', () => {
    expect(String(valueAt(sheetOf(sheets, 'pyramid'), 1, 0))).toContain('revenue (no profit or cost column)');
  });

  test('SVCD: segment counts plus the unsegmented add up to every customer', () => {
    const svcd = sheetOf(sheets, 'svcd');
    const counts = [9, 10, 11, 12].map((row) => valueAt(svcd, row, 1) as number);
    const segmented = result.customers.filter((c) => c.svcd !== null).length;
    expect(counts.reduce((s, v) => s + v, 0)).toBe(segmented);
    expect(valueAt(svcd, 13, 1)).toBe(result.customers.length - segmented);
  });

  test('ABC: class counts add up to every customer', () => {
    const abc = sheetOf(sheets, 'abc');
    const counts = [4, 5, 6].map((row) => valueAt(abc, row, 1) as number);
    expect(counts).toEqual(
      (['A', 'B', 'C'] as const).map((k) => result.customers.filter((c) => c.abc === k).length),
    );
    expect(counts.reduce((s, v) => s + v, 0)).toBe(result.customers.length);
  });

  test('RFM heat map counts every scored customer once', () => {
    const rfm = sheetOf(sheets, 'rfm');
    let total = 0;
    for (let row = 5; row <= 9; row++)
      for (let col = 1; col <= 5; col++) total += valueAt(rfm, row, col) as number;
    expect(total).toBe(result.customers.filter((c) => c.rfm !== null).length);
  });

  test('visit plan lists every customer due by the as-of date, most overdue first per rep', () => {
    const plan = sheetOf(sheets, 'visitPlan');
    // The due list's header (the Win back first block above it has its own).
    const header = plan.cells.findIndex(
      (row) => row[1]?.value === 'Customer ID' && row[7]?.value === 'Days overdue',
    );
    const listed = plan.cells
      .slice(header + 1)
      .map((row) => ({ rep: row[0]?.value, id: row[1]?.value, overdueDays: row[7]?.value as number }));
    const due = result.customers.filter((c) => c.nextVisitDue <= result.asOf);
    expect(listed.map((r) => r.id).sort()).toEqual(due.map((c) => c.id).sort());
    for (let i = 1; i < listed.length; i++) {
      if (listed[i]!.rep === listed[i - 1]!.rep)
        expect(listed[i]!.overdueDays).toBeLessThanOrEqual(listed[i - 1]!.overdueDays);
    }
  });

  test('data issues: counts, then each skipped row with sheet, row, column and problem', () => {
    const issues = sheetOf(sheets, 'dataIssues');
    expect(valueAt(issues, 1, 1)).toBe(result.input.salesRows);
    expect(valueAt(issues, 3, 1)).toBe(3);
    const first = issues.cells.findIndex((row) => row[3]?.value === 'Problem') + 1;
    const listed = issues.cells.slice(first, first + 3).map((row) => row.map((c) => c.value));
    expect(listed.map((r) => r.slice(0, 3))).toEqual(
      result.input.skipped.map((s) => [s.sheet, s.row, s.column]),
    );
    expect(listed.map((r) => String(r[3]))).toEqual([
      'customer id is blank',
      'date is not readable ("someday")',
      'amount is not a number ("n/a")',
    ]);
    expect(issues.cells.some((row) => String(row[3]?.value).includes('ranks customers by revenue'))).toBe(
      true,
    );
  });

  test('Chinese labels when the language is zh-CN', () => {
    const zh = buildSummarySheets(summaryBook('zh-CN'));
    expect(zh.map((s) => s.name)).toEqual([
      '客户金字塔',
      'SVCD 矩阵',
      'ABC 帕累托',
      'RFM 分析',
      '客户动态',
      '客户保持',
      '拜访计划',
      '价值展望',
      '数据问题',
    ]);
    const pyramid = sheetOf(zh, 'pyramid');
    expect(valueAt(pyramid, 5, 0)).toBe('第 1 层 · 前 5%（按销售额）');
    expect(String(valueAt(pyramid, 1, 0))).toContain('销售额（没有利润或成本列）');
    const issues = sheetOf(zh, 'dataIssues');
    const first = issues.cells.findIndex((row) => row[3]?.value === '问题') + 1;
    expect(issues.cells.slice(first, first + 3).map((row) => String(row[3]?.value))).toEqual([
      '客户编号为空',
      '日期无法识别 ("someday")',
      '金额不是数字 ("n/a")',
    ]);
  });

  test('a clean book says so on the data issues sheet', () => {
    const clean = analyzeScenario({
      sales: {
        headers: ['Customer ID', 'Date', 'Amount', 'Profit'],
        rows: [
          ['A', '2024-01-01', 10, 1],
          ['A', '2024-01-05', 10, 1],
          ['B', '2024-01-02', 20, 2],
        ],
      },
    });
    const issues = sheetOf(buildSummarySheets(clean), 'dataIssues');
    expect(valueAt(issues, 7, 0)).toBe('No problems found: every row was used.');
  });
});
