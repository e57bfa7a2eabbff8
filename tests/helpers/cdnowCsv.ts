import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The CDNOW sample as distributed: whitespace-separated, no header. */
export const cdnowTextPath = path.resolve(__dirname, '../../../shared/data/CDNOW_sample.txt');

/**
 * The CDNOW sample as a user would hand it over: a CSV with headers `Customer ID, Date, Quantity, Amount`
 * (the id in the full set is dropped; dates stay yyyymmdd as in the file, which the engine reads as dates).
 *
 * @returns The CSV's text.
 */
export function cdnowCsvText(): string {
  const lines = ['Customer ID,Date,Quantity,Amount'];
  for (const line of readFileSync(cdnowTextPath, 'utf8').split('\n')) {
    const fields = line.trim().split(/\s+/u);
    if (fields.length !== 5) continue;
    const [id, , date, cds, dollars] = fields;
    lines.push(`${id!},${date!},${cds!},${dollars!}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Writes {@link cdnowCsvText} to `dir/CDNOW_sample.csv` and returns the path. */
export function writeCdnowCsv(dir: string): string {
  const file = path.join(dir, 'CDNOW_sample.csv');
  writeFileSync(file, cdnowCsvText());
  return file;
}
