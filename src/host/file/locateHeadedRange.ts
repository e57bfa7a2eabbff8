import { findHeaderRow } from '../../engine/findHeaderRow';
import type { RawCell } from '../../engine/types';
import type { CellBlock } from './decodeReference';

/** Where a plain range's header is, and the row above which it must end. */
export interface HeadedRange {
  /** 1-based sheet row of the header. */
  headerRow: number;
  /** 1-based sheet column of the first non-blank header. */
  firstColumn: number;
  /** Headers from the first to the last non-blank one. */
  headers: string[];
  /** First sheet row of an Excel table below the header in the range's columns (Infinity if none). */
  tableTop: number;
}

/**
 * Finds the header row of a plain range among a sheet's top rows (cells of Excel tables already read as
 * blank), trims blank header cells at both ends, and notes the first table below it in its columns, where
 * the range must end (as the Excel host sees it). Shared by the in-memory and the streaming readers so they
 * find the same ranges.
 *
 * @param topRows The sheet's first rows from column A, row-major.
 * @param tables The sheet's Excel tables.
 */
export function locateHeadedRange(
  topRows: readonly (readonly RawCell[])[],
  tables: readonly CellBlock[],
): HeadedRange | null {
  const found = findHeaderRow(topRows);
  if (found === null) return null;
  const filled = found.headers.map((header) => header.trim() !== '');
  const first = filled.indexOf(true);
  const last = filled.lastIndexOf(true);
  if (first < 0) return null;
  const headerRow = found.index + 1;
  const firstColumn = first + 1;
  const headers = found.headers.slice(first, last + 1);
  const tableTop = tables
    .filter((t) => t.top > headerRow && t.left < firstColumn + headers.length && t.right >= firstColumn)
    .reduce((top, t) => Math.min(top, t.top), Infinity);
  return { headerRow, firstColumn, headers, tableTop };
}
