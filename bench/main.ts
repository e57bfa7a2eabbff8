// The bench's entry point (bundled by scripts/bench.mjs into dist/bench/bench.js):
// `bench.js [--quick] [--sizes=…] [--only=…] [--docs|--no-docs]`. Child cases run from caseMain.ts.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import * as prettier from 'prettier';
import { cliSection } from './cliSection';
import { describeMachine } from './describeMachine';
import { engineSection } from './engineSection';
import { sqlSection } from './sqlSection';
import { excelHostSection } from './excelHostSection';
import { format } from './format';
import { formatTable, type BenchTable } from './formatTable';
import type { Goal, SectionResult } from './SectionResult';
import { valueModelSection } from './valueModelSection';
import { smallSection } from './smallSection';
import { xlsxSection } from './xlsxSection';

const sectionNames = ['engine', 'cli', 'xlsx', 'excel', 'valueModel', 'small', 'sql'] as const;
type SectionName = (typeof sectionNames)[number];
const fullSizes = [10_000, 100_000, 1_000_000];

interface Options {
  sizes: number[];
  sections: SectionName[];
  docs: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const value = (flag: string): string | undefined =>
    argv.find((arg) => arg.startsWith(`${flag}=`))?.slice(flag.length + 1);
  let sizes = fullSizes;
  const sizeText = value('--sizes') ?? process.env.BENCH_SIZES;
  if (argv.includes('--quick')) sizes = [10_000, 100_000];
  if (sizeText !== undefined)
    sizes = sizeText.split(',').map((text) => Number(text.replace(/k$/iu, '000').replace(/m$/iu, '000000')));
  if (sizes.some((size) => !Number.isInteger(size) || size < 100))
    throw new Error('--sizes takes row counts such as 10000,100k,1m (at least 100).');
  sizes = [...new Set(sizes)].sort((a, b) => a - b);
  const only = value('--only');
  const sections = only === undefined ? [...sectionNames] : (only.split(',') as SectionName[]);
  const unknown = sections.filter((name) => !sectionNames.includes(name));
  if (unknown.length > 0)
    throw new Error(`--only takes ${sectionNames.join(',')}; not ${unknown.join(',')}.`);
  const complete = only === undefined && sizes.join() === fullSizes.join();
  const docs = argv.includes('--no-docs') ? false : argv.includes('--docs') || complete;
  return { sizes, sections, docs };
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

async function runSections(options: Options): Promise<void> {
  const started = performance.now();
  const machine = describeMachine();
  const largest = options.sizes[options.sizes.length - 1] ?? 100_000;
  const results: SectionResult[] = [];
  const failures: string[] = [];
  const runners: Record<SectionName, () => Promise<SectionResult>> = {
    engine: () => engineSection(options.sizes, log),
    cli: () => cliSection(largest, log),
    xlsx: () => xlsxSection(largest, log),
    excel: () => excelHostSection(largest, log),
    valueModel: () => Promise.resolve(valueModelSection(Math.min(largest, 100_000), log)),
    small: () => smallSection(5, log),
    sql: () => sqlSection(log),
  };
  for (const name of options.sections) {
    // Each section starts on a collected heap (the bench runs with --expose-gc): what an earlier section
    // left behind is not collected in the middle of the next one's timings.
    (globalThis as { gc?: () => void }).gc?.();
    try {
      results.push(await runners[name]());
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      failures.push(`${name}: ${reason}`);
      log(`${name} failed: ${reason}`);
    }
  }
  const goals: Goal[] = results.flatMap((result) => result.goals);
  const goalTable: BenchTable = {
    title: 'Goals (issues 5 and 17)',
    headers: ['section', 'goal', 'measured', 'met'],
    rows: goals.map((goal) => [goal.section, goal.goal, goal.measured, format.met(goal.met)]),
    notes: failures.map((failure) => `Section failed: ${failure}`),
  };
  const tables = [...results.flatMap((result) => result.tables), goalTable];
  const minutes = (performance.now() - started) / 60_000;
  const body = tables.map(formatTable).join('\n\n');
  process.stdout.write(`\n${body}\n\nBench finished in ${minutes.toFixed(1)} min.\n`);
  if (options.docs) {
    const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
    const file = 'docs/benchmarks.md';
    // Formatted as the repository's Prettier check expects, so `npm run lint` passes on the record.
    const options = { ...((await prettier.resolveConfig(file)) ?? {}), filepath: file };
    const history = existsSync(file) ? keptHistory(readFileSync(file, 'utf8')) : '';
    writeFileSync(
      file,
      await prettier.format(benchmarksDoc(command, machine, body, minutes, history), options),
    );
    log('Wrote docs/benchmarks.md.');
  }
}

const historyStart = '<!-- history: kept when the bench rewrites this file -->';
const historyEnd = '<!-- /history -->';

/** The hand-written history section of docs/benchmarks.md (figures before and after a change), markers included. */
function keptHistory(doc: string): string {
  const start = doc.indexOf(historyStart);
  const end = doc.indexOf(historyEnd);
  return start < 0 || end < start ? '' : doc.slice(start, end + historyEnd.length);
}

function benchmarksDoc(
  command: string,
  machine: string[],
  body: string,
  minutes: number,
  history: string,
): string {
  return [
    '# Benchmarks',
    '',
    'Issue 5 asks for a million sales rows in seconds, measured side by side with the best tools in the same',
    'process run on the same data, so the figures are ratios that survive a noisy machine. `npm run bench`',
    'generates deterministic synthetic sales (seeded PRNG; Pareto-skewed customers, every customer buying',
    'at least once; three years of dates; 1–5 lines per order, and for the headline at the largest size also',
    'one line per order; about 1 % returns as negative amounts; a cost per line, a tenth of the customers at',
    'a loss) at 10k, 100k and 1M rows (one customer per ten rows, so 100,000 customers at 1M), and measures:',
    '',
    '1. the engine on the data in memory. The headline is the first run in a fresh process of',
    '   `computeAnalysis` (all methods with ranking, plus the output columns and summary sheets), as users run',
    "   it: the command line analyses once per process and the task pane's worker starts cold; the second run",
    "   in that process is what the pane's kept worker gives the next run. `analyze` (the methods alone),",
    '   arquero (per-customer aggregates) and DuckDB in-process (aggregates + ranking with window functions)',
    '   are timed the same way. Then the warm loop: all of them again and again in one process after a',
    '   warm-up, which shows what the JIT reaches but is not what anyone waits for;',
    '2. the command line on a CSV as a whole process, against DuckDB reading the same CSV, for every data',
    '   shape users have (`salesShapes` in bench/generateSales.ts): one line per order (every order id',
    '   distinct), 1–5 and 1–20 lines per order, text and numeric ids, no order-id column;',
    "3. reading a sales workbook with the file host against exceljs's streaming reader, and writing the",
    '   result workbook;',
    '4. the Excel host against the fake Excel of `tests/fakes`: syncs, payloads, bytes moved.',
    '',
    'Run `npm run bench` (2–3 minutes here; writes this file), `npm run bench -- --quick` (10k and 100k',
    'rows), `npm run bench -- --sizes=10k,100k --only=engine,cli` (see `bench/main.ts`). Input files are',
    'written once to `$TMPDIR/customer-pyramid-bench` and reused.',
    '',
    ...(history === '' ? [] : [history, '']),
    '## Machine',
    '',
    ...machine,
    `- Load average when it ended: ${os
      .loadavg()
      .map((load) => load.toFixed(2))
      .join(', ')} (other engineers' tests share the 2 cores: compare the ratios, not the absolute times)`,
    '',
    `## Results of \`${command}\` (${minutes.toFixed(1)} min)`,
    '',
    body.replaceAll(/^### /gmu, '### '),
    '',
  ].join('\n');
}

async function main(argv: readonly string[]): Promise<void> {
  if (!existsSync('package.json') || !existsSync('src/engine'))
    throw new Error('Run the bench from the repository root (npm run bench).');
  log(`bench: ${os.cpus().length} cores, load ${os.loadavg()[0]?.toFixed(2) ?? '?'}`);
  await runSections(parseOptions(argv));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
