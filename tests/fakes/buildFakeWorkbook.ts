import type { RawCell } from '../../src/engine/types';
import { parseAddress } from './cellAddress';
import { FakeWorkbook } from './FakeWorkbook';

/** One sheet of a fake workbook. Cells are stored as given: strings stay text, numbers stay numbers. */
export interface FakeSheetSpec {
  name: string;
  /** Row-major cells starting at `origin`. */
  rows?: readonly (readonly RawCell[])[];
  /**
   * Column-major cells starting at `origin`: a header and the data under it. Each array is copied once
   * (`concat`), so a million-row sheet costs one array slot per cell.
   */
  columns?: readonly { header: string; values: RawCell[] }[];
  /** Top-left cell of `rows` / `columns`; default `A1`. */
  origin?: string;
  /** Make the block (header row first) an Excel table with this name. */
  table?: string;
  /** Single cells outside the block (not part of a table), e.g. `{ E5: 'note' }`. */
  cells?: Record<string, RawCell>;
  /** Number formats to apply, e.g. `{ 'C2:C10': 'yyyy-mm-dd' }`. */
  numberFormats?: Record<string, string>;
  protected?: boolean;
}

/** A fake workbook: its sheets, in order, and workbook-level flags. */
export interface FakeWorkbookSpec {
  sheets: readonly FakeSheetSpec[];
  /** The workbook uses the 1904 date system. */
  date1904?: boolean;
}

/**
 * Builds a {@link FakeWorkbook} quickly enough for a million sales rows: column-major input is stored
 * with one array copy per column; row-major input is transposed once.
 *
 * @example buildFakeWorkbook({ sheets: [{ name: 'Sales', table: 'Sales', rows: [['Customer', 'Date', 'Amount'], ['C1', 45000, 10]] }] })
 */
export function buildFakeWorkbook(spec: FakeWorkbookSpec): FakeWorkbook {
  const workbook = new FakeWorkbook();
  workbook.use1904DateSystem = spec.date1904 === true;
  for (const sheetSpec of spec.sheets) {
    const sheet = workbook.addSheet(sheetSpec.name);
    const origin = parseAddress(sheetSpec.origin ?? 'A1');
    let width = 0;
    let height = 0;
    if (sheetSpec.columns !== undefined) {
      sheetSpec.columns.forEach((column, c) => {
        sheet.cells.setRaw(origin.row0, origin.col0 + c, column.header, null);
        sheet.cells.adoptColumn(origin.col0 + c, column.values, origin.row0 + 1);
        height = Math.max(height, column.values.length + 1);
      });
      width = sheetSpec.columns.length;
    }
    if (sheetSpec.rows !== undefined) {
      sheetSpec.rows.forEach((row, r) => {
        row.forEach((value, c) => {
          if (value !== null && value !== '')
            sheet.cells.setRaw(origin.row0 + r, origin.col0 + c, value, null);
        });
        width = Math.max(width, row.length);
      });
      height = Math.max(height, sheetSpec.rows.length);
    }
    for (const [address, value] of Object.entries(sheetSpec.cells ?? {})) {
      const block = parseAddress(address);
      sheet.cells.setRaw(block.row0, block.col0, value === '' ? null : value, null);
    }
    for (const [address, format] of Object.entries(sheetSpec.numberFormats ?? {})) {
      const block = parseAddress(address);
      for (let r = block.row0; r <= block.row1; r++)
        for (let c = block.col0; c <= block.col1; c++) sheet.cells.setNumberFormat(r, c, format);
    }
    if (sheetSpec.table !== undefined)
      workbook.addTable(sheetSpec.table, sheet, origin.row0, origin.col0, width, Math.max(0, height - 1));
    sheet.protected = sheetSpec.protected === true;
  }
  return workbook;
}
