/** Digits a double holds exactly as an integer, whatever they are. */
const exactDigits = 15;

/**
 * Where the digit tail of a prefixed number id starts in `text.slice(start, end)`, or −1 when the text is
 * not one: a prefix that starts with an ASCII letter (`SO`, `INV-2024-`), then 1 to 15 digits to the end
 * (the prefix is everything before the last run of digits, so it never ends in a digit). Such a text is
 * kept in a `PrefixedNumberColumn` as (prefix, digits as a number, count of digits): leading zeros
 * come back from the count, and a number below 10^15 is exact. Every such text is its own order id key and
 * customer id (`orderKey`, `parseIdCell`): it has no space to trim, and a letter first and a digit last make
 * it neither number text nor an error value.
 *
 * @example prefixedNumberTail('SO0000042', 0, 9) // 2
 * @example prefixedNumberTail('42', 0, 2) // −1 (no prefix)
 */
export function prefixedNumberTail(text: string, start: number, end: number): number {
  let tail = end;
  while (tail > start) {
    const digit = text.charCodeAt(tail - 1) - 48;
    if (digit < 0 || digit > 9) break;
    tail--;
  }
  if (tail === end || end - tail > exactDigits || tail === start) return -1;
  const letter = text.charCodeAt(start) | 0x20;
  return letter >= 0x61 && letter <= 0x7a ? tail : -1;
}
