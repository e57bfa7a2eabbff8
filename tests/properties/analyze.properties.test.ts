/**
 * Property-based tests of the engine over generated messy sales tables: strings, numbers, blanks,
 * booleans and error values under recognised headers. Fixed seeds so a failure replays; the number of
 * generated cases of each property is its `numRuns`.
 */
import fc from 'fast-check';
import { analyze, type AnalysisResult } from '../../src/engine/analyze';
import { buildReport } from '../../src/engine/buildReport';
import { computeAnalysis } from '../../src/engine/computeAnalysis';
import { dayFromIso } from '../../src/engine/dayNumbers';
import { resolveSettings } from '../../src/engine/defaultSettings';
import { AnalysisError, type AnalysisErrorCode } from '../../src/engine/errors';
import { mapHeaders } from '../../src/engine/mapHeaders';
import { parseDateCell, parseIdCell, parseNumberCell } from '../../src/engine/parseCell';
import type { AnalysisSettings, RawCell } from '../../src/engine/types';
import { loadedTable, shuffled } from '../helpers/tables';
import {
  anyRawCell,
  looseRow,
  salesScenarioArbitrary,
  scenarioHeaders,
  scenarioTable,
  type SalesScenario,
} from './salesScenarioArbitrary';

/** Generated cases per property (reported in the final note). */
const propertyRuns = { oracle: 400, anyCells: 400, shuffle: 250, nameAndRep: 250, parsers: 2000 };

const knownCodes: readonly AnalysisErrorCode[] = [
  'NO_TABLES',
  'NO_SALES_TABLE',
  'NO_CUSTOMER_COLUMN',
  'MISSING_COLUMN',
  'NO_USABLE_ROWS',
  'BAD_SETTING',
  'RFM_RULES_INCOMPLETE',
  'TOO_LARGE',
  'CANCELLED',
];

function analyzeRows(
  headers: string[],
  rows: RawCell[][],
  settings: Partial<AnalysisSettings>,
): AnalysisResult {
  return analyze({
    sales: { table: loadedTable({ headers, rows }), mapping: mapHeaders(headers) },
    customers: null,
    visits: null,
    date1904: false,
    settings: resolveSettings(settings),
  });
}

function analyzeScenario(scenario: SalesScenario, rows = scenario.rows): AnalysisResult {
  const table = scenarioTable({ ...scenario, rows });
  return analyzeRows(table.headers, table.rows, scenario.settings);
}

/** Runs `action`; an AnalysisError with a known code comes back as its code, anything else fails. */
function resultOrCode(action: () => AnalysisResult): AnalysisResult | AnalysisErrorCode {
  try {
    return action();
  } catch (error) {
    if (error instanceof AnalysisError && knownCodes.includes(error.code) && error.message.length > 10)
      return error.code;
    throw error;
  }
}

/** Invariants every result must satisfy, whatever the input. */
function expectConsistent(result: AnalysisResult): void {
  const { input, customers } = result;
  // Every row is used, skipped with a reason, after the as-of date, or before the window.
  expect(input.usedRows + input.skippedCount + input.afterAsOfRows + input.beforeWindowRows).toBe(
    input.salesRows,
  );
  expect(input.skipped).toHaveLength(input.skippedCount);
  const skippedRows = input.skipped.map((s) => s.row);
  expect(new Set(skippedRows).size).toBe(skippedRows.length);
  for (const s of input.skipped) {
    expect(s.row).toBeGreaterThanOrEqual(2);
    expect(s.row).toBeLessThanOrEqual(input.salesRows + 1);
    expect(s.reason.length).toBeGreaterThan(5);
  }
  const ids = customers.map((c) => c.id);
  expect(new Set(ids).size).toBe(ids.length);

  // Segment, class and tier counts add up.
  const ordered = customers.filter((c) => c.orders > 0);
  const inWindow = customers.filter((c) => c.hasSalesInWindow);
  const svcd = { Star: 0, Cow: 0, Volcano: 0, Dog: 0, none: 0 };
  for (const c of customers) svcd[c.svcd ?? 'none']++;
  expect(svcd.Star + svcd.Cow + svcd.Volcano + svcd.Dog).toBe(ordered.length);
  expect(svcd.Star + svcd.Cow + svcd.Volcano + svcd.Dog + svcd.none).toBe(customers.length);
  const abc = { A: 0, B: 0, C: 0 };
  for (const c of customers) abc[c.abc]++;
  expect(abc.A + abc.B + abc.C).toBe(customers.length);
  expect(abc.A + abc.B).toBe(customers.filter((c) => c.revenue > 0).length);
  const tiers = [0, 0, 0, 0, 0];
  for (const c of customers) if (c.pyramidTier !== null) tiers[c.pyramidTier - 1]!++;
  expect(tiers.reduce((a, b) => a + b, 0)).toBe(inWindow.length);
  expect(customers.filter((c) => c.pyramidTier !== null)).toEqual(inWindow);
  expect(customers.filter((c) => c.rfm !== null).length).toBe(ordered.length);
  expect(customers.filter((c) => c.churnRisk !== null).length).toBe(ordered.length);
  for (const c of customers) {
    expect(Number.isFinite(c.revenue)).toBe(true);
    expect(Number.isFinite(c.nextVisitDue)).toBe(true);
    expect(c.visitIntervalDays).toBeGreaterThan(0);
  }
  expect(result.window.start).toBeLessThanOrEqual(result.window.end);
  expect(result.window.end).toBe(result.asOf);
  // The report and the output description build from any result without throwing.
  expect(buildReport(result).customers).toHaveLength(customers.length);
}

