import { formatAddress, parseAddress } from './cellAddress';
import { FakeChartCollection } from './FakeChart';
import { FakeClientObject } from './FakeClientObject';
import { FakeCollection } from './FakeCollection';
import type { FakePageLayout, FakeSheet, SheetVisibility } from './FakeModels';
import { FakeOfficeError } from './FakeOfficeError';
import { Binding, FakeRange } from './FakeRange';
import type { FakeRequestContext } from './FakeRequestContext';
import { FakeTableCollection } from './FakeTableProxy';

/** Refuses a change to the workbook's structure when it is protected or read-only. */
export function assertStructureWritable(context: FakeRequestContext): void {
  if (context.model.structureProtected || context.model.readOnly) {
    throw new FakeOfficeError(
      'AccessDenied',
      'The workbook structure is protected (or the workbook is read-only).',
    );
  }
}

/** The fake `Excel.Worksheet`. */
export class FakeWorksheet extends FakeClientObject {
  private readonly binding: Binding<FakeSheet | null>;

  constructor(context: FakeRequestContext, resolver: () => FakeSheet | null) {
    super(context);
    this.binding = new Binding(resolver);
  }

  model(): FakeSheet {
    const sheet = this.binding.get();
    if (sheet === null) throw new FakeOfficeError('ItemNotFound', 'The requested worksheet does not exist.');
    return sheet;
  }

  protected override nullState(): boolean {
    return this.binding.get() === null;
  }

  protected readProperty(name: string): unknown {
    if (name === 'isNullObject') return this.binding.get() === null;
    const sheet = this.model();
    switch (name) {
      case 'name':
        return sheet.name;
      case 'id':
        return sheet.id;
      case 'position':
        return this.context.model.sheets.indexOf(sheet);
      case 'visibility':
        return sheet.visibility;
      default:
        throw new FakeOfficeError('InvalidArgument', `The fake worksheet has no property "${name}".`);
    }
  }

  get isNullObject(): boolean {
    return this.loaded('isNullObject');
  }
  get id(): string {
    return this.loaded('id');
  }
  get name(): string {
    return this.loaded('name');
  }
  set name(value: string) {
    this.command({ name: value }, () => {
      assertStructureWritable(this.context);
      const sheet = this.model();
      const other = this.context.model.findSheet(value);
      if (other !== undefined && other !== sheet)
        throw new FakeOfficeError('ItemAlreadyExists', `A sheet named "${value}" exists.`);
      if (value.length > 31 || /[[\]:*?/\\]/.test(value) || value.trim() === '') {
        throw new FakeOfficeError('InvalidArgument', `"${value}" is not a valid sheet name.`);
      }
      sheet.name = value;
    });
  }
  get position(): number {
    return this.loaded('position');
  }
  set position(value: number) {
    this.command({ position: value }, () => {
      assertStructureWritable(this.context);
      const sheets = this.context.model.sheets;
      const sheet = this.model();
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(Math.max(0, Math.min(value, sheets.length)), 0, sheet);
    });
  }
  get visibility(): SheetVisibility {
    return this.loaded('visibility');
  }
  set visibility(value: SheetVisibility) {
    this.command({ visibility: value }, () => {
      assertStructureWritable(this.context);
      const sheet = this.model();
      if (
        value !== 'Visible' &&
        this.context.model.sheets.filter((s) => s.visibility === 'Visible' && s !== sheet).length === 0
      ) {
        throw new FakeOfficeError('InvalidOperation', 'A workbook must keep at least one visible sheet.');
      }
      sheet.visibility = value;
    });
  }

  get protection(): FakeWorksheetProtection {
    return new FakeWorksheetProtection(this.context, () => this.model());
  }

  get tables(): FakeTableCollection {
    return new FakeTableCollection(this.context, () => this.model());
  }

  get charts(): FakeChartCollection {
    return new FakeChartCollection(this.context, () => this.model());
  }

  get freezePanes(): { freezeRows(count: number): void; unfreeze(): void } {
    const freeze = (count: number): void => {
      this.command({ freezeRows: count }, () => {
        this.model().frozenRows = count;
      });
    };
    return {
      freezeRows: freeze,
      unfreeze: () => {
        freeze(0);
      },
    };
  }

  get autoFilter(): { apply(range: FakeRange): void } {
    return {
      apply: (range: FakeRange) => {
        this.command({ autoFilter: true }, () => {
          const ref = range.ref();
          this.model().autoFilter = formatAddress(ref.sheet.name, ref.block);
        });
      },
    };
  }

