import { findHeaderRow } from '../engine/findHeaderRow';
import type { RawCell } from '../engine/types';
import { trimBlankHeaders } from './trimBlankHeaders';

/** A rectangle of cells: 1-based sheet rows and columns, the last ones included. */
export interface CellBlock {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

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

/** Options of {@link headedRange}. */
export interface HeadedRangeOptions {
  /** 1-based sheet row and column of `topRows[0][0]` (default A1). */
  origin?: { row: number; column: number };
  /**
   * Header cells to read as blank, by 1-based sheet row and column, before the blank ends are trimmed: our
   * own columns, which a re-run must never read as the user's.
   */
  blank?: (row: number, column: number, header: string) => boolean;
}

/**
 * Finds the header row of a plain range among a sheet's top rows (`findHeaderRow`; cells of Excel tables
 * already read as blank), trims blank header cells at both ends, and notes the first Excel table below it in
 * its columns, where the range must end. Every reader of a sheet (the Excel host, the in-memory and the
 * streaming file readers) finds plain ranges with it, so they find the same ones.
 *
 * @param topRows The sheet's first rows from `origin`, row-major.
 * @param tables The sheet's Excel tables.
 * @example
 * headedRange([['Report'], [null, 'Customer', 'Amount', '']], []);
 * // { headerRow: 2, firstColumn: 2, headers: ['Customer', 'Amount'], tableTop: Infinity }
 */
export function headedRange(
  topRows: readonly (readonly RawCell[])[],
  tables: readonly CellBlock[],
  options: HeadedRangeOptions = {},
): HeadedRange | null {
  const found = findHeaderRow(topRows);
  if (found === null) return null;
  const origin = options.origin ?? { row: 1, column: 1 };
  const headerRow = origin.row + found.index;
  const blank = options.blank;
  const all =
    blank === undefined
      ? found.headers
      : found.headers.map((h, i) => (blank(headerRow, origin.column + i, h) ? '' : h));
  const first = all.findIndex((header) => header.trim() !== '');
  if (first < 0) return null;
  const firstColumn = origin.column + first;
  const headers = trimBlankHeaders(all.slice(first));
  const tableTop = tables
    .filter((t) => t.top > headerRow && t.left < firstColumn + headers.length && t.right >= firstColumn)
    .reduce((top, t) => Math.min(top, t.top), Infinity);
  return { headerRow, firstColumn, headers, tableTop };
}
