import { officeCode } from './ExcelHostError';
import { jsonSize } from './jsonSize';

/** A rectangle of cells to write, described by functions so a big column needs no 2-D copy up front. */
export interface GridBlock {
  sheet: Excel.Worksheet;
  /** 0-based sheet position of its top-left cell. */
  row0: number;
  col0: number;
  rows: number;
  columns: number;
  value(row: number, column: number): string | number | boolean;
  /** Number format of a cell; used for columns whose entry in `columnFormats` is null. */
  format(row: number, column: number): string;
  /** One number format for a whole column (set once, before any value), or null for per-cell formats. */
  columnFormats: readonly (string | null)[];
}

/** Options of {@link writeGrids}. */
export interface GridWriteOptions {
  /** Largest request to send, in bytes (under Excel's 5 MB); halved after a payload-limit error. */
  budgetBytes: number;
  /** Runs before every sync (suspend screen updating and calculation until that sync). */
  beforeSync: () => void;
  /** Called with the rows written after each chunk. */
  onRows?: (rows: number) => void;
}

/**
 * Writes blocks of cells in chunks of rows that fit the byte budget: number formats first (a whole-column
 * format once, per-cell formats with each chunk), then values as one 2-D array per block and chunk — one
 * sync per chunk. Text cells get the Text format (`@`) before their value arrives, so text beginning with
 * `=`, `+`, `-` or `@` and ids like `00042` stay text. The first chunk, which goes with the whole-column
 * formats (every row of those columns), gets half the budget. A chunk refused for its size is retried at
 * half the budget (Excel refuses an oversized request before running any of it).
 *
 * @returns The number of syncs made.
 */
export async function writeGrids(
  context: Excel.RequestContext,
  blocks: readonly GridBlock[],
  options: GridWriteOptions,
): Promise<number> {
  const totalRows = blocks.reduce((max, b) => Math.max(max, b.rows), 0);
  // Row sizes are measured as chunks are formed (and remembered for a retry), not all up front, so the
  // first request of a 100,000-row sheet goes out (and progress moves) without sizing every row first.
  const rowBytes = new Float64Array(totalRows).fill(-1);
  const rowSize = (r: number): number => {
    const known = rowBytes[r]!;
    if (known >= 0) return known;
    let size = 0;
    for (const block of blocks) {
      if (r >= block.rows) continue;
      let bytes = 4;
      for (let c = 0; c < block.columns; c++) {
        bytes += jsonSize(block.value(r, c));
        if (block.columnFormats[c] === null) bytes += jsonSize(block.format(r, c));
      }
      size += bytes;
    }
    rowBytes[r] = size;
    return size;
  };
  const perCell = blocks.map((b) => b.columnFormats.some((f) => f === null));
  const withColumnFormats = blocks.some((b) => b.rows > 0 && b.columnFormats.some((f) => f !== null));
  let budget = options.budgetBytes;
  let start = 0;
  let syncs = 0;
  let formatsSent = false;
  // Chunks of rows are the batching unit: one sync per chunk.
  while (start < totalRows || !formatsSent) {
    if (!formatsSent) {
      for (const block of blocks) {
        block.columnFormats.forEach((format, c) => {
          if (format === null || block.rows === 0) return;
          // Office.js applies a single (non-array) value to every cell of the range; the typings only list 2-D arrays.
          (
            block.sheet.getRangeByIndexes(block.row0, block.col0 + c, block.rows, 1) as unknown as {
              numberFormat: unknown;
            }
          ).numberFormat = format;
        });
      }
    }
    let end = start;
    let bytes = 0;
    // The first request also formats every row of the whole-column formats: its rows get half the budget,
    // so that it takes about as long as the others.
    const limit = formatsSent || !withColumnFormats ? budget : budget / 2;
    while (end < totalRows && (end === start || bytes + rowSize(end) <= limit)) {
      bytes += rowSize(end);
      end++;
    }
    blocks.forEach((block, k) => {
      const count = Math.min(end, block.rows) - start;
      if (count <= 0) return;
      const range = block.sheet.getRangeByIndexes(block.row0 + start, block.col0, count, block.columns);
      if (perCell[k] === true) {
        const formats: string[][] = [];
        for (let r = start; r < start + count; r++) {
          const row: string[] = [];
          for (let c = 0; c < block.columns; c++) row.push(block.columnFormats[c] ?? block.format(r, c));
          formats.push(row);
        }
        range.numberFormat = formats;
      }
      const values: (string | number | boolean)[][] = [];
      for (let r = start; r < start + count; r++) {
        const row: (string | number | boolean)[] = [];
        for (let c = 0; c < block.columns; c++) row.push(block.value(r, c));
        values.push(row);
      }
      range.values = values;
    });
    options.beforeSync();
    try {
      syncs++;
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk of rows, never per row
      await context.sync();
    } catch (error) {
      const code = officeCode(error);
      if (code === 'RequestPayloadSizeLimitExceeded' && end - start > 1) {
        budget = Math.max(1024, Math.floor(budget / 2));
        continue;
      }
      throw error;
    }
    formatsSent = true;
    options.onRows?.(end - start);
    start = end;
  }
  return syncs;
}
