import { runHistory, type RunHistory } from '../engine/movement/runHistory';
import type { AnalysisSettings, RawCell } from '../engine/types';

/** A sheet a run built (a summary sheet, or its own customers sheet): rebuilt by the next run. */
export interface RecordSheet {
  /** `SheetSpec.key` (`customers` for a customers sheet built from sales); null when an older record did not keep it. */
  key: string | null;
  /** The sheet's name when the run wrote it. */
  name: string;
  /** Excel's worksheet id (stable across renames), written by the Excel host only. */
  sheetId?: string;
}

/**
 * A customer column a run appended to the user's customers table. It is ours only while the cell at
 * (`headerRow`, `column`) of its sheet still holds `header` (or, in Excel, while the table column with
 * `tableColumnId` is still named `header`), so a user column with the same header is never taken for ours.
 */
export interface RecordColumn {
  /** `ColumnSpec.key`; null in a record of an older command line, which kept only the header. */
  key: string | null;
  /** The header written (possibly suffixed, e.g. `SVCD segment (2)`). */
  header: string;
  /** Name of the sheet holding it; null in a record of an older Excel add-in, which kept only the sheet id. */
  sheet: string | null;
  /** Excel table it belongs to, or null for a plain range (and when an older command line did not say). */
  tableName: string | null;
  /** 1-based sheet row of the header row. */
  headerRow: number;
  /** 1-based sheet column. */
  column: number;
  /** Data rows written under the header; null when an older command line did not say. */
  rows: number | null;
  /** Excel's worksheet id, written by the Excel host only. */
  sheetId?: string;
  /** Excel's table column id (stable across renames and moves), written by the Excel host only. */
  tableColumnId?: number | null;
  /**
   * `columnDigest` of the `rows` data cells as written; absent in older records. While the cells give
   * another digest the user has typed into the column, and it is theirs.
   */
  digest?: string;
}

/**
 * What a run leaves in the workbook for the next run, whichever host runs it (the Excel add-in, the command
 * line, the web page): the settings, so every co-author gets the same output, and which sheets and
 * customer columns are ours, so a re-run updates them in place and never reads them as user data.
 * Positions and names are what every host can check; the Excel host adds its stable ids (ignored by the
 * others) and its undo record, which any other writer drops because its run makes that record stale.
 */
export interface RunRecord {
  version: 2;
  settings: AnalysisSettings | null;
  sheets: RecordSheet[];
  columns: RecordColumn[];
  /** The Excel host's undo record of the last run (its own format); absent when another host wrote last. */
  lastRun?: unknown;
  /**
   * Each customer's tier, segment and class in the last runs (`runHistory`, bounded by its `maxRuns` and
   * `maxBytes`); absent in older records.
   */
  history?: RunHistory;
}

/** Characters of JSON per cell: cells hold at most 32,767 characters. */
const pieceLength = 30_000;

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);
const textOr = <T>(value: unknown, fallback: T): string | T => (typeof value === 'string' ? value : fallback);
const objects = (value: unknown): Fields[] => (Array.isArray(value) ? value.filter(isObject) : []);
const settingsOf = (value: unknown): AnalysisSettings | null =>
  isObject(value) ? (value as unknown as AnalysisSettings) : null;

/**
 * The JSON of the first `n` pieces for the largest `n` that parses. A host that overwrote a longer record
 * in place and failed before clearing the rest leaves stale pieces after the new record's last one; no
 * shorter run of whole pieces of an object's JSON parses, so the first that does is the complete record.
 */
function parseLongestRecord(pieces: readonly string[]): unknown {
  let end = pieces.length;
  while (end > 0 && pieces[end - 1] === '') end--;
  for (; end > 0; end--) {
    try {
      return JSON.parse(pieces.slice(0, end).join('')) as unknown;
    } catch {
      // Stale pieces after the record: try without the last one.
    }
  }
  return null;
}

/** A v2 record (the shared format): entries that do not make sense are dropped, not fatal. */
function fromShared(value: Fields): RunRecord {
  const sheets = objects(value.sheets).flatMap((s): RecordSheet[] => {
    if (typeof s.name !== 'string') return [];
    const sheet: RecordSheet = { key: textOr(s.key, null), name: s.name };
    if (typeof s.sheetId === 'string') sheet.sheetId = s.sheetId;
    return [sheet];
  });
  const columns = objects(value.columns).flatMap((c): RecordColumn[] => {
    if (typeof c.header !== 'string' || !isCount(c.headerRow) || !isCount(c.column)) return [];
    const column: RecordColumn = {
      key: textOr(c.key, null),
      header: c.header,
      sheet: textOr(c.sheet, null),
      tableName: textOr(c.tableName, null),
      headerRow: c.headerRow,
      column: c.column,
      rows: isCount(c.rows) ? c.rows : null,
    };
    if (typeof c.sheetId === 'string') column.sheetId = c.sheetId;
    if (isCount(c.tableColumnId) || c.tableColumnId === null) column.tableColumnId = c.tableColumnId;
    if (typeof c.digest === 'string') column.digest = c.digest;
    return [column];
  });
  const record: RunRecord = { version: 2, settings: settingsOf(value.settings), sheets, columns };
  if (value.lastRun !== undefined && value.lastRun !== null) record.lastRun = value.lastRun;
  const history = runHistory.parse(value.history);
  if (history !== null) record.history = history;
  return record;
}

