import {
  buildValueOutlookSheet,
  holdoutTotals,
  outlookListLength,
  slippingCustomers,
  type OutlookCustomer,
  type ValueOutlookInput,
} from '../../../src/engine/summary/buildValueOutlookSheet';
import type { CellSpec, SheetSpec } from '../../../src/engine/sheetSpec';
import type { Language } from '../../../src/engine/types';
import { checkHoldout } from '../../../src/engine/valueModel/checkHoldout';
import { fitValueModel } from '../../../src/engine/valueModel/fitValueModel';
import { readCdnow, ymd } from './cdnowSample';

const rows = readCdnow();
const asOf = ymd('19970930');
const fit = fitValueModel(rows.customer, rows.day, rows.amount, rows.customerCount, asOf, {
  countZeroAmounts: true,
});
const holdout = checkHoldout(
  rows.customer,
  rows.day,
  rows.amount,
  rows.customerCount,
  ymd('19970701'),
  asOf,
  true,
);
// Lifetime value so far: Σ amounts up to the as-of date.
const historical = new Float64Array(rows.customerCount);
rows.customer.forEach((c, row) => {
  if (rows.day[row]! <= asOf) historical[c]! += rows.amount[row]!;
});
const customers: OutlookCustomer[] = Array.from({ length: rows.customerCount }, (_, c) => ({
  id: `C${String(c).padStart(5, '0')}`,
  name: null,
  historicalValue: historical[c]!,
  pAlive: fit.predictions!.pAlive[c]!,
  expectedPurchases: fit.predictions!.expectedPurchases[c]!,
  predictedValue: fit.predictions!.predictedValue[c]!,
}));
const input = (language: Language): ValueOutlookInput => ({
  language,
  asOf,
  valueModel: fit.valueModel,
  reason: fit.reason,
  holdout,
  settings: { horizonDays: 90, months: 12, monthlyDiscount: 0.01 },
  customers,
});

const rowOf = (sheet: SheetSpec, text: string): number => {
  const index = sheet.cells.findIndex((row) => row.some((c) => c.value === text));
  if (index < 0) throw new Error(`no row with ${text}`);
  return index;
};
const valueRight = (sheet: SheetSpec, label: string): CellSpec => sheet.cells[rowOf(sheet, label)]![1]!;

