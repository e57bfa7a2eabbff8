/**
 * Movement and loyalty on the real files in ../shared/data, read through the file host the way the command
 * line reads them; the counts are checked against figures recomputed here from the rows and from two
 * independent runs of the analysis.
 */
import { readFileSync } from 'node:fs';
import { analyze, type AnalysisInput } from '../../../src/engine/analyze';
import { cellsOf } from '../../../src/engine/cellColumn';
import { computeAnalysis } from '../../../src/engine/computeAnalysis';
import { addMonths, isoFromDay } from '../../../src/engine/dayNumbers';
import type { PyramidTier, RawCell } from '../../../src/engine/types';
import { FileWorkbookHost } from '../../../src/host/file/FileWorkbookHost';
import { runAnalysis } from '../../../src/host/runAnalysis';
import { sharedData } from '../../cli/sharedData';

async function inputOf(host: FileWorkbookHost): Promise<AnalysisInput> {
  let captured: AnalysisInput | null = null;
  await runAnalysis(
    host,
    {},
    {
      write: false,
      describeOutput: false,
      compute: (input) => {
        captured = input;
        return Promise.resolve(computeAnalysis(input, { describeOutput: false }));
      },
    },
  );
  return captured!;
}

/** The cells of a mapped sales column. */
function salesColumn(input: AnalysisInput, field: 'customerId' | 'date' | 'amount'): readonly RawCell[] {
  return cellsOf(input.sales.table.columns[input.sales.mapping[field]!]!);
}

/** `YYYY-MM` of an Excel serial (1900 system), straight from the calendar. */
const monthOfSerial = (serial: number): string =>
  new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000).toISOString().slice(0, 7);

/** Cohorts recomputed from (customer, month) purchases: first month, then buyers per later month. */
function cohortsFrom(purchases: [string, string][], asOfMonth: string) {
  const months = new Map<string, Set<string>>();
  for (const [customer, month] of purchases) {
    if (!months.has(customer)) months.set(customer, new Set());
    months.get(customer)!.add(month);
  }
  const index = (m: string): number => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
  const cohorts = new Map<string, { customers: number; active: number[] }>();
  for (const set of months.values()) {
    const first = [...set].sort()[0]!;
    const cohort = cohorts.get(first) ?? {
      customers: 0,
      active: new Array<number>(index(asOfMonth) - index(first) + 1).fill(0),
    };
    cohort.customers++;
    for (const m of set) cohort.active[index(m) - index(first)]!++;
    cohorts.set(first, cohort);
  }
  return [...cohorts.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([month, c]) => ({ month, ...c }));
}

describe('movement on superstore.xlsx, twelve months back', () => {
  jest.setTimeout(120_000);
  let input: AnalysisInput;
  beforeAll(async () => {
    input = await inputOf(
      await FileWorkbookHost.fromXlsx(readFileSync(sharedData('superstore.xlsx')), 'superstore.xlsx'),
    );
  });

  it('counts the tier matrix from an independent analysis as of twelve months earlier', () => {
    const result = analyze({ ...input, settings: { ...input.settings, compareMonths: 12 } });
    const movement = result.outputs.movement!;
    const previousAsOf = isoFromDay(addMonths(result.asOf, -12));
    expect(isoFromDay(movement.previousAsOf)).toBe(previousAsOf);
    const earlier = analyze({
      ...input,
      settings: { ...input.settings, asOf: previousAsOf, compareMonths: null },
    });
    const tierBefore = new Map(earlier.customers.map((c) => [c.id, c.pyramidTier]));
    const expected = Array.from({ length: 6 }, () => new Array<number>(6).fill(0));
    const at = (tier: PyramidTier | null | undefined): number => (tier == null ? 5 : tier - 1);
    for (const c of result.customers) expected[at(tierBefore.get(c.id))]![at(c.pyramidTier)]!++;
    expect(movement.tiers.counts).toEqual(expected);
    // Every customer counted once; the earlier tiers add up to the earlier analysis's tier sizes.
    expect(expected.flat().reduce((a, b) => a + b, 0)).toBe(result.customers.length);
    for (let tier = 1; tier <= 5; tier++) {
      expect(movement.tiers.counts[tier - 1]!.reduce((a, b) => a + b, 0)).toBe(
        earlier.customers.filter((c) => c.pyramidTier === tier).length,
      );
    }
    result.customers.forEach((c, i) => {
      expect(movement.customers[i]!.previousTier).toBe(tierBefore.get(c.id) ?? null);
    });
  });

  it('counts the monthly cohorts from the rows (amount > 0, first-purchase month)', () => {
    const result = analyze(input);
    const movement = result.outputs.movement!;
    const ids = salesColumn(input, 'customerId');
    const dates = salesColumn(input, 'date');
    const amounts = salesColumn(input, 'amount');
    const purchases: [string, string][] = [];
    ids.forEach((id, row) => {
      const date = dates[row];
      const amount = amounts[row];
      if (typeof id === 'string' && typeof date === 'number' && typeof amount === 'number' && amount > 0)
        purchases.push([id.trim(), monthOfSerial(date)]);
    });
    expect(purchases.length).toBeGreaterThan(9000);
    expect(movement.cohorts).toEqual(cohortsFrom(purchases, isoFromDay(result.asOf).slice(0, 7)));
  });
});

describe('loyalty on online_retail_2010-12.csv', () => {
  it('has one cohort, December 2010: every customer with a purchase, all active in it', async () => {
    const host = FileWorkbookHost.fromCsv(
      readFileSync(sharedData('online_retail_2010-12.csv'), 'utf8'),
      'online_retail_2010-12.csv',
    );
    const input = await inputOf(host);
    const result = analyze(input);
    const movement = result.outputs.movement!;
    const text = readFileSync(sharedData('online_retail_2010-12.csv'), 'utf8').split(/\r?\n/u);
    const headers = text[0]!.split(',');
    const [iQuantity, iPrice, iCustomer, iDate] = ['Quantity', 'UnitPrice', 'CustomerID', 'InvoiceDate'].map(
      (h) => headers.indexOf(h),
    ) as [number, number, number, number];
    const buyers = new Set<string>();
    const months = new Set<string>();
    for (const line of text.slice(1)) {
      // Descriptions may hold quoted commas: the last four fields are read from the end.
      const fields = line.split(',');
      if (fields.length < headers.length) continue;
      const tail = (k: number): string => fields[fields.length - (headers.length - k)]!;
      const id = tail(iCustomer).trim();
      const amount = Number(tail(iQuantity)) * Number(tail(iPrice));
      if (id !== '' && amount > 0) {
        buyers.add(id);
        months.add(tail(iDate).slice(0, 7));
      }
    }
    expect([...months]).toEqual(['2010-12']);
    expect(movement.cohorts).toEqual([{ month: '2010-12', customers: buyers.size, active: [buyers.size] }]);
    // Three months back is before the first sale: every customer is new and nobody was retained.
    expect(movement.previousFound).toBe(false);
    expect(movement.retention).toEqual({ earlierBuyers: 0, retained: 0, rate: null });
  });
});
