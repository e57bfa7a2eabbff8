import { assessChurn, type ChurnInput } from '../../src/engine/assessChurn';
import type { ChurnRisk, RawCell } from '../../src/engine/types';
import { analyzeScenario, analyzeSales, fieldById } from '../helpers/tables';

/** A repeat customer with purchase days spread evenly from day 0 to `last`. */
const repeat = (last: number, purchaseDays: number, recencyDays: number): ChurnInput => ({
  firstPurchase: 0,
  lastPurchase: last,
  purchaseDays,
  recencyDays,
});

describe('assessChurn: own mean gap = (last − first) / (purchase days − 1)', () => {
  test.each<[string, ChurnInput, ChurnRisk]>([
    // gap 10: Active ≤ 15, At risk ≤ 30, else Lapsed (both boundaries inclusive).
    ['recency 0', repeat(20, 3, 0), 'Active'],
    ['recency = 1.5 × gap', repeat(20, 3, 15), 'Active'],
    ['recency just above 1.5 × gap', repeat(20, 3, 16), 'At risk'],
    ['recency = 3 × gap', repeat(20, 3, 30), 'At risk'],
    ['recency just above 3 × gap', repeat(20, 3, 31), 'Lapsed'],
    // gap 10 / (3 − 1) = 5: Active ≤ 7.5, At risk ≤ 15.
    ['fractional boundary below', repeat(10, 3, 7), 'Active'],
    ['fractional boundary above', repeat(10, 3, 8), 'At risk'],
    ['gap 10/3: 1.5 × gap = 5 exactly', repeat(10, 4, 5), 'Active'],
    ['gap 10/3: 3 × gap = 10 exactly', repeat(10, 4, 10), 'At risk'],
    ['gap 10/3: just over 3 ×', repeat(10, 4, 11), 'Lapsed'],
    ['two purchase days', repeat(30, 2, 45), 'Active'],
    ['two purchase days, lapsed', repeat(30, 2, 91), 'Lapsed'],
  ])('%s', (_name, input, expected) => {
    expect(assessChurn([input], 365).risks).toEqual([expected]);
  });
});

describe('assessChurn: one-time customers use the median gap of repeat customers', () => {
  const repeaters: ChurnInput[] = [repeat(10, 2, 0), repeat(40, 3, 0), repeat(120, 4, 0)];
  // Gaps 10, 20, 40 → median 20: Active ≤ 30, At risk ≤ 60.
  test.each<[number, ChurnRisk]>([
    [0, 'Active'],
    [30, 'Active'],
    [31, 'At risk'],
    [60, 'At risk'],
    [61, 'Lapsed'],
  ])('once-buyer with recency %i → %s', (recency, expected) => {
    const once: ChurnInput = { firstPurchase: 100, lastPurchase: 100, purchaseDays: 1, recencyDays: recency };
    const { risks, medianGap, fallbackGap } = assessChurn([...repeaters, once], 365);
    expect(medianGap).toBe(20);
    expect(fallbackGap).toBe(20);
    expect(risks[3]).toBe(expected);
  });

  test('an even number of repeat customers uses the mean of the two middle gaps', () => {
    const once: ChurnInput = { firstPurchase: 5, lastPurchase: 5, purchaseDays: 1, recencyDays: 22 };
    // Gaps 10 and 20 → median 15: Active ≤ 22.5.
    const { risks, medianGap } = assessChurn([repeat(10, 2, 0), repeat(20, 2, 0), once], 365);
    expect(medianGap).toBe(15);
    expect(risks[2]).toBe('Active');
  });

  test('nobody bought twice: the window length is the gap (documented choice)', () => {
    const { risks, medianGap, fallbackGap } = assessChurn(
      [
        { firstPurchase: 1, lastPurchase: 1, purchaseDays: 1, recencyDays: 90 },
        { firstPurchase: 5, lastPurchase: 5, purchaseDays: 1, recencyDays: 151 },
      ],
      100,
    );
    expect(medianGap).toBeNull();
    expect(fallbackGap).toBe(100);
    expect(risks).toEqual(['Active', 'At risk']);
  });

  test('purchase days without an order (blank order ids) give no risk and no gap to the median', () => {
    const noOrder: ChurnInput = {
      orders: 0,
      firstPurchase: 0,
      lastPurchase: 2,
      purchaseDays: 2,
      recencyDays: 1,
    };
    const once: ChurnInput = {
      orders: 1,
      firstPurchase: 50,
      lastPurchase: 50,
      purchaseDays: 1,
      recencyDays: 40,
    };
    // Gaps: 40 from the repeat customer; counting the no-order customer's gap 2 would make the median 21 and
    // the once-buyer (recency 40 > 1.5 × 21) At risk.
    const { risks, medianGap } = assessChurn([noOrder, repeat(40, 2, 0), once], 30);
    expect(risks[0]).toBeNull();
    expect(medianGap).toBe(40);
    expect(risks[2]).toBe('Active');
  });

  test('customers with no order get null', () => {
    const none: ChurnInput = { firstPurchase: null, lastPurchase: null, purchaseDays: 0, recencyDays: null };
    expect(assessChurn([none, repeat(10, 2, 0)], 30).risks).toEqual([null, 'Active']);
  });
});

