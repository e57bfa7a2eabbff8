import { assignAbc } from '../../src/engine/assignAbc';
import type { AbcClass, RawCell } from '../../src/engine/types';
import { analyzeScenario, fieldById } from '../helpers/tables';

describe('assignAbc: A while the cumulative share before a customer is below the cut', () => {
  test.each<[string, string[], number[], AbcClass[]]>([
    [
      'the customer that crosses 75 % is still A',
      ['a', 'b', 'c', 'd'],
      [60, 30, 10, 0],
      ['A', 'A', 'B', 'C'],
    ],
    ['exactly 75 % before a customer makes it B', ['a', 'b'], [75, 25], ['A', 'B']],
    ['exactly 75 % after two customers', ['a', 'b', 'c'], [50, 25, 25], ['A', 'A', 'B']],
    ['input order does not matter', ['c', 'b', 'a'], [25, 25, 50], ['B', 'A', 'A']],
    // b and a tie at 25: a comes first by id, so a is A (50 % before it) and b is B (75 % before it).
    ['ties by id ascending', ['b', 'a', 'c'], [25, 25, 50], ['B', 'A', 'A']],
    ['ties by code-unit id order ("C10" before "C9")', ['C9', 'C10', 'C1'], [25, 25, 50], ['B', 'A', 'A']],
    ['one customer with revenue is A', ['a'], [1], ['A']],
    ['zero revenue is C', ['a', 'b'], [100, 0], ['A', 'C']],
    [
      'negative revenue (only returns) is C and does not count in the total',
      ['a', 'b', 'c'],
      [70, 30, -50],
      ['A', 'A', 'C'],
    ],
    ['nobody with revenue: all C', ['a', 'b'], [0, -1], ['C', 'C']],
    ['one big customer: the rest are B', ['a', 'b', 'c'], [900, 50, 50], ['A', 'B', 'B']],
    ['all equal: A until 75 % before', ['a', 'b', 'c', 'd'], [25, 25, 25, 25], ['A', 'A', 'A', 'B']],
    ['no customers', [], [], []],
  ])('%s', (_name, ids, revenue, expected) => {
    expect(assignAbc(ids, revenue)).toEqual(expected);
  });

  test.each<[number, AbcClass[]]>([
    [0.5, ['A', 'B', 'B']],
    [0.8, ['A', 'A', 'B']],
    [0.81, ['A', 'A', 'A']],
    [1, ['A', 'A', 'A']],
  ])('custom cut %d on 50/30/20', (cut, expected) => {
    expect(assignAbc(['a', 'b', 'c'], [50, 30, 20], cut)).toEqual(expected);
  });

  // Cent amounts whose true cumulative share is exactly 75 % before the third customer, but whose
  // floating-point sums land a hair below 0.75. "Below 75 %" is false for them: the third is B.
  test.each<[number[]]>([[[586.33, 464.75, 350.36]], [[237.01, 190.07, 142.36]], [[0.09, 0.06, 0.05]]])(
    'an exact 75 %% boundary in cents is not "below" it: %j',
    (revenue) => {
      expect(assignAbc(['a', 'b', 'c'], revenue)).toEqual(['A', 'A', 'B']);
    },
  );
});

describe('ABC through analyze', () => {
  const rows: RawCell[][] = [
    ['A', '2024-01-01', 600],
    ['B', '2024-01-02', 300],
    ['C', '2024-01-03', 100],
    ['R', '2024-01-04', -40],
    ['Z', '2024-01-05', 0],
  ];

  test('prospects in the customers table and customers with only returns or zero are C', () => {
    const result = analyzeScenario({
      sales: { headers: ['Customer ID', 'Date', 'Amount'], rows },
      customers: {
        headers: ['Customer ID', 'Customer Name'],
        rows: [
          ['P', 'Prospect Ltd'],
          ['A', 'Alpha'],
        ],
      },
    });
    // Revenue in the window 600 / 300 / 100: 60 % before B → A; 90 % before C → B.
    expect(fieldById(result, 'abc')).toEqual({ P: 'C', A: 'A', B: 'A', C: 'B', R: 'C', Z: 'C' });
  });

  test('the cut is a setting', () => {
    const result = analyzeScenario({
      sales: { headers: ['Customer ID', 'Date', 'Amount'], rows },
      settings: { abcCut: 0.5 },
    });
    expect(fieldById(result, 'abc')).toEqual({ A: 'A', B: 'B', C: 'B', R: 'C', Z: 'C' });
  });

  test('revenue after returns decides: a customer whose returns cancel its sales is C', () => {
    const result = analyzeScenario({
      sales: {
        headers: ['Customer ID', 'Date', 'Amount'],
        rows: [
          ['A', '2024-01-01', 100],
          ['X', '2024-01-01', 500],
          ['X', '2024-01-09', -500],
        ],
      },
    });
    expect(fieldById(result, 'abc')).toEqual({ A: 'A', X: 'C' });
  });

  test('cent revenues summing to exactly 75 % before a customer make it B', () => {
    const result = analyzeScenario({
      sales: {
        headers: ['Customer ID', 'Date', 'Amount'],
        rows: [
          ['a', '2024-01-01', 586.33],
          ['b', '2024-01-02', 464.75],
          ['c', '2024-01-03', 350.36],
        ],
      },
    });
    expect(fieldById(result, 'abc')).toEqual({ a: 'A', b: 'A', c: 'B' });
  });
});
