import type { HostState } from './HostState';

/** Rows of the state sheet read and cleared; 1 title row + JSON chunks. */
const stateRows = 200;
/** Characters of JSON per cell (Excel holds at most 32,767 characters in a cell). */
const chunkChars = 30_000;
const title = 'Customer Pyramid add-in: settings and markers of its columns and sheets. Do not edit.';

/**
 * The very hidden sheet holding {@link HostState}: a title in A1 and the state's JSON split over A2, A3, …
 * A hidden sheet (rather than `workbook.settings` or custom XML parts) because cell content is what
 * co-authoring synchronises between everyone editing a workbook, it is kept by every Excel (desktop, web,
 * Mac) and by file libraries, so the command line reads the same settings; very hidden keeps it out of
 * the Unhide dialog.
 */
export const HostStateSheet = {
  sheetName: 'CustomerPyramid.state',
  /** Holds the previous content of columns the last run overwrote. */
  undoSheetName: 'CustomerPyramid.undo',
  /** Prefix of the names of our replaced sheets kept for undo. */
  backupPrefix: 'CustomerPyramid.old',

  /** Whether a sheet name is one of the add-in's bookkeeping sheets (never analysed, never shown). */
  isBookkeeping(name: string): boolean {
    const lower = name.toLowerCase();
    // `_CustomerPyramid` is the file host's (command line's) record sheet: never user data either.
    return lower.startsWith('customerpyramid.') || lower === '_customerpyramid';
  },

  /** Queues a read of the state cells of an existing state sheet; pass the loaded range to {@link parse}. */
  queueRead(sheet: Excel.Worksheet): Excel.Range {
    return sheet.getRangeByIndexes(0, 0, stateRows, 1).load('values');
  },

  /** The state from loaded cells; an empty state when the sheet is new, foreign or unreadable. */
  parse(range: Excel.Range | null): HostState {
    const empty: HostState = { version: 1, settings: null, columns: [], sheets: [], lastRun: null };
    if (range === null) return empty;
    const json = range.values
      .slice(1)
      .map((row) => (typeof row[0] === 'string' ? row[0] : ''))
      .join('');
    if (json === '') return empty;
    try {
      const parsed = JSON.parse(json) as Partial<HostState>;
      if (parsed.version !== 1) return empty;
      return {
        version: 1,
        settings: parsed.settings ?? null,
        columns: parsed.columns ?? [],
        sheets: parsed.sheets ?? [],
        lastRun: parsed.lastRun ?? null,
      };
    } catch {
      return empty;
    }
  },

  /**
   * Queues writing the state into `sheet` (as text, so the JSON is never read as a formula). The sheet
   * must exist (add it in the same batch when missing).
   */
  queueWrite(sheet: Excel.Worksheet, state: HostState): void {
    const json = JSON.stringify(state);
    const chunks: string[] = [];
    for (let i = 0; i < json.length; i += chunkChars) chunks.push(json.slice(i, i + chunkChars));
    if (chunks.length + 1 > stateRows) throw new Error('The add-in state is too large to save.');
    const all = sheet.getRangeByIndexes(0, 0, stateRows, 1);
    all.clear('Contents');
    const used = sheet.getRangeByIndexes(0, 0, chunks.length + 1, 1);
    used.numberFormat = [['@'], ...chunks.map(() => ['@'])];
    used.values = [[title], ...chunks.map((chunk) => [chunk])];
  },
};
