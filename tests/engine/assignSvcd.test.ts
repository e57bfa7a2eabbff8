import { assignSvcd, type SvcdInput } from '../../src/engine/assignSvcd';
import { median, thresholdAboveMedian } from '../../src/engine/medianThreshold';
import type { RawCell, SvcdSegment } from '../../src/engine/types';
import { analyzeSales, analyzeScenario, fieldById } from '../helpers/tables';

describe('median and the default threshold: the smallest value strictly above the standard median', () => {
  test.each<[number[], number | null]>([
    [[3, 1, 2], 2],
    [[1, 2, 3, 10], 2.5],
    [[1, 1, 2, 2], 1.5],
    [[7], 7],
    [[], null],
  ])('median(%j) = %p', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  test.each<[string, number[], number | null]>([
    ['most bought once: once is low', [1, 1, 1, 2, 5], 2],
    ['even count uses the mean of the two middle values', [1, 2, 3, 4], 3],
    ['even count between equal halves', [1, 1, 2, 2], 2],
    ['a value equal to the median is not above it', [10, 20, 30], 30],
    ['two values', [1, 3], 3],
    ['unsorted input', [30, 10, 20, 40], 30],
    ['nobody above the median', [5, 5, 5], null],
    ['the median is the largest value', [1, 2, 2, 2], null],
    ['one value', [3], null],
    ['no values', [], null],
    ['fractions', [0.5, 0.25, 0.75, 1], 0.75],
  ])('%s: %j → %p', (_name, values, expected) => {
    expect(thresholdAboveMedian(values)).toBe(expected);
  });
});

describe('assignSvcd', () => {
  test.each<[string, SvcdInput, SvcdSegment | null]>([
    ['both at the thresholds: high counts (Star)', { amountPerOrder: 300, frequencyPerMonth: 1 }, 'Star'],
    ['above both', { amountPerOrder: 5000, frequencyPerMonth: 4 }, 'Star'],
    ['low amount, high frequency', { amountPerOrder: 299.99, frequencyPerMonth: 1 }, 'Cow'],
    ['high amount, low frequency', { amountPerOrder: 300, frequencyPerMonth: 0.99 }, 'Volcano'],
    ['low, low', { amountPerOrder: 10, frequencyPerMonth: 0.5 }, 'Dog'],
    ['negative amount per order is low', { amountPerOrder: -20, frequencyPerMonth: 2 }, 'Cow'],
    ['no order: no segment', { amountPerOrder: null, frequencyPerMonth: 0 }, null],
  ])('fixed thresholds 300 per order, 1 a month: %s', (_name, input, expected) => {
    const { segments, thresholds } = assignSvcd([input], { amount: 300, frequency: 1 });
    expect(segments).toEqual([expected]);
    expect(thresholds).toEqual({
      amount: 300,
      frequency: 1,
      amountSource: 'fixed',
      frequencySource: 'fixed',
    });
  });

  test('median thresholds on each axis', () => {
    const customers: SvcdInput[] = [
      { amountPerOrder: 100, frequencyPerMonth: 1 },
      { amountPerOrder: 200, frequencyPerMonth: 1 },
      { amountPerOrder: 300, frequencyPerMonth: 1 },
      { amountPerOrder: 400, frequencyPerMonth: 2 },
    ];
    const { segments, thresholds } = assignSvcd(customers, { amount: null, frequency: null });
    // Amount median 250 → threshold 300; frequency median 1 → threshold 2.
    expect(thresholds).toEqual({
      amount: 300,
      frequency: 2,
      amountSource: 'median',
      frequencySource: 'median',
    });
    expect(segments).toEqual(['Dog', 'Dog', 'Volcano', 'Star']);
  });

  test('customers without an order do not move the median', () => {
    const customers: SvcdInput[] = [
      { amountPerOrder: 100, frequencyPerMonth: 1 },
      { amountPerOrder: 200, frequencyPerMonth: 2 },
      { amountPerOrder: null, frequencyPerMonth: 0 },
      { amountPerOrder: null, frequencyPerMonth: 0 },
      { amountPerOrder: null, frequencyPerMonth: 0 },
    ];
    const { segments, thresholds } = assignSvcd(customers, { amount: null, frequency: null });
    // Over the two with orders: frequency median 1.5 → 2, amount median 150 → 200.
    expect(thresholds.frequency).toBe(2);
    expect(thresholds.amount).toBe(200);
    expect(segments).toEqual(['Dog', 'Star', null, null, null]);
  });

  test('one axis fixed, the other from the median', () => {
    const customers: SvcdInput[] = [
      { amountPerOrder: 50, frequencyPerMonth: 3 },
      { amountPerOrder: 500, frequencyPerMonth: 1 },
      { amountPerOrder: 250, frequencyPerMonth: 2 },
    ];
    const { segments, thresholds } = assignSvcd(customers, { amount: 300, frequency: null });
    expect(thresholds).toEqual({
      amount: 300,
      frequency: 3,
      amountSource: 'fixed',
      frequencySource: 'median',
    });
    expect(segments).toEqual(['Cow', 'Volcano', 'Dog']);
  });

  test('nobody is high on an axis when no value is above its median', () => {
    const customers: SvcdInput[] = [
      { amountPerOrder: 80, frequencyPerMonth: 1 },
      { amountPerOrder: 80, frequencyPerMonth: 2 },
      { amountPerOrder: 80, frequencyPerMonth: 3 },
    ];
    const { segments, thresholds } = assignSvcd(customers, { amount: null, frequency: null });
    expect(thresholds.amount).toBeNull();
    expect(segments).toEqual(['Dog', 'Dog', 'Cow']);
  });
});

describe('SVCD through analyze', () => {
  // One month of data: window 2024-01-01 … 2024-01-31.
  const rows: RawCell[][] = [
    ['A', '2024-01-01', 100],
    ['A', '2024-01-10', 100],
    ['A', '2024-01-20', 100],
    ['B', '2024-01-02', 400],
    ['B', '2024-01-12', 400],
    ['C', '2024-01-03', 900],
    ['D', '2024-01-04', 50],
    ['E', '2024-01-05', 60],
    ['F', '2024-01-31', 0],
  ];

  test('most customers bought once: once is low', () => {
    const result = analyzeSales(rows);
    // Orders 3, 2, 1, 1, 1 → median 1 → threshold 2 orders (per window month).
    // Amounts per order 100, 400, 900, 50, 60 → median 100 → threshold 400.
    expect(result.svcdThresholds.frequency).toBe(2 / result.window.months);
    expect(result.svcdThresholds.amount).toBe(400);
    expect(fieldById(result, 'svcd')).toEqual({
      A: 'Cow',
      B: 'Star',
      C: 'Volcano',
      D: 'Dog',
      E: 'Dog',
      F: null,
    });
  });

  test('the course example: fixed 300 per order and 1 order a month', () => {
    const result = analyzeSales(rows, { svcdAmountThreshold: 300, svcdFrequencyThreshold: 1 });
    // Window months = 31 / 30.4375 ≈ 1.018: 2 orders ≈ 1.96 a month is high, 1 order ≈ 0.98 is low.
    expect(fieldById(result, 'svcd')).toEqual({
      A: 'Cow',
      B: 'Star',
      C: 'Volcano',
      D: 'Dog',
      E: 'Dog',
      F: null,
    });
  });

  test('everyone alike: nobody is high, everyone is Dog', () => {
    const result = analyzeSales([
      ['A', '2024-01-01', 10],
      ['B', '2024-01-01', 10],
      ['C', '2024-01-01', 10],
    ]);
    expect(result.svcdThresholds).toMatchObject({ amount: null, frequency: null });
    expect(fieldById(result, 'svcd')).toEqual({ A: 'Dog', B: 'Dog', C: 'Dog' });
  });

  test('a customer with only returns has no order and no segment', () => {
    const result = analyzeScenario({
      sales: {
        headers: ['Customer ID', 'Date', 'Amount'],
        rows: [
          ['A', '2024-01-01', 10],
          ['R', '2024-01-02', -10],
        ],
      },
    });
    expect(fieldById(result, 'svcd')).toEqual({ A: 'Dog', R: null });
  });
});
