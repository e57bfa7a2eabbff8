import type { CellBlock } from './cellAddress';

/** A stored cell value: null is an empty cell. */
export type StoredValue = string | number | boolean | null;

/** Font, fill and wrap of one cell (only what the host sets). */
export interface CellStyle {
  bold?: boolean;
  size?: number;
  fontColor?: string;
  fill?: string;
  wrap?: boolean;
  horizontal?: string;
  vertical?: string;
  /** `format.autofitRows()` was called on the row. */
  autofitRow?: boolean;
}

/** One cell as tests inspect it. */
export interface CellSnapshot {
  /** The value (for a formula cell, its formula text: the fake does not calculate). */
  value: StoredValue;
  /** The formula when the cell holds one, else null (a constant, including text that looks like a formula). */
  formula: string | null;
  numberFormat: string;
  style: CellStyle;
}

interface Column {
  values: StoredValue[];
  formulas: Map<number, string> | null;
  formats: (string | undefined)[] | null;
  /**
   * Cell styles by row. Never changed in place, so cells formatted together share one object: a range
   * format of a million cells stores a million references, not a million copies (Excel formats a range in
   * one step; the fake should not make the host look slow for asking it to).
   */
  styles: (Readonly<CellStyle> | undefined)[] | null;
}

const excelEpoch = Date.UTC(1899, 11, 30);

/**
 * What Excel makes of a string typed (or set through `Range.values`) into a cell with the given number
 * format — the rules the host must defend against:
 * - `''` empties the cell;
 * - number format `@` (Text): kept exactly as text, whatever it looks like (`=A1`, `00042`, `2024-01-05`);
 * - a leading apostrophe: the rest is kept as text (Excel's quote prefix);
 * - `=…` is a formula; `+…`, `-…` and `@…` are formulas too unless they are plain numbers (`-5`);
 * - otherwise numeric text becomes a number (`00042` → 42) and ISO date text a date serial.
 */
export function enterString(
  text: string,
  numberFormat: string,
): { value: StoredValue; formula: string | null } {
  if (text === '') return { value: null, formula: null };
  if (numberFormat === '@') return { value: text, formula: null };
  if (text.startsWith("'")) return { value: text.slice(1), formula: null };
  const trimmed = text.trim();
  if (trimmed !== '' && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed))
    return { value: Number(trimmed), formula: null };
  if (text.length > 1 && text.startsWith('=')) return { value: text, formula: text };
  if (text.length > 1 && (text.startsWith('+') || text.startsWith('-')))
    return { value: `=${text}`, formula: `=${text}` };
  if (text.length > 1 && text.startsWith('@'))
    return { value: `=${text.slice(1)}`, formula: `=${text.slice(1)}` };
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  if (iso !== null) {
    const serial = (Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])) - excelEpoch) / 86_400_000;
    return { value: serial, formula: null };
  }
  return { value: text, formula: null };
}

/**
 * The cells of one sheet, stored column-major in plain arrays so that a sheet of a million rows stays
 * compact (one array slot per cell of a column; formulas and number formats only where set).
 */
export class FakeCells {
  private readonly columns: Column[] = [];
  /** Column widths in points, by 0-based column. */
  readonly columnWidths = new Map<number, number>();
  /** Data-validation rules set on blocks (`Range.dataValidation.rule`), in the order set. */
  readonly validations: { block: CellBlock; rule: unknown }[] = [];

  /** A deep copy (for the fake's transactional batches, which put a sheet back after a failed batch). */
  clone(): FakeCells {
    const copy = new FakeCells();
    copy.restore(this);
    return copy;
  }

  /** Makes these cells a deep copy of `other`'s, in place (proxies keep pointing at this object). */
  restore(other: FakeCells): void {
    this.columns.length = 0;
    other.columns.forEach((column, col) => {
      this.columns[col] = {
        values: [...column.values],
        formulas: column.formulas === null ? null : new Map(column.formulas),
        formats: column.formats === null ? null : [...column.formats],
        // The style objects are shared: none is changed in place.
        styles: column.styles === null ? null : [...column.styles],
      };
    });
    this.columnWidths.clear();
    for (const [col, width] of other.columnWidths) this.columnWidths.set(col, width);
    this.validations.length = 0;
    this.validations.push(...other.validations.map((v) => ({ ...v })));
  }

