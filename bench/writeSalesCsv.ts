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
  const [orders, customers, days, amounts, costs] = sales.columns;
  const lines: string[] = [sales.headers.join(',')];
  for (let row = 0; row < sales.rows; row++) {
    lines.push(
      `${String(orders?.[row])},${String(customers?.[row])},${iso(Number(days?.[row]))},${String(amounts?.[row])},${String(costs?.[row])}`,
    );
  }
  const text = `${lines.join('\n')}\n`;
  writeFileSync(file, text);
  return Buffer.byteLength(text);
}
