/** Digits a double holds exactly as an integer, whatever they are. */
const exactDigits = 15;

/**
 * Reads `text.slice(start, end)` as plain decimal text and stores it in row `row` of a `DecimalColumn`'s
 * arrays: `-?\d+(\.\d+)?` with no leading zero but the one of `0.5` (`007` and `00.5` are not plain), at
 * most 15 digits in all. Those digits as one integer and the power of ten are both exact doubles, so the
 * one rounding of their quotient is exactly `Number(text)`; and a value of at most 15 significant digits
 * is within 0.12 of a unit of its last decimal (well inside half a unit), so `value.toFixed(decimals)`
 * (with `-` for −0) gives the text back. Returns false, storing nothing, for any other text.
 *
 * @example storePlainDecimal('-12.50', 0, 6, numbers, decimals, 0) // true: numbers[0] = -12.5, decimals[0] = 2
 */
export function storePlainDecimal(
  text: string,
  start: number,
  end: number,
  numbers: Float64Array,
  decimals: Uint8Array,
  row: number,
): boolean {
  let at = start;
  const negative = text.charCodeAt(at) === 45; // '-'
  if (negative) at++;
  const wholeStart = at;
  let digits = 0;
  for (; at < end; at++) {
    const digit = text.charCodeAt(at) - 48;
    if (digit < 0 || digit > 9) break;
    digits = digits * 10 + digit;
  }
  const wholeDigits = at - wholeStart;
  if (wholeDigits === 0 || (wholeDigits > 1 && text.charCodeAt(wholeStart) === 48)) return false;
  let scale = 1;
  let fractionDigits = 0;
  if (at < end) {
    if (text.charCodeAt(at) !== 46) return false; // '.'
    const fractionStart = ++at;
    for (; at < end; at++) {
      const digit = text.charCodeAt(at) - 48;
      if (digit < 0 || digit > 9) return false;
      digits = digits * 10 + digit;
      scale *= 10;
    }
    fractionDigits = at - fractionStart;
    if (fractionDigits === 0) return false;
  }
  if (wholeDigits + fractionDigits > exactDigits) return false;
  numbers[row] = negative ? -(digits / scale) : digits / scale;
  decimals[row] = fractionDigits;
  return true;
}