  /** Stores `values` as column `col` from row `row0` on in one step (the workbook builder's fast path). */
  adoptColumn(col: number, values: StoredValue[], row0 = 0): void {
    const column = this.column(col);
    if (column.values.length <= row0) {
      while (column.values.length < row0) column.values.push(null);
      column.values = column.values.concat(values);
      return;
    }
    for (let i = 0; i < values.length; i++) column.values[row0 + i] = values[i] ?? null;
  }

  private column(col: number): Column {
    let column = this.columns[col];
    if (column === undefined) {
      column = { values: [], formulas: null, formats: null, styles: null };
      this.columns[col] = column;
    }
    return column;
  }

  /** The cell's stored value (null when empty). */
  value(row: number, col: number): StoredValue {
    return this.columns[col]?.values[row] ?? null;
  }

  formula(row: number, col: number): string | null {
    return this.columns[col]?.formulas?.get(row) ?? null;
  }

  numberFormat(row: number, col: number): string {
    return this.columns[col]?.formats?.[row] ?? 'General';
  }

  style(row: number, col: number): CellStyle {
    return { ...(this.columns[col]?.styles?.[row] ?? {}) };
  }

  snapshot(row: number, col: number): CellSnapshot {
    return {
      value: this.value(row, col),
      formula: this.formula(row, col),
      numberFormat: this.numberFormat(row, col),
      style: this.style(row, col),
    };
  }

  /** Stores a constant or a formula without interpretation. */
  setRaw(row: number, col: number, value: StoredValue, formula: string | null): void {
    const column = this.column(col);
    if (value === null && row >= column.values.length) {
      column.formulas?.delete(row);
      return;
    }
    while (column.values.length < row) column.values.push(null);
    column.values[row] = value;
    if (formula === null) column.formulas?.delete(row);
    else (column.formulas ??= new Map()).set(row, formula);
  }

  /** Sets a value the way `Range.values` does (strings interpreted by {@link enterString}). */
  enter(row: number, col: number, input: unknown): void {
    if (input === null || input === undefined) return;
    if (typeof input === 'number' || typeof input === 'boolean') this.setRaw(row, col, input, null);
    else if (typeof input === 'string') {
      const entered = enterString(input, this.numberFormat(row, col));
      this.setRaw(row, col, entered.value, entered.formula);
    } else throw new TypeError(`Unsupported cell value of type ${typeof input}`);
  }

  setNumberFormat(row: number, col: number, format: string): void {
    const column = this.column(col);
    if (column.formats === null) {
      if (format === 'General') return;
      column.formats = [];
    }
    while (column.formats.length < row) column.formats.push(undefined);
    column.formats[row] = format === 'General' ? undefined : format;
  }

  setStyle(row: number, col: number, patch: CellStyle): void {
    this.setBlockStyle({ row0: row, row1: row, col0: col, col1: col }, patch);
  }

  /**
   * Applies `patch` to every cell of `block` (what `Range.format` does): each cell's style becomes its old
   * one with the patch on top, merged once per distinct old style of the block.
   */
  setBlockStyle(block: CellBlock, patch: CellStyle): void {
    const merged = new Map<Readonly<CellStyle> | undefined, Readonly<CellStyle>>();
    for (let c = block.col0; c <= block.col1; c++) {
      const styles = (this.column(c).styles ??= []);
      while (styles.length < block.row0) styles.push(undefined);
      for (let r = block.row0; r <= block.row1; r++) {
        const old = styles[r];
        let style = merged.get(old);
        if (style === undefined) {
          style = { ...old, ...patch };
          merged.set(old, style);
        }
        styles[r] = style;
      }
    }
  }

  private clearStyle(row: number, col: number): void {
    const styles = this.columns[col]?.styles;
    if (styles !== null && styles !== undefined && row < styles.length) styles[row] = undefined;
  }

