import { canonicalCodes } from './canonicalCodes';
import { TripleKeyCodes } from './TripleKeyCodes';
import { blankDecimals, isDecimal, isEncoded, isPrefixedNumber } from './cellColumn';
import { orderKey, type OrderKey } from './parseSales';
import type { CellColumn, DecimalColumn, PrefixedNumberColumn, RawCell } from './types';

/** Each row's order as a small integer, and how many integers there are. */
export interface OrderCodes {
  /** Row i's order: 0…count − 1, equal for rows whose order ids have the same {@link orderKey}; −1 when blank. */
  codes: Int32Array;
  count: number;
}

/**
 * Numbers the orders of an order-id column: rows get the same integer exactly when their ids have the
 * same {@link orderKey} (`42` and `"42"` alike, `"0042"` apart). An encoded column is numbered through its
 * distinct values. A plain column — what a CSV gives when nearly every id is new, as when each row is its
 * own order — is numbered without a map of strings: when the ids never decrease down the rows (an export
 * sorted by order, lines of one order together) a new id is simply the next integer, as no later row can
 * repeat an earlier one; otherwise an open-addressing table over the keys' hashes, holding the cells'
 * own strings. Digit text that is its own number (`1000042`) is keyed by its value without building
 * the number's text again. A decimal column (plain decimal text kept as numbers) is numbered by its
 * (value, decimals) pairs, which are equal exactly when the texts are: the same numbering, in order of first
 * appearance, that its texts would get, with no string made; a prefixed number column (`SO0000001`) likewise
 * by its (prefix, width, tail) triples, each the one spelling of one text.
 *
 * @param rows Rows of the table (rows past the column's end are blank).
 * @example orderCodesOf(['SO1', 'SO1', 'SO2', null], 4) // { codes: [0, 0, 1, -1], count: 2 }
 */
export function orderCodesOf(column: CellColumn, rows: number): OrderCodes {
  const codes = new Int32Array(rows);
  if (isEncoded(column)) {
    const { canonical } = canonicalCodes(column.values, orderKey);
    for (let i = 0; i < rows; i++) {
      const value = i < column.codes.length ? column.codes[i]! : -1;
      codes[i] = value < 0 ? -1 : canonical[value]!;
    }
    return { codes, count: column.values.length };
  }
  if (isDecimal(column)) return ascendingDecimalCodes(column, codes) ?? hashedDecimalCodes(column, codes);
  if (isPrefixedNumber(column))
    return ascendingPrefixedCodes(column, codes) ?? hashedPrefixedCodes(column, codes);
  return ascendingCodes(column, codes) ?? hashedCodes(column, codes);
}

/** The key of a cell, as {@link orderKey} gives it; digit text of up to 15 digits without a leading 0 is read here. */
function keyOf(cell: RawCell | undefined): OrderKey {
  if (typeof cell === 'string') {
    const length = cell.length;
    const first = cell.charCodeAt(0);
    if (length <= 15 && first >= 0x31 && first <= 0x39) {
      // Below 10^15 the number's shortest text is these very digits, so the key is the number.
      let value = first - 0x30;
      let k = 1;
      for (; k < length; k++) {
        const digit = cell.charCodeAt(k) - 0x30;
        if (digit < 0 || digit > 9) break;
        value = value * 10 + digit;
      }
      if (k === length) return value;
    }
  }
  return orderKey(cell ?? null);
}

/** Codes when the keys never decrease (numbers or texts throughout, blanks anywhere); null otherwise. */
function ascendingCodes(cells: readonly RawCell[], codes: Int32Array): OrderCodes | null {
  let previous: OrderKey = null;
  let code = -1;
  for (let i = 0; i < codes.length; i++) {
    const key = keyOf(cells[i]);
    if (key === null) {
      codes[i] = -1;
      continue;
    }
    if (key !== previous) {
      if (previous !== null && !(typeof key === typeof previous && key > previous)) return null;
      previous = key;
      code++;
    }
    codes[i] = code;
  }
  return { codes, count: code + 1 };
}

const scratch = new Float64Array(1);
const scratchWords = new Int32Array(scratch.buffer);

/** A 32-bit hash of a key: its characters, or its value's bits (0 and −0 alike). */
function hashOf(key: string | number): number {
  let hash = 0x811c9dc5;
  if (typeof key === 'string') {
    for (let k = 0; k < key.length; k++) hash = Math.imul(hash ^ key.charCodeAt(k), 0x01000193);
    return hash;
  }
  scratch[0] = key === 0 ? 0 : key;
  hash = Math.imul(hash ^ scratchWords[0]!, 0x01000193);
  hash = Math.imul(hash ^ scratchWords[1]!, 0x01000193);
  return hash ^ (hash >>> 15);
}

