import { assignPyramidTiers, defaultPyramidCuts } from '../../src/engine/assignPyramidTiers';
import type { PyramidTier, RawCell } from '../../src/engine/types';
import { analyzeScenario, countBy, fieldById } from '../helpers/tables';

const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `C${String(i).padStart(4, '0')}`);
/** n distinct values, best first. */
const distinct = (n: number): number[] => Array.from({ length: n }, (_, i) => 1000 - i);

/** Tier sizes from the rule with exact integer arithmetic: limit_k = ceil(n × percent_k / 100). */
function expectedSizes(n: number, percents: readonly number[] = [5, 15, 35, 60, 100]): number[] {
  const limits = percents.map((p) => Math.floor((n * p + 99) / 100));
  return limits.map((limit, k) => limit - (k === 0 ? 0 : limits[k - 1]!));
}

function sizes(tiers: readonly (PyramidTier | null)[]): number[] {
  const counts = countBy(tiers);
  return ([1, 2, 3, 4, 5] as const).map((tier) => counts.get(tier) ?? 0);
}

describe('assignPyramidTiers: position p of n gets the first tier with p ≤ ceil(n × c)', () => {
  test.each<[number, number[]]>([
    [300, [15, 30, 60, 75, 120]],
    // ceil(20 × 0.35) must be 7 although 20 * 0.35 === 7.000000000000001 in floating point.
    [20, [1, 2, 4, 5, 8]],
    [1, [1, 0, 0, 0, 0]],
    // n = 2: limits 1, 1, 1, 2, 2 → the second customer is tier 4.
    [2, [1, 0, 0, 1, 0]],
    // n = 3: limits 1, 1, 2, 2, 3.
    [3, [1, 0, 1, 0, 1]],
    [10, [1, 1, 2, 2, 4]],
    [100, [5, 10, 20, 25, 40]],
    [0, [0, 0, 0, 0, 0]],
  ])('n = %i gives %j', (n, expected) => {
    expect(sizes(assignPyramidTiers(ids(n), distinct(n)))).toEqual(expected);
  });

  test.each(
    Array.from({ length: 60 }, (_, i) => i + 1).concat([
      120, 140, 180, 220, 260, 340, 380, 420, 460, 500, 999, 1000, 1001, 5000,
    ]),
  )('n = %i matches exact integer ceilings', (n) => {
    expect(sizes(assignPyramidTiers(ids(n), distinct(n)))).toEqual(expectedSizes(n));
  });

  test('tiers follow rank, not input order', () => {
    const values = [10, 50, 40, 30, 20];
    // n = 5: limits 1, 1, 2, 3, 5 → ranks 1..5 get tiers 1, 3, 4, 5, 5.
    expect(assignPyramidTiers(['e', 'a', 'b', 'c', 'd'], values)).toEqual([5, 1, 3, 4, 5]);
  });

  // n = 20: limits 1, 3, 7, 12, 20. Two customers tie across each boundary.
  test.each<[string, number, PyramidTier]>([
    ['tier 1 / 2', 1, 1],
    ['tier 2 / 3', 3, 2],
    ['tier 3 / 4', 7, 3],
    ['tier 4 / 5', 12, 4],
  ])('ties are never split at the %s boundary', (_name, lastOfTier, tier) => {
    const values = distinct(20);
    values[lastOfTier] = values[lastOfTier - 1]!;
    const tiers = assignPyramidTiers(ids(20), values);
    expect(tiers[lastOfTier - 1]).toBe(tier);
    expect(tiers[lastOfTier]).toBe(tier);
    // The next customer keeps its own position's tier.
    if (lastOfTier + 1 < 20) expect(tiers[lastOfTier + 1]).toBe(tier + 1);
  });

  test('a tie spanning several boundaries takes the best-placed tier', () => {
    const values = distinct(20).map((v, i) => (i < 2 ? v : i <= 13 ? 500 : 100 - i));
    const tiers = assignPyramidTiers(ids(20), values);
    expect(tiers.slice(0, 2)).toEqual([1, 2]);
    expect(new Set(tiers.slice(2, 14))).toEqual(new Set([2]));
    expect(tiers.slice(14)).toEqual([5, 5, 5, 5, 5, 5]);
  });

  test('all equal values: everyone is tier 1', () => {
    expect(assignPyramidTiers(ids(7), Array<number>(7).fill(3))).toEqual(Array<number>(7).fill(1));
  });

  test('ties sit together whatever the ids: the tier does not depend on id order', () => {
    const tiers = assignPyramidTiers(['z', 'a', 'm', 'b'], [10, 10, 20, 5]);
    // n = 4: limits 1, 1, 2, 3, 4 → m rank 1 (tier 1); a and z rank 2–3 (tier 3, shared); b rank 4 (tier 5).
    expect(tiers).toEqual([3, 3, 1, 5]);
  });

  test('null is off the pyramid and does not count in n', () => {
    const tiers = assignPyramidTiers(['a', 'b', 'c'], [null, 5, null]);
    expect(tiers).toEqual([null, 1, null]);
  });

  test('negative values are ranked last', () => {
    // n = 3: limits 1, 1, 2, 2, 3.
    expect(assignPyramidTiers(['a', 'b', 'c'], [-50, 10, 0])).toEqual([5, 1, 3]);
  });

  test('custom cuts', () => {
    expect(sizes(assignPyramidTiers(ids(10), distinct(10), [0.1, 0.2, 0.5, 0.8, 1]))).toEqual([
      1, 1, 3, 3, 2,
    ]);
    expect(defaultPyramidCuts).toEqual([0.05, 0.15, 0.35, 0.6, 1]);
  });
});