describe('analyze over generated tables (properties)', () => {
  it('uses or skips every row exactly as an oracle of the cells says, and counts add up', () => {
    let analysed = 0;
    fc.assert(
      fc.property(salesScenarioArbitrary(), (scenario) => {
        const outcome = resultOrCode(() => analyzeScenario(scenario));
        const readable = scenario.rows.filter((r) => r.id.valid && r.date.valid && r.amount.valid);
        const asOf =
          scenario.settings.asOf === null || scenario.settings.asOf === undefined
            ? Math.max(...readable.map((r) => r.date.read as number))
            : dayFromIso(scenario.settings.asOf)!;
        const upToAsOf = readable.filter((r) => (r.date.read as number) <= asOf);
        if (upToAsOf.length === 0) {
          expect(outcome).toBe('NO_USABLE_ROWS');
          return;
        }
        if (typeof outcome === 'string') throw new Error(`Unexpected ${outcome} for a usable table`);
        analysed++;
        expectConsistent(outcome);
        // Each unreadable row is listed with its sheet row and the code of its first bad cell.
        const expectedSkips = scenario.rows.flatMap((r, i) => {
          const bad = [r.id, r.date, r.amount].find((c) => !c.valid);
          return bad === undefined ? [] : [{ row: i + 2, code: bad.code }];
        });
        expect(outcome.input.skipped.map((s) => ({ row: s.row, code: s.code }))).toEqual(expectedSkips);
        expect(outcome.input.afterAsOfRows).toBe(readable.length - upToAsOf.length);
        if (scenario.settings.windowMonths === null) expect(outcome.input.beforeWindowRows).toBe(0);
        // Customers: exactly the ids of readable rows up to the as-of date, kept as written.
        expect(new Set(outcome.customers.map((c) => c.id))).toEqual(new Set(upToAsOf.map((r) => r.id.read)));
        // Revenue: the sum of the amounts of the rows in the window.
        const inWindow = upToAsOf.filter((r) => (r.date.read as number) >= outcome.window.start);
        const expected = inWindow.reduce((sum, r) => sum + (r.amount.read as number), 0);
        const total = outcome.customers.reduce((sum, c) => sum + c.revenue, 0);
        expect(total).toBeCloseTo(expected, 4);
        expect(outcome.input.usedRows).toBe(inWindow.length);
      }),
      { seed: 20240601, numRuns: propertyRuns.oracle },
    );
    // Most generated tables must be analysable, or the property would check little.
    expect(analysed).toBeGreaterThan(propertyRuns.oracle * 0.6);
  });

  it('never throws anything but a known AnalysisError on arbitrary cells under recognised headers', () => {
    const headers = [...scenarioHeaders];
    let analysed = 0;
    fc.assert(
      fc.property(
        fc.array(looseRow, { maxLength: 30 }),
        fc.record({
          asOf: fc.option(fc.constantFrom('2024-06-30', '1900-01-01', '9999-12-31', '2024-02-30')),
          windowMonths: fc.option(fc.integer({ min: 1, max: 2000 })),
          dateOrder: fc.constantFrom('mdy' as const, 'dmy' as const),
        }),
        (rows, settings) => {
          const outcome = resultOrCode(() => analyzeRows(headers, rows, settings));
          if (typeof outcome !== 'string') {
            analysed++;
            expectConsistent(outcome);
            // The whole output (columns, summary sheets) is described without throwing.
            expect(() =>
              computeAnalysis({
                sales: { table: loadedTable({ headers, rows }), mapping: mapHeaders(headers) },
                customers: null,
                visits: null,
                date1904: false,
                settings: resolveSettings(settings),
              }),
            ).not.toThrow();
          }
        },
      ),
      { seed: 424242, numRuns: propertyRuns.anyCells },
    );
    expect(analysed).toBeGreaterThan(propertyRuns.anyCells * 0.3);
  });

  it('gives the same customers, counts and thresholds whatever the order of the rows', () => {
    let analysed = 0;
    fc.assert(
      fc.property(salesScenarioArbitrary(), fc.integer({ min: 1, max: 1_000_000 }), (scenario, seed) => {
        // One name and one rep per customer id here: the next test covers conflicting ones.
        const consistent = scenario.rows.map((r) => ({
          ...r,
          name: `Name of ${String(r.id.read ?? '')}`,
          rep: `Rep of ${String(r.id.read ?? '')}`,
        }));
        const before = resultOrCode(() => analyzeScenario(scenario, consistent));
        const after = resultOrCode(() => analyzeScenario(scenario, shuffled(consistent, seed)));
        if (typeof before === 'string') {
          expect(after).toBe(before);
          return;
        }
        if (typeof after === 'string') throw new Error(`Shuffled rows gave ${after}`);
        analysed++;
        expect(after.customers).toEqual(before.customers);
        expect(after.window).toEqual(before.window);
        expect(after.svcdThresholds).toEqual(before.svcdThresholds);
        expect(after.churn).toEqual(before.churn);
        const counts = (r: AnalysisResult): number[] => [
          r.input.usedRows,
          r.input.skippedCount,
          r.input.afterAsOfRows,
          r.input.beforeWindowRows,
        ];
        expect(counts(after)).toEqual(counts(before));
        const codes = (r: AnalysisResult): string[] => r.input.skipped.map((s) => s.code).sort();
        expect(codes(after)).toEqual(codes(before));
      }),
      { seed: 77, numRuns: propertyRuns.shuffle },
    );
    expect(analysed).toBeGreaterThan(propertyRuns.shuffle * 0.6);
  });

  const conflictingRuns = (field: 'name' | 'rep', seed: number): void => {
    let analysed = 0;
    // A customer's rows may disagree on the name or rep (a typo, a hand-over on one day): the choice
    // must still not depend on how the sheet happens to be sorted.
    fc.assert(
      fc.property(
        salesScenarioArbitrary({ minRows: 2, maxRows: 12, days: 3, idCount: 3 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (scenario, shuffle) => {
          const before = resultOrCode(() => analyzeScenario(scenario));
          const after = resultOrCode(() => analyzeScenario(scenario, shuffled(scenario.rows, shuffle)));
          if (typeof before === 'string' || typeof after === 'string') return;
          analysed++;
          const pick = (r: AnalysisResult): [string, string | null][] =>
            r.customers.map((c) => [c.id, c[field]]);
          expect(pick(after)).toEqual(pick(before));
        },
      ),
      { seed, numRuns: propertyRuns.nameAndRep },
    );
    expect(analysed).toBeGreaterThan(propertyRuns.nameAndRep * 0.5);
  };

  it('picks the same customer name whatever the order of the rows', () => {
    conflictingRuns('name', 99);
  });

  it('picks the same sales rep whatever the order of the rows', () => {
    conflictingRuns('rep', 98);
  });

  it('reports an error value with spaces around it as an error value, not as a blank id', () => {
    const result = analyzeRows(
      ['Customer ID', 'Date', 'Amount'],
      [
        [' #REF! ', '2024-01-05', 10],
        ['C1', '2024-01-05', 10],
      ],
      {},
    );
    expect(result.input.skipped.map((s) => [s.row, s.code])).toEqual([[2, 'customerError']]);
  });
});

describe('cell parsers (properties)', () => {
  it('never throw, and read formatted amounts and ids back exactly', () => {
    fc.assert(
      fc.property(anyRawCell, fc.integer({ min: -10_000_000_00, max: 10_000_000_00 }), (cell, cents) => {
        const id = parseIdCell(cell);
        if (typeof cell === 'string' && id !== null) expect(cell).toContain(id);
        const number = parseNumberCell(cell);
        if (number !== null) expect(Number.isFinite(number)).toBe(true);
        const date = parseDateCell(cell, false, 'dmy');
        if (date !== null) expect(Number.isInteger(date.day) && date.day >= 1).toBe(true);
        const amount = cents / 100;
        const grouped = Math.abs(amount).toLocaleString('en-US', { minimumFractionDigits: 2 });
        const sign = amount < 0 ? '-' : '';
        for (const text of [
          `${sign}$${grouped}`,
          `${sign}¥ ${grouped}`,
          `${sign}${grouped} 元`,
          `USD${sign}${grouped}`,
        ])
          expect(parseNumberCell(text)).toBeCloseTo(amount, 9);
        if (amount < 0) expect(parseNumberCell(`(${grouped})`)).toBeCloseTo(amount, 9);
      }),
      { seed: 5, numRuns: propertyRuns.parsers },
    );
  });
});
