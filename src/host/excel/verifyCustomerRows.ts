import type { SourceTable } from '../../engine/types';
import { customerRowId } from '../customerRowId';
import { ExcelHostError } from './ExcelHostError';
import { readTableColumns } from './readTableColumns';

/**
 * Rows of the id column per read: one short column, so ten times the chunk of a table read (about 1 MB
 * of ids of 20 characters, halved on a payload error like any read).
 */
const idChunkRows = 50_000;

/** Rows of Excel's grid. */
const gridRows = 1_048_576;

/** Where the customers table is now, as the write will address it. */
export interface LiveCustomersTable {
  sheet: string;
  /** 0-based sheet row of the header row. */
  headerRow0: number;
  /** 0-based sheet column of the table's first column. */
  column0: number;
  /** Data rows now. */
  rowCount: number;
  /** An Excel table knows its own size; a plain range may have grown by rows just below it. */
  isExcelTable: boolean;
}

/** The sentence for a customers table that changed between the read and the write. */
export const customersChangedMessage =
  'The customers table changed while the analysis ran (a co-author sorted or edited it). Nothing was written; run the analysis again.';

/**
 * Refuses to write when the customers table is no longer as the run read it: the customer ids of its data
 * rows (re-read from the cells the write is about to fill beside) differ from `rowIds`, or rows were added
 * (an Excel table's row count, or a non-blank id just below a plain range). Results are written by row
 * position, so a co-author's sort between the read and the write would otherwise put each result beside
 * another customer. Reads only the id column, in chunks; changes nothing.
 *
 * @param idColumn 0-based position of the id column within the table.
 * @throws ExcelHostError `TABLE_CHANGED` with {@link customersChangedMessage}.
 */
export async function verifyCustomerRows(
  context: Excel.RequestContext,
  live: LiveCustomersTable,
  idColumn: number,
  rowIds: readonly (string | null)[],
): Promise<void> {
  const refuse = (): never => {
    throw new ExcelHostError('TABLE_CHANGED', customersChangedMessage);
  };
  if (live.rowCount !== rowIds.length) refuse();
  // One row more for a plain range: an id there means a customer was appended since the read.
  const extra = !live.isExcelTable && live.headerRow0 + 1 + rowIds.length < gridRows ? 1 : 0;
  const table: SourceTable = {
    sheet: live.sheet,
    tableName: null,
    headerRow: live.headerRow0 + 1,
    firstColumn: live.column0 + 1,
    headers: [],
    rowCount: rowIds.length + extra,
  };
  const [cells = []] = await readTableColumns(context, table, [idColumn], undefined, idChunkRows);
  for (let i = 0; i < rowIds.length; i++) {
    if (customerRowId(cells[i] ?? null) !== rowIds[i]) refuse();
  }
  if (extra === 1 && customerRowId(cells[rowIds.length] ?? null) !== null) refuse();
}
