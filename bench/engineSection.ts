import { analyze, type AnalysisResult } from '../src/engine/analyze';
import { computeAnalysis } from '../src/engine/computeAnalysis';
import { arqueroAggregates } from './arqueroAggregates';
import { DuckDbSales, type JsColumns } from './DuckDbSales';
import { firstRunTable, measureFirstRuns, type FirstRuns } from './firstRuns';
import { format } from './format';
import type { BenchTable } from './formatTable';
import { generateSales } from './generateSales';
import { measureRuns, type Measurement } from './measureRuns';
import { median } from './median';
import { pairedRatio } from './pairedRatio';
import { salesInput } from './salesInput';
import type { Goal, SectionResult } from './SectionResult';
import { totalsOf, type CustomerTotals } from './totalsOf';

interface SizeRun {
  rows: number;
  customers: number;
  /** analyze on text columns encoded (as the .xlsx reader hands them over). */
  analyze: Measurement;
  /** analyze on plain cell arrays (as the CSV reader and Excel hand them over). */
  analyzePlain: Measurement;
  compute: Measurement;
  arquero: Measurement;
  duckAggregate: Measurement;
  duckRanking: Measurement;
  /** analyze / reference, median over rounds ({@link pairedRatio}). */
  ratios: {
    arquero: number;
    duckAggregate: number;
    duckRanking: number;
    plainArquero: number;
    plainDuckRanking: number;
  };
  checks: string[];
}

function engineTotals(result: AnalysisResult): CustomerTotals {
  const c = result.customers;
  return totalsOf(c.length, {
    revenue: c.map((x) => x.revenue),
    profit: c.map((x) => x.profit),
    orders: c.map((x) => x.orders),
    purchaseDays: c.map((x) => x.purchaseDays),
    lastPurchase: c.map((x) => x.lastPurchase),
  });
}

function columnTotals(
  columns: JsColumns | Record<string, ArrayLike<unknown>>,
  customers: number,
): CustomerTotals {
  const column = (name: string): unknown[] => Array.from(columns[name] ?? []);
  return totalsOf(customers, {
    revenue: column('revenue'),
    profit: column('profit'),
    orders: column('orders'),
    purchaseDays: column(columns.purchase_days === undefined ? 'purchaseDays' : 'purchase_days'),
    lastPurchase: column(columns.last_purchase === undefined ? 'lastPurchase' : 'last_purchase').map((v) =>
      v instanceof Date ? v.getTime() : v,
    ),
  });
}

/** "same" when two checksums agree to 1e-9 relative, else both values. */
function compareTotals(name: string, ours: CustomerTotals, theirs: CustomerTotals): string {
  const differing = (Object.keys(ours) as (keyof CustomerTotals)[]).filter(
    (key) => Math.abs(ours[key] - theirs[key]) > 1e-9 * Math.max(1, Math.abs(ours[key])),
  );
  return differing.length === 0
    ? `${name}: same customers, Σ revenue, Σ profit, Σ orders, Σ purchase days, Σ last purchase`
    : `${name} DIFFERS on ${differing.map((key) => `${key} (${ours[key]} vs ${theirs[key]})`).join(', ')}`;
}

function countBy<T>(values: Iterable<T>): Map<T, number> {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/** Compares what the ranking assigned: ABC classes, pyramid tiers, SVCD and RFM-R counts. */
function compareRanks(result: AnalysisResult, ranking: JsColumns): string {
  const describe = (counts: Map<unknown, number>): string =>
    [...counts.entries()]
      .map(([key, count]) => [String(key), count] as const)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, count]) => `${key}:${count}`)
      .join(' ');
  const pairs: [string, string, string][] = [
    ['ABC', describe(countBy(result.customers.map((c) => c.abc))), describe(countBy(ranking.abc ?? []))],
    [
      'tier',
      describe(countBy(result.customers.map((c) => c.pyramidTier))),
      describe(countBy((ranking.pyramid_tier ?? []).map(Number))),
    ],
    ['SVCD', describe(countBy(result.customers.map((c) => c.svcd))), describe(countBy(ranking.svcd ?? []))],
    [
      'RFM r',
      describe(countBy(result.customers.map((c) => c.rfm?.r ?? null))),
      describe(countBy((ranking.r ?? []).map((v) => (v === null ? null : Number(v))))),
    ],
    [
      'churn',
      describe(countBy(result.customers.map((c) => c.churnRisk))),
      describe(countBy(ranking.churn_risk ?? [])),
    ],
  ];
  return pairs
    .map(([name, ours, theirs]) =>
      ours === theirs ? `${name} same` : `${name} engine {${ours}} DuckDB {${theirs}}`,
    )
    .join('; ');
}

