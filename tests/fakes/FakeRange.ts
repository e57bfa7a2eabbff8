import { formatAddress, type CellBlock } from './cellAddress';
import { FakeClientObject } from './FakeClientObject';
import type { CellStyle, StoredValue } from './FakeCells';
import type { FakeSheet } from './FakeModels';
import { FakeOfficeError } from './FakeOfficeError';
import type { FakeRequestContext } from './FakeRequestContext';

/** What a range proxy points at once resolved: a sheet and a block of its cells. */
export interface RangeRef {
  sheet: FakeSheet;
  block: CellBlock;
}

/** Refuses a change to a protected sheet, as Excel does (`AccessDenied`). */
export function assertSheetWritable(sheet: FakeSheet): void {
  if (sheet.protected) {
    throw new FakeOfficeError(
      'AccessDenied',
      `The cell or chart you're trying to change is on a protected sheet ("${sheet.name}").`,
    );
  }
}

function rows(block: CellBlock): number {
  return block.row1 - block.row0 + 1;
}

function cols(block: CellBlock): number {
  return block.col1 - block.col0 + 1;
}

function excelSerialToIso(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86_400_000)).toISOString().slice(0, 10);
}

/**
 * Resolves lazily (at the first sync that uses it) and then stays bound, like an Office.js proxy bound to
 * an object id.
 */
export class Binding<T> {
  private bound: { value: T } | null = null;

  constructor(private readonly resolver: () => T) {}

  get(): T {
    if (this.bound === null) this.bound = { value: this.resolver() };
    return this.bound.value;
  }
}

/**
 * The fake `Excel.Range`. Setting `values`, `formulas` or `numberFormat` takes either a 2-D array of the
 * range's exact size or one non-array value applied to every cell (as Office.js does); a null element
 * leaves its cell unchanged.
 */
export class FakeRange extends FakeClientObject {
  private readonly binding: Binding<RangeRef | null>;

  constructor(context: FakeRequestContext, resolver: () => RangeRef | null) {
    super(context);
    this.binding = new Binding(resolver);
  }

  /** The bound sheet and block; throws `ItemNotFound` on a null object. */
  ref(): RangeRef {
    const ref = this.binding.get();
    if (ref === null)
      throw new FakeOfficeError('ItemNotFound', 'The requested resource does not exist (a null object).');
    return ref;
  }

  protected override nullState(): boolean {
    return this.binding.get() === null;
  }

  protected readProperty(name: string): unknown {
    if (name === 'isNullObject') return this.binding.get() === null;
    const { sheet, block } = this.ref();
    const grid = <T>(cell: (r: number, c: number) => T): T[][] => {
      const out: T[][] = [];
      for (let r = block.row0; r <= block.row1; r++) {
        const row: T[] = [];
        for (let c = block.col0; c <= block.col1; c++) row.push(cell(r, c));
        out.push(row);
      }
      return out;
    };
    const cells = sheet.cells;
    switch (name) {
      case 'values':
        return grid((r, c) => cells.value(r, c) ?? '');
      case 'formulas':
        return grid((r, c) => cells.formula(r, c) ?? cells.value(r, c) ?? '');
      case 'numberFormat':
        return grid((r, c) => cells.numberFormat(r, c));
      case 'text':
        return grid((r, c) => {
          const value = cells.value(r, c);
          if (value === null) return '';
          if (typeof value === 'number' && /y/.test(cells.numberFormat(r, c))) return excelSerialToIso(value);
          return String(value);
        });
      case 'rowCount':
        return rows(block);
      case 'columnCount':
        return cols(block);
      case 'rowIndex':
        return block.row0;
      case 'columnIndex':
        return block.col0;
      case 'cellCount':
        return rows(block) * cols(block);
      case 'address':
        return formatAddress(sheet.name, block);
      default:
        throw new FakeOfficeError('InvalidArgument', `The fake range has no property "${name}".`);
    }
  }

