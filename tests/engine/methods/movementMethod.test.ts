/**
 * Movement and loyalty on a hand-made table whose every count is worked out by hand below (as-of
 * 2024-06-30, three months back: earlier date 2024-03-30; recent period 31 March–30 June, earlier
 * 31 December–30 March, so the sales fall in April–June and January–March).
 */
import type { AnalysisInput } from '../../../src/engine/analyze';
import { analyze } from '../../../src/engine/analyze';
import { buildCustomerColumns } from '../../../src/engine/buildCustomerColumns';
import { buildSummarySheets } from '../../../src/engine/buildSummarySheets';
import { abcByCode } from '../../../src/engine/assignAbc';
import { svcdByCode } from '../../../src/engine/assignSvcd';
import { methods } from '../../../src/engine/methods/registry';
import * as customerResultColumns from '../../../src/engine/customerResultColumns';
import * as valueModel from '../../../src/engine/valueModel/runValueModel';
import type { AnalysisSettings, RawCell } from '../../../src/engine/types';
import { basicSales, iso, settingsWith, tableInput } from '../../helpers/tables';

const rows: RawCell[][] = [
  ['A', '2024-01-10', 100],
  ['A', '2024-05-10', 300],
  ['B', '2024-02-01', 500],
  ['B', '2024-03-01', 500],
  ['C', '2024-06-01', 50],
  ['D', '2024-01-05', 200],
  ['D', '2024-04-05', 190],
  ['E', '2024-02-10', 400],
  ['E', '2024-06-10', 100],
  ['F', '2023-12-01', 10],
  // A return only: revenue, but no purchase.
  ['G', '2024-05-01', -20],
];

function inputOf(settings: Partial<AnalysisSettings> = {}): AnalysisInput {
  return {
    sales: tableInput(basicSales(rows)),
    customers: null,
    visits: null,
    date1904: false,
    settings: settingsWith(settings),
  };
}

function movementOf(settings: Partial<AnalysisSettings> = {}) {
  const input = inputOf({ asOf: '2024-06-30', ...settings });
  const result = analyze(input);
  const movement = result.outputs.movement!;
  const by = new Map(result.customers.map((c, i) => [c.id, { c, m: movement.customers[i]! }]));
  return { result, movement, of: (id: string) => by.get(id)! };
}

