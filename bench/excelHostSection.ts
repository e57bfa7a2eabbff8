import type { RawCell } from '../src/engine/types';
import { ExcelWorkbookHost } from '../src/host/excel/ExcelWorkbookHost';
import { runAnalysis, type RunStage } from '../src/host/runAnalysis';
import { buildFakeWorkbook, type FakeWorkbookSpec } from '../tests/fakes/buildFakeWorkbook';
import type { FakeStats } from '../tests/fakes/FakeWorkbook';
import { installFakeExcel } from '../tests/fakes/installFakeExcel';
import { format } from './format';
import type { BenchTable } from './formatTable';
import { generateSales } from './generateSales';
import type { SectionResult } from './SectionResult';

interface Phase {
  syncs: number;
  requestBytes: number;
  responseBytes: number;
  largestRequest: number;
  largestResponse: number;
  ms: number;
  /** Longest time between two progress callbacks within the phase, in ms. */
  longestGapMs: number;
}

function snapshot(
  stats: FakeStats,
): Omit<Phase, 'ms' | 'longestGapMs' | 'largestRequest' | 'largestResponse'> & { log: number } {
  return {
    syncs: stats.syncs,
    requestBytes: stats.totalRequestBytes,
    responseBytes: stats.totalResponseBytes,
    log: stats.log.length,
  };
}

function phaseBetween(
  stats: FakeStats,
  from: ReturnType<typeof snapshot>,
  to: ReturnType<typeof snapshot>,
  ms: number,
  longestGapMs: number,
): Phase {
  const records = stats.log.slice(from.log, to.log);
  return {
    syncs: to.syncs - from.syncs,
    requestBytes: to.requestBytes - from.requestBytes,
    responseBytes: to.responseBytes - from.responseBytes,
    largestRequest: Math.max(0, ...records.map((r) => r.requestBytes)),
    largestResponse: Math.max(0, ...records.map((r) => r.responseBytes)),
    ms,
    longestGapMs,
  };
}

/**
 * Section 5 of the bench: the Excel host (`ExcelWorkbookHost`) against the fake Excel of `tests/fakes`,
 * on a workbook with a customers table and a sales table: one whole run (inspect, read, compute in this
 * thread, write columns and summary sheets), counted per phase — syncs, largest request and response,
 * bytes moved, time, longest gap between progress reports — and, on a fresh workbook, a write of the
 * customer columns alone.
 *
 * @param rows Sales rows (the largest bench size); customers as {@link generateSales} makes them.
 */