  get isNullObject(): boolean {
    return this.loaded('isNullObject');
  }
  get values(): unknown[][] {
    return this.loaded('values');
  }
  set values(input: unknown[][]) {
    this.setCells('values', input, (ref, r, c, v) => {
      ref.sheet.cells.enter(r, c, v);
    });
  }
  get formulas(): unknown[][] {
    return this.loaded('formulas');
  }
  set formulas(input: unknown[][]) {
    this.setCells('formulas', input, (ref, r, c, v) => {
      if (typeof v === 'string' && v.startsWith('=') && v.length > 1) ref.sheet.cells.setRaw(r, c, v, v);
      else ref.sheet.cells.enter(r, c, v);
    });
  }
  get numberFormat(): string[][] {
    return this.loaded('numberFormat');
  }
  set numberFormat(input: unknown[][]) {
    this.setCells('numberFormat', input, (ref, r, c, v) => {
      if (v === null || v === undefined) return;
      if (typeof v !== 'string')
        throw new FakeOfficeError('InvalidArgument', 'A number format must be text.');
      ref.sheet.cells.setNumberFormat(r, c, v);
    });
  }
  get text(): string[][] {
    return this.loaded('text');
  }
  get rowCount(): number {
    return this.loaded('rowCount');
  }
  get columnCount(): number {
    return this.loaded('columnCount');
  }
  get rowIndex(): number {
    return this.loaded('rowIndex');
  }
  get columnIndex(): number {
    return this.loaded('columnIndex');
  }
  get address(): string {
    return this.loaded('address');
  }

  private setCells(
    property: string,
    input: unknown,
    write: (ref: RangeRef, row: number, col: number, value: unknown) => void,
  ): void {
    this.command({ [property]: input }, () => {
      const ref = this.ref();
      assertSheetWritable(ref.sheet);
      const { block } = ref;
      if (Array.isArray(input)) {
        const grid = input as unknown[];
        if (
          grid.length !== rows(block) ||
          grid.some((row) => !Array.isArray(row) || row.length !== cols(block))
        ) {
          throw new FakeOfficeError(
            'InvalidArgument',
            `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${property}).`,
          );
        }
        for (let r = 0; r < grid.length; r++) {
          const row = grid[r] as unknown[];
          for (let c = 0; c < row.length; c++) write(ref, block.row0 + r, block.col0 + c, row[c]);
        }
      } else {
        for (let r = block.row0; r <= block.row1; r++)
          for (let c = block.col0; c <= block.col1; c++) write(ref, r, c, input);
      }
      return rows(block) * cols(block);
    });
  }

  get format(): FakeRangeFormat {
    return new FakeRangeFormat(this);
  }

  /** `Range.dataValidation`: a rule set is recorded on the sheet (it writes no cell value); the alert is accepted. */
  get dataValidation(): { rule: unknown; errorAlert: unknown } {
    const set = (rule: unknown): void => {
      this.command({ dataValidation: rule }, () => {
        const ref = this.ref();
        assertSheetWritable(ref.sheet);
        ref.sheet.cells.validations.push({ block: { ...ref.block }, rule });
      });
    };
    const alert = (value: unknown): void => {
      this.command({ errorAlert: value }, () => {
        assertSheetWritable(this.ref().sheet);
      });
    };
    return {
      set rule(value: unknown) {
        set(value);
      },
      set errorAlert(value: unknown) {
        alert(value);
      },
    };
  }

  get conditionalFormats(): { add(type: string): FakeConditionalFormatProxy } {
    return {
      add: (type: string) => {
        const proxy = new FakeConditionalFormatProxy(this.context);
        this.command({ addConditionalFormat: type }, () => {
          const ref = this.ref();
          assertSheetWritable(ref.sheet);
          const model = { block: ref.block, type, criteria: null as unknown };
          ref.sheet.conditionalFormats.push(model);
          proxy.bind(model);
        });
        return proxy;
      },
    };
  }

  /** The used part of this range (values only, as the fake does not track formats per range). */
  getUsedRangeOrNullObject(): FakeRange {
    return new FakeRange(this.context, () => {
      const ref = this.ref();
      const block = ref.sheet.cells.usedBlockWithin(ref.block);
      return block === null ? null : { sheet: ref.sheet, block };
    });
  }

