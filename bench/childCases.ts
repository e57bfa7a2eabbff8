import type { CellValue } from 'exceljs';
import { cellAt, columnLength } from '../src/engine/cellColumn';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import type { RawCell } from '../src/engine/types';

/** What a child case reports: figures it measured itself (ms, counts, MB). */
export type CaseReport = Record<string, number | string>;

function requireArg(args: readonly string[], index: number, what: string): string {
  const value = args[index];
  if (value === undefined) throw new Error(`Missing argument: ${what}.`);
  return value;
}

/**
 * Cases the bench runs in a child process of their own (`node dist/bench/case.js <name> args…`), so each
 * one's peak RSS is its own. Each returns figures for the parent; the parent times the whole process and
 * reads its peak RSS. Modules are imported inside each case, so a process loads only what its case uses.
 */
export const childCases: Record<string, (args: readonly string[]) => Promise<CaseReport>> = {
  /**
   * One run in a fresh process, as the command line and the task pane's worker make it (JIT cold), then a
   * second run in the same process, as the pane's kept worker makes the next one: `computeAnalysis` (what
   * users get: analysis, customer columns and summary sheets), `analyze` alone, arquero's aggregates, or
   * DuckDB's aggregates and ranking (the table loaded first, untimed), on the encoded input. Only the runs
   * are timed, not the generation. Args: case, rows, `many` or `one` line per order.
   */
  async 'first-run'(args) {
    const which = requireArg(args, 0, 'computeAnalysis, analyze, arquero or duckdb');
    const rows = Number(requireArg(args, 1, 'rows'));
    const lines = args[2] === 'one' ? 'one' : 'many';
    const { generateSales } = await import('./generateSales');
    const sales = generateSales(rows, undefined, undefined, lines);
    // CPU time (user + system, every thread of the process) as well as wall time: on a shared machine
    // it is what the run itself cost, whatever else was running.
    const cpuMs = (): number => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1000;
    };
    const twice = async (run: () => number | Promise<number>): Promise<CaseReport> => {
      const [t0, c0] = [performance.now(), cpuMs()];
      const customers = await run();
      const [t1, c1] = [performance.now(), cpuMs()];
      await run();
      const [t2, c2] = [performance.now(), cpuMs()];
      return { ms: t1 - t0, secondMs: t2 - t1, cpuMs: c1 - c0, secondCpuMs: c2 - c1, customers };
    };
    switch (which) {
      case 'arquero': {
        const { arqueroAggregates } = await import('./arqueroAggregates');
        return twice(() => arqueroAggregates(sales.columns).numRows());
      }
      case 'duckdb': {
        const { DuckDbSales } = await import('./DuckDbSales');
        const db = await DuckDbSales.open();
        try {
          await db.load(sales.columns);
          return await twice(async () => (await db.query(db.sql.ranking)).customer_id?.length ?? 0);
        } finally {
          db.close();
        }
      }
      case 'analyze': {
        const { salesInput } = await import('./salesInput');
        const { analyze } = await import('../src/engine/analyze');
        const input = salesInput(sales, true);
        return twice(() => analyze(input).perCustomer.count);
      }
      case 'computeAnalysis': {
        const { salesInput } = await import('./salesInput');
        const { computeAnalysis } = await import('../src/engine/computeAnalysis');
        const input = salesInput(sales, true);
        return twice(() => computeAnalysis(input).result.perCustomer.count);
      }
      default:
        throw new Error(`first-run: no case "${which}".`);
    }
  },

  /**
   * DuckDB reads the CSV (`read_csv_auto`) and computes the aggregates and the ranking, result into JS.
   * Without an "Order ID" column the day stands for the order, as orders are then purchase days.
   */
  async 'duckdb-csv'(args) {
    const path = requireArg(args, 0, 'CSV file');
    const file = path.replaceAll("'", "''");
    const head = Buffer.alloc(256);
    const fd = openSync(path, 'r');
    const read = readSync(fd, head, 0, head.length, 0);
    closeSync(fd);
    const header = head.subarray(0, read).toString('utf8').split('\n')[0] ?? '';
    const order = header.includes('Order ID') ? '"Order ID"' : '"Order Date"';
    const source = `(SELECT ${order} AS order_id, "Customer ID" AS customer_id, "Order Date" AS day, "Amount" AS amount, "Cost" AS cost FROM read_csv_auto('${file}'))`;
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const { salesSql } = await import('./salesSql');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const reader = await connection.runAndReadAll(salesSql(source).ranking);
    const columns = reader.getColumnsObjectJS();
    const customers = columns.customer_id?.length ?? 0;
    connection.closeSync();
    instance.closeSync();
    return { customers };
  },

  /** A plain split-based CSV read for orientation: lines, fields, numbers parsed, columns kept. */
  'split-csv'(args) {
    const text = readFileSync(requireArg(args, 0, 'CSV file'), 'utf8');
    const lines = text.split('\n');
    const header = (lines[0] ?? '').split(',');
    const columns: RawCell[][] = header.map(() => []);
    for (let line = 1; line < lines.length; line++) {
      const record = lines[line];
      if (record === undefined || record === '') continue;
      const fields = record.split(',');
      for (let c = 0; c < fields.length; c++) {
        const field = fields[c]!;
        const number = Number(field);
        columns[c]?.push(field !== '' && Number.isFinite(number) ? number : field);
      }
    }
    return Promise.resolve({ rows: columns[0]?.length ?? 0 });
  },

  /** Our file host: open the .xlsx, inspect it, read the mapped columns of the sales table. */
  async 'xlsx-host'(args) {
    const { readWorkbookFile } = await import('../src/host/file/node/readWorkbookFile');
    const { chooseTables } = await import('../src/engine/chooseTables');
    const t0 = performance.now();
    const host = await readWorkbookFile(requireArg(args, 0, '.xlsx file'));
    const t1 = performance.now();
    const info = await host.inspect();
    const chosen = chooseTables(info.tables);
    const wanted = [...new Set(Object.values(chosen.sales.mapping))].sort((a, b) => a - b);
    const read = await host.readColumns(chosen.sales.source, wanted);
    const t2 = performance.now();
    const rows = read[0] === undefined ? 0 : columnLength(read[0]);
    const days = read[wanted.indexOf(chosen.sales.mapping.date ?? -1)] ?? [];
    return { rows, openMs: t1 - t0, inspectAndReadMs: t2 - t1, firstDay: String(cellAt(days, 0)) };
  },

  /** exceljs's streaming reader alone, collecting every cell of the sales sheet into columns. */
  async 'xlsx-exceljs-stream'(args) {
    const { default: ExcelJS } = await import('exceljs');
    const { toRawCell } = await import('../src/host/file/toRawCell');
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(requireArg(args, 0, '.xlsx file'), {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
    });
    const columns: RawCell[][] = [];
    let rows = 0;
    for await (const sheet of reader) {
      for await (const row of sheet) {
        rows++;
        const values = row.values as unknown[];
        for (let c = 1; c < values.length; c++) {
          (columns[c - 1] ??= []).push(toRawCell(values[c] as CellValue, false));
        }
      }
    }
    return { rows: rows - 1, firstDay: String(columns[2]?.[1]) };
  },

  /** Writing the result workbook of a sales CSV: FileWorkbookHost.write (new customers sheet + summary sheets) and toBuffer. */
  async 'xlsx-write-result'(args) {
    const { readWorkbookFile } = await import('../src/host/file/node/readWorkbookFile');
    const { runAnalysis } = await import('../src/host/runAnalysis');
    const { memoryProbe } = await import('./memoryProbe');
    const host = await readWorkbookFile(requireArg(args, 0, 'CSV file'));
    const run = await runAnalysis(host, {}, { write: false });
    const probe = memoryProbe();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await host.write(run.plan);
    const t1 = performance.now();
    const bytes = await host.toBuffer();
    const t2 = performance.now();
    const cpu = process.cpuUsage(cpu0);
    const memory = probe.stop(bytes);
    return {
      customers: run.result.customers.length,
      writeMs: t1 - t0,
      toBufferMs: t2 - t1,
      cpuMs: (cpu.user + cpu.system) / 1000,
      bytes: bytes.length,
      peakRssGrowthMb: memory.peakRssMb,
    };
  },
};
