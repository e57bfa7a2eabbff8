import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import type { Language } from '../../engine/types';
import { FileError } from '../../host/file/node/FileError';
import { sqlReportCustomer, sqlReportHead, type SqlRow, type SqlRun } from './sqlReport';

/**
 * Writes a SQL run's JSON report as the command line writes the engine's (`formatReportJson`: indented at
 * the top, one line per customer) while the rows arrive, to a temporary file renamed to `file` when complete.
 *
 * @param chunks The query's rows, a chunk at a time, in report order.
 * @returns How many customers were written.
 * @throws FileError `cannotWrite` when the file cannot be written; Error when the query gave no row.
 */
export async function writeReport(
  file: string,
  run: SqlRun,
  chunks: AsyncIterable<SqlRow[]>,
  language: Language,
): Promise<number> {
  const partial = `${file}.${process.pid}.partial`;
  const out = createWriteStream(partial);
  const failed = new Promise<never>((_, reject) => {
    out.on('error', (error: NodeJS.ErrnoException) => {
      reject(new FileError('cannotWrite', file, language, error.code ?? ''));
    });
  });
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await Promise.race([once(out, 'drain'), failed]);
  };
  let count = 0;
  try {
    for await (const rows of chunks) {
      for (const row of rows) {
        if (count === 0) {
          const top = JSON.stringify({ ...sqlReportHead(row, run), customers: [] }, null, 2);
          await write(`${top.slice(0, top.lastIndexOf('[]'))}[\n`);
        } else await write(',\n');
        await write(`    ${JSON.stringify(sqlReportCustomer(row, run.hasProfit))}`);
        count++;
      }
    }
    if (count === 0) throw new Error('The customer query returned no customer.');
    await write('\n  ]\n}\n');
    out.end();
    await Promise.race([once(out, 'finish'), failed]);
    await rename(partial, file);
    return count;
  } catch (error) {
    out.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}
