/**
 * Movement's earlier date added up in the run's own pass over the rows (addUpSalesAndEarlier, SalesTotals'
 * cut): the run's totals are those of addUpSales, the earlier ones those of salesAt at the cut for the
 * categories, every field to the bit; and an analysis that uses them equals one that adds the rows up again.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze, type AnalysisInput } from '../../src/engine/analyze';
import { addMonths, isoFromDay } from '../../src/engine/dayNumbers';
import { readSales, type ReadSales } from '../../src/engine/parseSales';
import * as salesAtModule from '../../src/engine/salesAt';
import { addUpSales, addUpSalesAndEarlier, salesAt } from '../../src/engine/salesAt';
import type { RawCell } from '../../src/engine/types';
import { mulberry32 } from '../../src/sample/mulberry32';
import { parseCsvRows, settingsWith, tableInput, type RowTable } from '../helpers/tables';

const firstDay = 45_000;

/**
 * Random sales over 400 days: orders of one to four lines, some lines of an order a day apart (an order
 * across the cut), orders shared by two customers, returns, zero amounts, blank profits and reps, dates in
 * no order.
 */
function randomSales(seed: number, rows: number, withOrders: boolean): RowTable {
  const next = mulberry32(seed);
  const body: RawCell[][] = [];
  let order = 0;
  while (body.length < rows) {
    order++;
    const customer = `C${String(Math.floor(next() * 300)).padStart(3, '0')}`;
    const day = firstDay + Math.floor(next() * 400);
    const lines = 1 + Math.floor(next() * 4);
    for (let line = 0; line < lines; line++) {
      const kind = next();
      const amount =
        kind < 0.1 ? -Math.round(next() * 3000) / 100 : kind < 0.15 ? 0 : Math.round(next() * 90_000) / 100;
      // Another customer under the same order id now and then; a line a day later now and then.
      const who = next() < 0.05 ? `C${String(Math.floor(next() * 300)).padStart(3, '0')}` : customer;
      const when = next() < 0.1 ? day + 1 : day;
      const cost = next() < 0.05 ? null : Math.round(amount * 60) / 100;
      const rep = next() < 0.3 ? null : `R${Math.floor(next() * 5)}`;
      const cells: RawCell[] = [who, isoFromDay(when), amount, cost, rep];
      body.push(withOrders ? [`SO${order}`, ...cells] : cells);
    }
  }
  const headers = ['Customer ID', 'Order Date', 'Amount', 'Cost', 'Sales Rep'];
  return { headers: withOrders ? ['Order ID', ...headers] : headers, rows: body };
}

const options = { date1904: false, dateOrder: 'ymd' as const };
const readOf = (table: RowTable): ReadSales => {
  const { table: loaded, mapping } = tableInput(table);
  return readSales(loaded, mapping, { ...options, dateOrder: settingsWith().dateOrder });
};

/** The run's totals and the earlier ones as the separate passes give them. */
function expectSameAsTwoPasses(read: ReadSales, cut: number): void {
  const { parsed, earlier } = addUpSalesAndEarlier(read, cut);
  const plain = addUpSales(read, null, true);
  expect(parsed.totals).toEqual(plain.totals);
  expect(parsed.rows).toBe(read.rows);
  if (cut >= read.maxDay) {
    expect(earlier).toBeNull();
    return;
  }
  expect(earlier).not.toBeNull();
  const expected = salesAt(plain, { asOf: cut, start: read.minDay }, true);
  expect(earlier!.totals).toEqual(expected.totals);
  expect(earlier!.customerIds).toBe(expected.customerIds);
  expect(earlier!.rows).toBe(read.rows);
}

describe('addUpSalesAndEarlier', () => {
  for (const withOrders of [true, false]) {
    it(`equals addUpSales and salesAt at the cut (${withOrders ? 'order ids' : 'no order ids'})`, () => {
      const read = readOf(randomSales(withOrders ? 7 : 8, 3000, withOrders));
      expect(read.hasOrderId).toBe(withOrders);
      for (const cut of [
        read.minDay - 1,
        read.minDay,
        read.minDay + 100,
        read.minDay + 200,
        read.maxDay - 1,
        read.maxDay,
      ])
        expectSameAsTwoPasses(read, cut);
      // Something to compare: earlier totals with orders, purchase days (without order ids) and rows after it.
      const { earlier } = addUpSalesAndEarlier(read, read.minDay + 200);
      expect(earlier!.totals.orders.some((orders) => orders > 1)).toBe(true);
      expect(earlier!.totals.afterAsOfRows).toBeGreaterThan(0);
      expect(earlier!.totals.purchaseDays.some((days) => days > 0)).toBe(!withOrders);
    });
  }

  it('equals them on Online Retail, December 2010, with and without its order ids', () => {
    const csv = parseCsvRows(
      readFileSync(path.resolve(__dirname, '../../../shared/data/online_retail_2010-12.csv'), 'utf8'),
    );
    const table: RowTable = { headers: (csv[0] ?? []).map((h) => h ?? ''), rows: csv.slice(1) };
    const { table: loaded, mapping } = tableInput(table);
    const withoutOrders = { ...mapping };
    delete withoutOrders.orderId;
    for (const columns of [mapping, withoutOrders]) {
      const read = readSales(loaded, columns, { ...options, dateOrder: settingsWith().dateOrder });
      for (const cut of [read.minDay + 5, read.maxDay - 7]) expectSameAsTwoPasses(read, cut);
    }
  });
});

describe('the analysis with the earlier date added up in the same pass', () => {
  afterEach(() => jest.restoreAllMocks());

  const inputOf = (table: RowTable, compareMonths = 3): AnalysisInput => ({
    sales: tableInput(table),
    customers: null,
    visits: null,
    date1904: false,
    settings: settingsWith({ compareMonths }),
  });

  it.each([
    ['order ids', true],
    ['no order ids', false],
  ])('equals the one that adds the rows up again at the earlier date (%s)', (_name, withOrders) => {
    const input = inputOf(randomSales(withOrders ? 21 : 22, 4000, withOrders), 4);
    const addedAt = jest.spyOn(salesAtModule, 'salesAt');
    const fused = analyze(input);
    // The earlier analysis took the totals of the run's pass.
    expect(addedAt).not.toHaveBeenCalled();
    expect(fused.outputs.movement?.previousFound).toBe(true);
    expect(fused.outputs.movement?.previousAsOf).toBe(addMonths(fused.asOf, -4));
    // Without them (the pass made no earlier totals), the earlier analysis adds the rows up itself.
    jest
      .spyOn(salesAtModule, 'addUpSalesAndEarlier')
      .mockImplementation((read) => ({ parsed: addUpSales(read, null, true), earlier: null }));
    const apart = analyze(input);
    expect(addedAt).toHaveBeenCalled();
    expect(fused.outputs).toEqual(apart.outputs);
    expect(fused.outputs.movement?.customers.some((c) => c.previousTier !== null)).toBe(true);
  });

  it('adds up no earlier date for a window of N months or without a comparison', () => {
    const table = randomSales(23, 1500, true);
    const fused = jest.spyOn(salesAtModule, 'addUpSalesAndEarlier');
    analyze({ ...inputOf(table), settings: settingsWith({ windowMonths: 6 }) });
    analyze({ ...inputOf(table), settings: settingsWith({ compareMonths: null }) });
    expect(fused).not.toHaveBeenCalled();
    analyze(inputOf(table));
    expect(fused).toHaveBeenCalledTimes(1);
  });
});
