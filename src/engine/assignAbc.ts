import { compareIds } from './compareIds';
import { roundMoney } from './roundMoney';
import type { AbcClass } from './types';

/**
 * Assigns ABC classes. Customers with positive revenue are sorted by revenue (descending, ties by id
 * ascending); a customer is A while the cumulative revenue share *before* it is below `cut` (so the one
 * that crosses the cut is still A), the rest with positive revenue are B, and everyone with no positive
 * revenue (prospects, only returns) is C.
 *
 * @param cut Share of revenue, 0 < cut ≤ 1; default 0.75.
 * @example assignAbc(['a', 'b', 'c', 'd'], [60, 30, 10, 0]) // ['A', 'A', 'B', 'C']: 60% before b is below 75%
 */
export function assignAbc(ids: readonly string[], revenue: readonly number[], cut = 0.75): AbcClass[] {
  const classes: AbcClass[] = ids.map(() => 'C');
  const positive: number[] = [];
  let total = 0;
  revenue.forEach((value, index) => {
    if (value > 0) {
      positive.push(index);
      total += value;
    }
  });
  positive.sort((a, b) => revenue[b]! - revenue[a]! || compareIds(ids[a]!, ids[b]!));
  // Compare money with money, both rounded, so an exact 75 % boundary in cents is not "below" the cut.
  const limit = roundMoney(total * cut);
  let before = 0;
  for (const index of positive) {
    classes[index] = before < limit ? 'A' : 'B';
    before = roundMoney(before + revenue[index]!);
  }
  return classes;
}
