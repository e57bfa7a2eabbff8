/**
 * The UCI Online Retail sample (December 2010) through the engine, checked against figures recomputed here
 * straight from DESIGN.md's definitions (not from engine code).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AnalysisResult } from '../../src/engine/analyze';
import { mapHeaders } from '../../src/engine/mapHeaders';
import type { ChurnRisk, CustomerResult, SvcdSegment } from '../../src/engine/types';
import { analyzeScenario, parseCsvRows } from '../helpers/tables';

const csvPath = path.resolve(__dirname, '../../..', 'shared/data/online_retail_2010-12.csv');
const [headerRow, ...rows] = parseCsvRows(readFileSync(csvPath, 'utf8'));
const headers = (headerRow ?? []).map((h) => h ?? '');
const col = (name: string): number => headers.indexOf(name);
const [iInvoice, iQuantity, iDate, iPrice, iCustomer] = [
  'InvoiceNo',
  'Quantity',
  'InvoiceDate',
  'UnitPrice',
  'CustomerID',
].map(col) as [number, number, number, number, number];

/** Whole days between two ISO dates. */
const daysBetween = (from: string, to: string): number =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

interface Expected {
  revenue: number;
  orders: Set<string>;
  days: Set<string>;
}

/** Per-customer figures from the rows, by the definitions. */
function expectedFromRows(): {
  byId: Map<string, Expected>;
  blankRows: number[];
  asOf: string;
  start: string;
} {
  const byId = new Map<string, Expected>();
  const blankRows: number[] = [];
  let asOf = '';
  let start = '9999';
  rows.forEach((row, index) => {
    const id = row[iCustomer]?.trim() ?? '';
    if (id === '') {
      blankRows.push(index + 2);
      return;
    }
    const date = (row[iDate] ?? '').slice(0, 10);
    const amount = Number(row[iQuantity]) * Number(row[iPrice]);
    if (date > asOf) asOf = date;
    if (date < start) start = date;
    const e = byId.get(id) ?? { revenue: 0, orders: new Set<string>(), days: new Set<string>() };
    e.revenue += amount;
    if (amount > 0) {
      e.orders.add(row[iInvoice] ?? '');
      e.days.add(date);
    }
    byId.set(id, e);
  });
  return { byId, blankRows, asOf, start };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function aboveMedian(values: number[]): number | null {
  const m = median(values);
  const above = values.filter((v) => v > m);
  return above.length === 0 ? null : Math.min(...above);
}

describe('Online Retail, December 2010', () => {
  let result: AnalysisResult;
  const expected = expectedFromRows();
  const scored = (): CustomerResult[] => result.customers.filter((c) => c.orders > 0);

  beforeAll(() => {
    result = analyzeScenario({ sales: { headers, rows, sheet: 'online_retail_2010-12.csv' } });
  });

  test('headers: CustomerID, InvoiceDate, Quantity × UnitPrice, InvoiceNo', () => {
    expect(mapHeaders(headers)).toMatchObject({
      customerId: iCustomer,
      date: iDate,
      quantity: iQuantity,
      unitPrice: iPrice,
      orderId: iInvoice,
    });
    expect(mapHeaders(headers).amount).toBeUndefined();
  });

  test('every row with a blank CustomerID is skipped and listed by its sheet row; nothing else is', () => {
    expect(expected.blankRows.length).toBeGreaterThan(1000);
    expect(result.input.salesRows).toBe(rows.length);
    expect(result.input.skipped.map((s) => s.row)).toEqual(expected.blankRows);
    expect(new Set(result.input.skipped.map((s) => s.code))).toEqual(new Set(['customerBlank']));
    expect(result.input.usedRows).toBe(rows.length - expected.blankRows.length);
  });

  test('as-of date and window from the data', () => {
    expect(result.asOf).toBe(result.window.end);
    const start = new Date(Date.UTC(1899, 11, 30 + result.window.start)).toISOString().slice(0, 10);
    const end = new Date(Date.UTC(1899, 11, 30 + result.asOf)).toISOString().slice(0, 10);
    expect([start, end]).toEqual([expected.start, expected.asOf]);
    expect(result.window.months).toBe((daysBetween(expected.start, expected.asOf) + 1) / 30.4375);
  });

  test('each customer: ids as written, revenue after cancellations, orders = invoices with amount > 0', () => {
    expect(result.customers.map((c) => c.id).sort()).toEqual([...expected.byId.keys()].sort());
    expect(result.customers.every((c) => c.id.endsWith('.0'))).toBe(true);
    for (const c of result.customers) {
      const e = expected.byId.get(c.id)!;
      expect(c.revenue).toBeCloseTo(e.revenue, 6);
      expect(c.orders).toBe(e.orders.size);
      expect(c.purchaseDays).toBe(e.days.size);
    }
  });

  test('SVCD thresholds and segments', () => {
    const withOrders = scored();
    const amount = aboveMedian(withOrders.map((c) => c.revenue / c.orders));
    const frequency = aboveMedian(withOrders.map((c) => c.orders / result.window.months));
    expect(result.svcdThresholds.amount).toBeCloseTo(amount ?? Number.NaN, 9);
    expect(result.svcdThresholds.frequency).toBe(frequency);
    for (const c of result.customers) {
      let segment: SvcdSegment | null = null;
      if (c.orders > 0) {
        const high = amount !== null && c.revenue / c.orders >= amount;
        const often = frequency !== null && c.orders / result.window.months >= frequency;
        segment = high ? (often ? 'Star' : 'Volcano') : often ? 'Cow' : 'Dog';
      }
      expect([c.id, c.svcd]).toEqual([c.id, segment]);
    }
  });

  test('ABC: A while the revenue share before the customer is below 75 %', () => {
    const positive = result.customers
      .filter((c) => c.revenue > 0)
      .sort((a, b) => b.revenue - a.revenue || (a.id < b.id ? -1 : 1));
    const total = positive.reduce((s, c) => s + c.revenue, 0);
    let before = 0;
    const expectedClass = new Map<string, string>();
    for (const c of positive) {
      expectedClass.set(c.id, before / total < 0.75 ? 'A' : 'B');
      before += c.revenue;
    }
    for (const c of result.customers) expect([c.id, c.abc]).toEqual([c.id, expectedClass.get(c.id) ?? 'C']);
  });

  test('pyramid: 5/15/35/60/100 % by revenue (no profit or cost column), ties never split', () => {
    expect(result.valueBasis).toBe('revenue');
    const ranked = [...result.customers].sort((a, b) => b.revenue - a.revenue || (a.id < b.id ? -1 : 1));
    const n = ranked.length;
    const limits = [5, 15, 35, 60, 100].map((p) => Math.floor((n * p + 99) / 100));
    ranked.forEach((c, i) => {
      const own = limits.findIndex((limit) => i + 1 <= limit) + 1;
      const firstEqual = ranked.findIndex((other) => other.revenue === c.revenue);
      const tier = firstEqual < i ? ranked[firstEqual]!.pyramidTier : own;
      expect([c.id, c.pyramidTier]).toEqual([c.id, tier]);
    });
  });

  test('RFM scores: 1 + floor(5w / n) over customers with an order', () => {
    const withOrders = scored();
    const n = withOrders.length;
    const score = (w: number): number => 1 + Math.floor((5 * w) / n);
    for (const c of result.customers) {
      if (c.orders === 0) {
        expect(c.rfm).toBeNull();
        continue;
      }
      const r = score(withOrders.filter((o) => o.recencyDays! > c.recencyDays!).length);
      const f = score(withOrders.filter((o) => o.orders < c.orders).length);
      const m = score(withOrders.filter((o) => o.revenue < c.revenue).length);
      expect([c.id, c.rfm?.r, c.rfm?.f, c.rfm?.m]).toEqual([c.id, r, f, m]);
    }
  });

  test('churn: own mean gap, else the median gap of repeat customers; 1.5× and 3×', () => {
    const gapOf = (c: CustomerResult): number => (c.lastPurchase! - c.firstPurchase!) / (c.purchaseDays - 1);
    const repeaters = result.customers.filter((c) => c.purchaseDays >= 2);
    const medianGap = median(repeaters.map(gapOf));
    expect(result.churn.medianGap).toBe(medianGap);
    for (const c of result.customers) {
      let risk: ChurnRisk | null = null;
      if (c.orders > 0) {
        const gap = c.purchaseDays >= 2 ? gapOf(c) : medianGap;
        risk = c.recencyDays! <= 1.5 * gap ? 'Active' : c.recencyDays! <= 3 * gap ? 'At risk' : 'Lapsed';
      }
      expect([c.id, c.churnRisk]).toEqual([c.id, risk]);
    }
  });
});
