import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { CellValue } from 'exceljs';
import JSZip from 'jszip';
import { headerScanRows } from '../../../engine/findHeaderRow';
import type { RawCell, SourceTable } from '../../../engine/types';
import { runRecord } from '../../runRecord';
import { decodeReference, type CellBlock } from '../decodeReference';
import type { StreamedTable, StreamedWorkbook } from '../StreamedWorkbook';
import { toRawCell } from '../toRawCell';
import { xmlUnescape } from '../xmlText';
import { locateHeadedRange } from '../locateHeadedRange';

/** Widest header row searched in a plain range (columns), as the in-memory reader does. */
const maxScanColumns = 512;

interface SheetEntry {
  name: string;
  /** Number of its part, `xl/worksheets/sheet<number>.xml`, as the streaming reader names it. */
  partNumber: string;
  tables: { name: string; block: CellBlock; headers: string[]; totalsRow: boolean }[];
}

interface PackageInfo {
  sheets: SheetEntry[];
  date1904: boolean;
}

function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of tag.matchAll(/([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gu))
    found.set(match[1] ?? '', xmlUnescape(match[2] ?? match[3] ?? ''));
  return found;
}

function tags(xml: string, name: string): Map<string, string>[] {
  return [...xml.matchAll(new RegExp(`<(?:\\w+:)?${name}\\b[^>]*>`, 'gu'))].map((m) => attributes(m[0]));
}

