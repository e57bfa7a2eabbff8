/** Cell hashes are added modulo 2^48, so every sum stays an exact double. */
const modulus = 2 ** 48;

/** Per-cell text as both hosts read a written cell back (see {@link columnDigest}). */
function canonical(cell: unknown): string {
  if (typeof cell === 'number') return String(Number(cell.toPrecision(15)));
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return typeof cell === 'string' ? cell : String(cell);
}

/** cyrb53 of a text, cut to 48 bits. */
function hash(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (65536 * (h2 & 0xffff) + (h1 >>> 16)) * 65536 + (h1 & 0xffff);
}

function summary(cells: Iterable<unknown>): { filled: number; sum: number } {
  let filled = 0;
  let sum = 0;
  for (const cell of cells) {
    if (cell === null || cell === undefined || cell === '') continue;
    filled++;
    sum = (sum + hash(canonical(cell))) % modulus;
  }
  return { filled, sum };
}

/**
 * A fingerprint of the cells of one customer column as a run wrote them, kept in the run record, so that
 * the next run (in any host) can tell whether the user has typed into the column since: then the column is
 * the user's and is never written to again (ours goes to a new column).
 *
 * The fingerprint is the number of non-empty cells and the sum of their hashes, so it does not change when
 * the user sorts the table or inserts rows (whose cells in our column are empty), and cells compare as
 * either host reads them back: a number by its value to 15 significant digits (a date read back as a `Date`
 * and turned into a serial may differ in the last bits), text as it is, `true`/`false` as `TRUE`/`FALSE`;
 * `''`, null and undefined are empty. Deleting rows lowers the count, which a run cannot tell from clearing
 * cells: such a column stays ours.
 *
 * @example columnDigest.showsUserEdit(columnDigest.of(['Star', 45000]), [45000, 'Star']) // false: sorted
 */
export const columnDigest = {
  /** The fingerprint of the data cells of a column, as `<non-empty cells>:<hash>`. */
  of(cells: Iterable<unknown>): string {
    const { filled, sum } = summary(cells);
    return `${String(filled)}:${sum.toString(16)}`;
  },

  /**
   * Whether the column's cells read now show a user's edit since `recorded` was taken: more non-empty cells
   * than written (the user typed into an empty one), or as many but other values. A recorded fingerprint
   * that cannot be read shows nothing.
   */
  showsUserEdit(recorded: string, cells: Iterable<unknown>): boolean {
    const match = /^(\d+):([0-9a-f]+)$/u.exec(recorded);
    if (match === null) return false;
    const { filled, sum } = summary(cells);
    const written = Number(match[1]);
    return filled > written || (filled === written && sum !== parseInt(match[2] ?? '', 16));
  },
};
