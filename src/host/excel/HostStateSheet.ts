import { runRecord } from '../runRecord';
import { HostState, type SheetIdentity } from './HostState';

export type { SheetIdentity };

/** Rows of the state sheet read and cleared; 1 title row + JSON chunks. */
const stateRows = 200;

/**
 * The very hidden sheet holding {@link HostState} as the shared run record (see `runRecord`): a title in
 * A1 and the JSON split over A2, A3, … The command line and the web page read and write the same sheet, so
 * a workbook analysed by one and re-analysed by the other is updated in place with its saved settings.
 * A hidden sheet (rather than `workbook.settings` or custom XML parts) because cell content is what
 * co-authoring synchronises between everyone editing a workbook and it is kept by every Excel (desktop,
 * web, Mac) and by file libraries; very hidden keeps it out of the Unhide dialog.
 */
export const HostStateSheet = {
  sheetName: runRecord.sheetName,
  /** Where an older command line kept its record: read when there is no state sheet, deleted on write. */
  legacySheetName: runRecord.legacySheetName,
  /** Holds the previous content of columns the last run overwrote. */
  undoSheetName: 'CustomerPyramid.undo',
  /** Prefix of the names of our replaced sheets kept for undo. */
  backupPrefix: 'CustomerPyramid.old',

  /** Whether a sheet name is one of our replaced sheets kept for undo (`CustomerPyramid.old`, `… (2)`, …). */
  isBackupName(name: string): boolean {
    return name.toLowerCase().startsWith(HostStateSheet.backupPrefix.toLowerCase());
  },

  /** Whether a sheet name is one of our bookkeeping sheets (never analysed, never shown). */
  isBookkeeping(name: string): boolean {
    return runRecord.isBookkeeping(name);
  },

  /**
   * The sheet to read the state from among the loaded sheets: the state sheet, else an older command
   * line's record sheet, else null.
   */
  find<T extends { name: string }>(sheets: readonly T[]): T | null {
    const named = (wanted: string): T | undefined =>
      sheets.find((s) => s.name.toLowerCase() === wanted.toLowerCase());
    return named(runRecord.sheetName) ?? named(runRecord.legacySheetName) ?? null;
  },

  /** Queues a read of the state cells of an existing state sheet; pass the loaded range to {@link parse}. */
  queueRead(sheet: Excel.Worksheet): Excel.Range {
    return sheet.getRangeByIndexes(0, 0, stateRows, 1).load('values');
  },

  /**
   * The state from loaded cells, whichever host wrote them (this add-in, the command line, an older version
   * of either); an empty state when the sheet is missing, foreign or unreadable.
   *
   * @param sheets The workbook's sheets: record entries are tied to them by id, else by name (the command
   *   line knows no ids); columns on a sheet that no longer exists are dropped.
   */
  parse(range: Excel.Range | null, sheets: readonly SheetIdentity[]): HostState {
    const cells = (range?.values ?? []).map((row) => {
      const cell: unknown = row[0];
      return typeof cell === 'string' ? cell : null;
    });
    return HostState.fromRecord(runRecord.decode(cells) ?? HostState.emptyRecord, sheets);
  },

  /**
   * Queues writing the state into `sheet` (as text, so the JSON is never read as a formula), overwriting
   * the previous record in place and clearing only the cells below it, so the sheet holds a readable record
   * whichever of the queued operations a failed sync applied. The sheet must exist (add it in the same
   * batch when missing).
   *
   * @param names Current sheet names by id, so the record names its sheets for hosts that know no ids.
   */
  queueWrite(sheet: Excel.Worksheet, state: HostState, names: ReadonlyMap<string, string>): void {
    const cells = runRecord.encode(HostState.toRecord(state, names));
    if (cells.length > stateRows) throw new Error('The add-in state is too large to save.');
    // The new record first, then the old one's leftover pieces below it: a sync that fails part-way leaves
    // the old record, or the new one followed by stale pieces (which `runRecord.decode` ignores), never none.
    const used = sheet.getRangeByIndexes(0, 0, cells.length, 1);
    used.numberFormat = cells.map(() => ['@']);
    used.values = cells.map((cell) => [cell]);
    if (cells.length < stateRows)
      sheet.getRangeByIndexes(cells.length, 0, stateRows - cells.length, 1).clear('Contents');
  },
};
