import { resolveSettings } from '../../src/engine/defaultSettings';
import {
  defaultRfmRules,
  rfmSegmentFor,
  uncoveredRfmCodes,
  validateRfmRules,
} from '../../src/engine/rfmRules';
import { scoreRfm, type RfmInput } from '../../src/engine/scoreRfm';
import type { RawCell, RfmRule, RfmSegment } from '../../src/engine/types';
import { analyzeSales, customerOf, expectAnalysisError } from '../helpers/tables';

/** 1 + floor(5w/n), written out for the tables below. */
const score = (w: number, n: number): number => 1 + Math.floor((5 * w) / n);

describe('scoreRfm: 1 + floor(5 × w / n), w = how many are strictly worse', () => {
  test.each<[string, number[], number[]]>([
    ['five distinct values', [10, 20, 30, 40, 50], [1, 2, 3, 4, 5]],
    ['three distinct values', [10, 20, 30], [score(0, 3), score(1, 3), score(2, 3)]],
    ['ties share a score', [10, 10, 20], [1, 1, score(2, 3)]],
    ['all equal', [7, 7, 7, 7], [1, 1, 1, 1]],
    ['one customer', [99], [1]],
    ['ten values: two per score', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]],
    ['negative revenue is worst', [-5, 0.5, 3], [score(0, 3), score(1, 3), score(2, 3)]],
  ])('monetary: %s', (_name, revenue, expected) => {
    const scores = scoreRfm(revenue.map((r): RfmInput => ({ recencyDays: 0, orders: 1, revenue: r })));
    expect(scores.map((s) => s?.m)).toEqual(expected);
  });

  test.each<[string, number[], number[]]>([
    ['fewer days is better', [1, 5, 9], [score(2, 3), score(1, 3), score(0, 3)]],
    ['ties share a score', [3, 3, 10, 0], [score(1, 4), score(1, 4), score(0, 4), score(3, 4)]],
  ])('recency (larger is worse): %s', (_name, recency, expected) => {
    const scores = scoreRfm(recency.map((r): RfmInput => ({ recencyDays: r, orders: 1, revenue: 1 })));
    expect(scores.map((s) => s?.r)).toEqual(expected);
  });

  test('frequency counts orders, more is better', () => {
    const scores = scoreRfm(
      [1, 4, 2, 2, 8].map((orders): RfmInput => ({ recencyDays: 0, orders, revenue: 1 })),
    );
    expect(scores.map((s) => s?.f)).toEqual([
      score(0, 5),
      score(3, 5),
      score(1, 5),
      score(1, 5),
      score(4, 5),
    ]);
  });

  test('n counts only customers with an order; the others get no score', () => {
    const scores = scoreRfm([
      { recencyDays: 1, orders: 1, revenue: 10 },
      { recencyDays: 2, orders: 1, revenue: 20 },
      { recencyDays: null, orders: 0, revenue: 0 },
      { recencyDays: null, orders: 0, revenue: -30 },
    ]);
    // n = 2: one customer strictly worse gives 1 + floor(5 × 1 / 2) = 3; counting the prospects (n = 4) would not.
    expect(scores).toEqual([{ r: 3, f: 1, m: 1 }, { r: 1, f: 1, m: 3 }, null, null]);
  });
});

