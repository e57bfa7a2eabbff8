import { formatAddress, parseAddress } from './cellAddress';
import type { CellSnapshot, StoredValue } from './FakeCells';
import { FakeOfficeError } from './FakeOfficeError';
import { FakeSheet, FakeTable } from './FakeModels';

/** The request and response limit of Excel (Excel on the web documents 5 MB per request and per response). */
export const payloadLimitBytes = 5 * 1024 * 1024;

/** What one `context.sync()` did. */
export interface SyncRecord {
  requestBytes: number;
  /** Queued operations (loads and commands) the batch held. */
  ops: number;
  responseBytes: number;
  /** Cells whose value, formula or number format the batch set. */
  cellsWritten: number;
  /** Of those, cells set while `runtime.enableEvents` was true. */
  cellsWrittenWithEventsEnabled: number;
  /** `runtime.enableEvents` when the batch started. */
  eventsEnabled: boolean;
  screenUpdatingSuspended: boolean;
  calculationSuspended: boolean;
  calculationMode: string;
  /** Error code when the sync failed. */
  failed: string | null;
}

/**
 * How a batch that fails part-way leaves the workbook: `partial` like Excel (the operations before the
 * failing one stay applied), or `transactional` (the workbook is put back as it was before the batch).
 */
export type BatchMode = 'partial' | 'transactional';

/** Both batch modes, for suites that must hold in each. */
export const batchModes: readonly BatchMode[] = ['partial', 'transactional'];

/** Counters over every sync of every `Excel.run` on one fake workbook. */
export interface FakeStats {
  syncs: number;
  largestRequestBytes: number;
  totalRequestBytes: number;
  largestResponseBytes: number;
  totalResponseBytes: number;
  log: SyncRecord[];
}

/** A failure to inject: the sync numbered `atSync` (1-based over the workbook's life) fails with `code`. */
export interface InjectedFailure {
  atSync: number;
  code: string;
  /** Operations of the batch applied before it fails (Excel runs a batch in order and stops at an error). */
  afterOps: number;
}

/**
 * The in-memory workbook behind the fake Excel: sheets, tables, flags that tests set (protection,
 * read-only, cell-edit mode, the 1904 date system) and the counters tests read. Tests build one with
 * `buildFakeWorkbook`, install it with `installFakeExcel`, and inspect it with the helpers below.
 */
