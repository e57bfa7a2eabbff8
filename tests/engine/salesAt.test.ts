/**
 * The comparison's and the narrower window's totals come from the rows the run's one parse kept (salesAt,
 * periodTotals): they must equal a fresh parse of the table, and analyses over the periods, to the bit.
 */
import { readFileSync } from 'node:fs';
import { analyze, type AnalysisInput } from '../../src/engine/analyze';
import { computeAnalysis } from '../../src/engine/computeAnalysis';
import { addMonths, isoFromDay } from '../../src/engine/dayNumbers';
import { periodTotals } from '../../src/engine/movement/periodTotals';
import { parseSales } from '../../src/engine/parseSales';
import { rowsOfRoster } from '../../src/engine/rowsOfRoster';
import { salesAt } from '../../src/engine/salesAt';
import { SalesTotals } from '../../src/engine/SalesTotals';
import { FileWorkbookHost } from '../../src/host/file/FileWorkbookHost';
import { runAnalysis } from '../../src/host/runAnalysis';
import { sharedData } from '../cli/sharedData';

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

describe.each([
  [
    'superstore.xlsx',
    () => FileWorkbookHost.fromXlsx(readFileSync(sharedData('superstore.xlsx')), 'superstore.xlsx'),
  ],
  [
    'online_retail_2010-12.csv',
    () =>
      Promise.resolve(
        FileWorkbookHost.fromCsv(
          readFileSync(sharedData('online_retail_2010-12.csv'), 'utf8'),
          'online_retail_2010-12.csv',
        ),
      ),
  ],
])('%s', (_name, open) => {
  jest.setTimeout(120_000);
  let input: AnalysisInput;
  beforeAll(async () => {
    input = await inputOf(await open());
  });

  it('salesAt gives the totals of a fresh parse at other bounds', () => {
    const { table, mapping } = input.sales;
    const options = { date1904: input.date1904, dateOrder: input.settings.dateOrder };
    const kept = parseSales(table, mapping, options, null, true);
    const span = kept.maxDay - kept.minDay;
    for (const bounds of [
      { asOf: kept.maxDay, start: kept.minDay + Math.floor(span / 2) },
      { asOf: kept.minDay + Math.floor(span / 3), start: kept.minDay },
      { asOf: kept.maxDay - 10, start: kept.maxDay - 40 },
    ]) {
      const fresh = parseSales(table, mapping, options, bounds);
      expect(salesAt(kept, bounds).totals).toEqual(fresh.totals);
    }
  });

  it('salesAt for the categories only leaves out purchase days (with order ids) and reps, nothing else', () => {
    const { table, mapping } = input.sales;
    const options = { date1904: input.date1904, dateOrder: input.settings.dateOrder };
    const kept = parseSales(table, mapping, options, null, true);
    expect(kept.hasOrderId).toBe(true);
    // Without the order-id column, orders are purchase days: they are counted all the same.
    const withoutOrderIds = { ...mapping };
    delete withoutOrderIds.orderId;
    const keptDays = parseSales(table, withoutOrderIds, options, null, true);
    const span = kept.maxDay - kept.minDay;
    for (const bounds of [
      { asOf: kept.maxDay, start: kept.minDay + Math.floor(span / 2) },
      { asOf: kept.minDay + Math.floor(span / 3), start: kept.minDay },
    ]) {
      const fresh = parseSales(table, mapping, options, bounds).totals;
      const lean = salesAt(kept, bounds, true).totals;
      expect(fresh.purchaseDays.some((days) => days > 0)).toBe(true);
      expect(lean.purchaseDays.every((days) => days === 0)).toBe(true);
      expect(lean.latestRep.every((rep) => rep === -1)).toBe(true);
      expect({ ...lean, purchaseDays: fresh.purchaseDays, latestRep: fresh.latestRep }).toEqual(fresh);
      const freshDays = parseSales(table, withoutOrderIds, options, bounds).totals;
      const leanDays = salesAt(keptDays, bounds, true).totals;
      expect({ ...leanDays, latestRep: freshDays.latestRep }).toEqual(freshDays);
      expect(Array.from(leanDays.orders)).toEqual(Array.from(freshDays.purchaseDays));
    }
  });

  it('salesAt adds lifetime value apart only when rows can come before the window', () => {
    const { table, mapping } = input.sales;
    const options = { date1904: input.date1904, dateOrder: input.settings.dateOrder };
    const kept = parseSales(table, mapping, options, null, true);
    const asOf = kept.minDay + Math.floor((kept.maxDay - kept.minDay) / 2);
    // The private per-row step that adds lifetime value apart (SalesTotals' `addLifetime`).
    const addLifetime = jest.spyOn(
      SalesTotals.prototype as unknown as { addLifetime: () => void },
      'addLifetime',
    );
    try {
      // The window from the first sale (the default): lifetime value is the window's own sum.
      const fromFirst = salesAt(kept, { asOf, start: kept.minDay });
      expect(addLifetime).not.toHaveBeenCalled();
      expect(fromFirst.totals).toEqual(
        parseSales(table, mapping, options, { asOf, start: kept.minDay }).totals,
      );
      expect(Array.from(fromFirst.totals.lifetimeValue)).toEqual(
        Array.from(kept.profitSource === null ? fromFirst.totals.revenue : fromFirst.totals.profit),
      );
      const narrower = salesAt(kept, { asOf, start: kept.minDay + 1 });
      expect(addLifetime).toHaveBeenCalled();
      expect(narrower.totals).toEqual(
        parseSales(table, mapping, options, { asOf, start: kept.minDay + 1 }).totals,
      );
    } finally {
      addLifetime.mockRestore();
    }
  });

  it('periodTotals gives the revenue, profit and buyers of analyses over the periods', () => {
    const result = analyze({ ...input, settings: { ...input.settings, compareMonths: null } });
    const options = { date1904: input.date1904, dateOrder: input.settings.dateOrder };
    const rows = rowsOfRoster(
      parseSales(input.sales.table, input.sales.mapping, options, null, true),
      result.roster.ids,
    );
    for (const [asOf, months] of [
      [result.asOf, 1],
      [result.asOf - 10, 1],
      [result.asOf, 3],
    ] as const) {
      const period = analyze({
        ...input,
        settings: { ...input.settings, asOf: isoFromDay(asOf), windowMonths: months, compareMonths: null },
      });
      const totals = periodTotals(rows, result.roster.count, addMonths(asOf, -months) + 1, asOf);
      const byId = new Map(period.customers.map((c) => [c.id, c]));
      let buyers = 0;
      result.roster.ids.forEach((id, i) => {
        const c = byId.get(id);
        expect(totals.revenue[i]).toBe(c?.revenue ?? 0);
        expect(totals.profit?.[i] ?? null).toBe(
          c === undefined ? (totals.profit === null ? null : 0) : c.profit,
        );
        expect(totals.bought[i] === 1).toBe((c?.purchaseDays ?? 0) > 0);
        buyers += totals.bought[i]!;
      });
      expect(buyers).toBeGreaterThan(10);
    }
  });
});

