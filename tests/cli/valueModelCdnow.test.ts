import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeCdnowCsv } from '../helpers/cdnowCsv';
import { runCli } from './runCli';

// Issue 14's "done when": the CDNOW sample as a CSV, analysed as of 1997-09-30 from the command line, gives
// the published BG/NBD and Gamma-Gamma parameters in the report's `valueModel` (each within 0.5 %).
const published = {
  bgnbd: { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 },
  gammaGamma: { p: 6.25, q: 3.74, gamma: 15.44 },
};

interface ValueModelJson {
  timeUnit: string;
  bgnbd: Record<string, number>;
  gammaGamma: Record<string, number> | null;
  counts: Record<string, number>;
}
interface ReportJson {
  valueModel: ValueModelJson | null;
  valueModelReason?: string;
  customers: Record<string, unknown>[];
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'cp-cdnow-'));
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('npx customer-pyramid analyze CDNOW_sample.csv --as-of 1997-09-30 --json r.json', () => {
  let report: ReportJson;
  beforeAll(async () => {
    const csv = writeCdnowCsv(tmp);
    const json = path.join(tmp, 'r.json');
    const run = await runCli(['analyze', csv, '--as-of', '1997-09-30', '--json', json]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    report = JSON.parse(readFileSync(json, 'utf8')) as ReportJson;
  }, 120_000);

  test('valueModel holds the published parameters (time in weeks) and the customers each fit used', () => {
    const model = report.valueModel!;
    expect(model.timeUnit).toBe('week');
    for (const [key, value] of Object.entries(published.bgnbd))
      expect(Math.abs(model.bgnbd[key]! / value - 1)).toBeLessThanOrEqual(0.005);
    expect(model.bgnbd.logLikelihood).toBeCloseTo(-9582.43, 1);
    for (const [key, value] of Object.entries(published.gammaGamma))
      expect(Math.abs(model.gammaGamma![key]! / value - 1)).toBeLessThanOrEqual(0.005);
    expect(model.counts).toMatchObject({ bgnbd: 2357, gammaGamma: 946, withoutRepeatPurchase: 1411 });
  });

  test('each customer carries pAlive, expectedPurchases (90 days), expectedOrderValue and predictedValue', () => {
    expect(report.customers).toHaveLength(2357);
    const first = report.customers.find((c) => c.id === '00004')!;
    // x 2, t_x 30.43, T 38.86 weeks: P(alive) 0.727 at the published parameters.
    expect(first.pAlive as number).toBeCloseTo(0.7266, 2);
    expect(first.expectedPurchases as number).toBeGreaterThan(0);
    expect(first.expectedOrderValue as number).toBeGreaterThan(0);
    expect(first.predictedValue as number).toBeGreaterThan(0);
  });
});

describe('the value model options of analyze', () => {
  test('--churn-from model --horizon-days 273 --discount 0 --holdout-start 1997-06-01 reach the report', async () => {
    const csv = writeCdnowCsv(tmp);
    const json = path.join(tmp, 'options.json');
    const run = await runCli([
      'analyze',
      csv,
      '--as-of',
      '1997-09-30',
      '--churn-from',
      'model',
      '--horizon-days',
      '273',
      '--discount',
      '0',
      '--holdout-start',
      '1997-06-01',
      '--json',
      json,
    ]);
    expect(run.code).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8')) as ReportJson & {
      method: { churnFrom: string };
      valueModel: { settings: unknown; holdout: { start: string } };
    };
    expect(report.method.churnFrom).toBe('model');
    expect(report.valueModel.settings).toEqual({ horizonDays: 273, months: 12, monthlyDiscount: 0 });
    expect(report.valueModel.holdout.start).toBe('1997-06-01');
    // Customer 00004 expects 1.226 purchases in the next 39 weeks (273 days).
    expect(report.customers.find((c) => c.id === '00004')!.expectedPurchases as number).toBeCloseTo(1.226, 2);
  }, 120_000);

  test('a bad value is a usage error (exit code 2) that names the option', async () => {
    for (const [flag, value] of [
      ['--churn-from', 'rfm'],
      ['--horizon-days', '0'],
      ['--discount', '1.5'],
      ['--holdout-start', 'soon'],
    ] as const) {
      const run = await runCli(['analyze', 'x.csv', flag, value]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(flag);
    }
  });
});