describe('pyramid through analyze', () => {
  const headers = ['Customer ID', 'Date', 'Amount', 'Profit'];
  // Revenue order: A > B > C > D, profit order: D > C > B > A.
  const rows: RawCell[][] = [
    ['A', '2024-01-01', 1000, -50],
    ['B', '2024-01-02', 800, 10],
    ['C', '2024-01-03', 600, 100],
    ['D', '2024-01-04', 400, 300],
    ['R', '2024-01-05', -100, -20],
    ['Z', '2024-01-06', 0, 0],
  ];

  test('ranks by profit when there is a profit column', () => {
    const result = analyzeScenario({ sales: { headers, rows } });
    expect(result.valueBasis).toBe('profit');
    // n = 6: limits 1, 1, 3, 4, 6 → D 1; C 3; B 3; Z (0) 4; R (−20) 5; A (−50) 5.
    expect(fieldById(result, 'pyramidTier')).toEqual({ D: 1, C: 3, B: 3, Z: 4, R: 5, A: 5 });
    expect(fieldById(result, 'pyramidValue')).toEqual({ A: -50, B: 10, C: 100, D: 300, R: -20, Z: 0 });
    expect(result.notes.some((n) => n.message.includes('ranks customers by revenue'))).toBe(false);
  });

  test('ranks by amount − cost when there is a cost column', () => {
    const result = analyzeScenario({
      sales: {
        headers: ['Customer ID', 'Date', 'Amount', 'Cost'],
        rows: rows.map((row): RawCell[] => [row[0]!, row[1]!, row[2]!, Number(row[2]) - Number(row[3])]),
      },
    });
    expect(result.valueBasis).toBe('profit');
    expect(fieldById(result, 'pyramidTier')).toEqual({ D: 1, C: 3, B: 3, Z: 4, R: 5, A: 5 });
  });

  test('ranks by revenue without profit or cost, and says so', () => {
    const result = analyzeScenario({
      sales: { headers: headers.slice(0, 3), rows: rows.map((r) => r.slice(0, 3)) },
    });
    expect(result.valueBasis).toBe('revenue');
    // A 1000 tier 1; B 800 tier 3; C 600 tier 3; D 400 tier 4; Z 0 tier 5; R −100 tier 5.
    expect(fieldById(result, 'pyramidTier')).toEqual({ A: 1, B: 3, C: 3, D: 4, Z: 5, R: 5 });
    expect(result.notes.some((n) => n.message.includes('neither a profit nor a cost column'))).toBe(true);
  });

  test('customers with only returns are ranked; prospects with no sales row are off the pyramid', () => {
    const result = analyzeScenario({
      sales: { headers, rows },
      customers: { headers: ['Customer ID'], rows: [['P1'], ['R'], ['P2']] },
    });
    const tiers = fieldById(result, 'pyramidTier');
    expect(tiers.P1).toBeNull();
    expect(tiers.P2).toBeNull();
    expect(tiers.R).toBe(5);
    expect(result.customers.filter((c) => c.pyramidTier !== null)).toHaveLength(6);
  });
});