describe('SalesTotals without distinct purchase days', () => {
  /** Customer 0 buys order 0 on two lines of day 100 and order 1 on day 101; customer 1 returns on day 102. */
  function totalsOf(countsDays: boolean): SalesTotals {
    const totals = new SalesTotals(2, 4, null, 2, [], countsDays);
    totals.readRowsFrom(new Float64Array([5, 7, 3, -2]), null);
    totals.add(0, 100, 0, 0, -1);
    totals.add(0, 100, 1, 0, -1);
    totals.add(0, 101, 2, 1, -1);
    totals.add(1, 102, 3, -1, -1);
    return totals;
  }

  it('counts orders, revenue and purchases as before, and leaves purchase days at 0', () => {
    const lean = totalsOf(false).finish(Int32Array.of(0, 1), true, 100, 102);
    const full = totalsOf(true).finish(Int32Array.of(0, 1), true, 100, 102);
    expect(Array.from(full.purchaseDays)).toEqual([2, 0]);
    expect(Array.from(lean.purchaseDays)).toEqual([0, 0]);
    expect({ ...lean, purchaseDays: full.purchaseDays }).toEqual(full);
    expect(Array.from(lean.orders)).toEqual([2, 0]);
  });

  it('refuses to finish without order ids (orders would be the purchase days it did not count)', () => {
    expect(() => totalsOf(false).finish(Int32Array.of(0, 1), false, 100, 102)).toThrow(/purchase days/u);
  });
});
