/** Cell hashes are added modulo 2^48, so every sum stays an exact double. */
const modulus = 2 ** 48;

const mixA = 2654435761;
const mixB = 1597334677;

/** cyrb53's finish of two 32-bit lanes, cut to 48 bits. */
function finish(a: number, b: number): number {
  const h1 = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909);
  const h2 = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (65536 * (h2 & 0xffff) + (h1 >>> 16)) * 65536 + (h1 & 0xffff);
}

/** cyrb53 of a text. */
function hashText(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, mixA);
    h2 = Math.imul(h2 ^ code, mixB);
  }
  return finish(h1, h2);
}

const number = new Float64Array(1);
const numberWords = new Uint32Array(number.buffer);

/**
 * A number by its value to 6 decimals (a date read back as a `Date` and turned into a serial, or a value
 * saved with 15 significant digits, may differ in the last bits), hashed from its bits: no text conversion,
 * which cost most of the time on large columns.
 */
function hashNumber(value: number): number {
  // `+ 0` turns -0 into 0.
  number[0] = (Number.isInteger(value) ? value : Math.round(value * 1e6) / 1e6) + 0;
  const low = numberWords[0] ?? 0;
  const high = numberWords[1] ?? 0;
  return finish(Math.imul(0x9e3779b9 ^ low, mixA), Math.imul(0x85ebca6b ^ high, mixB));
}

function hash(cell: unknown): number {
  if (typeof cell === 'number') return hashNumber(cell);
  if (typeof cell === 'boolean') return hashText(cell ? '\u0000TRUE' : '\u0000FALSE');
  return hashText(typeof cell === 'string' ? cell : String(cell));
}

function summary(cells: Iterable<unknown>): { filled: number; sum: number } {
  let filled = 0;
  let sum = 0;
  for (const cell of cells) {
    if (cell === null || cell === undefined || cell === '') continue;
    filled++;
    sum = (sum + hash(cell)) % modulus;
  }
  return { filled, sum };
}

/** {@link summary} of cells given by position: no iterator (a generator costs about as much as the hashing). */
function summaryAt(count: number, cellAt: (index: number) => unknown): { filled: number; sum: number } {
  let filled = 0;
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const cell = cellAt(i);
    if (cell === null || cell === undefined || cell === '') continue;
    filled++;
    sum = (sum + hash(cell)) % modulus;
  }
  return { filled, sum };
}

const fingerprint = ({ filled, sum }: { filled: number; sum: number }): string =>
  `${String(filled)}:${sum.toString(16)}`;

/**
 * A fingerprint of the cells of one customer column as a run wrote them, kept in the run record, so that
 * the next run (in any host) can tell whether the user has typed into the column since: then the column is
 * the user's and is never written to again (ours goes to a new column).
 *
 * The fingerprint is the number of non-empty cells and the sum of their hashes, so it does not change when
 * the user sorts the table or inserts rows (whose cells in our column are empty), and cells compare as
 * either host reads them back: a number by its value to 6 decimals (a date read back as a `Date` and turned
 * into a serial may differ in the last bits), text as it is (text and numbers never compare equal: both
 * hosts write and read each as what it is); `''`, null and undefined are empty. Deleting rows lowers the count, which a run cannot tell from clearing
 * cells: such a column stays ours.
 *
 * @example columnDigest.showsUserEdit(columnDigest.of(['Star', 45000]), [45000, 'Star']) // false: sorted
 */
export const columnDigest = {
  /** The fingerprint of the data cells of a column, as `<non-empty cells>:<hash>`. */
  of(cells: Iterable<unknown>): string {
    return fingerprint(summary(cells));
  },

  /**
   * {@link of} the cells `cellAt(0)` to `cellAt(count - 1)`.
   *
   * @example columnDigest.ofCells(2, (i) => ['Star', 45000][i]) === columnDigest.of(['Star', 45000])
   */
  ofCells(count: number, cellAt: (index: number) => unknown): string {
    return fingerprint(summaryAt(count, cellAt));
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