/** The command line's version-1 record: `{version: 1, settings, createdSheets, customerColumns}`. */
function fromFileV1(value: Fields): RunRecord {
  const appended = isObject(value.customerColumns) ? value.customerColumns : null;
  const sheet = textOr(appended?.sheet, null);
  const headerRow = appended?.headerRow;
  const columns =
    sheet === null || !isCount(headerRow)
      ? []
      : objects(appended?.columns).flatMap((c): RecordColumn[] =>
          typeof c.header === 'string' && isCount(c.column)
            ? [
                {
                  key: null,
                  header: c.header,
                  sheet,
                  tableName: null,
                  headerRow,
                  column: c.column,
                  rows: null,
                },
              ]
            : [],
        );
  const created = Array.isArray(value.createdSheets) ? value.createdSheets : [];
  return {
    version: 2,
    settings: settingsOf(value.settings),
    sheets: created.filter((name) => typeof name === 'string').map((name) => ({ key: null, name })),
    columns,
  };
}

/** The Excel add-in's version-1 state: markers with sheet ids and 0-based positions, and its undo record. */
function fromExcelV1(value: Fields): RunRecord {
  const sheets = objects(value.sheets).flatMap((s): RecordSheet[] =>
    typeof s.name === 'string' && typeof s.sheetId === 'string'
      ? [{ key: textOr(s.key, null), name: s.name, sheetId: s.sheetId }]
      : [],
  );
  const columns = objects(value.columns).flatMap((m): RecordColumn[] =>
    typeof m.header === 'string' && typeof m.sheetId === 'string' && isCount(m.headerRow) && isCount(m.column)
      ? [
          {
            key: textOr(m.key, null),
            header: m.header,
            sheet: null,
            tableName: textOr(m.tableName, null),
            headerRow: m.headerRow + 1,
            column: m.column + 1,
            rows: isCount(m.rows) ? m.rows : null,
            sheetId: m.sheetId,
            tableColumnId: isCount(m.tableColumnId) ? m.tableColumnId : null,
          },
        ]
      : [],
  );
  const record: RunRecord = { version: 2, settings: settingsOf(value.settings), sheets, columns };
  if (value.lastRun !== undefined && value.lastRun !== null) record.lastRun = value.lastRun;
  return record;
}

/**
 * The shared record of the last run, and the hidden sheet every host keeps it in: a title in A1 and the
 * JSON split over A2, A3, … (text cells). A hidden sheet because cell content is what co-authoring
 * synchronises, every Excel (desktop, web, Mac) and every file library keeps it, and so the command line,
 * the web page and the add-in all read the same record. Pure: no Office.js, no file library.
 *
 * @example
 * const cells = runRecord.encode({ version: 2, settings, sheets: [], columns: [] });
 * runRecord.decode(cells)?.settings === settings; // deep-equal
 */
export const runRecord = {
  /** The sheet every host writes the record to (very hidden: not even in Excel's Unhide dialog). */
  sheetName: 'CustomerPyramid.state',
  /** Where older versions of the command line kept their record (read when the sheet above is missing). */
  legacySheetName: '_CustomerPyramid',
  /** Text of A1, so a person who finds the sheet knows what it is. */
  title: 'Customer Pyramid: settings and markers of its columns and sheets (JSON below). Do not edit.',

  /**
   * Whether a sheet is bookkeeping of ours (this record, Excel's undo sheets, an older record): never user
   * data, never analysed.
   */
  isBookkeeping(name: string): boolean {
    const lower = name.toLowerCase();
    return lower.startsWith('customerpyramid.') || lower === runRecord.legacySheetName.toLowerCase();
  },

  /** The cells of column A: the title, then the JSON in pieces under 32,767 characters. */
  encode(record: RunRecord): string[] {
    const json = JSON.stringify(record);
    const cells = [runRecord.title];
    for (let start = 0; start < json.length; start += pieceLength)
      cells.push(json.slice(start, start + pieceLength));
    return cells;
  },

  /**
   * Reads a record back from the cells of column A (A1 first, whatever its title), in the shared format or
   * in either host's older format (the command line's version 1 and the Excel add-in's version 1).
   * Entries that do not make sense are dropped. Pieces left after the record's last one (a longer older
   * record overwritten in place by a write that stopped part-way) are ignored.
   *
   * @returns The record, or null for an empty, unreadable or unknown (e.g. future) record: the run then
   *   starts afresh rather than failing.
   */
  decode(cells: readonly RawCell[]): RunRecord | null {
    const pieces = cells.slice(1).map((cell) => (typeof cell === 'string' ? cell : ''));
    const parsed = parseLongestRecord(pieces);
    if (!isObject(parsed)) return null;
    if (parsed.version === 2) return fromShared(parsed);
    if (parsed.version !== 1) return null;
    return 'createdSheets' in parsed || 'customerColumns' in parsed
      ? fromFileV1(parsed)
      : fromExcelV1(parsed);
  },
};
