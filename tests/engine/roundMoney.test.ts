import { assignAbc } from '../../src/engine/assignAbc';
import { roundMoney } from '../../src/engine/roundMoney';

describe('roundMoney: money totals to 6 decimals, so equal totals compare equal', () => {
  test.each<[number, number]>([
    [0.1 + 0.2, 0.3],
    [0.01 + 3.13 + 12.35, 15.49],
    [-(0.1 + 0.2), -0.3],
    [1234.5678914, 1234.567891],
    [1234.5678915, 1234.567892],
    [42, 42],
    [1e9 + 0.1234567, 1e9 + 0.1234567],
  ])('roundMoney(%d) = %d', (value, expected) => {
    expect(roundMoney(value)).toBe(expected);
  });

  test('row order no longer changes a sum', () => {
    const forward = roundMoney(0.01 + 3.13 + 12.35);
    const backward = roundMoney(12.35 + 3.13 + 0.01);
    expect(forward).toBe(backward);
  });
});

describe('ABC boundary in cents with a custom cut', () => {
  // 80 % exactly before the third customer, though the floating-point share is a hair below 0.8.
  test.each<[number[]]>([[[2.85, 1.07, 0.98]], [[4.7, 2.66, 1.84]], [[6.18, 2.66, 2.21]]])(
    'cut 0.8 on %j: the third is B',
    (revenue) => {
      expect(assignAbc(['a', 'b', 'c'], revenue, 0.8)).toEqual(['A', 'A', 'B']);
    },
  );
});