describe('Value outlook sheet on CDNOW (as of 1997-09-30, holdout from 1997-07-01)', () => {
  const sheet = buildValueOutlookSheet(input('en'));
  const model = fit.valueModel!;

  test('each fitted parameter with four decimals and a sentence saying what it means', () => {
    expect(valueRight(sheet, 'r')).toEqual({ value: model.bgnbd.r, format: 'decimal' });
    expect(valueRight(sheet, 'α (alpha)').value).toBe(model.bgnbd.alpha);
    expect(valueRight(sheet, 'γ (gamma)').value).toBe(model.gammaGamma!.gamma);
    const meaning = (label: string): string => String(sheet.cells[rowOf(sheet, label)]![2]!.value);
    // r/α = 0.055 purchases a week while active; a/(a+b) = 24.6 % drop out after a purchase.
    expect(meaning('α (alpha)')).toContain(`r/α = ${(model.bgnbd.r / model.bgnbd.alpha).toFixed(3)} a week`);
    expect(meaning('a')).toContain('24.6%');
    const { p, q, gamma } = model.gammaGamma!;
    expect(meaning('q')).toContain(((p * gamma) / (q - 1)).toFixed(2));
    for (const label of ['r', 'b', 'Log-likelihood', 'p']) expect(meaning(label).length).toBeGreaterThan(40);
    // Who the spend model left out, and why.
    expect(
      sheet.cells.flat().some((c) => String(c.value).includes('left out: 1,411 who bought on one day only')),
    ).toBe(true);
  });

  test('totals are the sums of the per-customer predictions', () => {
    let expected = 0;
    let value = 0;
    for (const c of customers) {
      expected += c.expectedPurchases;
      value += c.predictedValue;
    }
    expect(valueRight(sheet, 'Expected purchases in the next 90 days').value).toBeCloseTo(expected, 6);
    expect(valueRight(sheet, 'Predicted value, next 12 months (1.0% a month discount)').value).toBeCloseTo(
      value,
      6,
    );
  });

  test('the holdout table holds the check rows 0…7+ and the chart draws actual and predicted from it', () => {
    const header = rowOf(sheet, 'Repeat purchases before the holdout');
    const body = holdout.rows.map((_, k) => sheet.cells[header + 1 + k]!);
    expect(body.map((r) => r[0]!.value)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
    holdout.rows.forEach((row, k) => {
      expect(body[k]![1]!.value).toBe(row.customers);
      expect(body[k]![2]!.value).toBe(row.actual);
      expect(body[k]![3]!.value).toBe(row.predicted);
    });
    const totals = holdoutTotals(holdout);
    const total = sheet.cells[header + 1 + holdout.rows.length]!;
    expect(total.map((c) => c.value)).toEqual([
      'All customers (purchase days)',
      totals.customers,
      totals.actual,
      totals.predicted,
      totals.predicted / totals.actual,
    ]);
    // Actual purchase days in total are a count: shown whole ("1,882"), not "1,882.00".
    expect(total.map((c) => c.format)).toEqual([undefined, 'integer', 'integer', 'number', 'percent']);
    expect(sheet.charts).toHaveLength(1);
    const chart = sheet.charts[0]!;
    expect(chart.categories).toEqual({
      firstRow: header + 1,
      firstColumn: 0,
      lastRow: header + holdout.rows.length,
      lastColumn: 0,
    });
    expect(chart.series.map((s) => [s.name, s.values.firstColumn, s.values.lastRow])).toEqual([
      ['Actual', 2, header + holdout.rows.length],
      ['Predicted', 3, header + holdout.rows.length],
    ]);
    // The chart sits below the table, over empty rows, and starts a printed page with the table.
    expect(chart.anchor.row).toBeGreaterThan(header + holdout.rows.length + 1);
    for (let r = chart.anchor.row; r < chart.anchor.row + chart.anchor.heightRows; r++)
      expect(sheet.cells[r] ?? []).toEqual([]);
    expect(sheet.print?.breaksBefore).toContain(header - 2);
  });

  test('the top customers by predicted value, highest first', () => {
    const start = rowOf(sheet, 'Top customers by predicted value') + 2;
    const listed = sheet.cells.slice(start, start + outlookListLength).map((r) => r[2]!.value as number);
    const best = customers.map((c) => c.predictedValue).sort((x, y) => y - x);
    expect(listed).toEqual(best.slice(0, outlookListLength));
    expect(sheet.cells[start + outlookListLength]).toBeUndefined();
  });

  test('valuable but slipping: top fifth by lifetime value, P(alive) below 50 %, most valuable first', () => {
    const slipping = slippingCustomers(customers);
    const values = customers
      .map((c) => c.historicalValue)
      .filter((v) => v > 0)
      .sort((x, y) => y - x);
    const cutoff = values[Math.ceil(values.length * 0.2) - 1]!;
    const expected = customers.filter((c) => c.historicalValue >= cutoff && c.pAlive < 0.5);
    expect(expected.length).toBeGreaterThan(0);
    expect(slipping.map((c) => c.id).sort()).toEqual(expected.map((c) => c.id).sort());
    for (let k = 1; k < slipping.length; k++)
      expect(slipping[k]!.historicalValue).toBeLessThanOrEqual(slipping[k - 1]!.historicalValue);
    const start = rowOf(sheet, 'Valuable but slipping: call these first') + 3;
    expect(sheet.cells[start]![0]!.value).toBe(slipping[0]!.id);
    expect(sheet.cells[start]![4]!.value).toBe(slipping[0]!.pAlive);
  });

  test('in Chinese every label and sentence is Chinese', () => {
    const zh = buildValueOutlookSheet(input('zh-CN'));
    expect(zh.name).toBe('价值展望');
    expect(zh.charts[0]!.series.map((s) => s.name)).toEqual(['实际', '预测']);
    const latin = zh.cells
      .flat()
      .flatMap((c) => (typeof c.value === 'string' ? [c.value] : []))
      .filter((text) => /[a-z]{4,}/u.test(text.replace(/Gamma-Gamma|BG\/NBD|\(alpha\)|\(gamma\)|Log/gu, '')));
    expect(latin.filter((text) => !/^C\d+$/u.test(text))).toEqual([]);
  });
});

describe('Value outlook sheet without a fit', () => {
  test('says why, shows no parameter, list or chart', () => {
    const sheet = buildValueOutlookSheet({
      ...input('en'),
      valueModel: null,
      reason: '12 customer(s) bought up to the as-of date; the value model needs at least 30',
      holdout: null,
    });
    const texts = sheet.cells.flat().map((c) => c.value);
    expect(texts).toContain('No value model for these data');
    expect(texts).toContain('12 customer(s) bought up to the as-of date; the value model needs at least 30');
    expect(sheet.charts).toEqual([]);
    expect(texts).not.toContain('r');
  });

  test('a holdout whose fit failed says so instead of a table', () => {
    const sheet = buildValueOutlookSheet({
      ...input('en'),
      holdout: {
        ...holdout,
        fit: { converged: false, reason: 'no repeat buyer', customers: 3, iterations: 0 },
        rows: [],
      },
    });
    expect(sheet.charts).toEqual([]);
    expect(sheet.cells.flat().map((c) => c.value)).toContain('The check could not run: no repeat buyer.');
  });
});
