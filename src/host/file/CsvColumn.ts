import { blankDecimals, decimalText, prefixedNumberText } from '../../engine/cellColumn';
import { prefixedNumberTail } from '../../engine/prefixedNumberTail';
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
/** Distinct prefixes a column of prefixed number ids may have (`SO`, `INV-`…); more and it is plain cells. */
const maxPrefixes = 32;

/** The number and decimals of the field being read, and the number's bits. */
const fieldNumber = new Float64Array(1);
const fieldDecimals = new Uint8Array(1);
const fieldWords = new Int32Array(fieldNumber.buffer);

/**
 * One column of a CSV as it is parsed. While most of its fields repeat (customer ids, order ids, dates,
 * regions) it keeps a code per row into its distinct values, found by hashing — a repeated field costs no
 * string. While every field is plain decimal text (`-12.50`, see `storePlainDecimal`) those values are
 * (number, decimals) pairs read straight from the file's characters; otherwise texts, hashed by their
 * characters in the file's text; a field that repeats the one on the row above (an order's lines) is not
 * looked up. Once more than half of the rows it has seen hold a new value (amounts, names), it turns into
 * plain cells, or, while every field is plain decimal text, into numbers (`DecimalColumn`: no string per
 * cell; also as soon as more than 4,096 distinct values, some with decimals, were seen: amounts that
 * repeat, which are read as numbers anyway), or, while every field is a prefixed number id (`SO0000001`, see
 * `prefixedNumberTail`) with at most 32 prefixes, into prefixes and numbers (`PrefixedNumberColumn`). The
 * first field that is not plain decimal text turns it into what it would have been had it read texts all
 * along: the same codes into the same texts, or the same plain cells — the numbers so far written back as
 * their exact texts; likewise the first field that is not a prefixed number id, once it holds those.
 */
export class CsvColumn {
  private codes: Int32Array | null;
  private cells: RawCell[] | null = null;
  /** Distinct texts (once a field was not plain decimal text). */
  private values: string[] = [];
  /** Distinct (number, decimals) pairs while every field is plain decimal text; null after. */
  private keyNumbers: Float64Array | null = new Float64Array(1024);
  private keyDecimals: Uint8Array | null = new Uint8Array(1024);
  private keyCount = 0;
  /** Each row's number and decimals once the column is numbers. */
  private numbers: Float64Array | null = null;
  private decimals: Uint8Array | null = null;
  /** Each row's prefix, tail and width once the column is prefixed number ids (width 0: blank). */
  private prefixes: string[] | null = null;
  private prefixCodes: Uint8Array | null = null;
  private tails: Float64Array | null = null;
  private widths: Uint8Array | null = null;
  /** The prefix code the last prefixed field had (most fields share it). */
  private lastPrefix = 0;
  /**
   * The texts' hash table: slot k holds a text's code at 4k (emptySlot when free) and its words at 4k + 1
   * to 4k + 3 (see {@link packText}): a text of up to 12 characters from U+0001 to U+00FF (ids, dates) is
   * found by its words alone, in one place in memory; a longer one has 0 and its hash there and is
   * compared with the distinct text.
   */
  private slots = new Int32Array(4 * 1024).fill(emptySlot);
  /**
   * The pairs' hash table, while every field is plain decimal text: slot k holds a pair's number at 2k of
   * `numberSlots`, and its code (emptySlot when free) and decimals at 4k + 2 and 4k + 3 of
   * `numberSlotInts`, a view of the same memory, so a probe reads one place in memory.
   */
  private numberSlots = new Float64Array(0);
  private numberSlotInts = new Int32Array(0);
  /** Whether a distinct pair has decimals (the column holds amounts, not ids). */
  private hasFractions = false;
  /**
   * True while every distinct pair came in increasing value (sequential invoice numbers): a larger value
   * than the last pair's is new without a lookup, and the pairs' table is left empty until the first value
   * that is not larger fills it ({@link CsvColumn.fillNumberSlots}).
   */
  private ascendingKeys = true;
  /**
   * The last field's code, and its pair or text: a field that repeats the row above (an order's lines
   * share its id, customer and date) is not looked up.
   */
  private lastCode = -1;
  private lastNumber = Number.NaN;
  private lastPlaces = 0;
  private lastSource: string | null = null;
  private lastStart = 0;
  private lastLength = 0;
  private rowsSeen = 0;
  /** 1 + the last row written (the rows a change of kind has to convert). */
  private rowsEnd = 0;

  /**
   * @param capacity Rows the column can hold (an upper bound).
   * @param judgedRows The rows of the whole file, against which a column is judged mostly distinct (the
   *   capacity, unless this column holds only part of the file: see {@link CsvColumn.appendPart}).
   */
  constructor(
    private capacity: number,
    private readonly judgedRows = capacity,
  ) {
    this.codes = new Int32Array(capacity).fill(-1);
    this.resizeNumberSlots(1024);
  }

