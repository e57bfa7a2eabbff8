import fs from 'node:fs';
import path from 'node:path';
import { dayFromYmd } from '../../../src/engine/dayNumbers';

/** The CDNOW sample (../shared/data/CDNOW_sample.txt) as the engine's parallel row arrays. */
export interface CdnowRows {
  customer: Int32Array;
  day: Int32Array;
  amount: Float64Array;
  customerCount: number;
}

export const cdnowPath = path.resolve(__dirname, '../../../..', 'shared/data/CDNOW_sample.txt');

/** Day number of a yyyymmdd date. */
export const ymd = (text: string): number => {
  const day = dayFromYmd(Number(text.slice(0, 4)), Number(text.slice(4, 6)), Number(text.slice(6, 8)));
  if (day === null) throw new Error(`not a date: ${text}`);
  return day;
};

/** Reads the file: customer id, id in the full set, date yyyymmdd, CDs, dollars (whitespace-separated). */
export function readCdnow(): CdnowRows {
  const lines = fs
    .readFileSync(cdnowPath, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
  const ids = new Map<string, number>();
  const customer = new Int32Array(lines.length);
  const day = new Int32Array(lines.length);
  const amount = new Float64Array(lines.length);
  lines.forEach((line, row) => {
    const [id, , date, , dollars] = line.trim().split(/\s+/u);
    let index = ids.get(id!);
    if (index === undefined) {
      index = ids.size;
      ids.set(id!, index);
    }
    customer[row] = index;
    day[row] = ymd(date!);
    amount[row] = Number(dollars);
  });
  return { customer, day, amount, customerCount: ids.size };
}
