import type { RawCell, SourceTable } from '../../engine/types';
import { officeCode } from './ExcelHostError';
import type { ProgressCallback } from '../WorkbookHost';

/** Rows read per request at first; halved after a payload-limit error. */
export const firstReadChunkRows = 5000;

const payloadErrors = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded']);

/** Contiguous runs of sheet columns, so adjacent wanted columns share one range. */
function runsOf(columns: readonly number[]): { first: number; count: number }[] {
  const sorted = [...new Set(columns)].sort((a, b) => a - b);
  const runs: { first: number; count: number }[] = [];
  for (const column of sorted) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.first + last.count === column) last.count++;
    else runs.push({ first: column, count: 1 });
  }
  return runs;
}

/**
 * Reads some columns of a table, data rows only, in chunks of rows: only the `values` of the wanted
 * columns (adjacent ones share a range), one sync per chunk, starting at {@link firstReadChunkRows} rows
 * and halving the chunk whenever Excel reports a request or response over its payload limit. Empty cells
 * become null; dates stay serial numbers of the workbook's own date system.
 *
 * @param columns 0-based positions within the table.
 * @param sheet The table's worksheet, when the caller holds it (else found by the table's sheet name).
 * @returns One array per requested column, in the order requested, each `table.rowCount` long.
 */
export async function readTableColumns(
  context: Excel.RequestContext,
  table: SourceTable,
  columns: readonly number[],
  progress?: ProgressCallback,
  firstChunkRows = firstReadChunkRows,
  sheet?: Excel.Worksheet,
): Promise<RawCell[][]> {
  const total = table.rowCount;
  const byColumn = new Map<number, RawCell[]>();
  for (const column of columns) byColumn.set(column, new Array<RawCell>(total).fill(null));
  const runs = runsOf(columns);
  if (total === 0 || runs.length === 0) return columns.map((c) => byColumn.get(c) ?? []);
  const worksheet = sheet ?? context.workbook.worksheets.getItem(table.sheet);
  const dataRow0 = table.headerRow;
  const column0 = table.firstColumn - 1;
  let chunk = Math.max(1, firstChunkRows);
  let start = 0;
  progress?.(0, total);
  // Chunks of rows are the batching unit: one sync per chunk, however many rows it holds.
  while (start < total) {
    const count = Math.min(chunk, total - start);
    const ranges = runs.map((run) =>
      worksheet.getRangeByIndexes(dataRow0 + start, column0 + run.first, count, run.count).load('values'),
    );
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk of rows, never per row
      await context.sync();
    } catch (error) {
      const code = officeCode(error);
      if (code !== null && payloadErrors.has(code) && count > 1) {
        chunk = Math.max(1, Math.floor(count / 2));
        continue;
      }
      throw error;
    }
    runs.forEach((run, k) => {
      const values = ranges[k]?.values ?? [];
      for (let offset = 0; offset < run.count; offset++) {
        const target = byColumn.get(run.first + offset);
        if (target === undefined) continue;
        for (let i = 0; i < count; i++) {
          const value: unknown = values[i]?.[offset];
          target[start + i] = value === '' || value === undefined ? null : (value as RawCell);
        }
      }
    });
    start += count;
    progress?.(start, total);
  }
  return columns.map((c) => byColumn.get(c) ?? []);
}