  /**
   * The column as it stands, for another thread to {@link CsvColumn.appendPart} it: its own arrays, not
   * copies (longer than its rows; the column must not be used after).
   */
  toPart(): CsvColumnPart {
    if (this.codes !== null) {
      if (this.keyNumbers !== null && this.keyDecimals !== null)
        return {
          kind: 'numberKeys',
          codes: this.codes,
          keyNumbers: this.keyNumbers.subarray(0, this.keyCount),
          keyDecimals: this.keyDecimals.subarray(0, this.keyCount),
        };
      return { kind: 'texts', codes: this.codes, ...joinedTexts(this.values) };
    }
    if (this.prefixes !== null && this.prefixCodes !== null && this.tails !== null && this.widths !== null)
      return {
        kind: 'prefixed',
        prefixes: this.prefixes,
        prefixCodes: this.prefixCodes,
        tails: this.tails,
        widths: this.widths,
      };
    if (this.numbers !== null && this.decimals !== null)
      return { kind: 'decimals', numbers: this.numbers, decimals: this.decimals };
    return { kind: 'cells', cells: this.cells ?? [] };
  }

  /** Makes room for `rows` rows (blank), when the column holds fewer. */
  reserve(rows: number): void {
    if (rows <= this.capacity) return;
    this.capacity = rows;
    if (this.codes !== null) this.codes = grown(this.codes, rows, -1);
    if (this.numbers !== null) this.numbers = grown(this.numbers, rows, Number.NaN);
    if (this.decimals !== null) this.decimals = grown(this.decimals, rows, blankDecimals);
    if (this.prefixCodes !== null) this.prefixCodes = grown(this.prefixCodes, rows, 0);
    if (this.tails !== null) this.tails = grown(this.tails, rows, 0);
    if (this.widths !== null) this.widths = grown(this.widths, rows, 0);
    if (this.cells !== null) {
      const from = this.cells.length;
      this.cells.length = rows;
      this.cells.fill(null, from);
    }
  }

  /**
   * Appends the rows of another column (the same column of the file's next part, parsed apart) from row
   * `offset` on: `rows` rows of `part`. Distinct values keep their order of first appearance (this
   * column's, then the part's new ones). When the two hold different kinds, both become a kind both fit:
   * codes of numbers and numbers become numbers, codes of texts and prefixed numbers prefixed numbers
   * when every text is one, anything else plain cells. Rows from `offset` on must still be blank; the
   * column grows to hold `offset + rows` rows.
   */
  appendPart(part: CsvColumnPart, offset: number, rows: number): void {
    this.reserve(offset + rows);
    this.rowsEnd = Math.max(this.rowsEnd, offset + rows);
    if (this.codes !== null) {
      if (part.kind === 'numberKeys' && this.keyNumbers !== null) {
        this.appendNumberKeys(part, offset, rows);
        return;
      }
      if (part.kind === 'texts' || part.kind === 'numberKeys') {
        if (this.keyNumbers !== null) this.keysToTexts();
        this.appendTexts(part, offset, rows);
        return;
      }
      if (part.kind === 'decimals' && this.keyNumbers !== null) this.keysToDecimals();
      else {
        if (this.keyNumbers !== null) this.keysToTexts();
        if (part.kind !== 'prefixed' || !this.toPrefixed()) this.toCells();
      }
    }
    if (this.numbers !== null && this.decimals !== null) {
      if (part.kind === 'decimals') {
        this.numbers.set(part.numbers.subarray(0, rows), offset);
        this.decimals.set(part.decimals.subarray(0, rows), offset);
        return;
      }
      if (part.kind === 'numberKeys') {
        for (let row = 0; row < rows; row++) {
          const code = part.codes[row]!;
          if (code < 0) continue;
          this.numbers[offset + row] = part.keyNumbers[code]!;
          this.decimals[offset + row] = part.keyDecimals[code]!;
        }
        return;
      }
      this.decimalsToCells();
    } else if (this.widths !== null) {
      if (this.appendPrefixed(part, offset, rows)) return;
      this.prefixedToCells();
    }
    const cells = this.cells!;
    const cellOf = partCells(part);
    for (let row = 0; row < rows; row++) {
      const cell = cellOf(row);
      if (cell !== null) cells[offset + row] = cell;
    }
  }

  /** {@link CsvColumn.appendPart} of codes of numbers to codes of numbers. */
  private appendNumberKeys(
    part: Extract<CsvColumnPart, { kind: 'numberKeys' }>,
    offset: number,
    rows: number,
  ): void {
    const remap = new Int32Array(part.keyNumbers.length);
    for (let code = 0; code < remap.length; code++)
      remap[code] = this.numberCode(part.keyNumbers[code]!, part.keyDecimals[code]!);
    this.appendCodes(part.codes, remap, offset, rows);
  }

