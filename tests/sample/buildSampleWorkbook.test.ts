import { chooseTables } from '../../src/engine/chooseTables';
import { cellAt } from '../../src/engine/cellColumn';
import { mapHeaders } from '../../src/engine/mapHeaders';
import type { SourceTable } from '../../src/engine/types';
import { FileWorkbookHost } from '../../src/host/file/FileWorkbookHost';
import { sampleWorkbookToXlsx } from '../../src/host/file/sampleWorkbookToXlsx';
import { buildSampleWorkbook } from '../../src/sample/buildSampleWorkbook';

const languages = ['en', 'zh-CN'] as const;
const firstDay = 44_927; // 2023-01-01
const lastDay = 45_657; // 2024-12-31

function asTables(language: (typeof languages)[number]): SourceTable[] {
  return buildSampleWorkbook(language).sheets.map((sheet) => ({
    sheet: sheet.name,
    tableName: null,
    headerRow: 1,
    firstColumn: 1,
    headers: sheet.headers,
    rowCount: sheet.rows.length,
  }));
}

describe.each(languages)('buildSampleWorkbook(%s)', (language) => {
  const sample = buildSampleWorkbook(language);
  const [customers, sales, visits, careRules] = sample.sheets;

  it('is deterministic', () => {
    expect(buildSampleWorkbook(language)).toEqual(sample);
  });

  it('has headers the engine recognises as customers, sales, visits and care rules tables', () => {
    const chosen = chooseTables(asTables(language));
    expect(chosen.sales.source.sheet).toBe(sales!.name);
    expect(chosen.customers?.source.sheet).toBe(customers!.name);
    expect(chosen.visits?.source.sheet).toBe(visits!.name);
    expect(chosen.careRules?.source.sheet).toBe(careRules!.name);
    expect(mapHeaders(careRules!.headers)).toEqual({ product: 0, followUpDays: 1, careNote: 2 });
    expect(Object.keys(mapHeaders(sales!.headers)).sort()).toEqual([
      'amount',
      'cost',
      'customerId',
      'date',
      'orderId',
      'product',
    ]);
    expect(Object.keys(mapHeaders(customers!.headers)).sort()).toEqual([
      'birthday',
      'customerId',
      'customerName',
      'customerSince',
      'phone',
      'region',
      'rep',
    ]);
    expect(Object.keys(mapHeaders(visits!.headers)).sort()).toEqual(['customerId', 'rep', 'visitDate']);
  });

  it('has about 120 customers with text ids, a few with leading zeros, 4 reps and 8 prospects', () => {
    const ids = customers!.rows.map((row) => row[0]);
    expect(ids.length).toBeGreaterThanOrEqual(100);
    expect(ids.length).toBeLessThanOrEqual(140);
    expect(ids.every((id) => typeof id === 'string')).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => /^0\d{4}$/.test(String(id))).length).toBeGreaterThanOrEqual(3);
    expect(new Set(customers!.rows.map((row) => row[2])).size).toBe(4);
    const buyers = new Set(sales!.rows.map((row) => row[2]));
    expect(ids.filter((id) => !buyers.has(id))).toHaveLength(8);
    // Legacy ids are real customers that buy, so their zeros matter.
    expect(ids.filter((id) => /^0/.test(String(id)) && buyers.has(id)).length).toBeGreaterThanOrEqual(3);
  });

  it('has about 3,000 sales lines over 2023–2024, orders of several lines, returns and four bad rows', () => {
    const rows = sales!.rows;
    expect(rows.length).toBeGreaterThanOrEqual(2_500);
    expect(rows.length).toBeLessThanOrEqual(3_500);
    const dates = rows.map((row) => row[1]).filter((d): d is number => typeof d === 'number');
    expect(Math.min(...dates)).toBe(firstDay);
    expect(Math.max(...dates)).toBe(lastDay);
    const linesPerOrder = new Map<unknown, number>();
    for (const row of rows) linesPerOrder.set(row[0], (linesPerOrder.get(row[0]) ?? 0) + 1);
    expect([...linesPerOrder.values()].filter((n) => n > 1).length).toBeGreaterThan(100);
    expect(rows.filter((row) => typeof row[4] === 'number' && row[4] < 0).length).toBeGreaterThanOrEqual(5);
    expect(rows.filter((row) => row[2] === null).length).toBeGreaterThanOrEqual(1);
    expect(rows.filter((row) => typeof row[1] === 'string').length).toBeGreaterThanOrEqual(1);
    expect(rows.filter((row) => typeof row[4] === 'string').length).toBeGreaterThanOrEqual(1);
    expect(sales!.dateColumns).toEqual([1]);
  });

  it('is Pareto-skewed, with loss-making customers for the bottom of the pyramid', () => {
    const revenue = new Map<unknown, number>();
    const profit = new Map<unknown, number>();
    for (const row of sales!.rows) {
      if (typeof row[4] !== 'number' || typeof row[5] !== 'number' || row[2] === null) continue;
      revenue.set(row[2], (revenue.get(row[2]) ?? 0) + row[4]);
      profit.set(row[2], (profit.get(row[2]) ?? 0) + row[4] - row[5]);
    }
    const sorted = [...revenue.values()].sort((a, b) => b - a);
    const total = sorted.reduce((sum, value) => sum + value, 0);
    const top20 = sorted.slice(0, Math.round(sorted.length * 0.2)).reduce((sum, value) => sum + value, 0);
    expect(top20 / total).toBeGreaterThan(0.6);
    expect([...profit.values()].filter((value) => value < 0).length).toBeGreaterThanOrEqual(10);
  });

  it('has reps visiting low-value customers more often than high-value ones (the course myth)', () => {
    const revenue = new Map<unknown, number>();
    for (const row of sales!.rows)
      if (typeof row[4] === 'number') revenue.set(row[2], (revenue.get(row[2]) ?? 0) + row[4]);
    const ranked = customers!.rows
      .map((row) => row[0])
      .sort((a, b) => (revenue.get(b) ?? 0) - (revenue.get(a) ?? 0));
    const visitsOf = new Map<unknown, number>();
    for (const row of visits!.rows) visitsOf.set(row[0], (visitsOf.get(row[0]) ?? 0) + 1);
    const perCustomer = (ids: unknown[]): number =>
      ids.reduce<number>((sum, id) => sum + (visitsOf.get(id) ?? 0), 0) / ids.length;
    const top = ranked.slice(0, Math.round(ranked.length * 0.15));
    const bottom = ranked.slice(Math.round(ranked.length * 0.4));
    expect(perCustomer(bottom)).toBeGreaterThan(2 * perCustomer(top));
    const visitDays = visits!.rows.map((row) => row[1] as number);
    expect(
      visitDays.every((day) => day >= firstDay && day <= lastDay && day % 7 !== 0 && day % 7 !== 1),
    ).toBe(true);
  });
});