export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  readonly tables: FakeTable[] = [];
  use1904DateSystem = false;
  readOnly = false;
  /** Workbook structure protection: sheets cannot be added, deleted, renamed, hidden or moved. */
  structureProtected = false;
  /** The user is editing a cell: a batch fails unless the run asked to wait (`delayForCellEdit`). */
  cellEditMode = false;
  /** Runs that waited for cell-edit mode to end. */
  delayedRuns = 0;
  eventsEnabled = true;
  calculationMode = 'Automatic';
  readonly failures: InjectedFailure[] = [];
  /** What a failed batch leaves; default `partial`, as Excel does. */
  batchMode: BatchMode = 'partial';
  stats: FakeStats = emptyStats();
  private nextId = 1;

  /** Makes a sync fail: the `nth` sync from now (1 = the next one). */
  failSync(nth: number, code = 'GeneralException', afterOps = 0): void {
    this.failures.push({ atSync: this.stats.syncs + nth, code, afterOps });
  }

  /**
   * Remembers the whole workbook (sheets in order with their cells, charts and flags, tables, workbook
   * flags) and returns a function that puts it back in place: model objects are restored, not replaced,
   * so proxies bound to them stay valid.
   */
  checkpoint(): () => void {
    const sheets = this.sheets.map((sheet) => ({
      sheet,
      name: sheet.name,
      visibility: sheet.visibility,
      protected: sheet.protected,
      frozenRows: sheet.frozenRows,
      autoFilter: sheet.autoFilter,
      pageLayout: structuredClone(sheet.pageLayout),
      charts: structuredClone(sheet.charts),
      conditionalFormats: structuredClone(sheet.conditionalFormats),
      cells: sheet.cells.clone(),
    }));
    const tables = this.tables.map((table) => ({
      table,
      name: table.name,
      rowCount: table.rowCount,
      columnIds: [...table.columnIds],
      nextColumnId: table.nextColumnId,
    }));
    const flags = {
      use1904DateSystem: this.use1904DateSystem,
      eventsEnabled: this.eventsEnabled,
      calculationMode: this.calculationMode,
      nextId: this.nextId,
    };
    return () => {
      this.sheets.length = 0;
      for (const saved of sheets) {
        const sheet = saved.sheet;
        sheet.name = saved.name;
        sheet.visibility = saved.visibility;
        sheet.protected = saved.protected;
        sheet.frozenRows = saved.frozenRows;
        sheet.autoFilter = saved.autoFilter;
        sheet.pageLayout = structuredClone(saved.pageLayout);
        sheet.charts = structuredClone(saved.charts);
        sheet.conditionalFormats = structuredClone(saved.conditionalFormats);
        sheet.cells.restore(saved.cells);
        this.sheets.push(sheet);
      }
      this.tables.length = 0;
      for (const saved of tables) {
        saved.table.name = saved.name;
        saved.table.rowCount = saved.rowCount;
        saved.table.columnIds = [...saved.columnIds];
        saved.table.nextColumnId = saved.nextColumnId;
        this.tables.push(saved.table);
      }
      this.use1904DateSystem = flags.use1904DateSystem;
      this.eventsEnabled = flags.eventsEnabled;
      this.calculationMode = flags.calculationMode;
      this.nextId = flags.nextId;
    };
  }

  resetStats(): void {
    this.stats = emptyStats();
    this.failures.length = 0;
  }

  newId(prefix: string): string {
    return `${prefix}{${String(this.nextId++).padStart(8, '0')}}`;
  }

  newNumericId(): number {
    return this.nextId++;
  }

  addSheet(name: string): FakeSheet {
    if (this.findSheet(name) !== undefined)
      throw new FakeOfficeError('ItemAlreadyExists', `A sheet named "${name}" exists.`);
    const sheet = new FakeSheet(this.newId('sheet'), name);
    this.sheets.push(sheet);
    return sheet;
  }

  findSheet(name: string): FakeSheet | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }

  /** The sheet named `name`; throws in a test when it is missing. */
  sheet(name: string): FakeSheet {
    const sheet = this.findSheet(name);
    if (sheet === undefined)
      throw new Error(`No sheet "${name}" (sheets: ${this.sheets.map((s) => s.name).join(', ')})`);
    return sheet;
  }

  findTable(name: string): FakeTable | undefined {
    const key = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === key);
  }

  table(name: string): FakeTable {
    const table = this.findTable(name);
    if (table === undefined) throw new Error(`No table "${name}"`);
    return table;
  }

  /** Adds an Excel table over existing cells: header row at `headerRow` (0-based), `rowCount` data rows. */
  addTable(
    name: string,
    sheet: FakeSheet,
    headerRow: number,
    col0: number,
    columnCount: number,
    rowCount: number,
  ): FakeTable {
    const ids = Array.from({ length: columnCount }, (_, i) => i + 1);
    const table = new FakeTable(this.newId('table'), name, sheet, headerRow, col0, rowCount, ids);
    this.tables.push(table);
    return table;
  }

  /** One cell, e.g. `cell('Customers', 'B2')`. */
  cell(sheetName: string, address: string): CellSnapshot {
    const block = parseAddress(address);
    return this.sheet(sheetName).cells.snapshot(block.row0, block.col0);
  }

  /** Values of a block, row-major, empty cells as null. */
  values(sheetName: string, address: string): StoredValue[][] {
    const sheet = this.sheet(sheetName);
    const block = parseAddress(address);
    const rows: StoredValue[][] = [];
    for (let r = block.row0; r <= block.row1; r++) {
      const row: StoredValue[] = [];
      for (let c = block.col0; c <= block.col1; c++) row.push(sheet.cells.value(r, c));
      rows.push(row);
    }
    return rows;
  }

  /** The address of a sheet's used range (values only), or null for an empty sheet. */
  usedAddress(sheetName: string): string | null {
    const sheet = this.sheet(sheetName);
    const block = sheet.cells.usedBlock(true);
    return block === null ? null : formatAddress(sheet.name, block);
  }

  /**
   * A deep, comparable picture of everything in the workbook (sheets in order with visibility, used cells,
   * formats, tables, charts): equal pictures mean equal workbooks for the purposes of the tests.
   */
  picture(): unknown {
    return {
      sheets: this.sheets.map((sheet) => {
        const block = sheet.cells.usedBlock(false);
        const cells: Record<string, CellSnapshot> = {};
        if (block !== null) {
          for (let r = block.row0; r <= block.row1; r++) {
            for (let c = block.col0; c <= block.col1; c++) {
              const snap = sheet.cells.snapshot(r, c);
              if (
                snap.value !== null ||
                snap.numberFormat !== 'General' ||
                Object.keys(snap.style).length > 0
              ) {
                cells[formatAddress('x', { row0: r, col0: c, row1: r, col1: c }).slice(2)] = snap;
              }
            }
          }
        }
        return {
          name: sheet.name,
          visibility: sheet.visibility,
          frozenRows: sheet.frozenRows,
          charts: sheet.charts.map((chart) => ({ ...chart, id: undefined })),
          conditionalFormats: sheet.conditionalFormats,
          cells,
        };
      }),
      tables: this.tables.map((t) => ({
        name: t.name,
        sheet: t.sheet.name,
        block: t.block,
        columns: t.columnIds.map((_, i) => t.columnName(i)),
      })),
    };
  }
}

function emptyStats(): FakeStats {
  return {
    syncs: 0,
    largestRequestBytes: 0,
    totalRequestBytes: 0,
    largestResponseBytes: 0,
    totalResponseBytes: 0,
    log: [],
  };
}
