import type { CellColumn, EncodedColumn, RawCell } from './types';

/** Whether a column is stored as codes into distinct values. */
export function isEncoded(column: CellColumn): column is EncodedColumn {
  return !Array.isArray(column);
}

/** Rows in a column. */
export function columnLength(column: CellColumn): number {
  return isEncoded(column) ? column.codes.length : column.length;
}

/** The cell of row `i` (0-based data row), null past the end. */
export function cellAt(column: CellColumn, i: number): RawCell {
  if (isEncoded(column)) {
    const code = column.codes[i];
    return code === undefined ? null : (column.values[code] ?? null);
  }
  return column[i] ?? null;
}

/** The column as plain cells (a copy for an encoded column, the column itself otherwise). */
export function cellsOf(column: CellColumn): readonly RawCell[] {
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
