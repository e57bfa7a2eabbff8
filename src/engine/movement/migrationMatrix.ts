import type { MigrationMatrix } from './types';

/**
 * Counts customers by their category before and now: a (k + 1) × (k + 1) matrix over the k categories
 * plus "none" (last row and column). Rows are the earlier category, columns the current one. A value
 * that is not among `categories` counts as none.
 *
 * @param pairs One `[previous, current]` pair per customer; null = none.
 * @example migrationMatrix([[1, 1], [2, 1], [null, 3]], [1, 2, 3]).counts
 *   // [[1, 0, 0, 0], [1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 1, 0]]
 */
export function migrationMatrix<T>(
  pairs: Iterable<readonly [T | null, T | null]>,
  categories: readonly T[],
): MigrationMatrix<T> {
  const size = categories.length + 1;
  const counts = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  const indexOf = (value: T | null): number => {
    if (value === null) return size - 1;
    const at = categories.indexOf(value);
    return at < 0 ? size - 1 : at;
  };
  for (const [previous, current] of pairs) counts[indexOf(previous)]![indexOf(current)]!++;
  return { categories, counts };
}
