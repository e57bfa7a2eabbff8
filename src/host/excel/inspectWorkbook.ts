import { callsSheet } from '../../engine/calls/callsSheet';
import { headerScanRows } from '../../engine/findHeaderRow';
import type { RawCell, SourceTable } from '../../engine/types';
import { headedRange, type CellBlock } from '../headedRange';
import { ownedColumns } from '../ownedColumns';
import { withoutOwnedHeaders } from '../withoutOwnedHeaders';
import type { WorkbookInfo } from '../WorkbookHost';
import type { HostState } from './HostState';
import { HostStateSheet } from './HostStateSheet';
import { loadDate1904 } from './loadDate1904';
import { readTableColumns } from './readTableColumns';

function text(cell: unknown): string {
  if (typeof cell === 'string') return cell;
  return typeof cell === 'number' || typeof cell === 'boolean' ? String(cell) : '';
}

/**
 * Looks at the open workbook: Excel tables first, then plain ranges found by their header row (the engine's
 * `findHeaderRow` over the first 30 rows of each sheet's used range, the cells of Excel tables read as
 * blank) on sheets that are not the add-in's own. Headers of the add-in's own columns are reported blank, so a re-run never
 * mistakes its "Revenue" column for the user's amount column. Calls sheets (first row a Calls header, either
 * language) are read whole into `callSheets`, in chunks of rows, and never offered as tables. Five syncs
 * whatever the workbook's size, plus one for the date system and one per chunk of a Calls sheet.
 */