describe('movementMethod on a hand-made table', () => {
  const { movement, of } = movementOf();

  it('compares with the as-of date minus three calendar months and the two periods before it', () => {
    // Calendar months, as the window rule counts them: 30 June minus three months is 30 March.
    expect(iso(movement.previousAsOf)).toBe('2024-03-30');
    expect([iso(movement.recent.start), iso(movement.recent.end)]).toEqual(['2024-03-31', '2024-06-30']);
    expect([iso(movement.earlier.start), iso(movement.earlier.end)]).toEqual(['2023-12-31', '2024-03-30']);
    expect(movement.previousFound).toBe(true);
  });

  it('counts the tier migration matrix (rows earlier 1–5, none; columns now)', () => {
    // Earlier (5 customers: B 1000, E 400, D 200, A 100, F 10): tiers B 1, E 3, D 4, A 5, F 5.
    // Now (7: B 1000, E 500, A 400, D 390, C 50, F 10, G −20; cuts at positions 1, 2, 3, 5, 7):
    // B 1, E 2, A 3, D 4, C 4, F 5, G 5.
    expect(movement.tiers.counts).toEqual([
      [1, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0],
      [0, 1, 0, 0, 0, 0],
      [0, 0, 0, 1, 0, 0],
      [0, 0, 1, 0, 1, 0],
      [0, 0, 0, 1, 1, 0],
    ]);
  });

  it('gives each customer its earlier tier and tier change', () => {
    const changes = ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((id) => [
      id,
      of(id).m.previousTier,
      of(id).m.tierChange,
    ]);
    expect(changes).toEqual([
      ['A', 5, 'up 2'],
      ['B', 1, 'same'],
      ['C', null, 'new'],
      ['D', 4, 'same'],
      ['E', 3, 'up 1'],
      ['F', 5, 'same'],
      ['G', null, 'new'],
    ]);
  });

  it('counts the ABC migration (cumulative share before the customer below 75 % is A)', () => {
    // Earlier total 1,710: B A (0 %), E A (58.5 %), D B (81.9 %), A B, F B. Now total 2,330: B A, E A (42.9 %),
    // A A (64.4 %), D B (81.5 %), C B, F B, G C (no positive revenue).
    expect(movement.abc.counts).toEqual([
      [2, 0, 0, 0],
      [1, 2, 0, 0],
      [0, 0, 0, 0],
      [0, 1, 1, 0],
    ]);
  });

  it('counts the SVCD migration from the two analyses’ segments', () => {
    const counts = movement.svcd.counts;
    expect(counts.flat().reduce((a, b) => a + b, 0)).toBe(7);
    // C and G were not customers on 2024-03-31; G has no order now either.
    expect(counts[4]!.reduce((a, b) => a + b, 0)).toBe(2);
    expect(of('G').m.previousSvcd).toBeNull();
    expect(counts.map((row) => row[4])).toEqual([0, 0, 0, 0, 1]);
  });

  it('sets the value trend of the last three months against the three before', () => {
    expect(['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((id) => of(id).m.valueTrend)).toEqual([
      'growing', // 100 → 300
      'lapsed', // 1000 → nothing
      'new', // nothing → 50
      'stable', // 200 → 190 (−5 %)
      'declining', // 400 → 100
      null, // bought in December 2023 only
      null, // a return is no purchase
    ]);
    expect(of('A').m.profitTrend).toBeNull();
    expect([of('A').m.earlierRevenue, of('A').m.recentRevenue]).toEqual([100, 300]);
  });

  it('names the course’s kinds of relationship customers by the stated rules', () => {
    expect(['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((id) => of(id).m.relationship)).toEqual([
      'couldBecomeBiggest', // tier 3, growing
      'losingValue', // tier 1, lapsed
      'transactional', // one order
      null, // tier 4, stable
      'losingValue', // tier 2, declining
      'transactional',
      null, // no order
    ]);
  });

  it('measures retention, the repeat-purchase rate and the monthly cohorts', () => {
    // Bought January–March: A, B, D, E; again April–June: A, D, E.
    expect(movement.retention).toEqual({ earlierBuyers: 4, retained: 3, rate: 0.75 });
    // Orders in the window: A, B, D, E two each; C, F one; G none.
    expect(movement.repeatPurchases).toEqual({ buyers: 6, repeaters: 4, rate: 4 / 6 });
    expect(movement.cohorts).toEqual([
      { month: '2023-12', customers: 1, active: [1, 0, 0, 0, 0, 0, 0] },
      { month: '2024-01', customers: 2, active: [2, 0, 0, 1, 1, 0] },
      { month: '2024-02', customers: 2, active: [2, 1, 0, 0, 1] },
      { month: '2024-06', customers: 1, active: [1] },
    ]);
  });
});

describe('the earlier analysis', () => {
  it("is read from its columns: no customer object is built, and each customer's categories then are its", () => {
    const built = jest.spyOn(customerResultColumns, 'customerResultsOf');
    const result = analyze(inputOf({ asOf: '2024-06-30' }));
    expect(built).not.toHaveBeenCalled();
    built.mockRestore();
    const movement = result.outputs.movement!;
    const earlier = analyze(inputOf({ asOf: iso(movement.previousAsOf), compareMonths: null }));
    const then = new Map(earlier.customers.map((c) => [c.id, c]));
    expect(then.size).toBe(5);
    result.roster.ids.forEach((id, i) => {
      const c = then.get(id);
      const m = movement.customers[i]!;
      expect([m.previousTier, m.previousValue, m.previousSvcd, m.previousAbc]).toEqual(
        c === undefined ? [null, null, null, null] : [c.pyramidTier, c.pyramidValue, c.svcd, c.abc],
      );
    });
  });
});