  /**
   * {@link CsvColumn.appendPart} of codes (of texts, or of numbers as their texts) to codes of texts. The
   * part's texts are looked up where they stand in its joined text: only those new here become strings.
   */
  private appendTexts(
    part: Extract<CsvColumnPart, { kind: 'texts' | 'numberKeys' }>,
    offset: number,
    rows: number,
  ): void {
    const { text, ends } =
      part.kind === 'texts'
        ? part
        : joinedTexts(Array.from(part.keyNumbers, (value, code) => keyText(value, part.keyDecimals[code]!)));
    const remap = new Int32Array(ends.length);
    for (let code = 0, start = 0; code < remap.length; code++) {
      const end = ends[code]!;
      remap[code] = this.textCode(text, start, end);
      start = end;
    }
    this.appendCodes(part.codes, remap, offset, rows);
  }

  private appendCodes(partCodes: Int32Array, remap: Int32Array, offset: number, rows: number): void {
    const codes = this.codes!;
    for (let row = 0; row < rows; row++) {
      const code = partCodes[row]!;
      if (code >= 0) codes[offset + row] = remap[code]!;
    }
  }

  /**
   * {@link CsvColumn.appendPart} to prefixed numbers of prefixed numbers, or of codes of texts that are
   * all prefixed numbers; false, changing no row, otherwise (or past the prefixes allowed).
   */
  private appendPrefixed(part: CsvColumnPart, offset: number, rows: number): boolean {
    const prefixCodes = this.prefixCodes!;
    const tails = this.tails!;
    const widths = this.widths!;
    if (part.kind === 'prefixed') {
      const remap = new Uint8Array(part.prefixes.length);
      for (let code = 0; code < remap.length; code++) {
        const prefix = part.prefixes[code]!;
        const mapped = this.prefixCode(prefix, 0, prefix.length);
        if (mapped < 0) return false;
        remap[code] = mapped;
      }
      for (let row = 0; row < rows; row++) {
        const width = part.widths[row]!;
        if (width === 0) continue;
        prefixCodes[offset + row] = remap[part.prefixCodes[row]!]!;
        tails[offset + row] = part.tails[row]!;
        widths[offset + row] = width;
      }
      return true;
    }
    if (part.kind !== 'texts') return false;
    const { text, ends } = part;
    const count = ends.length;
    const valuePrefixes = new Uint8Array(count);
    const valueTails = new Float64Array(count);
    const valueWidths = new Uint8Array(count);
    for (let code = 0, start = 0; code < count; code++) {
      const end = ends[code]!;
      if (!this.readPrefixed(text, start, end, valuePrefixes, valueTails, valueWidths, code)) return false;
      start = end;
    }
    for (let row = 0; row < rows; row++) {
      const code = part.codes[row]!;
      if (code < 0) continue;
      prefixCodes[offset + row] = valuePrefixes[code]!;
      tails[offset + row] = valueTails[code]!;
      widths[offset + row] = valueWidths[code]!;
    }
    return true;
  }

  /**
   * The code of the text `text.slice(start, end)` among the distinct texts, added when new (no row holds
   * it yet).
   */
  private textCode(text: string, start: number, end: number): number {
    const slot = this.textSlot(text, start, end);
    const code = this.slots[4 * slot]!;
    if (code !== emptySlot) return code;
    const added = this.values.length;
    this.values.push(text.slice(start, end));
    this.fillSlot(slot, added);
    if (tooFull(added + 1, this.slots.length)) this.grow();
    return added;
  }