export async function excelHostSection(rows: number, log: (line: string) => void): Promise<SectionResult> {
  const sales = generateSales(rows);
  const ids = new Set<string>();
  for (const id of sales.columns[1] ?? []) ids.add(String(id));
  const customerIds: RawCell[] = [...ids].sort();
  const spec = (): FakeWorkbookSpec => ({
    sheets: [
      {
        name: 'Customers',
        table: 'Customers',
        columns: [
          { header: 'Customer ID', values: customerIds },
          { header: 'Customer name', values: customerIds.map((id) => `Customer ${String(id)}`) },
        ],
      },
      {
        name: 'Sales',
        table: 'Sales',
        columns: sales.headers.map((header, c) => ({ header, values: sales.columns[c] ?? [] })),
      },
    ],
  });
  log(`excel host: ${format.count(rows)} sales, ${format.count(customerIds.length)} customers`);

  const workbook = buildFakeWorkbook(spec());
  const { uninstall } = installFakeExcel(workbook);
  const host = new ExcelWorkbookHost();
  const marks: { stage: RunStage; at: number; stats: ReturnType<typeof snapshot> }[] = [];
  const gaps: Record<RunStage, number> = { reading: 0, computing: 0, writing: 0 };
  const gapEnds: Record<RunStage, string> = { reading: '', computing: '', writing: '' };
  let lastReport = performance.now();
  const started = performance.now();
  const startStats = snapshot(workbook.stats);
  let run;
  try {
    run = await runAnalysis(
      host,
      {},
      {
        write: true,
        onStage: (stage, fraction) => {
          const now = performance.now();
          if (fraction > 0 && now - lastReport > gaps[stage]) {
            gaps[stage] = now - lastReport;
            gapEnds[stage] = `${stage} ${Math.round(fraction * 100)} %`;
          }
          lastReport = now;
          if (fraction === 0) marks.push({ stage, at: now, stats: snapshot(workbook.stats) });
        },
      },
    );
  } finally {
    uninstall();
  }
  const finished = performance.now();
  const endStats = snapshot(workbook.stats);
  const mark = (stage: RunStage): { at: number; stats: ReturnType<typeof snapshot> } =>
    marks.find((m) => m.stage === stage) ?? { at: finished, stats: endStats };
  const reading = phaseBetween(
    workbook.stats,
    startStats,
    mark('computing').stats,
    mark('computing').at - started,
    gaps.reading,
  );
  const computing = phaseBetween(
    workbook.stats,
    mark('computing').stats,
    mark('writing').stats,
    mark('writing').at - mark('computing').at,
    gaps.computing,
  );
  const writing = phaseBetween(
    workbook.stats,
    mark('writing').stats,
    endStats,
    finished - mark('writing').at,
    gaps.writing,
  );
  const whole = phaseBetween(
    workbook.stats,
    startStats,
    endStats,
    finished - started,
    Math.max(gaps.reading, gaps.writing),
  );
  log(`  run: ${whole.syncs} syncs, ${format.ms(whole.ms)} ms`);

  // The customer columns alone, into a fresh workbook: what the ≤ 40 syncs goal is about.
  const fresh = buildFakeWorkbook(spec());
  const second = installFakeExcel(fresh);
  const columnsStarted = performance.now();
  try {
    await new ExcelWorkbookHost().write({ ...run.plan, sheets: [] });
  } finally {
    second.uninstall();
  }
  const columnsOnly = phaseBetween(
    fresh.stats,
    { syncs: 0, requestBytes: 0, responseBytes: 0, log: 0 },
    snapshot(fresh.stats),
    performance.now() - columnsStarted,
    0,
  );
  log(`  customer columns alone: ${columnsOnly.syncs} syncs`);

  const largestRequest = Math.max(whole.largestRequest, columnsOnly.largestRequest);
  const line = (name: string, p: Phase): string[] => [
    name,
    format.count(p.syncs),
    format.bytesMb(p.largestRequest),
    format.bytesMb(p.largestResponse),
    format.bytesMb(p.requestBytes + p.responseBytes),
    format.ms(p.ms),
    p.longestGapMs > 0 ? format.ms(p.longestGapMs) : '—',
  ];
  const table: BenchTable = {
    title: `Excel host against the fake Excel: ${format.count(rows)} sales, ${format.count(customerIds.length)} customers (customers table + sales table)`,
    headers: [
      'phase',
      'syncs',
      'largest request MB',
      'largest response MB',
      'bytes moved MB',
      'ms',
      'longest progress gap ms',
    ],
    rows: [
      line('read (inspect + columns of both tables)', reading),
      line('compute (engine in this thread; a Web Worker in the pane)', computing),
      line(
        `write (${run.plan.columns.length} customer columns + ${run.plan.sheets.length} summary sheets)`,
        writing,
      ),
      line('whole run', whole),
      line(
        `customer columns alone, fresh workbook (${run.plan.columns.length} × ${format.count(customerIds.length)})`,
        columnsOnly,
      ),
    ],
    notes: [
      'Bytes are the JSON sizes the fake counts for each request and response (Excel refuses either above 5 MB).',
      'Goals (issue 5): largest request < 5 MB (aim ≤ 4 MB), customer columns in ≤ 40 syncs, progress at least every 250 ms while reading and writing.',
      "Times are the fake's, not Excel's: they show the host's own cost (building requests, converting values), not Excel's.",
      `The longest progress gaps ended at ${gapEnds.reading} and at ${gapEnds.writing}.`,
    ],
  };
  const gap = Math.max(gaps.reading, gaps.writing);
  return {
    tables: [table],
    goals: [
      {
        section: 'Excel host',
        goal: 'largest request < 5 MB (aim ≤ 4 MB)',
        measured: `${format.bytesMb(largestRequest)} MB`,
        met: largestRequest < 5 * 1024 * 1024,
      },
      {
        section: 'Excel host',
        goal: 'customer columns in ≤ 40 syncs',
        measured: `${columnsOnly.syncs} syncs`,
        met: columnsOnly.syncs <= 40,
      },
      {
        section: 'Excel host',
        goal: 'progress at least every 250 ms (reading, writing)',
        measured: `longest gap ${format.ms(gap)} ms`,
        met: gap <= 250,
      },
    ],
  };
}