describe('the earlier analysis runs only the methods movement reads', () => {
  it("runs measures, SVCD, ABC and pyramid again, no other method; the movement equals the full analysis's", () => {
    const spies = methods.map((method) =>
      jest.spyOn(method as { compute: (input: never) => unknown }, 'compute'),
    );
    // The value model's fit is run by whoever drives the analysis's steps (`runSteps` here), not by its
    // method's compute: it is counted by its fits.
    const fits = jest.spyOn(valueModel, 'runValueModel');
    const result = analyze(inputOf({ asOf: '2024-06-30' }));
    const calls = Object.fromEntries(methods.map((method, k) => [method.id, spies[k]!.mock.calls.length]));
    calls.valueModel = fits.mock.calls.length;
    [...spies, fits].forEach((spy) => {
      spy.mockRestore();
    });
    expect(calls).toEqual({
      measures: 2,
      svcd: 2,
      abc: 2,
      pyramid: 2,
      visits: 1,
      rfm: 1,
      lifetimeValue: 1,
      valueModel: 1,
      churn: 1,
      repeatRate: 1,
      movement: 1,
      calls: 1,
    });
    // What analyzeAt (the whole analysis at the earlier date) gives, read as movement reads it.
    const movement = result.outputs.movement!;
    const earlier = analyze(inputOf({ asOf: iso(movement.previousAsOf), compareMonths: null }));
    const { count, ids, pyramidTier, pyramidValue, svcd, abc } = earlier.perCustomer;
    const then = new Map(ids.map((id, i) => [id, i]));
    expect(count).toBe(5);
    result.roster.ids.forEach((id, i) => {
      const k = then.get(id);
      const m = movement.customers[i]!;
      expect([m.previousTier, m.previousValue, m.previousSvcd, m.previousAbc]).toEqual(
        k === undefined
          ? [null, null, null, null]
          : [
              pyramidTier[k] === 0 ? null : pyramidTier[k],
              Number.isNaN(pyramidValue[k]) ? null : pyramidValue[k],
              svcdByCode[svcd[k]!] ?? null,
              abcByCode[abc[k]!] ?? 'C',
            ],
      );
    });
  });
});

describe('movementMethod with a "last N months" window', () => {
  it('uses the same window rule at the earlier date, so a customer without sales now is lost', () => {
    const { movement, of } = movementOf({ windowMonths: 3 });
    // Earlier window January–March: B 1000, E 400, D 200, A 100 → tiers 1, 3, 4, 5 (n = 4).
    // Now April–June: A 300, D 190, E 100, C 50, G −20 → A 1, D 3, E 4, C 5, G 5 (n = 5).
    expect(of('B').m.tierChange).toBe('lost');
    expect(of('A').m.tierChange).toBe('up 4');
    expect(of('E').m.tierChange).toBe('down 1');
    expect(of('F').m.tierChange).toBeNull();
    expect(movement.tiers.counts[0]![5]).toBe(1);
    expect(movement.tiers.counts[5]![5]).toBe(1);
  });
});

describe('movementMethod before the first sale', () => {
  it('makes every customer new when no sale is dated on or before the earlier date', () => {
    const result = analyze(inputOf({ asOf: '2024-02-15', compareMonths: 6 }));
    const movement = result.outputs.movement!;
    expect(movement.previousFound).toBe(false);
    expect(movement.customers.every((m) => m.tierChange === 'new')).toBe(true);
    expect(movement.tiers.counts[5]!.reduce((a, b) => a + b, 0)).toBe(result.customers.length);
    expect(movement.retention.rate).toBeNull();
  });

  it('rejects a month count that is not a whole number of at least 1, and is off with null', () => {
    for (const compareMonths of [0, 1.5, -3])
      expect(() => analyze(inputOf({ compareMonths }))).toThrow(/whole number of months/u);
    const off = analyze(inputOf({ compareMonths: null }));
    expect(off.outputs.movement).toBeNull();
    expect(buildSummarySheets(off).map((s) => s.key)).not.toContain('movement');
    expect(buildSummarySheets(analyze(inputOf())).map((s) => s.key)).toEqual(
      expect.arrayContaining(['movement', 'loyalty']),
    );
  });

  it('writes no movement column when the comparison is off', () => {
    const movementKeys = ['previousTier', 'tierChange', 'valueTrend', 'relationship'];
    const keysOf = (settings: Partial<AnalysisSettings>): string[] =>
      buildCustomerColumns(analyze(inputOf(settings))).columns.map((c) => c.key);
    expect(keysOf({})).toEqual(expect.arrayContaining(movementKeys));
    const off = keysOf({ compareMonths: null });
    expect(off.filter((key) => movementKeys.includes(key))).toEqual([]);
    // Every other default column is still written, in the same order.
    expect(off).toEqual(keysOf({}).filter((key) => !movementKeys.includes(key)));
  });
});
