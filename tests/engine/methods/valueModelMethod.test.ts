import { buildCustomerColumns } from '../../../src/engine/buildCustomerColumns';
import { buildReport } from '../../../src/engine/buildReport';
import { buildSummarySheets } from '../../../src/engine/buildSummarySheets';
import { valueOutlookInputOf } from '../../../src/engine/methods/valueModelMethod';
import { checkHoldout } from '../../../src/engine/valueModel/checkHoldout';
import { defaultHoldoutStart } from '../../../src/engine/valueModel/defaultHoldoutStart';
import { fitValueModel } from '../../../src/engine/valueModel/fitValueModel';
import { cdnowCsvText } from '../../helpers/cdnowCsv';
import { analyze } from '../../../src/engine/analyze';
import {
  analyzeScenario,
  day,
  expectAnalysisError,
  parseCsvRows,
  settingsWith,
  tableInput,
} from '../../helpers/tables';
import { readCdnow, ymd } from '../valueModel/cdnowSample';

const csv = parseCsvRows(cdnowCsvText());

/** Equal up to the rounding of a different summation order (relative 1e-9). */
function expectClose(actual: unknown, expected: unknown): void {
  if (typeof expected === 'number') {
    expect(typeof actual).toBe('number');
    expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(
      1e-9 * Math.max(1, Math.abs(expected)),
    );
  } else if (expected !== null && typeof expected === 'object') {
    expect(Object.keys(actual as object).sort()).toEqual(Object.keys(expected).sort());
    for (const [key, value] of Object.entries(expected))
      expectClose((actual as Record<string, unknown>)[key], value);
  } else expect(actual).toEqual(expected);
}
const cdnow = (settings: Parameters<typeof analyzeScenario>[0]['settings'] = {}) =>
  analyzeScenario({
    sales: { headers: csv[0] as string[], rows: csv.slice(1) },
    settings: { asOf: '1997-09-30', ...settings },
  });

describe('the value model as a method, on CDNOW as of 1997-09-30', () => {
  const result = cdnow();
  const rows = readCdnow();
  const out = result.outputs.valueModel;

  test('the fit equals fitValueModel on the same rows (zero-amount rows count, rows after the as-of date do not)', () => {
    const direct = fitValueModel(rows.customer, rows.day, rows.amount, rows.customerCount, ymd('19970930'), {
      countZeroAmounts: true,
    });
    expectClose(out.fit.valueModel, direct.valueModel);
    // The same P(alive) values (the engine numbers customers by id, readCdnow by first appearance).
    const sorted = (values: Float64Array): number[] => Array.from(values).sort((x, y) => x - y);
    expectClose(sorted(out.fit.predictions!.pAlive), sorted(direct.predictions!.pAlive));
  });

  test('the holdout starts by default at the last third of the span before the as-of date', () => {
    const start = defaultHoldoutStart(day('1997-01-01'), day('1997-09-30'));
    expect(out.holdout!.calibrationEnd).toBe(start - 1);
    const direct = checkHoldout(
      rows.customer,
      rows.day,
      rows.amount,
      rows.customerCount,
      start,
      ymd('19970930'),
      true,
    );
    expectClose(out.holdout!.rows, direct.rows);
  });

  test('the JSON report: valueModel with settings and holdout, four per-customer fields', () => {
    const report = buildReport(result);
    const model = report.valueModel as Record<string, unknown>;
    expect(model.timeUnit).toBe('week');
    expect(model.settings).toEqual({ horizonDays: 90, months: 12, monthlyDiscount: 0.01 });
    expect((model.holdout as { start: string }).start).toBe('1997-07-02');
    const first = report.customers[0]!;
    expect(first.pAlive).toBe(out.fit.predictions!.pAlive[0]);
    expect(first.predictedValue).toBe(out.fit.predictions!.predictedValue[0]);
    expect(report.method.churnFrom).toBe('gap');
  });

  test('columns: pAlive and predictedValue by default, the other two when picked', () => {
    const keys = buildCustomerColumns(result).columns.map((c) => c.key);
    expect(keys).toEqual(expect.arrayContaining(['pAlive', 'predictedValue']));
    expect(keys).not.toContain('expectedPurchases');
    const picked = cdnow({ columns: ['expectedPurchases', 'expectedOrderValue'] });
    const columns = buildCustomerColumns(picked).columns;
    expect(columns.map((c) => [c.key, c.header, c.format])).toEqual([
      ['expectedPurchases', 'Expected purchases (horizon)', 'number'],
      ['expectedOrderValue', 'Expected order value', 'money'],
    ]);
    expect(columns[0]!.values[0]).toBe(picked.outputs.valueModel.fit.predictions!.expectedPurchases[0]);
  });

  test('the horizon, discount and holdout settings reach the predictions and the sheet', () => {
    const longer = cdnow({ valueHorizonDays: 273, valueMonthlyDiscount: 0, valueHoldoutStart: '1997-06-01' });
    const p = longer.outputs.valueModel.fit.predictions!;
    // Customer 00004: x 2, t_x 30.43, T 38.86 weeks expects 1.226 purchases in 39 weeks (273 days).
    expect(p.expectedPurchases[0]).toBeCloseTo(1.226, 2);
    expect(p.predictedValue[0]).toBeGreaterThan(out.fit.predictions!.predictedValue[0]!);
    expect(longer.outputs.valueModel.holdout!.calibrationEnd).toBe(day('1997-05-31'));
    const sheet = buildSummarySheets(longer).find((s) => s.key === 'valueOutlook')!;
    expect(sheet.cells.flat().map((c) => c.value)).toContain('Expected purchases in the next 273 days');
  });

  test('the Value outlook sheet sits before Data issues and lists the customers with predictions', () => {
    const sheets = buildSummarySheets(result).map((s) => s.key);
    expect(sheets.slice(-2)).toEqual(['valueOutlook', 'dataIssues']);
    expect(valueOutlookInputOf(result).customers).toHaveLength(2357);
  });

  test('churn risk from the model: P(alive) bands for repeat buyers, the gap rule for the others', () => {
    const model = cdnow({ churnFrom: 'model' });
    const p = model.outputs.valueModel.fit.predictions!;
    const gap = result.outputs.churn.codes;
    const codes = model.outputs.churn.codes;
    expect(model.outputs.churn.from).toBe('model');
    let changed = 0;
    for (let i = 0; i < codes.length; i++) {
      if (p.repeatPurchases[i]! > 0 && gap[i]! > 0) {
        expect(codes[i]).toBe(p.pAlive[i]! >= 0.7 ? 1 : p.pAlive[i]! >= 0.3 ? 2 : 3);
        if (codes[i] !== gap[i]) changed++;
      } else expect(codes[i]).toBe(gap[i]);
    }
    expect(changed).toBeGreaterThan(0);
    expect(buildReport(model).method.churnFrom).toBe('model');
  });

  test('bad settings are refused with a sentence naming them', () => {
    expect(expectAnalysisError(() => cdnow({ valueHorizonDays: 0 }), 'BAD_SETTING')).toContain('1 to 3650');
    expect(expectAnalysisError(() => cdnow({ valueMonthlyDiscount: 1 }), 'BAD_SETTING')).toContain('0.01');
    expect(expectAnalysisError(() => cdnow({ valueHoldoutStart: 'soon' }), 'BAD_SETTING')).toContain('soon');
    expect(
      expectAnalysisError(() => cdnow({ churnFrom: 'rfm' as unknown as 'gap' }), 'BAD_SETTING'),
    ).toContain('"gap" or "model"');
  });
});