export async function inspectWorkbook(
  context: Excel.RequestContext,
): Promise<{ info: WorkbookInfo; state: HostState }> {
  const date1904 = await loadDate1904(context);
  const workbook = context.workbook;
  const sheets = workbook.worksheets.load('items/name,items/id,items/visibility');
  const tables = workbook.tables.load('items/name');
  await context.sync();

  const stateSheet = HostStateSheet.find(sheets.items);
  const stateRange = stateSheet === null ? null : HostStateSheet.queueRead(stateSheet);
  const tableParts = tables.items.map((table) => ({
    table,
    sheet: table.worksheet.load('name,id'),
    range: table.getRange().load('rowIndex,columnIndex,rowCount,columnCount'),
    header: table.getHeaderRowRange().load('values'),
    columns: table.columns.load('items/id'),
  }));
  const userSheets = sheets.items.filter((s) => !HostStateSheet.isBookkeeping(s.name));
  const used = userSheets.map((sheet) => ({
    sheet,
    range: sheet.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount'),
  }));
  await context.sync();

  const state = HostStateSheet.parse(stateRange, sheets.items);
  const ourSheetIds = new Set(state.sheets.map((m) => m.sheetId));
  const found: SourceTable[] = [];
  // Cells of each sheet's Excel tables (1-based, last row and column included): never part of a plain range.
  const tableBlocks = new Map<string, CellBlock[]>();
  for (const part of tableParts) {
    const r = part.range;
    tableBlocks.set(part.sheet.id, [
      ...(tableBlocks.get(part.sheet.id) ?? []),
      {
        top: r.rowIndex + 1,
        left: r.columnIndex + 1,
        bottom: r.rowIndex + r.rowCount,
        right: r.columnIndex + r.columnCount,
      },
    ]);
    if (HostStateSheet.isBookkeeping(part.sheet.name) || ourSheetIds.has(part.sheet.id)) continue;
    const ids = part.columns.items.map((c) => c.id);
    const ours = new Set(
      state.columns
        .filter((m) => m.tableName !== null && m.tableName.toLowerCase() === part.table.name.toLowerCase())
        .map((m) => m.tableColumnId),
    );
    // Columns the command line wrote carry no id: ours while the cell where it wrote still has our header.
    const cells = part.header.values[0] ?? [];
    const placed = new Set(
      ownedColumns(
        state.columns.filter((m) => m.tableColumnId === null).map((m) => ({ ...m, sheet: m.sheetId })),
        {
          sheet: part.sheet.id,
          headerRow: part.range.rowIndex,
          headerAt: (column): unknown => cells[column - part.range.columnIndex],
        },
      ).map((m) => m.column),
    );
    const headers = withoutOwnedHeaders(
      cells.map(text),
      part.range.columnIndex,
      (column) => ours.has(ids[column - part.range.columnIndex] ?? -1) || placed.has(column),
    );
    found.push({
      sheet: part.sheet.name,
      tableName: part.table.name,
      headerRow: part.range.rowIndex + 1,
      firstColumn: part.range.columnIndex + 1,
      headers,
      rowCount: part.range.rowCount - 1,
    });
  }

  const scans = used
    .filter((u) => !ourSheetIds.has(u.sheet.id) && !u.range.isNullObject)
    .map((u) => ({
      ...u,
      top: u.sheet
        .getRangeByIndexes(
          u.range.rowIndex,
          u.range.columnIndex,
          Math.min(headerScanRows, u.range.rowCount),
          u.range.columnCount,
        )
        .load('values'),
    }));
  if (scans.length > 0) await context.sync();
  // A Calls sheet (its first row a Calls header) is read whole for the reps' outcomes, never as a table.
  const isCalls = (scan: (typeof scans)[number]): boolean =>
    scan.range.rowIndex === 0 &&
    scan.range.columnIndex === 0 &&
    callsSheet.columnsOfHeader(
      (scan.top.values[0] ?? []).map((cell) => (cell === '' ? null : (cell as RawCell))),
    ) !== null;
  const callsScans = scans.filter(isCalls);
  const plain = scans
    .filter((scan) => !isCalls(scan))
    .flatMap((scan) => {
      // A sheet may hold a plain range beside its tables: their cells read as blank.
      const blocks = tableBlocks.get(scan.sheet.id) ?? [];
      const inTable = (row0: number, column0: number): boolean =>
        blocks.some(
          (b) => row0 >= b.top - 1 && row0 <= b.bottom - 1 && column0 >= b.left - 1 && column0 <= b.right - 1,
        );
      const rows = scan.top.values.map((row, r) =>
        row.map((cell, c) =>
          cell === '' || inTable(scan.range.rowIndex + r, scan.range.columnIndex + c)
            ? null
            : (cell as RawCell),
        ),
      );
      // Ours while the header we wrote is still there (as the write checks): a renamed column is the user's.
      const markers = state.columns
        .filter((m) => m.tableName === null)
        .map((m) => ({
          sheet: m.sheetId,
          headerRow: m.headerRow + 1,
          column: m.column + 1,
          header: m.header,
        }));
      const range = headedRange(rows, blocks, {
        origin: { row: scan.range.rowIndex + 1, column: scan.range.columnIndex + 1 },
        blank: (row, column, header) =>
          ownedColumns(markers, { sheet: scan.sheet.id, headerRow: row, headerAt: () => header }).some(
            (m) => m.column === column,
          ),
      });
      if (range === null) return [];
      const headerRow0 = range.headerRow - 1;
      const named = range.headers;
      // The table ends at the last row with data in its own columns, not at the sheet's used range, and
      // above the first Excel table below its header in those columns.
      const tableBelow = Math.min(range.tableTop - 1, scan.range.rowIndex + scan.range.rowCount);
      const used = scan.sheet
        .getRangeByIndexes(
          headerRow0,
          range.firstColumn - 1,
          tableBelow - headerRow0,
          Math.max(1, named.length),
        )
        .getUsedRangeOrNullObject(true)
        .load('rowIndex,rowCount');
      return [{ sheet: scan.sheet.name, headerRow0, firstColumn: range.firstColumn, headers: named, used }];
    });
  if (plain.length > 0) await context.sync();
  for (const p of plain) {
    const lastRow = p.used.isNullObject ? p.headerRow0 : p.used.rowIndex + p.used.rowCount - 1;
    found.push({
      sheet: p.sheet,
      tableName: null,
      headerRow: p.headerRow0 + 1,
      firstColumn: p.firstColumn,
      headers: p.headers,
      rowCount: lastRow - p.headerRow0,
    });
  }
  // A Calls sheet can hold thousands of calls: read in chunks of rows, under Excel's payload limit.
  const callSheets: { name: string; rows: RawCell[][] }[] = [];
  const callColumns = callsSheet.keys.map((_, c) => c);
  for (const scan of callsScans) {
    const header = callColumns.map((c) => {
      const cell: unknown = scan.top.values[0]?.[c];
      return cell === '' || cell === undefined ? null : (cell as RawCell);
    });
    const table: SourceTable = {
      sheet: scan.sheet.name,
      tableName: null,
      headerRow: 1,
      firstColumn: 1,
      headers: header.map((cell) => (typeof cell === 'string' ? cell : '')),
      rowCount: scan.range.rowCount - 1,
    };
    const columns = await readTableColumns(context, table, callColumns);
    const rows: RawCell[][] = [header];
    for (let r = 0; r < table.rowCount; r++) rows.push(columns.map((column) => column[r] ?? null));
    callSheets.push({ name: scan.sheet.name, rows });
  }
  return {
    info: { tables: found, date1904, savedSettings: state.settings, history: state.history, callSheets },
    state,
  };
}