  /** Page setup: orientation, paper, zoom (fit to pages) and the print area, applied at sync. */
  get pageLayout(): {
    orientation: string;
    paperSize: string;
    zoom: FakePageLayout['zoom'];
    setPrintArea(range: FakeRange): void;
  } {
    const set = (change: Partial<FakePageLayout>): void => {
      this.command({ pageLayout: change }, () => {
        Object.assign(this.model().pageLayout, change);
      });
    };
    const read = (): never => {
      throw new FakeOfficeError('PropertyNotLoaded', 'The fake page layout is write-only.');
    };
    return {
      get orientation(): string {
        return read();
      },
      set orientation(value: string) {
        set({ orientation: value });
      },
      get paperSize(): string {
        return read();
      },
      set paperSize(value: string) {
        set({ paperSize: value });
      },
      get zoom(): FakePageLayout['zoom'] {
        return read();
      },
      set zoom(value: FakePageLayout['zoom']) {
        set({ zoom: { ...value } });
      },
      setPrintArea: (range: FakeRange) => {
        this.command({ printArea: true }, () => {
          const ref = range.ref();
          this.model().pageLayout.printArea = formatAddress(ref.sheet.name, ref.block);
        });
      },
    };
  }

  /** Manual page breaks above rows (`worksheet.horizontalPageBreaks.add`). */
  get horizontalPageBreaks(): { add(range: FakeRange): void } {
    return {
      add: (range: FakeRange) => {
        this.command({ pageBreak: true }, () => {
          const row = range.ref().block.row0;
          const breaks = this.model().pageLayout.rowBreaks;
          if (!breaks.includes(row)) breaks.push(row);
        });
      },
    };
  }

  getRange(address: string): FakeRange {
    return new FakeRange(this.context, () => ({ sheet: this.model(), block: parseAddress(address) }));
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(this.context, () => {
      if (rowCount < 1 || columnCount < 1 || startRow < 0 || startColumn < 0) {
        throw new FakeOfficeError(
          'InvalidArgument',
          'getRangeByIndexes: the range is empty or outside the sheet.',
        );
      }
      return {
        sheet: this.model(),
        block: {
          row0: startRow,
          col0: startColumn,
          row1: startRow + rowCount - 1,
          col1: startColumn + columnCount - 1,
        },
      };
    });
  }

  /** The used range; on an empty sheet, A1 (as Excel returns). */
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.model();
      return { sheet, block: sheet.cells.usedBlock(valuesOnly) ?? { row0: 0, col0: 0, row1: 0, col1: 0 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.model();
      const block = sheet.cells.usedBlock(valuesOnly);
      return block === null ? null : { sheet, block };
    });
  }

  delete(): void {
    this.command({ delete: true }, () => {
      assertStructureWritable(this.context);
      const model = this.context.model;
      const sheet = this.model();
      if (model.sheets.filter((s) => s.visibility === 'Visible' && s !== sheet).length === 0) {
        throw new FakeOfficeError('InvalidOperation', 'A workbook must keep at least one visible sheet.');
      }
      model.sheets.splice(model.sheets.indexOf(sheet), 1);
      for (let i = model.tables.length - 1; i >= 0; i--)
        if (model.tables[i]?.sheet === sheet) model.tables.splice(i, 1);
    });
  }

  activate(): void {
    this.command({ activate: true }, () => {
      this.model();
    });
  }
}

/** `Worksheet.protection` (only `protected` is modelled). */
export class FakeWorksheetProtection extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly sheet: () => FakeSheet,
  ) {
    super(context);
  }

  protected readProperty(name: string): unknown {
    if (name === 'protected') return this.sheet().protected;
    throw new FakeOfficeError('InvalidArgument', `The fake protection has no property "${name}".`);
  }

  get protected(): boolean {
    return this.loaded('protected');
  }
}

/** `workbook.worksheets`. */
export class FakeWorksheetCollection extends FakeCollection<FakeSheet, FakeWorksheet> {
  protected models(): FakeSheet[] {
    return [...this.context.model.sheets];
  }

  protected itemFor(model: FakeSheet): FakeWorksheet {
    return new FakeWorksheet(this.context, () => model);
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      const sheet = this.context.model.findSheet(key) ?? this.context.model.sheets.find((s) => s.id === key);
      if (sheet === undefined)
        throw new FakeOfficeError('ItemNotFound', `The worksheet "${key}" does not exist.`);
      return sheet;
    });
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      () => this.context.model.findSheet(key) ?? this.context.model.sheets.find((s) => s.id === key) ?? null,
    );
  }

  add(name: string): FakeWorksheet {
    let created: FakeSheet | null = null;
    this.command({ add: name }, () => {
      assertStructureWritable(this.context);
      created = this.context.model.addSheet(name);
    });
    return new FakeWorksheet(this.context, () => {
      if (created === null)
        throw new FakeOfficeError('ItemNotFound', `The worksheet "${name}" was not added.`);
      return created;
    });
  }
}
