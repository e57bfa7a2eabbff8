import { identityPositions } from './orderByNumber';

/** Longest text sorted by radix; longer ones fall back to a comparison sort. */
const longestRadixText = 48;

/**
 * Positions of `texts` in code-unit order (the order of {@link compareIds}), stable. Already sorted input is
 * recognised in one pass; otherwise an LSD radix sort over the characters (their alphabet renumbered densely,
 * so each pass counts into a few dozen buckets) sorts 100,000 ids several times faster than
 * `Array.prototype.sort`.
 *
 * @example orderByText(['b', 'a', 'ab']) // Int32Array [1, 2, 0]
 */
export function orderByText(texts: readonly string[]): Int32Array {
  const n = texts.length;
  let sorted = true;
  let longest = 0;
  for (let k = 0; k < n; k++) {
    const text = texts[k]!;
    if (text.length > longest) longest = text.length;
    if (sorted && k > 0 && texts[k - 1]! > text) sorted = false;
  }
  if (sorted) return identityPositions(n);
  if (longest > longestRadixText) {
    return identityPositions(n).sort((a, b) => {
      const x = texts[a]!;
      const y = texts[b]!;
      return x < y ? -1 : x > y ? 1 : a - b;
    });
  }
  // Dense ranks of the code units in use; 0 stands for "past the end", which sorts first.
  const rank = new Int32Array(65_536);
  for (let k = 0; k < n; k++) {
    const text = texts[k]!;
    for (let p = 0; p < text.length; p++) rank[text.charCodeAt(p)] = 1;
  }
  let alphabet = 0;
  for (let unit = 0; unit < 65_536; unit++) if (rank[unit] === 1) rank[unit] = ++alphabet;
  // Each text's ranks, `longest` to a text, read by every pass (the strings themselves are read once).
  const ranks = alphabet < 256 ? new Uint8Array(longest * n) : new Uint16Array(longest * n);
  for (let k = 0, at = 0; k < n; k++, at += longest) {
    const text = texts[k]!;
    for (let p = 0; p < text.length; p++) ranks[at + p] = rank[text.charCodeAt(p)]!;
  }
  const counts = new Uint32Array(alphabet + 2);
  let from: Int32Array = identityPositions(n);
  let to: Int32Array = new Int32Array(n);
  for (let p = longest - 1; p >= 0; p--) {
    counts.fill(0);
    for (let k = 0; k < n; k++) counts[ranks[k * longest + p]! + 1]!++;
    // A position where every text has the same character (a common prefix) leaves the order as it is.
    let same = false;
    for (let d = 1; d < counts.length && !same; d++) same = counts[d] === n;
    if (same) continue;
    for (let d = 1; d < counts.length; d++) counts[d] = counts[d]! + counts[d - 1]!;
    for (let j = 0; j < n; j++) {
      const k = from[j]!;
      to[counts[ranks[k * longest + p]!]!++] = k;
    }
    [from, to] = [to, from];
  }
  return from;
}
