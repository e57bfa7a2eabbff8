import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { RawCell } from '../src/engine/types';
import { salesSql } from './salesSql';

/** A query result as JavaScript columns, keyed by column name. */
export type JsColumns = Record<string, unknown[]>;

/**
 * DuckDB in this process (`@duckdb/node-api`, default threads), holding synthetic sales in a table
 * `sales(order_id VARCHAR, customer_id VARCHAR, day INTEGER, amount DOUBLE, cost DOUBLE)` and running the
 * reference SQL of {@link salesSql}. Query timings include fetching the result into JavaScript columns,
 * as the engine's result is JavaScript data too.
 *
 * @example const db = await DuckDbSales.open(); await db.load(columns); const r = await db.query(db.sql.ranking);
 */
export class DuckDbSales {
  /** The reference SQL over the loaded `sales` table. */
  readonly sql = salesSql('sales');

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  /** Opens an in-memory database. */
  static async open(): Promise<DuckDbSales> {
    const instance = await DuckDBInstance.create(':memory:');
    return new DuckDbSales(instance, await instance.connect());
  }

  /** Replaces the `sales` table with the given columns (order id, customer id, day, amount, cost) through an appender. */
  async load(columns: readonly RawCell[][]): Promise<void> {
    const [orders, customers, days, amounts, costs] = columns;
    if (
      orders === undefined ||
      customers === undefined ||
      days === undefined ||
      amounts === undefined ||
      costs === undefined
    )
      throw new Error('Sales need five columns: order id, customer id, day, amount, cost.');
    await this.connection.run('DROP TABLE IF EXISTS sales');
    await this.connection.run(
      'CREATE TABLE sales (order_id VARCHAR, customer_id VARCHAR, day INTEGER, amount DOUBLE, cost DOUBLE)',
    );
    const appender = await this.connection.createAppender('sales');
    for (let row = 0; row < days.length; row++) {
      appender.appendVarchar(String(orders[row]));
      appender.appendVarchar(String(customers[row]));
      appender.appendInteger(Number(days[row]));
      appender.appendDouble(Number(amounts[row]));
      appender.appendDouble(Number(costs[row]));
      appender.endRow();
    }
    appender.closeSync();
  }

  /** Runs a query and returns its result as JavaScript columns. */
  async query(sql: string): Promise<JsColumns> {
    const reader = await this.connection.runAndReadAll(sql);
    return reader.getColumnsObjectJS();
  }

  /** Closes the connection and the database. */
  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