/** A relationship target as a path inside the package, resolved against the folder of its source part. */
function resolveTarget(folder: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = folder === '' ? [] : folder.split('/');
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

async function text(zip: JSZip, path: string): Promise<string> {
  return (await zip.file(path)?.async('string')) ?? '';
}

/** Sheet names, their parts, their Excel tables and the date system, from the package's small parts. */
async function readPackageInfo(filePath: string): Promise<PackageInfo> {
  const zip = await JSZip.loadAsync(await readFile(filePath));
  const workbookXml = await text(zip, 'xl/workbook.xml');
  const relations = new Map(
    tags(await text(zip, 'xl/_rels/workbook.xml.rels'), 'Relationship').map((r) => [
      r.get('Id') ?? '',
      resolveTarget('xl', r.get('Target') ?? ''),
    ]),
  );
  const flag = tags(workbookXml, 'workbookPr')[0]?.get('date1904') ?? '';
  const sheets: SheetEntry[] = [];
  for (const sheet of tags(workbookXml, 'sheet')) {
    const part = relations.get(sheet.get('r:id') ?? '') ?? '';
    const partNumber = /worksheets\/sheet(\d+)\.xml$/u.exec(part)?.[1];
    if (partNumber === undefined) continue;
    const tables: SheetEntry['tables'] = [];
    const sheetRels = tags(
      await text(zip, `xl/worksheets/_rels/sheet${partNumber}.xml.rels`),
      'Relationship',
    );
    for (const relation of sheetRels) {
      if (!(relation.get('Type') ?? '').endsWith('/table')) continue;
      const tableXml = await text(zip, resolveTarget('xl/worksheets', relation.get('Target') ?? ''));
      const table = tags(tableXml, 'table')[0];
      const block = decodeReference(table?.get('ref') ?? '');
      if (table === undefined || block === null) continue;
      tables.push({
        name: table.get('name') ?? '',
        block,
        headers: tags(tableXml, 'tableColumn').map((column) => column.get('name') ?? ''),
        totalsRow: table.get('totalsRowCount') === '1',
      });
    }
    sheets.push({ name: sheet.get('name') ?? '', partNumber, tables });
  }
  return { sheets, date1904: flag === '1' || flag === 'true' };
}

/** Cells of one region of a sheet (an Excel table or the plain range), kept while the sheet streams by. */
interface Region {
  table: SourceTable;
  /** Last data row (sheet row number) the region can hold. */
  lastRow: number;
  columns: RawCell[][];
  dateColumns: boolean[];
  /** Last sheet row with a value in the region's columns. */
  lastFilled: number;
}

function newRegion(table: SourceTable, lastRow: number): Region {
  return {
    table,
    lastRow,
    columns: table.headers.map(() => []),
    dateColumns: table.headers.map(() => false),
    lastFilled: table.headerRow,
  };
}

function storeRow(region: Region, rowNumber: number, values: readonly unknown[], date1904: boolean): void {
  const { table, columns } = region;
  if (rowNumber <= table.headerRow || rowNumber > region.lastRow) return;
  const index = rowNumber - table.headerRow - 1;
  let filled = false;
  for (let c = 0; c < columns.length; c++) {
    const value = values[table.firstColumn + c] as CellValue | undefined;
    const cell = toRawCell(value, date1904);
    if (cell === null) continue;
    if (value instanceof Date) region.dateColumns[c] = true;
    const column = columns[c]!;
    // Rows the stream skipped (empty in the file) are blank.
    while (column.length < index) column.push(null);
    column[index] = cell;
    filled = true;
  }
  if (filled) region.lastFilled = rowNumber;
}

function finish(region: Region, exact: boolean): StreamedTable {
  const rowCount = exact ? region.table.rowCount : Math.max(0, region.lastFilled - region.table.headerRow);
  const columns = region.columns.map((column) => {
    column.length = Math.min(column.length, rowCount);
    while (column.length < rowCount) column.push(null);
    return column;
  });
  return { table: { ...region.table, rowCount }, columns, dateColumns: region.dateColumns };
}

/** The plain range of a sheet from its top rows, as `findPlainRange` of the in-memory reader finds it. */
function plainRange(
  sheet: string,
  top: readonly (readonly unknown[])[],
  tables: readonly CellBlock[],
): Region | null {
  const inTable = (row: number, column: number): boolean =>
    tables.some((t) => row >= t.top && row <= t.bottom && column >= t.left && column <= t.right);
  const rows = top.map((values, r) => {
    const cells: RawCell[] = [];
    const width = Math.min(values.length - 1, maxScanColumns);
    for (let column = 1; column <= width; column++)
      cells.push(inTable(r + 1, column) ? null : toRawCell(values[column] as CellValue | undefined, false));
    return cells;
  });
  const located = locateHeadedRange(rows, tables);
  if (located === null) return null;
  const { headerRow, firstColumn, headers, tableTop: tableBelow } = located;
  return newRegion({ sheet, tableName: null, headerRow, firstColumn, headers, rowCount: 0 }, tableBelow - 1);
}

/**
 * Reads a large .xlsx file with exceljs's streaming reader, one pass, keeping only its candidate tables
 * (Excel tables, and the plain range of each sheet found by its header row among the top 30 rows, by
 * the same rules as the in-memory reader) as column-major raw cells: shared strings and rich text as
 * text, formulas as their cached result, errors as their text, dates as serials in the workbook's own
 * date system. Sheets an earlier run marked as bookkeeping are skipped, except the run record's column A.
 *
 * @throws Error with a readable message when the file is not an .xlsx package.
 */
export async function streamXlsx(filePath: string, fileName: string): Promise<StreamedWorkbook> {
  let info: PackageInfo;
  try {
    info = await readPackageInfo(filePath);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`"${fileName}" could not be read as an .xlsx workbook (${reason}).`);
  }
  const byPart = new Map(info.sheets.map((sheet) => [sheet.partNumber, sheet]));
  const byName = new Map(info.sheets.map((sheet) => [sheet.name, sheet]));
  const found = new Map<string, StreamedTable[]>();
  // The current record sheet wins over an older command line's, whichever comes first in the file.
  const records = new Map<string, RawCell[]>();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(filePath, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  });
  for await (const worksheet of reader) {
    // exceljs names the sheets it can match to the workbook (giving them their number id), else keeps
    // the part's number as a text id.
    const { id, name } = worksheet as unknown as { id: string | number; name: string };
    const sheet = typeof id === 'string' ? byPart.get(id) : byName.get(name);
    if (sheet === undefined) continue;
    const rows = worksheet as unknown as AsyncIterable<ExcelJS.Row>;
    if (sheet.name === runRecord.sheetName || sheet.name === runRecord.legacySheetName) {
      const cells: RawCell[] = [];
      for await (const row of rows)
        cells[row.number - 1] = toRawCell((row.values as unknown[])[1] as CellValue, false);
      records.set(
        sheet.name,
        Array.from(cells, (cell) => cell ?? null),
      );
      continue;
    }
    if (runRecord.isBookkeeping(sheet.name)) continue;
    const tableRegions = sheet.tables.map(({ name, block, headers, totalsRow }) => {
      const rowCount = Math.max(0, block.bottom - block.top - (totalsRow ? 1 : 0));
      const table: SourceTable = {
        sheet: sheet.name,
        tableName: name,
        headerRow: block.top,
        firstColumn: block.left,
        headers,
        rowCount,
      };
      return newRegion(table, block.top + rowCount);
    });
    const blocks = sheet.tables.map(({ block }) => block);
    const top: unknown[][] = [];
    let range: Region | null | undefined;
    const decide = (): void => {
      range = plainRange(sheet.name, top, blocks);
      const found = range;
      if (found === null) return;
      top.forEach((values, r) => {
        storeRow(found, r + 1, values, info.date1904);
      });
    };
    for await (const row of rows) {
      const values = row.values as unknown[];
      if (range === undefined) {
        if (row.number <= headerScanRows) {
          while (top.length < row.number - 1) top.push([]);
          top.push(values);
        } else decide();
      }
      for (const region of tableRegions) storeRow(region, row.number, values, info.date1904);
      if (range !== undefined && range !== null) storeRow(range, row.number, values, info.date1904);
    }
    if (range === undefined) decide();
    const tables = tableRegions.map((region) => finish(region, true));
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
