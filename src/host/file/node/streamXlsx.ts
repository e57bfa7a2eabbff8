import { headerScanRows } from '../../../engine/findHeaderRow';
import type { RawCell, SourceTable } from '../../../engine/types';
import { runRecord } from '../../runRecord';
import { ColumnBuilder } from '../ColumnBuilder';
import { dateStyles } from '../dateStyles';
import type { CellBlock } from '../decodeReference';
import { headedRange } from '../../headedRange';
import { readSharedStrings, type SharedStrings } from '../sharedStrings';
import { SheetXmlScanner, type CellSink } from '../SheetXmlScanner';
import type { StreamedTable, StreamedWorkbook } from '../StreamedWorkbook';
import { readPackageInfo, type PackageParts } from './readPackageInfo';
import { ZipArchive } from './ZipArchive';

/** Widest header row searched in a plain range (columns), as the in-memory reader does. */
const maxScanColumns = 512;

/** Cells of one region of a sheet (an Excel table or the plain range), kept while the sheet streams by. */
interface Region {
  table: SourceTable;
  /** Last data row (sheet row number) the region can hold. */
  lastRow: number;
  columns: ColumnBuilder[];
  dateColumns: boolean[];
  /** Last sheet row with a value in the region's columns. */
  lastFilled: number;
}

function newRegion(table: SourceTable, lastRow: number, strings: SharedStrings): Region {
  const capacity = Number.isFinite(lastRow) ? Math.min(lastRow - table.headerRow, 1 << 20) : 1024;
  return {
    table,
    lastRow,
    columns: table.headers.map(() => new ColumnBuilder(strings, capacity)),
    dateColumns: table.headers.map(() => false),
    lastFilled: table.headerRow,
  };
}

/** One cell as the scanner delivered it (the top rows' cells are kept until the plain range is found). */
interface ScannedCell {
  row: number;
  column: number;
  /** Shared-string index, or −1 for another kind of cell. */
  shared: number;
  cell: RawCell;
  date: boolean;
}

/** Stores a cell into a region when it falls inside it. */
function store(region: Region, cell: ScannedCell): void {
  const { table } = region;
  const c = cell.column - table.firstColumn;
  if (cell.row <= table.headerRow || cell.row > region.lastRow || c < 0 || c >= region.columns.length) return;
  const index = cell.row - table.headerRow - 1;
  const column = region.columns[c]!;
  if (cell.shared >= 0) {
    column.setShared(index, cell.shared);
    if (cell.cell === null) return;
  } else {
    if (cell.cell === null) return;
    column.setCell(index, cell.cell);
    if (cell.date) region.dateColumns[c] = true;
  }
  if (cell.row > region.lastFilled) region.lastFilled = cell.row;
}

function finish(region: Region, exact: boolean): StreamedTable {
  const rowCount = exact ? region.table.rowCount : Math.max(0, region.lastFilled - region.table.headerRow);
  return {
    table: { ...region.table, rowCount },
    columns: region.columns.map((column) => column.build(rowCount)),
    dateColumns: region.dateColumns,
  };
}

/** The plain range of a sheet from its top rows, as `findPlainRange` of the in-memory reader finds it. */
function plainRange(
  sheet: string,
  top: readonly ScannedCell[],
  tables: readonly CellBlock[],
  strings: SharedStrings,
): Region | null {
  const inTable = (row: number, column: number): boolean =>
    tables.some((t) => row >= t.top && row <= t.bottom && column >= t.left && column <= t.right);
  const rows: RawCell[][] = [];
  for (const cell of top) {
    if (cell.column > maxScanColumns || inTable(cell.row, cell.column)) continue;
    while (rows.length < cell.row) rows.push([]);
    const row = rows[cell.row - 1]!;
    while (row.length < cell.column - 1) row.push(null);
    row[cell.column - 1] = cell.cell;
  }
  const located = headedRange(rows, tables);
  if (located === null) return null;
  const { headerRow, firstColumn, headers, tableTop: tableBelow } = located;
  return newRegion(
    { sheet, tableName: null, headerRow, firstColumn, headers, rowCount: 0 },
    tableBelow - 1,
    strings,
  );
}

/** Streams one worksheet part through the scanner into `sink`. */
async function scanSheet(archive: ZipArchive, part: string, sink: CellSink): Promise<void> {
  const scanner = new SheetXmlScanner(sink);
  for await (const piece of archive.chunks(part)) {
    scanner.push(piece);
    if (scanner.finished) break;
  }
  scanner.end();
}

