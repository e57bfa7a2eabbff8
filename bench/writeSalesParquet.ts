import { mkdtempSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { customersFor, generateSales } from './generateSales';
import { writeSalesCsv } from './writeSalesCsv';

/** Rows generated at a time: one chunk of the generator's shape, with customers of its own. */
const chunkRows = 1_000_000;

/**
 * Writes `rows` synthetic sales rows as Parquet through DuckDB: chunks of a million rows from
 * {@link generateSales} (each chunk its own 100,000 customers and orders, ids prefixed `K<chunk>-`, so
 * there is one customer per ten rows in all, as at every size of the bench), written as CSV, then read by
 * DuckDB into one Parquet file with typed columns (`Order Date` a DATE, `Amount` and `Cost` doubles).
 * Memory stays that of one chunk whatever the row count.
 *
 * @returns The file's size in bytes.
 * @example await writeSalesParquet(10_000_000, '/tmp/sales-10000000.parquet') // 10M rows, 1M customers
 */
export async function writeSalesParquet(
  rows: number,
  file: string,
  log: (line: string) => void,
): Promise<number> {
  const directory = mkdtempSync(path.join(path.dirname(file), 'parquet-chunks-'));
  try {
    for (let chunk = 0, done = 0; done < rows; chunk++) {
      const size = Math.min(chunkRows, rows - done);
      const sales = generateSales(size, customersFor(size), 20_240_101 + chunk);
      const [orders, customers] = sales.columns;
      for (let row = 0; row < size; row++) {
        orders![row] = `K${chunk}-${String(orders![row])}`;
        customers![row] = `K${chunk}-${String(customers![row])}`;
      }
      writeSalesCsv(sales, path.join(directory, `chunk-${String(chunk).padStart(4, '0')}.csv`));
      done += size;
      if (chunk % 10 === 9) log(`  generated ${done.toLocaleString('en-US')} rows`);
    }
    const instance = await DuckDBInstance.create(':memory:', { temp_directory: directory });
    const connection = await instance.connect();
    await connection.run(`COPY (SELECT "Order ID", "Customer ID", CAST("Order Date" AS DATE) AS "Order Date",
      CAST("Amount" AS DOUBLE) AS "Amount", CAST("Cost" AS DOUBLE) AS "Cost"
      FROM read_csv('${directory}/chunk-*.csv', header = true, all_varchar = true))
      TO '${file}' (FORMAT parquet, COMPRESSION zstd)`);
    connection.closeSync();
    instance.closeSync();
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  return statSync(file).size;
}

/**
 * Writes `copies` copies of a sales Parquet file into one, each copy's customer and order ids prefixed
 * `R<copy>-`: as many customers per row as the original, in a fraction of generating the rows anew.
 *
 * @example await replicateParquet('sales-10000000.parquet', 5, 'sales-50000000.parquet') // 50M rows, 5M customers
 */
export async function replicateParquet(source: string, copies: number, file: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:', { temp_directory: path.dirname(file) });
  const connection = await instance.connect();
  await connection.run(`COPY (SELECT 'R' || copy || '-' || "Order ID" AS "Order ID",
      'R' || copy || '-' || "Customer ID" AS "Customer ID", "Order Date", "Amount", "Cost"
    FROM read_parquet('${source}'), range(${copies}) AS copies(copy))
    TO '${file}' (FORMAT parquet, COMPRESSION zstd)`);
  connection.closeSync();
  instance.closeSync();
}