  /**
   * The slot of the text `text.slice(start, end)` in the texts' hash table, or the free slot where it goes;
   * the text's words are left in `textWords`.
   */
  private textSlot(text: string, start: number, end: number): number {
    const hash = packText(text, start, end);
    const w0 = textWords[0]!;
    const w1 = textWords[1]!;
    const w2 = textWords[2]!;
    const slots = this.slots;
    const mask = (slots.length >> 2) - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = 4 * slot;
      const code = slots[at]!;
      if (code === emptySlot) return slot;
      if (
        slots[at + 1] === w0 &&
        slots[at + 2] === w1 &&
        slots[at + 3] === w2 &&
        (w0 !== 0 || sameText(this.values[code]!, text, start, end))
      )
        return slot;
    }
  }

  /** Writes `code` and the words in `textWords` to slot `slot` of the texts' hash table. */
  private fillSlot(slot: number, code: number): void {
    const at = 4 * slot;
    this.slots[at] = code;
    this.slots[at + 1] = textWords[0]!;
    this.slots[at + 2] = textWords[1]!;
    this.slots[at + 3] = textWords[2]!;
  }

  /** The code of a (number, decimals) pair among the distinct pairs, added when new (no row holds it yet). */
  private numberCode(value: number, places: number): number {
    if (this.ascendingKeys) this.fillNumberSlots();
    const slot = this.numberSlot(value, places);
    const code = this.numberSlotInts[4 * slot + 2]!;
    if (code !== emptySlot) return code;
    const added = this.addKey(value, places, slot);
    if (this.keyCount > this.numberSlots.length >> 2) this.resizeNumberSlots(this.numberSlots.length);
    return added;
  }

  /** The slot of the pair (value, places) in the pairs' hash table, or the free slot where it goes. */
  private numberSlot(value: number, places: number): number {
    const hash = numberHash(value, places);
    const numbers = this.numberSlots;
    const ints = this.numberSlotInts;
    const mask = (numbers.length >> 1) - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      if (ints[4 * slot + 2] === emptySlot) return slot;
      const key = numbers[2 * slot]!;
      // −0 and 0 are different texts (`-0`, `0`): equal as numbers, told apart by 1 / key.
      if (key === value && ints[4 * slot + 3] === places && (key !== 0 || 1 / key === 1 / value)) return slot;
    }
  }

  /**
   * A pairs' hash table of `size` slots holding the distinct pairs so far, moved slot by slot from the old
   * table (in its order, so that writes to the new one mostly go forward).
   */
  private resizeNumberSlots(size: number): void {
    const oldNumbers = this.numberSlots;
    const oldInts = this.numberSlotInts;
    const numbers = new Float64Array(2 * size);
    const ints = new Int32Array(numbers.buffer).fill(emptySlot);
    const mask = size - 1;
    for (let from = 0; from < oldNumbers.length; from += 2) {
      const code = oldInts[2 * from + 2]!;
      if (code === emptySlot) continue;
      const value = oldNumbers[from]!;
      const places = oldInts[2 * from + 3]!;
      let slot = numberHash(value, places) & mask;
      while (ints[4 * slot + 2] !== emptySlot) slot = (slot + 1) & mask;
      numbers[2 * slot] = value;
      ints[4 * slot + 2] = code;
      ints[4 * slot + 3] = places;
    }
    this.numberSlots = numbers;
    this.numberSlotInts = ints;
  }

  /**
   * Ends {@link CsvColumn.ascendingKeys}: the pairs' table, with room for four times the pairs, filled with
   * every pair so far.
   */
  private fillNumberSlots(): void {
    this.ascendingKeys = false;
    let size = this.numberSlots.length >> 1;
    while (this.keyCount > size >> 2) size *= 2;
    this.resizeNumberSlots(size);
    const keyNumbers = this.keyNumbers!;
    const keyDecimals = this.keyDecimals!;
    for (let code = 0; code < this.keyCount; code++) {
      const value = keyNumbers[code]!;
      const places = keyDecimals[code]!;
      const slot = this.numberSlot(value, places);
      this.numberSlots[2 * slot] = value;
      this.numberSlotInts[4 * slot + 2] = code;
      this.numberSlotInts[4 * slot + 3] = places;
    }
  }

  /** Row `row` holds the (non-empty) text `text.slice(start, end)`. */
  addRange(row: number, text: string, start: number, end: number): void {
    if (row >= this.rowsEnd) this.rowsEnd = row + 1;
    if (this.codes === null) {
      if (this.numbers !== null) {
        if (storePlainDecimal(text, start, end, this.numbers, this.decimals!, row)) return;
        this.decimalsToCells();
      } else if (this.widths !== null) {
        if (this.storePrefixed(row, text, start, end)) return;
        this.prefixedToCells();
      }
      this.setCell(row, text.slice(start, end));
      return;
    }
    if (this.keyNumbers !== null) {
      if (storePlainDecimal(text, start, end, fieldNumber, fieldDecimals, 0)) {
        this.addNumber(row);
        return;
      }
      this.keysToTexts();
    }
    // The field on the row above is compared where it stands in the same text.
    const length = end - start;
    if (
      this.lastSource === text &&
      this.lastLength === length &&
      sameRange(text, this.lastStart, start, length)
    ) {
      this.put(row, this.lastCode);
      return;
    }
    const slot = this.textSlot(text, start, end);
    const code = this.slots[4 * slot]!;
    this.lastSource = text;
    this.lastStart = start;
    this.lastLength = length;
    if (code === emptySlot) this.insert(row, text.slice(start, end), slot);
    else {
      this.lastCode = code;
      this.put(row, code);
    }
  }

  /** Row `row` holds `value` (a field that needed unquoting); '' is a blank. */
  addString(row: number, value: string): void {
    if (value === '') return;
    this.addRange(row, value, 0, value.length);
  }

  /**
   * The column, `rowCount` rows long: codes into its distinct texts, plain cells, or numbers (typed arrays
   * are views of the first `rowCount` rows, not copies).
   */
  build(rowCount: number): CellColumn {
    if (this.codes !== null) {
      const codes = this.codes.length === rowCount ? this.codes : this.codes.subarray(0, rowCount);
      if (this.keyNumbers !== null && this.keyDecimals !== null) {
        // The distinct pairs as their texts, without the hash table that adding more rows would need.
        const values = new Array<string>(this.keyCount);
        for (let code = 0; code < this.keyCount; code++)
          values[code] = keyText(this.keyNumbers[code]!, this.keyDecimals[code]!);
        return { codes, values };
      }
      return { codes, values: this.values };
    }
    if (this.prefixes !== null && this.prefixCodes !== null && this.tails !== null && this.widths !== null) {
      const fits = this.widths.length === rowCount;
      return {
        prefixes: this.prefixes,
        prefixCodes: fits ? this.prefixCodes : this.prefixCodes.subarray(0, rowCount),
        tails: fits ? this.tails : this.tails.subarray(0, rowCount),
        widths: fits ? this.widths : this.widths.subarray(0, rowCount),
      };
    }
    if (this.numbers !== null && this.decimals !== null) {
      const fits = this.numbers.length === rowCount;
      return {
        numbers: fits ? this.numbers : this.numbers.subarray(0, rowCount),
        decimals: fits ? this.decimals : this.decimals.subarray(0, rowCount),
      };
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

  /** The plain decimal field in `fieldNumber`/`fieldDecimals` at row `row`, looked up by its pair. */
  private addNumber(row: number): void {
    const value = fieldNumber[0]!;
    const places = fieldDecimals[0]!;
    const last = this.lastNumber;
    if (value === last && places === this.lastPlaces && (value !== 0 || 1 / value === 1 / last)) {
      this.put(row, this.lastCode);
      return;
    }
    if (this.ascendingKeys) {
      if (this.keyCount === 0 || value > this.keyNumbers![this.keyCount - 1]!) {
        const code = this.appendKey(value, places);
        this.put(row, code);
        if (this.insertedNumber(places)) return;
        this.lastNumber = value;
        this.lastPlaces = places;
        this.lastCode = code;
        return;
      }
      this.fillNumberSlots();
    }
    const slot = this.numberSlot(value, places);
    let code = this.numberSlotInts[4 * slot + 2]!;
    if (code === emptySlot) {
      code = this.addKey(value, places, slot);
      this.put(row, code);
      if (this.insertedNumber(places)) return;
    } else this.put(row, code);
    this.lastNumber = value;
    this.lastPlaces = places;
    this.lastCode = code;
  }

  /** Adds the new pair (value, places) at the free slot `slot` of the pairs' table; its code. */
  private addKey(value: number, places: number, slot: number): number {
    const code = this.appendKey(value, places);
    this.numberSlots[2 * slot] = value;
    this.numberSlotInts[4 * slot + 2] = code;
    this.numberSlotInts[4 * slot + 3] = places;
    return code;
  }

  /** Adds the new pair (value, places) to the distinct pairs (not to their table); its code. */
  private appendKey(value: number, places: number): number {
    const code = this.keyCount++;
    if (code === this.keyNumbers!.length) {
      const numbers = new Float64Array(2 * code);
      numbers.set(this.keyNumbers!);
      this.keyNumbers = numbers;
      const decimals = new Uint8Array(2 * code);
      decimals.set(this.keyDecimals!);
      this.keyDecimals = decimals;
    }
    this.keyNumbers![code] = value;
    this.keyDecimals![code] = places;
    return code;
  }

  /**
   * After a new pair with `places` decimals was added (and written to its row): true when the column has
   * turned into numbers — judged mostly distinct or, with decimals, past the distinct values a column may
   * collect before it is judged (amounts, costs and prices are read as numbers anyway, and ids have no
   * decimals).
   */
  private insertedNumber(places: number): boolean {
    if (places > 0) this.hasFractions = true;
    const count = this.keyCount;
    if (this.mostlyDistinct(count) || (this.hasFractions && count > distinctBeforeJudging)) {
      this.keysToDecimals();
      return true;
    }
    if (!this.ascendingKeys && count > this.numberSlots.length >> 2)
      this.resizeNumberSlots(this.numberSlots.length);
    return false;
  }

  private insert(row: number, value: string, slot: number): void {
    const code = this.values.length;
    this.values.push(value);
    this.fillSlot(slot, code);
    this.put(row, code);
    this.lastCode = code;
    if (this.mostlyDistinct(this.values.length)) {
      if (!this.toPrefixed()) this.toCells();
      return;
    }
    if (tooFull(this.values.length, this.slots.length)) this.grow();
  }

  private mostlyDistinct(distinct: number): boolean {
    return (
      distinct > distinctBeforeJudging && distinct > this.judgedRows >> 3 && distinct * 2 > this.rowsSeen
    );
  }

  /** Mostly distinct: plain cells from here on (the codes so far decoded). */
  private toCells(): void {
    const cells = new Array<RawCell>(this.capacity).fill(null);
    const codes = this.codes!;
    for (let row = 0; row < this.rowsEnd; row++) {
      const code = codes[row]!;
      if (code >= 0) cells[row] = this.values[code]!;
    }
    this.cells = cells;
    this.dropCodes();
  }

  /**
   * Mostly distinct: prefixes and numbers from here on (the codes so far decoded) when every distinct text
   * so far is a prefixed number id and there are few prefixes; false, changing nothing, otherwise.
   */
  private toPrefixed(): boolean {
    const values = this.values;
    const count = values.length;
    const valuePrefixes = new Uint8Array(count);
    const valueTails = new Float64Array(count);
    const valueWidths = new Uint8Array(count);
    this.prefixes = [];
    for (let code = 0; code < count; code++) {
      const value = values[code]!;
      if (!this.readPrefixed(value, 0, value.length, valuePrefixes, valueTails, valueWidths, code)) {
        this.prefixes = null;
        return false;
      }
    }
    const prefixCodes = new Uint8Array(this.capacity);
    const tails = new Float64Array(this.capacity);
    const widths = new Uint8Array(this.capacity);
    const codes = this.codes!;
    for (let row = 0; row < this.rowsEnd; row++) {
      const code = codes[row]!;
      if (code >= 0) {
        prefixCodes[row] = valuePrefixes[code]!;
        tails[row] = valueTails[code]!;
        widths[row] = valueWidths[code]!;
      }
    }
    this.prefixCodes = prefixCodes;
    this.tails = tails;
    this.widths = widths;
    this.dropCodes();
    return true;
  }

  /** Row `row` holds `text.slice(start, end)` if it is a prefixed number id with a known or new prefix. */
  private storePrefixed(row: number, text: string, start: number, end: number): boolean {
    return this.readPrefixed(text, start, end, this.prefixCodes!, this.tails!, this.widths!, row);
  }

  /** Reads a prefixed number id into index `at` of the arrays; false, storing nothing, when not one. */
  private readPrefixed(
    text: string,
    start: number,
    end: number,
    prefixCodes: Uint8Array,
    tails: Float64Array,
    widths: Uint8Array,
    at: number,
  ): boolean {
    const tailStart = prefixedNumberTail(text, start, end);
    if (tailStart < 0) return false;
    const prefix = this.prefixCode(text, start, tailStart);
    if (prefix < 0) return false;
    let tail = 0;
    for (let k = tailStart; k < end; k++) tail = tail * 10 + (text.charCodeAt(k) - 48);
    prefixCodes[at] = prefix;
    tails[at] = tail;
    widths[at] = end - tailStart;
    return true;
  }

  /** The code of the prefix `text.slice(start, end)`, added when new; −1 when there would be too many. */
  private prefixCode(text: string, start: number, end: number): number {
    const prefixes = this.prefixes!;
    if (this.lastPrefix < prefixes.length && sameText(prefixes[this.lastPrefix]!, text, start, end))
      return this.lastPrefix;
    for (let code = 0; code < prefixes.length; code++) {
      if (sameText(prefixes[code]!, text, start, end)) {
        this.lastPrefix = code;
        return code;
      }
    }
    if (prefixes.length === maxPrefixes) return -1;
    prefixes.push(text.slice(start, end));
    this.lastPrefix = prefixes.length - 1;
    return this.lastPrefix;
  }

  /** A field that is not a prefixed number id once the column is those: plain cells, the rows so far as their texts. */
  private prefixedToCells(): void {
    const prefixes = this.prefixes!;
    const prefixCodes = this.prefixCodes!;
    const tails = this.tails!;
    const widths = this.widths!;
    const cells = new Array<RawCell>(this.capacity).fill(null);
    for (let row = 0; row < this.rowsEnd; row++) {
      const width = widths[row]!;
      if (width !== 0) cells[row] = prefixedNumberText(prefixes[prefixCodes[row]!]!, tails[row]!, width);
    }
    this.cells = cells;
    this.prefixes = null;
    this.prefixCodes = null;
    this.tails = null;
    this.widths = null;
  }

  /** Mostly distinct plain decimal text: numbers from here on (the codes so far decoded). */
  private keysToDecimals(): void {
    const keyNumbers = this.keyNumbers!;
    const keyDecimals = this.keyDecimals!;
    const numbers = new Float64Array(this.capacity).fill(Number.NaN);
    const decimals = new Uint8Array(this.capacity).fill(blankDecimals);
    const codes = this.codes!;
    for (let row = 0; row < this.rowsEnd; row++) {
      const code = codes[row]!;
      if (code >= 0) {
        numbers[row] = keyNumbers[code]!;
        decimals[row] = keyDecimals[code]!;
      }
    }
    this.numbers = numbers;
    this.decimals = decimals;
    this.dropCodes();
  }

  private dropCodes(): void {
    this.codes = null;
    this.values = [];
    this.keyNumbers = null;
    this.keyDecimals = null;
    this.slots = new Int32Array(0);
    this.numberSlots = new Float64Array(0);
    this.numberSlotInts = new Int32Array(0);
    this.lastSource = null;
    this.lastNumber = Number.NaN;
  }

  /**
   * A field that is not plain decimal text while the column holds codes: the distinct pairs become their
   * texts, hashed by their characters as if read as texts all along (same codes, same order).
   */
  private keysToTexts(): void {
    const keyNumbers = this.keyNumbers!;
    const keyDecimals = this.keyDecimals!;
    const values = new Array<string>(this.keyCount);
    for (let code = 0; code < this.keyCount; code++)
      values[code] = keyText(keyNumbers[code]!, keyDecimals[code]!);
    this.values = values;
    this.keyNumbers = null;
    this.keyDecimals = null;
    this.numberSlots = new Float64Array(0);
    this.numberSlotInts = new Int32Array(0);
    this.lastNumber = Number.NaN;
    let size = this.slots.length;
    while (tooFull(values.length + 1, size)) size *= 2;
    const slots = new Int32Array(size).fill(emptySlot);
    this.slots = slots;
    const mask = (size >> 2) - 1;
    values.forEach((value, code) => {
      let slot = packText(value, 0, value.length) & mask;
      while (slots[4 * slot] !== emptySlot) slot = (slot + 1) & mask;
      this.fillSlot(slot, code);
    });
  }

  /** A field that is not plain decimal text once the column is numbers: plain cells, the numbers so far as their texts. */
  private decimalsToCells(): void {
    const numbers = this.numbers!;
    const decimals = this.decimals!;
    const cells = new Array<RawCell>(this.capacity).fill(null);
    for (let row = 0; row < this.rowsEnd; row++) {
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
    this.rehash(this.slots.length * 2);
  }

  private rehash(size: number): void {
    const old = this.slots;
    const slots = new Int32Array(size).fill(emptySlot);
    const mask = (size >> 2) - 1;
    for (let from = 0; from < old.length; from += 4) {
      if (old[from] === emptySlot) continue;
      const w0 = old[from + 1]!;
      const w1 = old[from + 2]!;
      const w2 = old[from + 3]!;
      let slot = (w0 !== 0 ? mixWords(w0, w1, w2) : w1) & mask;
      while (slots[4 * slot] !== emptySlot) slot = (slot + 1) & mask;
      slots[4 * slot] = old[from]!;
      slots[4 * slot + 1] = w0;
      slots[4 * slot + 2] = w1;
      slots[4 * slot + 3] = w2;
    }
    this.slots = slots;
  }
}

/**
 * A column of a CSV part as one thread hands it to another ({@link CsvColumn.toPart}): its arrays, as
 * long as the part's capacity (only its first rows count). `numberKeys` is codes into distinct plain
 * decimals, `texts` codes into distinct texts.
 */
export type CsvColumnPart =
  /**
   * Codes of texts; the distinct texts joined in one string (one copy between threads rather than a
   * string each), text `c` ending at `ends[c]`.
   */
  | { kind: 'texts'; codes: Int32Array; text: string; ends: Int32Array }
  | { kind: 'numberKeys'; codes: Int32Array; keyNumbers: Float64Array; keyDecimals: Uint8Array }
  | { kind: 'decimals'; numbers: Float64Array; decimals: Uint8Array }
  | {
      kind: 'prefixed';
      prefixes: string[];
      prefixCodes: Uint8Array;
      tails: Float64Array;
      widths: Uint8Array;
    }
  | { kind: 'cells'; cells: RawCell[] };

/** A copy of `array` `length` long, `blank` after its rows. */
function grown<T extends Int32Array | Float64Array | Uint8Array>(array: T, length: number, blank: number): T {
  const copy = new (array.constructor as new (length: number) => T)(length);
  copy.set(array);
  if (blank !== 0) copy.fill(blank, array.length);
  return copy;
}

/** Texts joined into one string, and where each ends in it. */
function joinedTexts(values: readonly string[]): { text: string; ends: Int32Array } {
  const ends = new Int32Array(values.length);
  let end = 0;
  for (let code = 0; code < values.length; code++) {
    end += values[code]!.length;
    ends[code] = end;
  }
  return { text: values.join(''), ends };
}

/** The cell of each row of a part, by row. */
function partCells(part: CsvColumnPart): (row: number) => RawCell {
  switch (part.kind) {
    case 'texts':
      return (row) => {
        const code = part.codes[row]!;
        return code < 0 ? null : part.text.slice(code === 0 ? 0 : part.ends[code - 1]!, part.ends[code]);
      };
    case 'numberKeys':
      return (row) => {
        const code = part.codes[row]!;
        return code < 0 ? null : decimalText(part.keyNumbers[code]!, part.keyDecimals[code]!);
      };
    case 'decimals':
      return (row) => {
        const places = part.decimals[row]!;
        return places === blankDecimals ? null : decimalText(part.numbers[row]!, places);
      };
    case 'prefixed':
      return (row) => {
        const width = part.widths[row]!;
        return width === 0
          ? null
          : prefixedNumberText(part.prefixes[part.prefixCodes[row]!]!, part.tails[row]!, width);
      };
    case 'cells':
      return (row) => part.cells[row] ?? null;
  }
}

/**
 * The text of a distinct pair: `decimalText`, quicker for whole numbers other than ±0 (ids), whose
 * shortest text is theirs (under 16 digits: no exponent).
 *
 * @example keyText(1000042, 0) // '1000042'
 */
function keyText(value: number, places: number): string {
  return places === 0 && value !== 0 ? String(value) : decimalText(value, places);
}

/** The hash of a (number, decimals) pair: of the number's bits and the decimals. */
function numberHash(value: number, places: number): number {
  fieldNumber[0] = value;
  let hash = Math.imul(0x811c9dc5 ^ fieldWords[0]!, 0x01000193);
  hash = Math.imul(hash ^ fieldWords[1]!, 0x01000193);
  hash = Math.imul(hash ^ places, 0x01000193);
  return hash ^ (hash >>> 15);
}

/**
 * Whether a texts' hash table of `length` words (4 a slot) is too full for `count` texts: past three
 * quarters of its slots (a probe past a taken slot mostly stays in the same cache line).
 */
function tooFull(count: number, length: number): boolean {
  return count * 16 > length * 3;
}

/** The words of the text being looked up (see {@link packText}). */
const textWords = new Int32Array(3);

/**
 * Puts the words of `text.slice(start, end)` in `textWords` and returns its hash: a text of 1 to 12
 * characters from U+0001 to U+00FF is its characters, a byte each, four to a word (the first in the low
 * byte of the first word, so its first word is not 0, and zeros after its end: different texts, different
 * words); another is 0, its hash and 0.
 *
 * @example packText('C01', 0, 3) // textWords: [0x313043, 0, 0]
 */
function packText(text: string, start: number, end: number): number {
  const length = end - start;
  if (length <= 12) {
    let w0 = 0;
    let w1 = 0;
    let w2 = 0;
    let k = 0;
    for (; k < length; k++) {
      const char = text.charCodeAt(start + k);
      if (char === 0 || char > 255) break;
      const bits = char << ((k & 3) << 3);
      if (k < 4) w0 |= bits;
      else if (k < 8) w1 |= bits;
      else w2 |= bits;
    }
    if (k === length) {
      textWords[0] = w0;
      textWords[1] = w1;
      textWords[2] = w2;
      return mixWords(w0, w1, w2);
    }
  }
  let hash = 0x811c9dc5;
  for (let at = start; at < end; at++) hash = Math.imul(hash ^ text.charCodeAt(at), 0x01000193);
  textWords[0] = 0;
  textWords[1] = hash;
  textWords[2] = 0;
  return hash;
}

/** The hash of a packed text's words (every bit of each word reaches the low bits). */
function mixWords(w0: number, w1: number, w2: number): number {
  let hash = Math.imul(w0 ^ (w0 >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13) ^ w1, 0xc2b2ae35);
  hash = Math.imul(hash ^ (hash >>> 16) ^ w2, 0x85ebca6b);
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x2c1b3c6d);
  return hash ^ (hash >>> 12);
}

/** Whether the `length` characters at `first` and at `second` of `text` are the same. */
function sameRange(text: string, first: number, second: number, length: number): boolean {
  for (let k = 0; k < length; k++)
    if (text.charCodeAt(first + k) !== text.charCodeAt(second + k)) return false;
  return true;
}

function sameText(value: string, text: string, start: number, end: number): boolean {
  if (value.length !== end - start) return false;
  for (let k = 0; k < value.length; k++) if (value.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}
