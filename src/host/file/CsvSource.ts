import type { Workbook } from 'exceljs';
import { cellsOf, columnOfLength } from '../../engine/cellColumn';
import { findHeaderRow, headerScanRows } from '../../engine/findHeaderRow';
import type { ColumnSpec } from '../../engine/sheetSpec';
import type { CellColumn, RawCell, SourceTable } from '../../engine/types';
import { excelGrid } from '../excelGrid';
import { fitCellText } from '../fitCellText';
import { uniqueName } from '../uniqueName';
import type { WorkbookInfo } from '../WorkbookHost';
import type { DeferredRows } from './appendSheetRows';
import { copyColumns } from './copyColumns';
import type { CopiedTable, FileSource } from './FileSource';
import { parseCsv, parseCsvEncoded, type CsvTable } from './parseCsv';
import { validSheetName } from './validSheetName';
import { writeColumnsSheet } from './writeColumnsSheet';

/**
 * A CSV sales table of at most this many cells is copied into the output (as text, exactly as written),
 * so that re-running on the output finds the sales and updates our sheets in place; a larger one stays
 * in its file only (see `largeInputNote`).
 */
export const copyCsvSalesUpToCells = 2_000_000;

/** Text that is a number written the way JavaScript writes it back (`42`, `-1.5`), so reads back the same. */
function isPlainNumber(text: string): boolean {
  const value = Number(text);
  return text !== '' && Number.isFinite(value) && String(value) === text;
}

/**
 * A CSV file as the input of `FileWorkbookHost`: one table, its columns held; the output is a new
 * workbook, into which the table is copied (see {@link CsvSource.copySales}, {@link CsvSource.copyCustomers}).
 *
 * @example const source = CsvSource.parse('Customer,Amount\nC1,10\n', 'sales.csv');
 */
export class CsvSource implements FileSource {
  readonly date1904 = false;
  readonly workbook = null;

  private constructor(
    private readonly fileName: string,
    private readonly table: SourceTable,
    private readonly columns: CellColumn[],
  ) {}

  /**
   * Reads a CSV file's text as one table; the header row is the first of the top 30 records that names
   * at least two recognised fields (else the first record).
   *
   * @param text The file's text, or pieces of it that each end at a record boundary.
   */
  static parse(text: string | readonly string[], fileName: string): CsvSource {
    const skipRows = CsvSource.headerRowsToSkip(text, false) ?? 0;
    return CsvSource.fromTable(parseCsvEncoded(text, { skipRows }), skipRows, fileName);
  }

  /**
   * The records above the header row: the first of the top 30 records that names at least two recognised
   * fields (else the first record).
   *
   * @param text The file's text, or its beginning.
   * @param whole With true, null when `text` holds fewer records than are searched (its beginning may not
   *   be enough to decide).
   */
  static headerRowsToSkip(text: string | readonly string[], whole: boolean): number | null {
    const top = parseCsv(text, { maxRows: headerScanRows });
    if (whole && top.rowCount < headerScanRows) return null;
    const rows: RawCell[][] = [top.headers];
    for (let row = 0; row < top.rowCount; row++) rows.push(top.columns.map((column) => column[row] ?? null));
    return findHeaderRow(rows)?.index ?? 0;
  }

  /**
   * A CSV file as parsed by `parseCsvEncoded` (or on two threads, see `parseCsvInHalves`) with `skipRows`
   * records above its header.
   */
  static fromTable(parsed: CsvTable<CellColumn>, skipRows: number, fileName: string): CsvSource {
    const table: SourceTable = {
      sheet: fileName,
      tableName: null,
      headerRow: skipRows + 1,
      firstColumn: 1,
      headers: parsed.headers,
      rowCount: parsed.rowCount,
    };
    return new CsvSource(fileName, table, parsed.columns);
  }

  /** The file's name without its extension, as a valid sheet name. */
  private get sheetName(): string {
    return validSheetName(this.fileName.replace(/\.[^.]*$/u, ''));
  }

  inspect(): WorkbookInfo {
    return { tables: [{ ...this.table }], date1904: false, savedSettings: null };
  }

  readColumns(table: SourceTable, columns: readonly number[]): CellColumn[] {
    return columns.map((column) => {
      const values = this.columns[column];
      return values === undefined
        ? new Array<RawCell>(table.rowCount).fill(null)
        : columnOfLength(values, table.rowCount);
    });
  }

  inputRecord(): null {
    return null;
  }

  /** The CSV's customers table: its values are copied into a sheet of the output, ours go beside them. */
  copyCustomers(workbook: Workbook, table: SourceTable, taken: readonly string[]): CopiedTable {
    const name = uniqueName(this.sheetName, taken, excelGrid.sheetNameLength);
    const sheet = workbook.addWorksheet(name);
    copyColumns(sheet, table.headers, this.columns.map(cellsOf));
    return { sheet, table: { ...table, sheet: name, headerRow: 1, firstColumn: 1 } };
  }

  /**
   * Copies the sales into a new output's first sheet, named after the file, as text exactly as written: it
   * is the user's data (not recorded as ours), so a re-run on the output reads the sales from it and
   * replaces our sheets in place. Large tables go straight into the package; too large ones
   * (`copyCsvSalesUpToCells`, or longer than a sheet) are left out.
   */
  copySales(
    workbook: Workbook,
    directRowsAboveCells: number,
  ): { deferred: DeferredRows | null; leftOut: boolean } {
    const { table, columns } = this;
    const leftOut =
      table.rowCount * table.headers.length > copyCsvSalesUpToCells || table.rowCount >= excelGrid.rows;
    if (leftOut) return { deferred: null, leftOut };
    const name = uniqueName(this.sheetName, [], excelGrid.sheetNameLength);
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
    const specs: ColumnSpec[] = table.headers.map((header, c) => {
      const texts = cellsOf(columnOfLength(columns[c] ?? [], table.rowCount)).map((value) =>
        value === null || typeof value === 'string' ? value : String(value),
      );
      // A column of plain numbers becomes numbers; only those that read back as the same text (a re-run
      // sees the same ids and amounts), so `00042`, `17850.0` and `1E5` keep the column text.
      const numeric = texts.some((t) => t !== null) && texts.every((t) => t === null || isPlainNumber(t));
      return {
        key: `csv${String(c)}`,
        header: fitCellText(header),
        format: numeric
          ? texts.every((t) => t === null || !t.includes('.'))
            ? 'integer'
            : 'number'
          : 'text',
        values: numeric ? texts.map((t) => (t === null ? null : Number(t))) : texts,
      };
    });
    return { deferred: writeColumnsSheet(sheet, specs, false, directRowsAboveCells), leftOut };
  }

  deferAboveCells(directRowsAboveCells: number): number {
    return directRowsAboveCells;
  }
}
