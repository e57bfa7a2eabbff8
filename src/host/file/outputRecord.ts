import type { AnalysisSettings, RawCell } from '../../engine/types';

/** Name of the hidden sheet holding the {@link OutputRecord} of the last run. */
export const settingsSheetName = '_CustomerPyramid';

/** Text of cell A1 of the settings sheet, so a person who unhides it knows what it is. */
export const settingsSheetMarker =
  'Customer Pyramid: settings and output of the last run (JSON below, do not edit)';

/** Cells hold at most 32,767 characters; the JSON is split into pieces well below that. */
const pieceLength = 30_000;

/**
 * What a run saved in the workbook: its settings (so any co-author re-running gets the same output) and
 * what it wrote (so a re-run updates its own columns and sheets in place and never mistakes them for the
 * user's data).
 */
export interface OutputRecord {
  version: 1;
  settings: AnalysisSettings;
  /** Sheets the run created (summary sheets and a new customers sheet); rebuilt by the next run. */
  createdSheets: string[];
  /** Columns appended to the user's customers table; null when the run built its own customers sheet. */
  customerColumns: {
    sheet: string;
    /** 1-based sheet row of the header row. */
    headerRow: number;
    /** 1-based sheet columns and the header written in each. */
    columns: { column: number; header: string }[];
  } | null;
}

/**
 * Turns a record into the cells of column A of the settings sheet: the marker, then the JSON in pieces.
 *
 * @example encodeOutputRecord(record)[0] === settingsSheetMarker
 */
export function encodeOutputRecord(record: OutputRecord): string[] {
  const json = JSON.stringify(record);
  const cells = [settingsSheetMarker];
  for (let start = 0; start < json.length; start += pieceLength)
    cells.push(json.slice(start, start + pieceLength));
  return cells;
}

function isRecord(value: unknown): value is OutputRecord {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  const settings = candidate.settings;
  const created = candidate.createdSheets;
  const columns = candidate.customerColumns;
  return (
    candidate.version === 1 &&
    typeof settings === 'object' &&
    settings !== null &&
    Array.isArray(created) &&
    created.every((name) => typeof name === 'string') &&
    (columns === null ||
      (typeof columns === 'object' && Array.isArray((columns as Record<string, unknown>).columns)))
  );
}

/**
 * Reads a record back from column A of the settings sheet.
 *
 * @returns The record, or null when the cells are not a record this version understands (edited by hand,
 *   written by a future version): the run then starts afresh rather than failing.
 */
export function decodeOutputRecord(cells: readonly RawCell[]): OutputRecord | null {
  if (cells[0] !== settingsSheetMarker) return null;
  const json = cells
    .slice(1)
    .map((cell) => (typeof cell === 'string' ? cell : ''))
    .join('');
  try {
    const parsed: unknown = JSON.parse(json);
    return isRecord(parsed) ? parsed : null;
  } catch {
    return null;
  }
}
