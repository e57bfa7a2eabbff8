import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';

/** The Superstore workbook's sales columns copied to CSV. */
const columns = ['Order ID', 'Order Date', 'Customer ID', 'Customer Name', 'Sales', 'Profit'];

const csvField = (value: string): string =>
  /[",\n]/u.test(value) ? `"${value.replace(/"/gu, '""')}"` : value;

/**
 * Writes the Orders sheet of `superstore.xlsx` as `dir/superstore-orders.csv` (dates as ISO text, numbers
 * in JavaScript's shortest form, which reads back as the same double) and returns its path: Superstore's
 * sales as a database export would hand them over.
 */
export async function writeSuperstoreCsv(workbookPath: string, dir: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(workbookPath);
  const sheet = workbook.getWorksheet('Orders');
  if (sheet === undefined) throw new Error('superstore.xlsx has no Orders sheet');
  const header = (sheet.getRow(1).values as unknown[]).map((v) => (typeof v === 'string' ? v : ''));
  const at = columns.map((name) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`Orders has no ${name} column`);
    return index;
  });
  const lines = [columns.map(csvField).join(',')];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const cells = at.map((index) => {
      const value = row.getCell(index).value;
      if (value instanceof Date) return value.toISOString().slice(0, 10);
      return csvField(typeof value === 'string' || typeof value === 'number' ? String(value) : '');
    });
    lines.push(cells.join(','));
  });
  const file = path.join(dir, 'superstore-orders.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}
