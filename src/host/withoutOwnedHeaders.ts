import { trimBlankHeaders } from './trimBlankHeaders';

/**
 * A table's headers as a re-run must see them: the headers of our own columns (see `ownedColumns`) blank,
 * so they keep their place but are never mapped (our "Revenue" column must not become the user's amount),
 * and the blank ones at the end dropped (`trimBlankHeaders`). Every host reports its tables this way.
 *
 * @param firstColumn The sheet column of `headers[0]`, in the counting of `owned`.
 * @param owned Whether the column at a sheet column is ours.
 * @example withoutOwnedHeaders(['Customer', 'Revenue', 'Notes', 'SVCD'], 1, (c) => c === 4); // ['Customer', 'Revenue', 'Notes']
 */
export function withoutOwnedHeaders(
  headers: readonly string[],
  firstColumn: number,
  owned: (column: number) => boolean,
): string[] {
  return trimBlankHeaders(headers.map((header, i) => (owned(firstColumn + i) ? '' : header)));
}