  /** Empties cells: contents, formats (number format and style) or both. */
  clear(block: CellBlock, what: 'all' | 'contents' | 'formats'): void {
    for (let c = block.col0; c <= block.col1; c++) {
      const column = this.columns[c];
      if (column === undefined) continue;
      const last = Math.min(
        block.row1,
        Math.max(column.values.length, column.formats?.length ?? 0, column.styles?.length ?? 0) - 1,
      );
      for (let r = block.row0; r <= last; r++) {
        if (what !== 'formats') this.setRaw(r, c, null, null);
        if (what !== 'contents') {
          if (column.formats !== null && r < column.formats.length) column.formats[r] = undefined;
          this.clearStyle(r, c);
        }
      }
    }
  }

  /** Moves the cells of rows `row0..row1` from column `from` on by `shift` columns (insert > 0, delete < 0). */
  shiftColumns(row0: number, row1: number, from: number, shift: number): void {
    const last = this.columns.length - 1;
    const move = (src: number, dst: number): void => {
      for (let r = row0; r <= row1; r++) {
        const snapshot = this.snapshot(r, src);
        this.setRaw(r, dst, snapshot.value, snapshot.formula);
        this.setNumberFormat(r, dst, snapshot.numberFormat);
        this.clearStyle(r, dst);
        if (Object.keys(snapshot.style).length > 0) this.setStyle(r, dst, snapshot.style);
      }
    };
    if (shift > 0) {
      for (let c = last; c >= from; c--) move(c, c + shift);
      this.clear({ row0, row1, col0: from, col1: from + shift - 1 }, 'all');
    } else {
      for (let c = from; c <= last; c++) move(c, c + shift);
      this.clear({ row0, row1, col0: last + shift + 1, col1: last }, 'all');
    }
  }

  /** The smallest block inside `within` holding every non-empty cell of it, or null when it has none. */
  usedBlockWithin(within: CellBlock): CellBlock | null {
    let block: CellBlock | null = null;
    for (let col = within.col0; col <= within.col1; col++) {
      const values = this.columns[col]?.values ?? [];
      let first = -1;
      let last = -1;
      for (let r = within.row0; r <= Math.min(within.row1, values.length - 1); r++) {
        if (values[r] !== null && values[r] !== undefined) {
          first = r;
          break;
        }
      }
      if (first < 0) continue;
      for (let r = Math.min(within.row1, values.length - 1); r >= first; r--) {
        if (values[r] !== null && values[r] !== undefined) {
          last = r;
          break;
        }
      }
      block = growBlock(block, first, last, col);
    }
    return block;
  }

  /**
   * The smallest block holding every non-empty cell (and, unless `valuesOnly`, every cell with a number
   * format), or null for an empty sheet.
   */
  usedBlock(valuesOnly: boolean): CellBlock | null {
    let block: CellBlock | null = null;
    this.columns.forEach((column, col) => {
      let first = -1;
      let last = -1;
      for (let r = 0; r < column.values.length; r++) {
        if (column.values[r] !== null && column.values[r] !== undefined) {
          first = r;
          break;
        }
      }
      for (let r = column.values.length - 1; r >= 0; r--) {
        if (column.values[r] !== null && column.values[r] !== undefined) {
          last = r;
          break;
        }
      }
      if (!valuesOnly && column.formats !== null) {
        const formatted = column.formats.map((f, r) => (f === undefined ? -1 : r)).filter((r) => r >= 0);
        if (formatted.length > 0) {
          const fFirst = formatted[0] ?? -1;
          const fLast = formatted[formatted.length - 1] ?? -1;
          first = first < 0 ? fFirst : Math.min(first, fFirst);
          last = Math.max(last, fLast);
        }
      }
      if (first < 0) return;
      block = growBlock(block, first, last, col);
    });
    return block;
  }
}

/** The smallest block holding `block` and rows `first`–`last` of column `col`. */
function growBlock(block: CellBlock | null, first: number, last: number, col: number): CellBlock {
  return block === null
    ? { row0: first, row1: last, col0: col, col1: col }
    : {
        row0: Math.min(block.row0, first),
        row1: Math.max(block.row1, last),
        col0: Math.min(block.col0, col),
        col1: Math.max(block.col1, col),
      };
}