describe('churn through analyze', () => {
  // As-of 2024-03-31.
  const rows: RawCell[][] = [
    // A: 2024-01-01, 01-11, 01-21 → gap 10, recency 70 → Lapsed.
    ['A', '2024-01-01', 10],
    ['A', '2024-01-11', 10],
    ['A', '2024-01-21', 10],
    // B: 03-01, 03-21 → gap 20, recency 10 → Active.
    ['B', '2024-03-01', 10],
    ['B', '2024-03-21', 10],
    // C: once on 02-15, recency 45; median gap of A and B = 15 → 45 ≤ 45 → At risk.
    ['C', '2024-02-15', 10],
    // D: once on 03-31, recency 0 → Active.
    ['D', '2024-03-31', 10],
    // R: only a return → null.
    ['R', '2024-02-01', -5],
  ];

  test('risks and the median gap', () => {
    const result = analyzeSales(rows);
    expect(result.churn.medianGap).toBe(15);
    expect(fieldById(result, 'churnRisk')).toEqual({
      A: 'Lapsed',
      B: 'Active',
      C: 'At risk',
      D: 'Active',
      R: null,
    });
  });

  test('the gap counts purchase days, not rows: two sales on one day are one purchase day', () => {
    const result = analyzeSales([
      ['A', '2024-01-01', 10],
      ['A', '2024-01-01', 10],
      ['A', '2024-01-11', 10],
      ['B', '2024-01-27', 10],
    ]);
    // A: gap 10, recency 16 (as-of 01-27) → At risk. Counting rows would give gap 5 → Lapsed.
    expect(fieldById(result, 'churnRisk')).toMatchObject({ A: 'At risk' });
  });

  test('nobody bought twice: everyone is compared with the whole window and a note says so', () => {
    const result = analyzeSales([
      ['A', '2024-01-01', 10],
      ['B', '2024-01-31', 10],
    ]);
    expect(result.churn).toEqual({ medianGap: null, fallbackGap: 31 });
    expect(fieldById(result, 'churnRisk')).toEqual({ A: 'Active', B: 'Active' });
    expect(result.notes.some((n) => n.message.includes('churn risk uses the whole window'))).toBe(true);
  });

  test('a customer whose lines all lack an order id has no order, so no churn risk and no RFM', () => {
    const result = analyzeScenario({
      sales: {
        headers: ['Order ID', 'Customer ID', 'Date', 'Amount'],
        rows: [
          ['O1', 'A', '2024-01-01', 10],
          ['O2', 'A', '2024-01-11', 10],
          [null, 'N', '2024-01-05', 10],
        ],
      },
    });
    expect(fieldById(result, 'orders')).toEqual({ A: 2, N: 0 });
    expect(fieldById(result, 'rfm').N).toBeNull();
    expect(fieldById(result, 'svcd').N).toBeNull();
    expect(fieldById(result, 'churnRisk').N).toBeNull();
  });
});
