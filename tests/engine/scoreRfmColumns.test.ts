/**
 * scoreRfmColumns against the definition written out: a scored customer's score on a metric is
 * 1 + floor(5 × w / n), w = how many scored customers are strictly worse, found here by comparing with every
 * other one. Whole-number recency and orders are counted rather than sorted; fractional or widely spread
 * values take the sort, and both must agree with the definition.
 */
import { scoreRfmColumns } from '../../src/engine/scoreRfm';
import { mulberry32 } from '../../src/sample/mulberry32';

/** The scores of one metric by the definition (0 for a customer not scored). */
function referenceScores(values: ArrayLike<number>, scored: boolean[], largerIsBetter: boolean): number[] {
  const n = scored.filter(Boolean).length;
  return Array.from({ length: values.length }, (_, i) => {
    if (!scored[i]) return 0;
    let worse = 0;
    for (let j = 0; j < values.length; j++) {
      if (scored[j] && (largerIsBetter ? values[j]! < values[i]! : values[j]! > values[i]!)) worse++;
    }
    return 1 + Math.floor((5 * worse) / n);
  });
}

function expectDefinition(recency: Float64Array, orders: Int32Array, revenue: Float64Array): void {
  const scored = Array.from(recency, (days, i) => !Number.isNaN(days) && orders[i]! > 0);
  const { r, f, m } = scoreRfmColumns(recency, orders, revenue);
  expect(Array.from(r)).toEqual(referenceScores(recency, scored, false));
  expect(Array.from(f)).toEqual(referenceScores(orders, scored, true));
  expect(Array.from(m)).toEqual(referenceScores(revenue, scored, true));
}

describe('scoreRfmColumns against the definition', () => {
  const count = 600;

  it.each([
    ['whole days and orders (counted)', 0, 0],
    ['fractional days (sorted)', 0.5, 0],
    ['days spread far wider than the customers (sorted)', 0, 1e7],
    ['negative days (an as-of date before a purchase)', 0, -400],
  ])('%s', (_name, fraction, spread) => {
    const next = mulberry32(23);
    const recency = Float64Array.from({ length: count }, () => {
      if (next() < 0.1) return Number.NaN;
      const days = Math.floor(next() * 90) + (next() < 0.3 ? fraction : 0);
      return next() < 0.05 ? days + spread : days;
    });
    const orders = Int32Array.from({ length: count }, () => (next() < 0.1 ? 0 : Math.floor(next() * 12)));
    const revenue = Float64Array.from({ length: count }, () => Math.round((next() - 0.1) * 5000) / 100);
    expectDefinition(recency, orders, revenue);
  });

  it('scores nobody when no customer has an order', () => {
    const { r, f, m } = scoreRfmColumns(new Float64Array([1, 2]), new Int32Array(2), new Float64Array(2));
    expect([...r, ...f, ...m]).toEqual([0, 0, 0, 0, 0, 0]);
  });
});
