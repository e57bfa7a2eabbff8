import ExcelJS from 'exceljs';
import { statSync } from 'node:fs';
import type { SyntheticSales } from './generateSales';

/**
 * Writes synthetic sales as an .xlsx workbook with exceljs's streaming writer: one sheet "Sales", a header
 * row, then one row per sale — ids as shared strings (as Excel saves them), dates as serial numbers with a
 * date format, amounts and costs as numbers.
 *
 * @returns Bytes written.
 */
export async function writeSalesXlsx(sales: SyntheticSales, file: string): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: true,
    useStyles: true,
  });
  const sheet = workbook.addWorksheet('Sales');
  sheet.columns = sales.headers.map((header, c) => ({
    header,
    key: `c${c}`,
    width: 14,
    ...(c === 2 ? { style: { numFmt: 'yyyy-mm-dd' } } : {}),
  }));
  const [orders, customers, days, amounts, costs] = sales.columns;
  for (let row = 0; row < sales.rows; row++) {
    sheet.addRow([orders?.[row], customers?.[row], days?.[row], amounts?.[row], costs?.[row]]).commit();
  }
  sheet.commit();
  await workbook.commit();
  return statSync(file).size;
}
