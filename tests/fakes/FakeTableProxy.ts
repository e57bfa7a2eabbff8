import { FakeClientObject } from './FakeClientObject';
import { FakeCollection } from './FakeCollection';
import type { FakeSheet, FakeTable } from './FakeModels';
import { FakeOfficeError } from './FakeOfficeError';
import { assertSheetWritable, Binding, FakeRange } from './FakeRange';
import type { FakeRequestContext } from './FakeRequestContext';
import { FakeWorksheet } from './FakeWorksheet';

/** `workbook.tables` or `worksheet.tables`. */
export class FakeTableCollection extends FakeCollection<FakeTable, FakeTableProxy> {
  constructor(
    context: FakeRequestContext,
    private readonly sheet: (() => FakeSheet) | null,
  ) {
    super(context);
  }

  protected models(): FakeTable[] {
    const sheet = this.sheet?.() ?? null;
    return this.context.model.tables.filter((t) => sheet === null || t.sheet === sheet);
  }

  protected itemFor(model: FakeTable): FakeTableProxy {
    return new FakeTableProxy(this.context, () => model);
  }

  getItem(name: string): FakeTableProxy {
    return new FakeTableProxy(this.context, () => {
      const table = this.models().find((t) => t.name.toLowerCase() === name.toLowerCase() || t.id === name);
      if (table === undefined)
        throw new FakeOfficeError('ItemNotFound', `The table "${name}" does not exist.`);
      return table;
    });
  }

  getItemOrNullObject(name: string): FakeTableProxy {
    return new FakeTableProxy(
      this.context,
      () => this.models().find((t) => t.name.toLowerCase() === name.toLowerCase() || t.id === name) ?? null,
    );
  }
}

/** The fake `Excel.Table`. */
export class FakeTableProxy extends FakeClientObject {
  private readonly binding: Binding<FakeTable | null>;

  constructor(context: FakeRequestContext, resolver: () => FakeTable | null) {
    super(context);
    this.binding = new Binding(resolver);
  }

  model(): FakeTable {
    const table = this.binding.get();
    if (table === null) throw new FakeOfficeError('ItemNotFound', 'The requested table does not exist.');
    return table;
  }

  protected override nullState(): boolean {
    return this.binding.get() === null;
  }

  protected readProperty(name: string): unknown {
    if (name === 'isNullObject') return this.binding.get() === null;
    const table = this.model();
    if (name === 'name') return table.name;
    if (name === 'id') return table.id;
    throw new FakeOfficeError('InvalidArgument', `The fake table has no property "${name}".`);
  }

  get isNullObject(): boolean {
    return this.loaded('isNullObject');
  }
  get name(): string {
    return this.loaded('name');
  }
  get id(): string {
    return this.loaded('id');
  }

  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.model().sheet);
  }

  get columns(): FakeTableColumnCollection {
    return new FakeTableColumnCollection(this.context, () => this.model());
  }

  get rows(): FakeTableRows {
    return new FakeTableRows(this.context, () => this.model());
  }

  getRange(): FakeRange {
    return new FakeRange(this.context, () => ({ sheet: this.model().sheet, block: this.model().block }));
  }

  getHeaderRowRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const b = this.model().block;
      return { sheet: this.model().sheet, block: { ...b, row1: b.row0 } };
    });
  }

  getDataBodyRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const b = this.model().block;
      return { sheet: this.model().sheet, block: { ...b, row0: b.row0 + 1 } };
    });
  }
}

/** `table.rows` (only `count` is modelled). */
export class FakeTableRows extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly table: () => FakeTable,
  ) {
    super(context);
  }

  protected readProperty(name: string): unknown {
    if (name === 'count') return this.table().rowCount;
    throw new FakeOfficeError('InvalidArgument', `The fake table rows have no property "${name}".`);
  }

  get count(): number {
    return this.loaded('count');
  }
}

interface ColumnRef {
  table: FakeTable;
  id: number;
}

/** `table.columns`: adding a column grows the table by one column (cells to its right shift right). */
export class FakeTableColumnCollection extends FakeCollection<ColumnRef, FakeTableColumn> {
  constructor(
    context: FakeRequestContext,
    private readonly table: () => FakeTable,
  ) {
    super(context);
  }

  protected models(): ColumnRef[] {
    const table = this.table();
    return table.columnIds.map((id) => ({ table, id }));
  }

  protected itemFor(model: ColumnRef): FakeTableColumn {
    return new FakeTableColumn(this.context, () => model);
  }

  getItem(key: string | number): FakeTableColumn {
    return new FakeTableColumn(this.context, () => {
      const found = this.find(key);
      if (found === null)
        throw new FakeOfficeError('ItemNotFound', `The table column "${String(key)}" does not exist.`);
      return found;
    });
  }

  getItemOrNullObject(key: string | number): FakeTableColumn {
    return new FakeTableColumn(this.context, () => this.find(key));
  }

  getItemAt(index: number): FakeTableColumn {
    return new FakeTableColumn(this.context, () => {
      const table = this.table();
      const id = table.columnIds[index];
      if (id === undefined) throw new FakeOfficeError('ItemNotFound', `The table has no column ${index}.`);
      return { table, id };
    });
  }