  getCell(row: number, column: number): FakeRange {
    return this.derive((b) => ({
      row0: b.row0 + row,
      col0: b.col0 + column,
      row1: b.row0 + row,
      col1: b.col0 + column,
    }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derive((b) => ({ ...b, row1: b.row1 + deltaRows, col1: b.col1 + deltaColumns }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.derive((b) => ({
      row0: b.row0 + rowOffset,
      row1: b.row1 + rowOffset,
      col0: b.col0 + columnOffset,
      col1: b.col1 + columnOffset,
    }));
  }

  private derive(map: (block: CellBlock) => CellBlock): FakeRange {
    return new FakeRange(this.context, () => {
      const ref = this.ref();
      return { sheet: ref.sheet, block: map(ref.block) };
    });
  }

  /** Copies values, formulas and number formats (`'All'`, the default), or only some, from a same-sized range. */
  copyFrom(source: FakeRange, copyType: 'All' | 'Values' | 'Formats' | 'Formulas' = 'All'): void {
    this.command({ copyFrom: 'range', copyType }, () => {
      const from = source.ref();
      const to = this.ref();
      assertSheetWritable(to.sheet);
      if (rows(from.block) !== rows(to.block) || cols(from.block) !== cols(to.block)) {
        throw new FakeOfficeError('InvalidArgument', 'copyFrom: the fake needs ranges of the same size.');
      }
      const copied: { value: StoredValue; formula: string | null; format: string; style: CellStyle }[][] = [];
      for (let r = 0; r < rows(from.block); r++) {
        const row: (typeof copied)[number] = [];
        for (let c = 0; c < cols(from.block); c++) {
          const snap = from.sheet.cells.snapshot(from.block.row0 + r, from.block.col0 + c);
          row.push({
            value: snap.value,
            formula: snap.formula,
            format: snap.numberFormat,
            style: snap.style,
          });
        }
        copied.push(row);
      }
      copied.forEach((row, r) => {
        row.forEach((cell, c) => {
          const tr = to.block.row0 + r;
          const tc = to.block.col0 + c;
          if (copyType !== 'Formats') to.sheet.cells.setRaw(tr, tc, cell.value, cell.formula);
          if (copyType === 'All' || copyType === 'Formats') {
            to.sheet.cells.setNumberFormat(tr, tc, cell.format);
            to.sheet.cells.clear({ row0: tr, row1: tr, col0: tc, col1: tc }, 'formats');
            to.sheet.cells.setNumberFormat(tr, tc, cell.format);
            if (Object.keys(cell.style).length > 0) to.sheet.cells.setStyle(tr, tc, cell.style);
          }
        });
      });
    });
  }

  clear(applyTo: 'All' | 'Contents' | 'Formats' = 'All'): void {
    this.command({ clear: applyTo }, () => {
      const ref = this.ref();
      assertSheetWritable(ref.sheet);
      ref.sheet.cells.clear(
        ref.block,
        applyTo === 'All' ? 'all' : applyTo === 'Contents' ? 'contents' : 'formats',
      );
    });
  }
}

/** `Range.format` with font, fill, wrap, alignment and column width. */
export class FakeRangeFormat {
  constructor(private readonly range: FakeRange) {}

  private style(patch: CellStyle): void {
    this.range.command(patch, () => {
      const ref = this.range.ref();
      assertSheetWritable(ref.sheet);
      ref.sheet.cells.setBlockStyle(ref.block, patch);
    });
  }

  get font(): { bold: boolean; size: number; color: string } {
    const format = this.style.bind(this);
    return {
      set bold(value: boolean) {
        format({ bold: value });
      },
      set size(value: number) {
        format({ size: value });
      },
      set color(value: string) {
        format({ fontColor: value });
      },
    };
  }

  get fill(): { color: string } {
    const format = this.style.bind(this);
    return {
      set color(value: string) {
        format({ fill: value });
      },
    };
  }

  set wrapText(value: boolean) {
    this.style({ wrap: value });
  }

  set horizontalAlignment(value: string) {
    this.style({ horizontal: value });
  }

  set verticalAlignment(value: string) {
    this.style({ vertical: value });
  }

  /** Fits the rows to their wrapped text: recorded on the rows' first cells (the fake measures no text). */
  autofitRows(): void {
    this.range.command({ autofitRows: true }, () => {
      const ref = this.range.ref();
      assertSheetWritable(ref.sheet);
      ref.sheet.cells.setBlockStyle({ ...ref.block, col1: ref.block.col0 }, { autofitRow: true });
    });
  }

  set columnWidth(points: number) {
    this.range.command({ columnWidth: points }, () => {
      const ref = this.range.ref();
      assertSheetWritable(ref.sheet);
      for (let c = ref.block.col0; c <= ref.block.col1; c++) ref.sheet.cells.columnWidths.set(c, points);
    });
  }
}

/** A conditional format added to a range; only a colour scale's `criteria` is modelled. */
export class FakeConditionalFormatProxy extends FakeClientObject {
  private model: { criteria: unknown } | null = null;

  bind(model: { criteria: unknown }): void {
    this.model = model;
  }

  protected readProperty(name: string): unknown {
    throw new FakeOfficeError('InvalidArgument', `The fake conditional format has no property "${name}".`);
  }

  get colorScale(): { criteria: unknown } {
    const setCriteria = (value: unknown): void => {
      this.command({ criteria: value }, () => {
        if (this.model === null)
          throw new FakeOfficeError('ItemNotFound', 'The conditional format was not created.');
        this.model.criteria = value;
      });
    };
    return {
      set criteria(value: unknown) {
        setCriteria(value);
      },
    };
  }
}
