import type { CellSpec, SheetSpec } from '../../engine/sheetSpec';
import type { DeferredColumn } from './appendSheetRows';

/** A summary sheet cut in two by {@link splitSheetTail}. */
export interface SplitSheet {
  /** The sheet with its rows up to and including the tail's first row (the template of the rest). */
  head: SheetSpec;
  /** The tail's rows after the template, one column per cell of a row, from column A. */
  columns: DeferredColumn[];
  /** Sheet row (1-based) of the first of those rows. */
  firstRow: number;
}

/** Whether two cells look alike, apart from their values: cells of one look share one style. */
const sameLook = (a: CellSpec, b: CellSpec): boolean =>
  a.format === b.format &&
  (a.bold === true) === (b.bold === true) &&
  a.fill === b.fill &&
  a.size === b.size &&
  (a.wrap === true) === (b.wrap === true) &&
  (a.center === true) === (b.center === true);

/** Whether two rows look alike cell by cell (compared without building a text per row: 100,000 rows). */
function sameRowLook(a: readonly CellSpec[], b: readonly CellSpec[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((cell, c) => {
    const other = b[c];
    return other !== undefined && sameLook(cell, other);
  });
}

/**
 * Cuts a large summary sheet (a visit plan listing tens of thousands of due customers) into the head that
 * the workbook library renders and a tail of rows that look alike, to be written straight into the
 * package (`appendRowsToPackage`) with the styles of the head's last row: the longest run of rows at the
 * bottom whose cells have the same formats, bold, fills, sizes, wrapping and centring, with no row height, page
 * break or chart of their own. The head's last row is the tail's first, so every column has a template
 * cell; it must hold a value or a format in each column (an empty cell without either is not written).
 *
 * @returns null when the sheet has at most `deferAboveCells` cells or no such tail of at least two rows.
 * @example const split = splitSheetTail(spec, 200_000); // null for a summary of ten rows
 */
export function splitSheetTail(spec: SheetSpec, deferAboveCells: number): SplitSheet | null {
  const rows = spec.cells;
  const cellCount = rows.reduce((sum, row) => sum + row.length, 0);
  const last = rows[rows.length - 1];
  if (cellCount <= deferAboveCells || last === undefined || last.length === 0) return null;
  let start = rows.length - 1;
  while (start > 0 && sameRowLook(rows[start - 1] ?? [], last)) start--;
  const heights = Object.keys(spec.rowHeights ?? {}).map(Number);
  const chartEnd = Math.max(0, ...spec.charts.map((chart) => chart.anchor.row + chart.anchor.heightRows));
  const template = rows[start] ?? [];
  if (
    rows.length - start < 2 ||
    heights.some((row) => row >= start) ||
    (spec.print?.breaksBefore ?? []).some((row) => row > start) ||
    chartEnd > start + 1 ||
    template.some((cell) => cell.value === null && cell.format === undefined)
  )
    return null;
  const tail = rows.slice(start + 1);
  return {
    head: { ...spec, cells: rows.slice(0, start + 1) },
    columns: template.map((cell, c) => ({
      ...(cell.format === undefined ? {} : { format: cell.format }),
      values: tail.map((row) => row[c]?.value ?? null),
    })),
    firstRow: start + 2,
  };
}