  private find(key: string | number): ColumnRef | null {
    const table = this.table();
    const index =
      typeof key === 'number'
        ? table.columnIds.indexOf(key)
        : table.columnIds.findIndex((_, i) => table.columnName(i).toLowerCase() === key.toLowerCase());
    const id = table.columnIds[index];
    return id === undefined ? null : { table, id };
  }

  /**
   * Adds a column at `index` (default: after the last). `values`, when given, is a 2-D array of
   * rowCount + 1 rows (header first) and one column. A missing or duplicate name becomes unique by a
   * number, as Excel does (`Column1`, `Revenue2`).
   */
  add(index?: number | null, values?: unknown[][] | null, name?: string | null): FakeTableColumn {
    let created: ColumnRef | null = null;
    this.command({ add: { index, values, name } }, () => {
      const table = this.table();
      assertSheetWritable(table.sheet);
      const position = index ?? table.columnCount;
      const sheetCol = table.col0 + position;
      const block = table.block;
      table.sheet.cells.shiftColumns(block.row0, block.row1, sheetCol, 1);
      // Ids are unique within a table and never reused, as in Excel.
      const id = table.nextColumnId++;
      table.columnIds.splice(position, 0, id);
      const existing = table.columnIds.map((_, i) =>
        i === position ? '' : table.columnName(i).toLowerCase(),
      );
      const first = values?.[0]?.[0];
      const wanted = name ?? (typeof first === 'string' ? first : '');
      const base = wanted === '' ? 'Column' : wanted;
      let header = wanted === '' ? 'Column1' : wanted;
      for (let n = 2; existing.includes(header.toLowerCase()); n++) header = `${base}${n}`;
      table.sheet.cells.setRaw(block.row0, sheetCol, header, null);
      let cells = 1;
      if (values !== undefined && values !== null) {
        if (values.length !== table.rowCount + 1) {
          throw new FakeOfficeError(
            'InvalidArgument',
            'The values must have one row per table row, header included.',
          );
        }
        for (let r = 1; r < values.length; r++)
          table.sheet.cells.enter(block.row0 + r, sheetCol, values[r]?.[0]);
        cells += table.rowCount;
      }
      created = { table, id };
      return cells;
    });
    return new FakeTableColumn(this.context, () => {
      if (created === null) throw new FakeOfficeError('ItemNotFound', 'The column was not added.');
      return created;
    });
  }
}

/** The fake `Excel.TableColumn`. */
export class FakeTableColumn extends FakeClientObject {
  private readonly binding: Binding<ColumnRef | null>;

  constructor(context: FakeRequestContext, resolver: () => ColumnRef | null) {
    super(context);
    this.binding = new Binding(resolver);
  }

  private ref(): { table: FakeTable; id: number; index: number } {
    const ref = this.binding.get();
    if (ref === null) throw new FakeOfficeError('ItemNotFound', 'The requested table column does not exist.');
    const index = ref.table.columnIds.indexOf(ref.id);
    if (index < 0) throw new FakeOfficeError('ItemNotFound', 'The table column was deleted.');
    return { ...ref, index };
  }

  protected override nullState(): boolean {
    return this.binding.get() === null;
  }

  protected readProperty(name: string): unknown {
    if (name === 'isNullObject') return this.binding.get() === null;
    const { table, id, index } = this.ref();
    if (name === 'id') return id;
    if (name === 'index') return index;
    if (name === 'name') return table.columnName(index);
    throw new FakeOfficeError('InvalidArgument', `The fake table column has no property "${name}".`);
  }

  get isNullObject(): boolean {
    return this.loaded('isNullObject');
  }
  get id(): number {
    return this.loaded('id');
  }
  get index(): number {
    return this.loaded('index');
  }
  get name(): string {
    return this.loaded('name');
  }
  set name(value: string) {
    this.command({ name: value }, () => {
      const { table, index } = this.ref();
      assertSheetWritable(table.sheet);
      table.sheet.cells.setRaw(table.headerRow, table.col0 + index, value, null);
      return 1;
    });
  }

  private range(part: 'all' | 'header' | 'body'): FakeRange {
    return new FakeRange(this.context, () => {
      const { table, index } = this.ref();
      const b = table.block;
      const col = table.col0 + index;
      const row0 = part === 'body' ? b.row0 + 1 : b.row0;
      const row1 = part === 'header' ? b.row0 : b.row1;
      return { sheet: table.sheet, block: { row0, row1, col0: col, col1: col } };
    });
  }

  getRange(): FakeRange {
    return this.range('all');
  }
  getHeaderRowRange(): FakeRange {
    return this.range('header');
  }
  getDataBodyRange(): FakeRange {
    return this.range('body');
  }

  /** Deletes the column; cells to the right of the table shift left. */
  delete(): void {
    this.command({ delete: true }, () => {
      const { table, index } = this.ref();
      assertSheetWritable(table.sheet);
      if (table.columnCount === 1)
        throw new FakeOfficeError('InvalidOperation', 'A table keeps at least one column.');
      const b = table.block;
      table.sheet.cells.shiftColumns(b.row0, b.row1, table.col0 + index + 1, -1);
      table.columnIds.splice(index, 1);
    });
  }
}
