import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RawCell } from '../../../src/engine/types';
import { ExcelWorkbookHost } from '../../../src/host/excel/ExcelWorkbookHost';
import { runAnalysis } from '../../../src/host/runAnalysis';
import { buildFakeWorkbook } from '../../fakes/buildFakeWorkbook';
import { payloadLimitBytes } from '../../fakes/FakeWorkbook';
import { installFakeExcel } from '../../fakes/installFakeExcel';

/** A deterministic pseudo-random sequence (the benchmark must be repeatable). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('a workbook of 100,000 customers and 1,000,000 sales rows', () => {
  it('is analysed with round trips that grow with chunks, not rows', async () => {
    const customers = 100_000;
    const rows = 1_000_000;
    const next = random(42);
    const ids = Array.from({ length: customers }, (_, i) => `C${String(i + 1).padStart(6, '0')}`);
    const saleIds: RawCell[] = new Array<RawCell>(rows);
    const dates: RawCell[] = new Array<RawCell>(rows);
    const amounts: RawCell[] = new Array<RawCell>(rows);
    const orders: RawCell[] = new Array<RawCell>(rows);
    for (let i = 0; i < rows; i++) {
      const c = Math.floor(next() ** 2 * customers);
      saleIds[i] = ids[c] ?? null;
      dates[i] = 44927 + Math.floor(next() * 730);
      amounts[i] = Math.round(next() * 50_000) / 100;
      orders[i] = `O${Math.floor(i / 3)}`;
    }
    const started = Date.now();
    const workbook = buildFakeWorkbook({
      sheets: [
        {
          name: 'Customers',
          table: 'Customers',
          columns: [
            { header: 'Customer ID', values: ids },
            { header: 'Customer name', values: ids.map((id) => `Name ${id}`) },
            { header: 'Sales rep', values: ids.map((_, i) => `Rep ${i % 40}`) },
          ],
        },
        {
          name: 'Sales',
          columns: [
            { header: 'Order ID', values: orders },
            { header: 'Customer ID', values: saleIds },
            { header: 'Order Date', values: dates },
            { header: 'Sales', values: amounts },
          ],
        },
      ],
    });
    const built = Date.now();
    const { uninstall } = installFakeExcel(workbook);
    const host = new ExcelWorkbookHost();
    const write = host.write.bind(host);
    let writeStats = { syncs: 0, largestRequestBytes: 0, ms: 0 };
    host.write = async (plan, progress) => {
      const before = workbook.stats.syncs;
      const logStart = workbook.stats.log.length;
      const t = Date.now();
      const summary = await write(plan, progress);
      const log = workbook.stats.log.slice(logStart);
      writeStats = {
        syncs: workbook.stats.syncs - before,
        largestRequestBytes: Math.max(...log.map((s) => s.requestBytes)),
        ms: Date.now() - t,
      };
      return summary;
    };
    const run = await runAnalysis(host, {});
    const finished = Date.now();
    const report = {
      customers,
      salesRows: rows,
      buildMs: built - started,
      analysisMs: finished - built,
      syncs: workbook.stats.syncs,
      largestRequestBytes: workbook.stats.largestRequestBytes,
      largestResponseBytes: workbook.stats.largestResponseBytes,
      write: writeStats,
      columnsWritten: run.plan.columns.length,
      sheetsWritten: run.plan.sheets.length,
    };
    mkdirSync(path.resolve(__dirname, '../../../test-output'), { recursive: true });
    writeFileSync(
      path.resolve(__dirname, '../../../test-output/excel-host-bench.json'),
      `${JSON.stringify(report, null, 2)}\n`,
    );
    console.log(
      `Excel host on the fake, 100,000 customers x 1,000,000 sales rows: ${JSON.stringify(report)}`,
    );
    expect(run.result.customers.length).toBe(customers);
    expect(workbook.stats.log.every((s) => s.failed === null)).toBe(true);
    expect(workbook.stats.largestRequestBytes).toBeLessThanOrEqual(payloadLimitBytes);
    expect(workbook.stats.largestResponseBytes).toBeLessThanOrEqual(payloadLimitBytes);
    // Customer columns and every summary sheet together: round trips grow with what is written, not with
    // rows — a few fixed ones (backups, the run record), about half a sync per customer column (100,000
    // values are about 1 MB against a 2 MB request budget) and at most three per summary sheet (cells,
    // formats, chart). 20 columns and 6 sheets took 35; 24 columns and 9 sheets take 43.
    // The Calls sheet (issue 16): one sync for its header and list, then one per 2 MB of calls.
    const callsBytes = JSON.stringify(run.plan.calls?.calls ?? []).length;
    const callsSyncs = run.plan.calls === undefined ? 0 : 1 + Math.ceil(callsBytes / (2 * 1024 * 1024));
    const writeBound = 8 + Math.ceil(run.plan.columns.length / 2) + 3 * run.plan.sheets.length + callsSyncs;
    expect(writeStats.syncs).toBeLessThanOrEqual(writeBound);
    expect(workbook.stats.syncs).toBeLessThan(rows / 1000);
    uninstall();
  });
});