describe('sampleWorkbookToXlsx', () => {
  it.each([true, false])(
    'writes a workbook the file host reads back as written (tables: %s)',
    async (tables) => {
      const sample = buildSampleWorkbook('zh-CN');
      const host = await FileWorkbookHost.fromXlsx(
        await sampleWorkbookToXlsx(sample, { tables }),
        'sample.xlsx',
      );
      const info = await host.inspect();
      expect(info.tables.map((t) => [t.sheet, t.tableName, t.rowCount])).toEqual(
        tables
          ? [
              ['客户', 'tblCustomers', 120],
              ['销售', 'tblSales', sample.sheets[1]!.rows.length],
              ['拜访', null, sample.sheets[2]!.rows.length],
              ['关怀规则', null, sample.sheets[3]!.rows.length],
            ]
          : sample.sheets.map((sheet) => [sheet.name, null, sheet.rows.length]),
      );
      for (const [index, table] of info.tables.entries()) {
        const spec = sample.sheets[index]!;
        expect(table.headers).toEqual(spec.headers);
        const columns = await host.readColumns(
          table,
          spec.headers.map((_, c) => c),
        );
        const rows = spec.rows.map((_, r) => columns.map((column) => cellAt(column, r)));
        expect(rows).toEqual(spec.rows.map((row) => row.map((value) => (value === '' ? null : value))));
      }
    },
  );
});