/**
 * Reads a large .xlsx file in one streaming pass over each worksheet, keeping only its candidate tables
 * (Excel tables, and the plain range of each sheet found by its header row among the top 30 rows, by the
 * same rules as the in-memory reader): shared strings and rich text as text (columns of shared strings
 * stay codes into their distinct texts), formulas as their cached result, errors as their text, dates as
 * serials in the workbook's own date system. Sheets an earlier run marked as bookkeeping are skipped,
 * except the run record's column A. The package is read with our own zip and worksheet readers
 * ({@link ZipArchive}, {@link SheetXmlScanner}): several times faster than exceljs's streaming reader.
 *
 * @throws Error with a readable message when the file is not an .xlsx package.
 */
export async function streamXlsx(filePath: string, fileName: string): Promise<StreamedWorkbook> {
  let archive: ZipArchive;
  let info: PackageParts;
  try {
    archive = await ZipArchive.open(filePath);
    info = await readPackageInfo(archive);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`"${fileName}" could not be read as an .xlsx workbook (${reason}).`);
  }
  const strings = readSharedStrings(await archive.text(info.sharedStringsPath));
  const dates = dateStyles(await archive.text(info.stylesPath));
  const textOf = (shared: number): RawCell => {
    const code = strings.codeOf[shared] ?? -1;
    return code < 0 ? null : (strings.values[code] ?? null);
  };
  const found = new Map<string, StreamedTable[]>();
  // The current record sheet wins over an older command line's, whichever comes first in the file.
  const records = new Map<string, RawCell[]>();
  for (const sheet of info.sheets) {
    if (sheet.name === runRecord.sheetName || sheet.name === runRecord.legacySheetName) {
      const cells: RawCell[] = [];
      const keep = (row: number, column: number, cell: RawCell): void => {
        if (column !== 1) return;
        while (cells.length < row - 1) cells.push(null);
        cells[row - 1] = cell;
      };
      await scanSheet(archive, sheet.part, {
        number: (row, column, value) => {
          keep(row, column, value);
        },
        shared: (row, column, index) => {
          keep(row, column, textOf(index));
        },
        other: (row, column, value) => {
          keep(row, column, value);
        },
      });
      records.set(sheet.name, cells);
      continue;
    }
    if (runRecord.isBookkeeping(sheet.name)) continue;
    const regions = sheet.tables.map(({ name, block, headers, totalsRow }) => {
      const rowCount = Math.max(0, block.bottom - block.top - (totalsRow ? 1 : 0));
      const table: SourceTable = {
        sheet: sheet.name,
        tableName: name,
        headerRow: block.top,
        firstColumn: block.left,
        headers,
        rowCount,
      };
      return newRegion(table, block.top + rowCount, strings);
    });
    const blocks = sheet.tables.map(({ block }) => block);
    const top: ScannedCell[] = [];
    let range: Region | null | undefined;
    const decide = (): void => {
      range = plainRange(sheet.name, top, blocks, strings);
      if (range !== null) for (const cell of top) store(range, cell);
    };
    // One reusable record per cell: the scanner calls back once per cell, millions of times.
    const current: ScannedCell = { row: 0, column: 0, shared: -1, cell: null, date: false };
    const deliver = (): void => {
      if (range === undefined) {
        if (current.row <= headerScanRows) top.push({ ...current });
        else decide();
      }
      for (const region of regions) store(region, current);
      if (range !== undefined && range !== null) store(range, current);
    };
    await scanSheet(archive, sheet.part, {
      number: (row, column, value, style) => {
        current.row = row;
        current.column = column;
        current.shared = -1;
        current.cell = value;
        current.date = dates[style] === true;
        deliver();
      },
      shared: (row, column, index) => {
        current.row = row;
        current.column = column;
        current.shared = index;
        current.cell = textOf(index);
        current.date = false;
        deliver();
      },
      other: (row, column, value) => {
        current.row = row;
        current.column = column;
        current.shared = -1;
        current.cell = value;
        current.date = false;
        deliver();
      },
    });
    if (range === undefined) decide();
    const tables = regions.map((region) => finish(region, true));
    if (range !== undefined && range !== null) tables.push(finish(range, false));
    found.set(sheet.name, tables);
  }
  const tables = info.sheets.flatMap((sheet) => found.get(sheet.name) ?? []);
  return {
    tables: [
      ...tables.filter((t) => t.table.tableName !== null),
      ...tables.filter((t) => t.table.tableName === null),
    ],
    date1904: info.date1904,
    recordCells: records.get(runRecord.sheetName) ?? records.get(runRecord.legacySheetName) ?? null,
    sheetNames: info.sheets.map((sheet) => sheet.name),
  };
}