describe('RFM segment rules', () => {
  test('every one of the 125 combinations lands in a segment with the default rules', () => {
    expect(uncoveredRfmCodes(defaultRfmRules)).toEqual([]);
    for (let r = 1; r <= 5; r++)
      for (let f = 1; f <= 5; f++)
        for (let m = 1; m <= 5; m++) expect(rfmSegmentFor(defaultRfmRules, r, f, m)).not.toBeNull();
  });

  test.each<[string, RfmSegment]>([
    ['555', 'Champions'],
    ['541', 'Champions'],
    ['455', 'Loyal'],
    ['341', 'Loyal'],
    ['535', 'Potential loyalist'],
    ['421', 'Potential loyalist'],
    ['515', 'New'],
    ['411', 'Promising'],
    ['335', 'Need attention'],
    ['325', 'About to sleep'],
    ['311', 'About to sleep'],
    ['155', "Can't lose them"],
    ['251', "Can't lose them"],
    ['145', 'At risk'],
    ['231', 'At risk'],
    ['111', 'Lost'],
    ['112', 'Lost'],
    ['113', 'Hibernating'],
    ['121', 'Hibernating'],
    ['225', 'Hibernating'],
  ])('default rules: %s → %s', (code, segment) => {
    const [r, f, m] = [0, 1, 2].map((i) => Number(code.charAt(i))) as [number, number, number];
    expect(rfmSegmentFor(defaultRfmRules, r, f, m)).toBe(segment);
  });

  test('first match wins', () => {
    const override: RfmRule = { segment: 'Lost', r: [5, 5], f: [5, 5], m: [5, 5] };
    const rules = [override, ...defaultRfmRules];
    expect(rfmSegmentFor(rules, 5, 5, 5)).toBe('Lost');
    expect(rfmSegmentFor(rules, 5, 5, 4)).toBe('Champions');
    const everything: RfmRule[] = [
      { segment: 'Champions', r: [1, 5], f: [1, 5], m: [1, 5] },
      { segment: 'Lost', r: [1, 5], f: [1, 5], m: [1, 5] },
    ];
    expect(uncoveredRfmCodes(everything)).toEqual([]);
    expect(rfmSegmentFor(everything, 1, 1, 1)).toBe('Champions');
  });

  // Without "Hibernating", R 1–2 × F 1–2 is left uncovered except 111 and 112 (Lost).
  const gap = defaultRfmRules.filter((rule) => rule.segment !== 'Hibernating');
  const expectedGap = [
    '113',
    '114',
    '115',
    '121',
    '122',
    '123',
    '124',
    '125',
    '211',
    '212',
    '213',
    '214',
    '215',
    '221',
    '222',
    '223',
    '224',
    '225',
  ];

  test('an edited rule table with a gap lists the uncovered codes', () => {
    expect(uncoveredRfmCodes(gap)).toEqual(expectedGap);
  });

  test('an edited rule table with a gap is refused (RFM_RULES_INCOMPLETE), naming the codes', () => {
    const message = expectAnalysisError(() => {
      validateRfmRules(gap);
    }, 'RFM_RULES_INCOMPLETE');
    expect(message).toContain('18');
    for (const code of expectedGap.slice(0, 10)) expect(message).toContain(code);
    expectAnalysisError(() => resolveSettings({ rfmRules: gap }), 'RFM_RULES_INCOMPLETE');
  });

  test('a single missing code is named', () => {
    const rules: RfmRule[] = [
      { segment: 'Champions', r: [1, 5], f: [1, 5], m: [2, 5] },
      { segment: 'Lost', r: [1, 4], f: [1, 5], m: [1, 1] },
      { segment: 'New', r: [5, 5], f: [1, 4], m: [1, 1] },
    ];
    expect(uncoveredRfmCodes(rules)).toEqual(['551']);
    expect(
      expectAnalysisError(() => {
        validateRfmRules(rules);
      }, 'RFM_RULES_INCOMPLETE'),
    ).toContain('551');
  });
});

describe('RFM through analyze', () => {
  // As-of 2024-01-31. Five customers with distinct recency, orders and revenue.
  const rows: RawCell[][] = [
    ['A', '2024-01-31', 500],
    ['A', '2024-01-30', 500],
    ['A', '2024-01-29', 500],
    ['A', '2024-01-28', 500],
    ['A', '2024-01-27', 500],
    ['B', '2024-01-25', 100],
    ['B', '2024-01-24', 100],
    ['B', '2024-01-23', 100],
    ['B', '2024-01-22', 100],
    ['C', '2024-01-20', 100],
    ['C', '2024-01-19', 100],
    ['C', '2024-01-18', 100],
    ['D', '2024-01-10', 100],
    ['D', '2024-01-09', 100],
    ['E', '2024-01-01', 50],
    ['P', '2024-01-15', -20],
  ];
  const result = analyzeSales(rows);

  test.each<[string, { r: number; f: number; m: number; segment: RfmSegment } | null]>([
    ['A', { r: 5, f: 5, m: 5, segment: 'Champions' }],
    ['B', { r: 4, f: 4, m: 4, segment: 'Loyal' }],
    ['C', { r: 3, f: 3, m: 3, segment: 'Need attention' }],
    ['D', { r: 2, f: 2, m: 2, segment: 'Hibernating' }],
    ['E', { r: 1, f: 1, m: 1, segment: 'Lost' }],
    // P has only a return: no order, no score, and it does not count in n.
    ['P', null],
  ])('%s → %j', (id, expected) => {
    expect(customerOf(result, id).rfm).toEqual(expected);
  });

  test('the rules in the settings decide the segment', () => {
    const rules: RfmRule[] = [
      { segment: 'At risk', r: [5, 5], f: [1, 5], m: [1, 5] },
      { segment: 'New', r: [1, 4], f: [1, 5], m: [1, 5] },
    ];
    const custom = analyzeSales(rows, { rfmRules: rules });
    expect(customerOf(custom, 'A').rfm?.segment).toBe('At risk');
    expect(customerOf(custom, 'B').rfm?.segment).toBe('New');
  });
});
