import type { CellColumn, RawCell } from '../../engine/types';
import type { SharedStrings } from './sharedStrings';

/**
 * Collects one column of a table as a worksheet streams by. While it holds only shared strings and blanks
 * it keeps their codes (a column of customer ids or order ids costs four bytes a row and no string per
 * row); the first cell of another kind turns it into plain cells. Rows never set are blank.
 */
export class ColumnBuilder {
  private codes: Int32Array;
  private cells: RawCell[] | null = null;
  private length = 0;

  constructor(
    private readonly strings: SharedStrings,
    capacity = 1024,
  ) {
    this.codes = new Int32Array(Math.max(16, capacity)).fill(-1);
  }

  /** Row `index` (0-based data row) holds shared string `sharedIndex`. */
  setShared(index: number, sharedIndex: number): void {
    const code = this.strings.codeOf[sharedIndex] ?? -1;
    if (this.cells !== null) {
      this.setCell(index, code < 0 ? null : (this.strings.values[code] ?? null));
      return;
    }
    if (index >= this.codes.length) this.grow(index);
    this.codes[index] = code;
    if (index >= this.length) this.length = index + 1;
  }

  /** Row `index` holds a cell that is not a shared string. */
  setCell(index: number, cell: RawCell): void {
    const cells = (this.cells ??= this.decoded());
    while (cells.length < index) cells.push(null);
    cells[index] = cell;
    if (index >= this.length) this.length = index + 1;
  }

  /**
   * The column, `rowCount` rows long: shared strings as codes into the distinct texts the column uses, or
   * plain cells.
   */
  build(rowCount: number): CellColumn {
    if (this.cells !== null) {
      const cells = this.cells.slice(0, rowCount);
      while (cells.length < rowCount) cells.push(null);
      return cells;
    }
    // Renumber to the texts this column uses, in order of appearance.
    const local = new Int32Array(this.strings.values.length).fill(-1);
    const values: string[] = [];
    const codes = new Int32Array(rowCount).fill(-1);
    const end = Math.min(rowCount, this.length);
    for (let i = 0; i < end; i++) {
      const code = this.codes[i]!;
      if (code < 0) continue;
      let mine = local[code]!;
      if (mine < 0) {
        mine = values.length;
        values.push(this.strings.values[code]!);
        local[code] = mine;
      }
      codes[i] = mine;
    }
    return { codes, values };
  }

  private grow(index: number): void {
    let size = this.codes.length;
    while (size <= index) size *= 2;
    const bigger = new Int32Array(size).fill(-1);
    bigger.set(this.codes);
    this.codes = bigger;
  }

  private decoded(): RawCell[] {
    const cells: RawCell[] = [];
    for (let i = 0; i < this.length; i++) {
      const code = this.codes[i]!;
      cells.push(code < 0 ? null : (this.strings.values[code] ?? null));
    }
    return cells;
  }
}
