import { blankDecimals, decimalText } from '../../engine/cellColumn';
import { storePlainDecimal } from '../../engine/storePlainDecimal';
import type { CellColumn, RawCell } from '../../engine/types';

/**
 * Distinct values a column may collect before it is judged mostly distinct (amounts, names): at least
 * this many, and at least an eighth of the rows. A sales table often starts with every customer's first
 * purchase, so its first rows hold only new ids; judged too early, a column of 100,000 customer ids over a
 * million rows would become a million strings the engine then has to encode again.
 */
const distinctBeforeJudging = 4096;
const emptySlot = -1;

/**
 * One column of a CSV as it is parsed. While most of its fields repeat (customer ids, order ids, dates,
 * regions) it keeps a code per row into its distinct texts, found by hashing the field's characters in
 * the file's text — a repeated field costs no string. Once more than half of the rows it has seen hold
 * a new text (amounts, names), it turns into plain cells — or, when every field so far is plain decimal
 * text (amounts, costs, order numbers), into numbers (`DecimalColumn`): each later field is read straight
 * from the file's characters into a Float64Array, with its count of decimals, and no string is made. The
 * first field that is not plain decimal text turns it into the plain cells it would have been, the numbers
 * so far written back as their exact texts.
 */
export class CsvColumn {
  private codes: Int32Array | null;
  private cells: RawCell[] | null = null;
  private numbers: Float64Array | null = null;
  private decimals: Uint8Array | null = null;
  private values: string[] = [];
  private slots = new Int32Array(1024).fill(emptySlot);
  private hashes: number[] = [];
  private rowsSeen = 0;

  /** @param capacity Rows the column can hold (an upper bound). */
  constructor(private readonly capacity: number) {
    this.codes = new Int32Array(capacity).fill(-1);
  }

  /** Row `row` holds the (non-empty) text `text.slice(start, end)`. */
  addRange(row: number, text: string, start: number, end: number): void {
    if (this.codes === null) {
      if (this.numbers !== null) {
        if (storePlainDecimal(text, start, end, this.numbers, this.decimals!, row)) return;
        this.decimalsToCells();
      }
      this.setCell(row, text.slice(start, end));
      return;
    }
    let hash = 0x811c9dc5;
    for (let at = start; at < end; at++) hash = Math.imul(hash ^ text.charCodeAt(at), 0x01000193);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const code = this.slots[slot]!;
      if (code === emptySlot) {
        this.insert(row, text.slice(start, end), hash, slot);
        return;
      }
      if (this.hashes[code] === hash && sameText(this.values[code]!, text, start, end)) {
        this.put(row, code);
        return;
      }
    }
  }

  /** Row `row` holds `value` (a field that needed unquoting); '' is a blank. */
  addString(row: number, value: string): void {
    if (value === '') return;
    this.addRange(row, value, 0, value.length);
  }

  /** The column, `rowCount` rows long: codes into its distinct texts, or plain cells. */
  build(rowCount: number): CellColumn {
    if (this.codes !== null) {
      const codes = this.codes.length === rowCount ? this.codes : this.codes.slice(0, rowCount);
      return { codes, values: this.values };
    }
    if (this.numbers !== null) {
      const numbers = this.numbers.length === rowCount ? this.numbers : this.numbers.slice(0, rowCount);
      const decimals =
        this.decimals!.length === rowCount ? this.decimals! : this.decimals!.slice(0, rowCount);
      return { numbers, decimals };
    }
    const cells = this.cells ?? [];
    cells.length = rowCount;
    for (let row = 0; row < rowCount; row++) cells[row] ??= null;
    return cells;
  }

  private put(row: number, code: number): void {
    this.codes![row] = code;
    this.rowsSeen++;
  }

  private insert(row: number, value: string, hash: number, slot: number): void {
    const code = this.values.length;
    this.values.push(value);
    this.hashes.push(hash);
    this.slots[slot] = code;
    this.put(row, code);
    if (
      this.values.length > distinctBeforeJudging &&
      this.values.length > this.capacity >> 3 &&
      this.values.length * 2 > this.rowsSeen
    ) {
      this.toCells();
      return;
    }
    if (this.values.length * 2 > this.slots.length) this.grow();
  }

  /**
   * Mostly distinct: numbers from here on when every text so far is plain decimal text, else plain cells
   * (the codes so far decoded).
   */
  private toCells(): void {
    if (this.toDecimals()) return;
    const cells = new Array<RawCell>(this.capacity).fill(null);
    const codes = this.codes!;
    for (let row = 0; row < codes.length; row++) {
      const code = codes[row]!;
      if (code >= 0) cells[row] = this.values[code]!;
    }
    this.cells = cells;
    this.codes = null;
    this.slots = new Int32Array(0);
    this.hashes = [];
  }

  /** Numbers for the codes so far, when every distinct text is plain decimal text; false (nothing changed) otherwise. */
  private toDecimals(): boolean {
    const values = this.values;
    const valueNumbers = new Float64Array(values.length);
    const valueDecimals = new Uint8Array(values.length);
    for (let code = 0; code < values.length; code++) {
      const text = values[code] as string;
      if (!storePlainDecimal(text, 0, text.length, valueNumbers, valueDecimals, code)) return false;
    }
    const numbers = new Float64Array(this.capacity).fill(Number.NaN);
    const decimals = new Uint8Array(this.capacity).fill(blankDecimals);
    const codes = this.codes!;
    for (let row = 0; row < codes.length; row++) {
      const code = codes[row]!;
      if (code >= 0) {
        numbers[row] = valueNumbers[code]!;
        decimals[row] = valueDecimals[code]!;
      }
    }
    this.numbers = numbers;
    this.decimals = decimals;
    this.codes = null;
    this.values = [];
    this.slots = new Int32Array(0);
    this.hashes = [];
    return true;
  }

  /** A field that is not plain decimal text: plain cells from here on, the numbers so far as their texts. */
  private decimalsToCells(): void {
    const numbers = this.numbers!;
    const decimals = this.decimals!;
    const cells = new Array<RawCell>(this.capacity).fill(null);
    for (let row = 0; row < decimals.length; row++) {
      const places = decimals[row]!;
      if (places !== blankDecimals) cells[row] = decimalText(numbers[row]!, places);
    }
    this.cells = cells;
    this.numbers = null;
    this.decimals = null;
  }

  private setCell(row: number, value: string): void {
    this.cells![row] = value;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(emptySlot);
    const mask = slots.length - 1;
    this.hashes.forEach((hash, code) => {
      let slot = hash & mask;
      while (slots[slot] !== emptySlot) slot = (slot + 1) & mask;
      slots[slot] = code;
    });
    this.slots = slots;
  }
}

function sameText(value: string, text: string, start: number, end: number): boolean {
  if (value.length !== end - start) return false;
  for (let k = 0; k < value.length; k++) if (value.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}
