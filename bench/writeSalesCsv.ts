import { writeFileSync } from 'node:fs';
import type { SyntheticSales } from './generateSales';

const unixEpochSerial = 25_569;
const millisecondsPerDay = 86_400_000;

/**
 * Writes synthetic sales as a UTF-8 CSV with a header row, dates as ISO text (`2023-04-05`) as a CSV
 * export from Excel or a database would have them, numbers in plain notation.
 *
 * @returns Bytes written.
 */
export function writeSalesCsv(sales: SyntheticSales, file: string): number {
  const isoDays = new Map<number, string>();
  const iso = (serial: number): string => {
    let text = isoDays.get(serial);
    if (text === undefined) {
      text = new Date((serial - unixEpochSerial) * millisecondsPerDay).toISOString().slice(0, 10);
      isoDays.set(serial, text);
    }
    return text;
  };
  const dateColumn = sales.headers.indexOf('Order Date');
  const { columns } = sales;
  const lines: string[] = [sales.headers.join(',')];
  const fields: string[] = [];
  for (let row = 0; row < sales.rows; row++) {
    fields.length = 0;
    for (let c = 0; c < columns.length; c++) {
      const cell = columns[c]?.[row];
      fields.push(c === dateColumn ? iso(Number(cell)) : String(cell));
    }
    lines.push(fields.join(','));
  }
  const text = `${lines.join('\n')}\n`;
  writeFileSync(file, text);
  return Buffer.byteLength(text);
}