/**
 * Section 2 of the bench: the engine on synthetic sales held in memory, against arquero and DuckDB. First
 * the headline, the first run in a fresh process of `computeAnalysis` as users run it (the command line,
 * the pane's worker), against the same of `analyze`, arquero and DuckDB ({@link measureFirstRuns}), at each
 * size and with one line per order at the largest; then the warm loop in one process on the same data, at
 * each size. Times `analyze` (every method, ranking included) and
 * `computeAnalysis` (plus the output columns and summary sheets); arquero computes the per-customer
 * aggregates; DuckDB the aggregates alone and with the ranking window functions. Cross-checks that all
 * three computed the same aggregates.
 *
 * @param sizes Row counts, ascending.
 * @param log Progress lines (stderr).
 */
export async function engineSection(
  sizes: readonly number[],
  log: (line: string) => void,
): Promise<SectionResult> {
  const runs: SizeRun[] = [];
  const db = await DuckDbSales.open();
  try {
    for (const rows of sizes) {
      const sales = generateSales(rows);
      const input = salesInput(sales, true);
      const plainInput = salesInput(sales);
      log(`engine: ${format.count(rows)} rows, ${format.count(sales.customers)} customers`);
      await db.load(sales.columns);
      const measured = await measureRuns(
        {
          analyze: () => analyze(input),
          analyzePlain: () => analyze(plainInput),
          computeAnalysis: () => computeAnalysis(input),
          arquero: () => arqueroAggregates(sales.columns),
          duckAggregate: () => db.query(db.sql.aggregate),
          duckRanking: () => db.query(db.sql.ranking),
        },
        { runs: 7, budgetMs: rows >= 1_000_000 ? 120_000 : 30_000, warmUpMs: 1_500 },
      );
      const analyzed = measured.analyze!;
      const analyzedPlain = measured.analyzePlain!;
      const compute = measured.computeAnalysis!;
      const arquero = measured.arquero!;
      const duckAggregate = measured.duckAggregate!;
      const duckRanking = measured.duckRanking!;
      const ratios = {
        arquero: pairedRatio(analyzed.timesMs, arquero.timesMs),
        duckAggregate: pairedRatio(analyzed.timesMs, duckAggregate.timesMs),
        duckRanking: pairedRatio(analyzed.timesMs, duckRanking.timesMs),
        plainArquero: pairedRatio(analyzedPlain.timesMs, arquero.timesMs),
        plainDuckRanking: pairedRatio(analyzedPlain.timesMs, duckRanking.timesMs),
      };
      log(
        `  ${analyzed.timesMs.length} rounds; medians ms: analyze ${format.ms(analyzed.medianMs)}, on plain cells ${format.ms(analyzedPlain.medianMs)}, computeAnalysis ${format.ms(compute.medianMs)}, arquero ${format.ms(arquero.medianMs)}, DuckDB aggregates ${format.ms(duckAggregate.medianMs)}, DuckDB aggregates + ranking ${format.ms(duckRanking.medianMs)}`,
      );
      const result = analyzed.result as AnalysisResult;
      const plainResult = analyzedPlain.result as AnalysisResult;
      const duckTotals = duckAggregate.result as JsColumns;
      const ours = engineTotals(result);
      const aq = arquero.result as { numRows(): number; array(name: string): ArrayLike<unknown> };
      const aqColumns: Record<string, ArrayLike<unknown>> = {};
      for (const name of ['revenue', 'profit', 'orders', 'purchaseDays', 'lastPurchase'])
        aqColumns[name] = aq.array(name);
      const checks = [
        JSON.stringify(plainResult.customers) === JSON.stringify(result.customers)
          ? 'plain and encoded input: same customers, field by field'
          : 'plain and encoded input DIFFER',
        compareTotals('arquero', ours, columnTotals(aqColumns, aq.numRows())),
        compareTotals('DuckDB', ours, columnTotals(duckTotals, duckTotals.customer_id?.length ?? 0)),
        `DuckDB ranking vs engine: ${compareRanks(result, duckRanking.result as JsColumns)}`,
      ];
      checks.forEach((line) => {
        log(`  ${line}`);
      });
      runs.push({
        rows,
        customers: sales.customers,
        analyze: analyzed,
        analyzePlain: analyzedPlain,
        compute,
        arquero,
        duckAggregate,
        duckRanking,
        ratios,
        checks,
      });
    }
  } finally {
    db.close();
  }
  const largest = sizes[sizes.length - 1] ?? 100_000;
  const firstRuns: FirstRuns[] = [];
  for (const [rows, lines] of [...sizes.map((rows) => [rows, 'many'] as const), [largest, 'one'] as const]) {
    log(`engine: first runs in fresh processes, ${format.count(rows)} rows, ${lines} line(s) per order`);
    const first = await measureFirstRuns(rows, lines, rows >= 1_000_000 ? 3 : 5);
    log(
      `  medians ms: computeAnalysis ${format.ms(median(first.cases.computeAnalysis.ms))} (second run ${format.ms(median(first.cases.computeAnalysis.secondMs))}), analyze ${format.ms(median(first.cases.analyze.ms))}, arquero ${format.ms(median(first.cases.arquero.ms))}, DuckDB ${format.ms(median(first.cases.duckdb.ms))}`,
    );
    firstRuns.push(first);
  }
  const section = summarise(runs);
  // The headline first: what users wait for.
  return { ...section, tables: [firstRunTable(firstRuns), ...section.tables] };
}

