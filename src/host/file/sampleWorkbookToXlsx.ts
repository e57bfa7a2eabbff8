import { Workbook } from 'exceljs';
import type { SampleWorkbook } from '../../sample/buildSampleWorkbook';
import { excelNumberFormat } from '../../engine/sheetSpec';

/** Options of {@link sampleWorkbookToXlsx}. */
export interface SampleXlsxOptions {
  /**
   * Write the customers and sales sheets as Excel tables (default true); false writes every sheet as a
   * plain range under a header row, as many small businesses keep their data. The visits log is always a
   * plain range, so the sample shows both kinds.
   */
  tables?: boolean;
}

const tableNames = ['tblCustomers', 'tblSales'];

/**
 * Renders the sample workbook as .xlsx bytes: one sheet per sample sheet, dates formatted as dates, ids
 * and other text as text cells, header row frozen. Works in Node and in the browser.
 *
 * @example const bytes = await sampleWorkbookToXlsx(buildSampleWorkbook('en'), { tables: true });
 */
export async function sampleWorkbookToXlsx(
  sample: SampleWorkbook,
  options: SampleXlsxOptions = {},
): Promise<Uint8Array> {
  const asTables = options.tables ?? true;
  const workbook = new Workbook();
  workbook.creator = 'Customer Pyramid';
  sample.sheets.forEach((spec, index) => {
    const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
    const tableName = asTables ? tableNames[index] : undefined;
    if (tableName !== undefined) {
      sheet.addTable({
        name: tableName,
        ref: 'A1',
        headerRow: true,
        style: { theme: 'TableStyleMedium2', showRowStripes: true },
        columns: spec.headers.map((name) => ({ name, filterButton: true })),
        rows: spec.rows.map((row) => [...row]),
      });
    } else {
      sheet.addRow(spec.headers).font = { bold: true };
      for (const row of spec.rows) sheet.addRow(row);
    }
    spec.headers.forEach((header, c) => {
      const column = sheet.getColumn(c + 1);
      column.width = Math.max(12, header.length + 6);
      if (spec.dateColumns.includes(c)) column.numFmt = excelNumberFormat('date');
    });
    // Column formats only cover cells written after them; set the date format on the data cells too.
    for (const c of spec.dateColumns) {
      spec.rows.forEach((row, r) => {
        if (typeof row[c] === 'number') sheet.getCell(r + 2, c + 1).numFmt = excelNumberFormat('date');
      });
    }
  });
  const written: unknown = await workbook.xlsx.writeBuffer();
  return written instanceof Uint8Array ? written : new Uint8Array(written as ArrayBuffer);
}