/** Codes by an open-addressing table of the distinct keys (first-appearance order). */
function hashedCodes(cells: readonly RawCell[], codes: Int32Array): OrderCodes {
  const keys: (string | number)[] = [];
  let hashes = new Int32Array(1024);
  let slots = new Int32Array(2048).fill(-1);
  let previous: OrderKey = null;
  let previousCode = -1;
  for (let i = 0; i < codes.length; i++) {
    const key = keyOf(cells[i]);
    if (key === null) {
      codes[i] = -1;
      continue;
    }
    // The lines of one order usually come together.
    if (key === previous) {
      codes[i] = previousCode;
      continue;
    }
    const hash = hashOf(key);
    let mask = slots.length - 1;
    let slot = hash & mask;
    let code = slots[slot]!;
    while (code >= 0 && !(hashes[code] === hash && keys[code] === key)) {
      slot = (slot + 1) & mask;
      code = slots[slot]!;
    }
    if (code < 0) {
      code = keys.length;
      keys.push(key);
      if (code === hashes.length) {
        const bigger = new Int32Array(2 * hashes.length);
        bigger.set(hashes);
        hashes = bigger;
      }
      hashes[code] = hash;
      slots[slot] = code;
      if (2 * keys.length > slots.length) {
        slots = new Int32Array(2 * slots.length).fill(-1);
        mask = slots.length - 1;
        for (let c = 0; c < keys.length; c++) {
          let s = hashes[c]! & mask;
          while (slots[s]! >= 0) s = (s + 1) & mask;
          slots[s] = c;
        }
      }
    }
    codes[i] = code;
    previous = key;
    previousCode = code;
  }
  return { codes, count: keys.length };
}

/*
 * Plain decimal texts are their own order keys (no two spell the same number the way orderKey reads them:
 * `12.5` is a number key, `12.50` a text key, and neither has whitespace to trim), so numbering distinct
 * texts in order of first appearance, as both ascendingCodes and hashedCodes do, numbers distinct
 * (value, decimals) pairs — −0 and 0 apart, as `-0` and `0` are different texts.
 */

/** Codes of a decimal column whose values rise whenever the text changes (an export sorted by order); null otherwise. */
function ascendingDecimalCodes(column: DecimalColumn, codes: Int32Array): OrderCodes | null {
  const { numbers, decimals } = column;
  let previous = Number.NEGATIVE_INFINITY;
  let previousDecimals = -1;
  let code = -1;
  for (let i = 0; i < codes.length; i++) {
    const places = i < decimals.length ? decimals[i]! : blankDecimals;
    if (places === blankDecimals) {
      codes[i] = -1;
      continue;
    }
    const value = numbers[i]!;
    if (value !== previous || places !== previousDecimals || (value === 0 && !Object.is(value, previous))) {
      // Above every value so far, so never seen: the next integer. Equal values in another spelling might be.
      if (!(value > previous)) return null;
      previous = value;
      previousDecimals = places;
      code++;
    }
    codes[i] = code;
  }
  return { codes, count: code + 1 };
}

/** Codes of a decimal column by a table of its distinct (value, decimals) pairs. */
function hashedDecimalCodes(column: DecimalColumn, codes: Int32Array): OrderCodes {
  const { numbers, decimals } = column;
  const words = new Int32Array(numbers.buffer, numbers.byteOffset, numbers.length * 2);
  const table = new TripleKeyCodes();
  for (let i = 0; i < codes.length; i++) {
    const places = i < decimals.length ? decimals[i]! : blankDecimals;
    codes[i] = places === blankDecimals ? -1 : table.codeOf(words[2 * i]!, words[2 * i + 1]!, places);
  }
  return { codes, count: table.count };
}

/*
 * The texts of a prefixed number column are their own order keys (a letter first and a digit last: no space
 * to trim, never number text or an error value), and distinct texts are distinct (prefix, width, tail)
 * triples, so numbering the triples in order of first appearance is the numbering the texts get.
 */

/**
 * Codes of a prefixed number column whose (prefix, width, tail) rises whenever the text changes (an export
 * sorted by order number); null otherwise.
 */
function ascendingPrefixedCodes(column: PrefixedNumberColumn, codes: Int32Array): OrderCodes | null {
  const { prefixCodes, tails, widths } = column;
  let previousPrefix = -1;
  let previousWidth = 0;
  let previous = 0;
  let code = -1;
  for (let i = 0; i < codes.length; i++) {
    const width = i < widths.length ? widths[i]! : 0;
    if (width === 0) {
      codes[i] = -1;
      continue;
    }
    const prefix = prefixCodes[i]!;
    const tail = tails[i]!;
    if (tail !== previous || width !== previousWidth || prefix !== previousPrefix) {
      // Above every triple so far (prefix, then width, then tail), so never seen: the next integer.
      const above =
        prefix > previousPrefix ||
        (prefix === previousPrefix &&
          (width > previousWidth || (width === previousWidth && tail > previous)));
      if (!above) return null;
      previousPrefix = prefix;
      previousWidth = width;
      previous = tail;
      code++;
    }
    codes[i] = code;
  }
  return { codes, count: code + 1 };
}

/** Codes of a prefixed number column by a table of its distinct (prefix, width, tail) triples. */
function hashedPrefixedCodes(column: PrefixedNumberColumn, codes: Int32Array): OrderCodes {
  const { prefixCodes, tails, widths } = column;
  const words = new Int32Array(tails.buffer, tails.byteOffset, tails.length * 2);
  const table = new TripleKeyCodes();
  let previousRow = -1;
  for (let i = 0; i < codes.length; i++) {
    const width = i < widths.length ? widths[i]! : 0;
    if (width === 0) {
      codes[i] = -1;
      continue;
    }
    const low = words[2 * i]!;
    const high = words[2 * i + 1]!;
    // The prefix code and the width, one 16-bit number.
    const shape = (prefixCodes[i]! << 8) | width;
    // The lines of one order usually come together.
    codes[i] =
      previousRow >= 0 &&
      low === words[2 * previousRow] &&
      high === words[2 * previousRow + 1] &&
      shape === ((prefixCodes[previousRow]! << 8) | widths[previousRow]!)
        ? codes[previousRow]!
        : table.codeOf(low, high, shape);
    previousRow = i;
  }
  return { codes, count: table.count };
}
