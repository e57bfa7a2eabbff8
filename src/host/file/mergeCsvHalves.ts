import type { CellColumn } from '../../engine/types';
import { CsvColumn, type CsvColumnPart } from './CsvColumn';
import type { CsvHalf, CsvTable } from './parseCsv';

/** The second half of a CSV as another thread parsed it: its columns' parts and its rows. */
export interface CsvHalfParts {
  columns: CsvColumnPart[];
  /** Records read, blank ones included. */
  rowCount: number;
  /** Records up to the last one that is not blank (0 when all are blank). */
  lastNonBlankRow: number;
}

/**
 * The table a one-thread parse of the whole file gives ({@link parseCsvEncoded}), from its first half
 * (`parseCsvHalf`, which must have ended at a record boundary) and its second half's parts: the second
 * half's rows follow the first's, blank records in between kept and trailing ones dropped; a column only
 * the second half has gets the header `''`; codes keep the order of first appearance. The first half's
 * columns are used up.
 *
 * @example mergeCsvHalves(parseCsvHalf(first, …), { columns, rowCount, lastNonBlankRow }).rowCount
 */
export function mergeCsvHalves(first: CsvHalf, second: CsvHalfParts): CsvTable<CellColumn> {
  const offset = first.rowCount;
  const rowCount = second.lastNonBlankRow > 0 ? offset + second.lastNonBlankRow : first.lastNonBlankRow;
  const headers = [...first.headers];
  const columns = [...first.columns];
  second.columns.forEach((part, c) => {
    let column = columns[c];
    while (column === undefined) {
      columns.push(new CsvColumn(first.capacity, first.judgedRows));
      headers.push('');
      column = columns[c];
    }
    column.appendPart(part, offset, second.lastNonBlankRow);
  });
  for (const column of columns) column.reserve(rowCount);
  return { headers, columns: columns.map((column) => column.build(rowCount)), rowCount };
}