function summarise(runs: readonly SizeRun[]): SectionResult {
  const timing: BenchTable = {
    title: 'Warm loop: the engine on in-memory sales vs arquero and DuckDB (same process, same data)',
    headers: [
      'rows',
      'customers',
      'analyze ms',
      'runs',
      'peak MB',
      'growth',
      'analyze, plain cells ms',
      'computeAnalysis ms',
      'arquero agg ms',
      'DuckDB agg ms',
      'DuckDB agg+rank ms',
      'analyze / arquero',
      'plain / arquero',
      'analyze / DuckDB agg',
      'analyze / DuckDB agg+rank',
      'plain / DuckDB agg+rank',
      '≥10× faster than arquero',
      'faster than DuckDB',
    ],
    rows: runs.map((run, index) => {
      const previous = index > 0 ? runs[index - 1] : undefined;
      const growth =
        previous === undefined
          ? '—'
          : `${format.ratio(run.analyze.medianMs / previous.analyze.medianMs)}× for ${format.ratio(run.rows / previous.rows)}× rows`;
      const vsArquero = run.ratios.arquero;
      const vsDuck = run.ratios.duckRanking;
      return [
        format.count(run.rows),
        format.count(run.customers),
        format.ms(run.analyze.medianMs),
        String(run.analyze.timesMs.length),
        format.mb(run.analyze.memory.peakRssMb),
        growth,
        format.ms(run.analyzePlain.medianMs),
        format.ms(run.compute.medianMs),
        format.ms(run.arquero.medianMs),
        format.ms(run.duckAggregate.medianMs),
        format.ms(run.duckRanking.medianMs),
        format.ratio(vsArquero),
        format.ratio(run.ratios.plainArquero),
        format.ratio(run.ratios.duckAggregate),
        format.ratio(vsDuck),
        format.ratio(run.ratios.plainDuckRanking),
        format.met(vsArquero <= 0.1),
        format.met(vsDuck < 1),
      ];
    }),
    notes: [
      '"analyze" is the engine on columns as the .xlsx reader hands them over (order and customer ids as codes into their distinct texts, see EncodedColumn; numbers and dates plain); "plain cells" is the same data as one JavaScript value per cell, as the CSV reader and Excel hand it over (the engine then encodes the id columns itself). arquero gets the plain cell arrays; DuckDB its own table, loaded before timing.',
      'The six cases run interleaved, one run of each per round (7 rounds after warm-up runs of at least 1.5 s per case; 3 if they would exceed 30 s, 120 s at 1M rows), each run after a full GC; medians shown ("runs" and "peak MB", the peak RSS growth, are those of analyze; memory of every case below).',
      'Ratios are analyze time / reference time, the median over rounds of the ratio within a round (robust to load from other processes): below 1 we are faster. Goals (issue 5): analyze ≤ 0.1 × arquero, < 1 × DuckDB aggregates + ranking, at 1M rows.',
      'arquero computes the per-customer aggregates only; DuckDB times include fetching the result into JavaScript columns; DuckDB uses its default thread count (all cores).',
      ...runs.flatMap((run) => run.checks.map((check) => `${format.count(run.rows)} rows — ${check}`)),
    ],
  };
  const memory: BenchTable = {
    title:
      'Engine memory per run (peak RSS growth over the run, heap allocated, heap retained by the result)',
    headers: ['rows', 'case', 'peak RSS MB', 'heap after run MB', 'retained MB'],
    rows: runs.flatMap((run) =>
      (
        [
          ['analyze', run.analyze],
          ['computeAnalysis', run.compute],
          ['arquero agg', run.arquero],
          ['DuckDB agg+rank', run.duckRanking],
        ] as const
      ).map(([name, m]) => [
        format.count(run.rows),
        name,
        format.mb(m.memory.peakRssMb),
        format.mb(m.memory.heapMb),
        format.mb(m.memory.retainedMb),
      ]),
    ),
    notes: [
      'Peak RSS: the kernel peak mark is reset after a full GC before each run and read after it; the growth over the RSS before the run is shown (input columns already in memory are not counted). DuckDB memory is native and mostly outside the JS heap.',
      'Goal (issue 5): the engine working set on 1M rows ≤ 300 MB.',
    ],
  };
  const largest = runs[runs.length - 1];
  const goals: Goal[] = [];
  if (largest !== undefined) {
    const at = `${format.count(largest.rows)} rows`;
    const vsArquero = largest.ratios.arquero;
    const vsDuck = largest.ratios.duckRanking;
    goals.push(
      {
        section: 'engine',
        goal: `≥ 10× faster than arquero (${at})`,
        measured: `${format.ratio(1 / vsArquero)}× faster (${format.ratio(1 / largest.ratios.plainArquero)}× on plain cells)`,
        met: vsArquero <= 0.1,
      },
      {
        section: 'engine',
        goal: `faster than DuckDB aggregates + ranking (${at})`,
        measured: `ours / DuckDB = ${format.ratio(vsDuck)} (${format.ratio(largest.ratios.plainDuckRanking)} on plain cells)`,
        met: vsDuck < 1,
      },
      {
        section: 'engine',
        goal: `working set ≤ 300 MB (${at})`,
        measured: `${format.mb(largest.analyze.memory.peakRssMb)} MB peak RSS growth (analyze), ${format.mb(largest.compute.memory.peakRssMb)} MB (computeAnalysis)`,
        met:
          largest.rows < 1_000_000
            ? null
            : Math.max(largest.analyze.memory.peakRssMb, largest.compute.memory.peakRssMb) <= 300,
      },
    );
    if (runs.length >= 2) {
      const first = runs[runs.length - 2]!;
      const perRowFirst = first.analyze.medianMs / first.rows;
      const perRowLast = largest.analyze.medianMs / largest.rows;
      goals.push({
        section: 'engine',
        goal: 'time grows linearly with rows',
        measured: `${format.ratio(perRowLast / perRowFirst)}× the time per row at ${format.count(largest.rows)} vs ${format.count(first.rows)} rows`,
        met: perRowLast / perRowFirst <= 1.5,
      });
    }
  }
  return { tables: [timing, memory], goals };
}
