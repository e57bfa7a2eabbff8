import { orderByNumber } from './orderByNumber';
import { orderByText } from './orderByText';
import { roundMoney } from './roundMoney';
import type { AbcClass } from './types';

/**
 * Assigns ABC classes. Customers with positive revenue are sorted by revenue (descending, ties by id
 * ascending); a customer is A while the cumulative revenue share *before* it is below `cut` (so the one
 * that crosses the cut is still A), the rest with positive revenue are B, and everyone with no positive
 * revenue (prospects, only returns) is C.
 *
 * @param cut Share of revenue, 0 < cut ≤ 1; default 0.75.
 * @param byId Positions of `ids` in ascending id order, when the caller has them ({@link orderByText}).
 * @example assignAbc(['a', 'b', 'c', 'd'], [60, 30, 10, 0]) // ['A', 'A', 'B', 'C']: 60% before b is below 75%
 */
export function assignAbc(
  ids: readonly string[],
  revenue: ArrayLike<number>,
  cut = 0.75,
  byId: Int32Array = orderByText(ids),
): AbcClass[] {
  const classes = new Array<AbcClass>(ids.length).fill('C');
  let positives = 0;
  let total = 0;
  for (const index of byId) {
    const value = revenue[index]!;
    if (value > 0) {
      positives++;
      total += value;
    }
  }
  const positive = new Int32Array(positives);
  let k = 0;
  for (const index of byId) if (revenue[index]! > 0) positive[k++] = index;
  // Compare money with money, both rounded, so an exact 75 % boundary in cents is not "below" the cut.
  const limit = roundMoney(total * cut);
  let before = 0;
  for (const index of orderByNumber(revenue, positive, true)) {
    classes[index] = before < limit ? 'A' : 'B';
    before = roundMoney(before + revenue[index]!);
  }
  return classes;
}
