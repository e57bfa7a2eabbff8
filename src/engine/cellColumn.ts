import type { CellColumn, DecimalColumn, EncodedColumn, PrefixedNumberColumn, RawCell } from './types';

/** The `decimals` of a blank row of a {@link DecimalColumn}. */
export const blankDecimals = 255;

/** Whether a column is stored as codes into distinct values. */
export function isEncoded(column: CellColumn): column is EncodedColumn {
  return !Array.isArray(column) && 'codes' in column;
}

/** Whether a column is plain decimal text kept as numbers ({@link DecimalColumn}). */
export function isDecimal(column: CellColumn): column is DecimalColumn {
  return !Array.isArray(column) && 'numbers' in column;
}

/** Whether a column is text ids kept as a prefix and a number ({@link PrefixedNumberColumn}). */
export function isPrefixedNumber(column: CellColumn): column is PrefixedNumberColumn {
  return !Array.isArray(column) && 'tails' in column;
}

/**
 * The text of row i of a {@link PrefixedNumberColumn}: its prefix, then its tail with `width` digits.
 *
 * @example prefixedNumberText('SO', 42, 7) // 'SO0000042'
 */
export function prefixedNumberText(prefix: string, tail: number, width: number): string {
  // Below 10^15, String gives the integer's plain digits.
  return prefix + String(tail).padStart(width, '0');
}

/**
 * The text of a plain decimal a {@link DecimalColumn} holds: `value.toFixed(decimals)`, with the `-` of −0
 * (`-0`, `-0.00`) that `toFixed` drops.
 *
 * @example decimalText(12.5, 2) // '12.50'
 */
export function decimalText(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  return value === 0 && 1 / value < 0 ? `-${text}` : text;
}

/** Rows in a column. */
export function columnLength(column: CellColumn): number {
  if (isEncoded(column)) return column.codes.length;
  if (isPrefixedNumber(column)) return column.widths.length;
  return isDecimal(column) ? column.numbers.length : column.length;
}

/**
 * The cell of row `i` (0-based data row), null past the end. A decimal or prefixed number column's cells are
 * their texts.
 */
export function cellAt(column: CellColumn, i: number): RawCell {
  if (isEncoded(column)) {
    const code = column.codes[i];
    return code === undefined ? null : (column.values[code] ?? null);
  }
  if (isDecimal(column)) {
    const decimals = column.decimals[i];
    return decimals === undefined || decimals === blankDecimals
      ? null
      : decimalText(column.numbers[i]!, decimals);
  }
  if (isPrefixedNumber(column)) {
    const width = column.widths[i];
    return width === undefined || width === 0
      ? null
      : prefixedNumberText(column.prefixes[column.prefixCodes[i]!]!, column.tails[i]!, width);
  }
  return column[i] ?? null;
}

/** The column as plain cells (a copy for an encoded, decimal or prefixed number column, the column itself otherwise). */
export function cellsOf(column: CellColumn): readonly RawCell[] {
  if (isPrefixedNumber(column)) {
    const { prefixes, prefixCodes, tails, widths } = column;
    const cells = new Array<RawCell>(widths.length);
    for (let i = 0; i < widths.length; i++) {
      const width = widths[i]!;
      cells[i] = width === 0 ? null : prefixedNumberText(prefixes[prefixCodes[i]!]!, tails[i]!, width);
    }
    return cells;
  }
  if (isDecimal(column)) {
    const { numbers, decimals } = column;
    const cells = new Array<RawCell>(numbers.length);
    for (let i = 0; i < numbers.length; i++) {
      const places = decimals[i]!;
      cells[i] = places === blankDecimals ? null : decimalText(numbers[i]!, places);
    }
    return cells;
  }
  if (!isEncoded(column)) return column;
  const { codes, values } = column;
  const cells = new Array<RawCell>(codes.length);
  for (let i = 0; i < codes.length; i++) cells[i] = values[codes[i]!] ?? null;
  return cells;
}

/** The first `rows` rows of a column, blank rows added when it is shorter (the column itself when it fits). */
export function columnOfLength(column: CellColumn, rows: number): CellColumn {
  if (columnLength(column) === rows) return column;
  if (isEncoded(column)) {
    const codes = new Int32Array(rows).fill(-1);
    codes.set(column.codes.subarray(0, Math.min(rows, column.codes.length)));
    return { codes, values: column.values };
  }
  if (isDecimal(column)) {
    const kept = Math.min(rows, column.numbers.length);
    const numbers = new Float64Array(rows).fill(Number.NaN);
    const decimals = new Uint8Array(rows).fill(blankDecimals);
    numbers.set(column.numbers.subarray(0, kept));
    decimals.set(column.decimals.subarray(0, kept));
    return { numbers, decimals };
  }
  if (isPrefixedNumber(column)) {
    const kept = Math.min(rows, column.widths.length);
    const prefixCodes = new Uint8Array(rows);
    const tails = new Float64Array(rows);
    const widths = new Uint8Array(rows);
    prefixCodes.set(column.prefixCodes.subarray(0, kept));
    tails.set(column.tails.subarray(0, kept));
    widths.set(column.widths.subarray(0, kept));
    return { prefixes: column.prefixes, prefixCodes, tails, widths };
  }
  const cells = column.slice(0, rows);
  while (cells.length < rows) cells.push(null);
  return cells;
}

/** {@link cellsOf} a column that may be missing (null when it is). */
export function cellsOrNull(column: CellColumn | undefined): readonly RawCell[] | null {
  return column === undefined ? null : cellsOf(column);
}

/**
 * Stores cells as codes into their distinct values (first-appearance order). Numbers, text, booleans and
 * blanks are kept apart (`42` and `"42"` are different values).
 *
 * @example encodeColumn(['a', 'b', 'a']) // { codes: [0, 1, 0], values: ['a', 'b'] }
 */
export function encodeColumn(cells: readonly RawCell[]): EncodedColumn {
  const codes = new Int32Array(cells.length);
  const values: RawCell[] = [];
  const index = new Map<RawCell, number>();
  let last: RawCell | undefined;
  let lastCode = -1;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] ?? null;
    if (cell !== last) {
      let code = index.get(cell);
      if (code === undefined) {
        code = values.length;
        values.push(cell);
        index.set(cell, code);
      }
      last = cell;
      lastCode = code;
    }
    codes[i] = lastCode;
  }
  return { codes, values };
}
