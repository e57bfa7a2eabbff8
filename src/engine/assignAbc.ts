import { orderByNumber, positionsWhere } from './orderByNumber';
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
 * @param revenueAscending All positions sorted by revenue ascending, ties in `byId` order, when the caller
 *   has them (the RFM scores use the same order).
 * @example assignAbc(['a', 'b', 'c', 'd'], [60, 30, 10, 0]) // ['A', 'A', 'B', 'C']: 60% before b is below 75%
 */
export function assignAbc(
  ids: readonly string[],
  revenue: ArrayLike<number>,
  cut = 0.75,
  byId: Int32Array = orderByText(ids),
  revenueAscending: Int32Array | null = null,
): AbcClass[] {
  return Array.from(abcCodes(ids, revenue, cut, byId, revenueAscending), (code) => abcByCode[code]!);
}

/** ABC classes by code. */
export const abcByCode: readonly AbcClass[] = ['A', 'B', 'C'];

/**
 * {@link assignAbc} with each class as its code in {@link abcByCode}.
 *
 * @example abcCodes(['a', 'b', 'c', 'd'], [60, 30, 10, 0]) // Uint8Array [0, 0, 1, 2]: A, A, B, C
 */
export function abcCodes(
  ids: readonly string[],
  revenue: ArrayLike<number>,
  cut = 0.75,
  byId: Int32Array = orderByText(ids),
  revenueAscending: Int32Array | null = null,
): Uint8Array {
  const classes = new Uint8Array(ids.length).fill(2);
  let positives = 0;
  let total = 0;
  for (let k = 0; k < byId.length; k++) {
    const value = revenue[byId[k]!]!;
    if (value > 0) {
      positives++;
      total += value;
    }
  }
  // Compare money with money, both rounded, so an exact 75 % boundary in cents is not "below" the cut.
  const limit = roundMoney(total * cut);
  let before = 0;
  const ranked =
    revenueAscending === null
      ? orderByNumber(
          revenue,
          positionsWhere(byId, (i) => revenue[i]! > 0),
          true,
        )
      : descendingPositives(revenue, revenueAscending, positives);
  for (let j = 0; j < ranked.length; j++) {
    const index = ranked[j]!;
    classes[index] = before < limit ? 0 : 1;
    before = roundMoney(before + revenue[index]!);
  }
  return classes;
}

/**
 * The positions with a positive value, largest first and ties in their order in `ascending` (the order a
 * stable descending sort gives): `ascending` read backwards a group of equal values at a time.
 */
function descendingPositives(
  values: ArrayLike<number>,
  ascending: Int32Array,
  positives: number,
): Int32Array {
  const ranked = new Int32Array(positives);
  let k = 0;
  let end = ascending.length;
  while (end > 0 && values[ascending[end - 1]!]! > 0) {
    const value = values[ascending[end - 1]!]!;
    let start = end - 1;
    while (start > 0 && values[ascending[start - 1]!]! === value) start--;
    for (let j = start; j < end; j++) ranked[k++] = ascending[j]!;
    end = start;
  }
  return ranked;
}
