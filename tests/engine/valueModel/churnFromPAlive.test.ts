import { churnFromPAlive, pAliveBands } from '../../../src/engine/valueModel/churnFromPAlive';

describe('churn risk from P(alive) bands', () => {
  test('Active from 70 %, At risk from 30 % to under 70 %, Lapsed under 30 % (repeat buyers)', () => {
    const p = [0.95, 0.7, 0.6999, 0.3, 0.2999, 0.01];
    const codes = churnFromPAlive(new Uint8Array(6).fill(1), p, [3, 3, 3, 3, 3, 3]);
    expect(Array.from(codes)).toEqual([1, 1, 2, 2, 3, 3]);
    expect(pAliveBands).toEqual({ active: 0.7, lapsed: 0.3 });
  });

  test('one purchase day (P(alive) is always 1 there), no prediction or no order: the gap rule stands', () => {
    const gap = Uint8Array.of(3, 2, 0, 3);
    const codes = churnFromPAlive(gap, [1, Number.NaN, 0.1, 0.9], [0, 4, 2, 1]);
    expect(Array.from(codes)).toEqual([3, 2, 0, 1]);
  });
});