describe('data that cannot support a fit', () => {
  const few = analyzeScenario({
    sales: {
      headers: ['Customer ID', 'Date', 'Amount'],
      rows: [
        ['A', '2024-01-01', 10],
        ['A', '2024-02-01', 12],
        ['B', '2024-01-05', 30],
      ],
    },
    settings: { churnFrom: 'model' },
  });

  test('valueModel is null with the reason; the predictions are empty cells; the sheet says why', () => {
    const report = buildReport(few);
    expect(report.valueModel).toBeNull();
    expect(report.valueModelReason).toBe(
      '2 customer(s) bought up to the as-of date; the value model needs at least 30',
    );
    expect(report.customers.map((c) => c.pAlive)).toEqual([null, null]);
    const sheet = buildSummarySheets(few).find((s) => s.key === 'valueOutlook')!;
    expect(sheet.cells.flat().map((c) => c.value)).toContain('No value model for these data');
  });

  test('churn from the model falls back to the gap rule and says so in the notes, in both languages', () => {
    expect(few.outputs.churn.from).toBe('gap');
    const note = few.notes.find((n) => n.code === 'churnWithoutModel')!;
    expect(note.message).toContain('it uses the gap rule');
    const zh = buildSummarySheets({ ...few, settings: { ...few.settings, language: 'zh-CN' } })
      .find((s) => s.key === 'dataIssues')!
      .cells.flat()
      .map((c) => c.value);
    expect(zh.some((v) => typeof v === 'string' && v.includes('改用购买间隔规则'))).toBe(true);
  });
});

describe('the earlier run of a comparison skips the fits', () => {
  const input = {
    sales: tableInput({ headers: csv[0] as string[], rows: csv.slice(1) }, 'Sales'),
    customers: null,
    visits: null,
    date1904: false,
    settings: settingsWith({ asOf: '1997-09-30', compareMonths: null }),
  };

  test('a comparison run has no value model, and the same tiers, segments and classes as a full run', () => {
    const full = analyze(input);
    const comparison = analyze({ ...input, comparison: true });
    expect(full.outputs.valueModel.fit.valueModel).not.toBeNull();
    expect(comparison.outputs.valueModel.fit.valueModel).toBeNull();
    expect(comparison.outputs.valueModel.fit.reason).toBe('not fitted for a comparison run');
    expect(comparison.outputs.pyramid.tiers).toEqual(full.outputs.pyramid.tiers);
    expect(comparison.outputs.svcd.codes).toEqual(full.outputs.svcd.codes);
    expect(comparison.outputs.abc.codes).toEqual(full.outputs.abc.codes);
    expect(comparison.outputs.measures.revenue).toEqual(full.outputs.measures.revenue);
  });
});
