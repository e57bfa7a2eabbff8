import type { AnalysisResult } from '../../../src/engine/analyze';
import { buildReport } from '../../../src/engine/buildReport';
import type { Call } from '../../../src/engine/calls/Call';
import { callsReport } from '../../../src/engine/calls/callsReport';
import { chooseTables } from '../../../src/engine/chooseTables';
import { defaultSettings } from '../../../src/engine/defaultSettings';
import { columnHeader } from '../../../src/engine/methods/outputColumns';
import type { RawCell, SourceTable } from '../../../src/engine/types';
import { analysisErrorOf, analyzeScenario, day, iso, type Scenario } from '../../helpers/tables';

/** The calls of a result as compact rows: ISO day, id, reasons. */
const rows = (result: AnalysisResult): [string | null, string, string][] =>
  result.outputs.calls.list.map((c) => [iso(c.day), c.customerId, c.reasons.join('+')]);

/** The calls with one reason. */
const withReason = (result: AnalysisResult, reason: Call['reasons'][number]): Call[] =>
  result.outputs.calls.list.filter((c) => c.reasons.includes(reason));

const customerHeaders = ['Customer ID', 'Name', 'Sales rep', 'Birthday', 'Phone'];

/** Sales that keep every customer recently served (no visit or win-back noise unless a test wants it). */
function scenario(asOf: string, customers: RawCell[][], extra: Partial<Scenario> = {}): Scenario {
  const sales = customers.map((c) => [c[0] ?? null, asOf, 100, 'Widget']);
  return {
    sales: { headers: ['Customer ID', 'Date', 'Amount', 'Product'], rows: sales },
    customers: { headers: customerHeaders, rows: customers },
    settings: { asOf },
    ...extra,
  };
}

describe('birthdays', () => {
  test('29 February: on the day in a leap year, on 28 February in other years (with the age)', () => {
    const people = [['C1', 'Ann', 'Kim', '1984-02-29', '555-0101']];
    const leap = analyzeScenario(scenario('2024-02-25', people));
    expect(withReason(leap, 'birthday').map((c) => [iso(c.day), c.detail])).toEqual([
      ['2024-02-29', 'Birthday (turns 40)'],
    ]);
    const plain = analyzeScenario(scenario('2025-02-25', people));
    expect(withReason(plain, 'birthday').map((c) => [iso(c.day), c.detail])).toEqual([
      ['2025-02-28', 'Birthday (turns 41; 29 Feb, called on 28 Feb)'],
    ]);
    const zh = analyzeScenario(
      scenario('2025-02-25', people, { settings: { asOf: '2025-02-25', language: 'zh-CN' } }),
    );
    expect(withReason(zh, 'birthday')[0]?.detail).toBe('生日（41 岁；2月29日，平年在2月28日）');
  });

  test('without a year: 03-15, 3月16日, 17 March, March 18th and an Excel serial are all read', () => {
    const people = [
      ['C1', 'A', 'Kim', '03-15'],
      ['C2', 'B', 'Kim', '3月16日'],
      ['C3', 'C', 'Kim', '17 March'],
      ['C4', 'D', 'Kim', 'March 18th'],
      ['C5', 'E', 'Kim', day('1990-03-19')],
      ['C6', 'F', 'Kim', '04-01'],
    ];
    const result = analyzeScenario(scenario('2024-03-14', people));
    expect(withReason(result, 'birthday').map((c) => [iso(c.day), c.customerId, c.detail])).toEqual([
      ['2024-03-15', 'C1', 'Birthday'],
      ['2024-03-16', 'C2', 'Birthday'],
      ['2024-03-17', 'C3', 'Birthday'],
      ['2024-03-18', 'C4', 'Birthday'],
      ['2024-03-19', 'C5', 'Birthday (turns 34)'],
    ]);
  });
});
