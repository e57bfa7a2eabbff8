import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchFiles } from './benchFiles';
import { format } from './format';
import type { BenchTable } from './formatTable';
import { median } from './median';
import { caseScript } from './runProcess';
import type { SectionResult } from './SectionResult';
import { peakRssKbExpression } from './peakRssExpression';

/** Goals of issue 17 (points 3 and 4). */
const goals = {
  smallCpuMs: 2_000,
  smallRssMb: 250,
  writeMs: 5_000,
  writeRssMb: 1_024,
};

/** One whole process: wall time, CPU time (user + system) and peak RSS, as the process itself counted them. */
interface MeasuredRun {
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
  stdout: string;
}

/** A preload that writes the process's CPU time and peak RSS to $BENCH_USAGE_FILE when it exits. */
function usagePreload(directory: string): string {
  const file = path.join(directory, 'reportUsage.cjs');
  writeFileSync(
    file,
    `process.on('exit', () => { const u = process.resourceUsage(); require('node:fs').writeFileSync(process.env.BENCH_USAGE_FILE, JSON.stringify({ cpuUs: u.userCPUTime + u.systemCPUTime, maxRssKb: ${peakRssKbExpression} })); });\n`,
  );
  return file;
}

/** Runs `node [nodeOptions] args…` once as a whole process and measures it. */
function runMeasured(
  args: readonly string[],
  nodeOptions: readonly string[],
  directory: string,
): Promise<MeasuredRun> {
  const usageFile = path.join(directory, 'usage.json');
  rmSync(usageFile, { force: true });
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...nodeOptions, '-r', usagePreload(directory), ...args], {
      env: { ...process.env, BENCH_USAGE_FILE: usageFile, TZ: 'UTC' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (status) => {
      const wallMs = performance.now() - started;
      if (status !== 0 || !existsSync(usageFile)) {
        const tail = Buffer.concat(stderr).toString('utf8').trim().split('\n').slice(-5).join(' | ');
        reject(new Error(`${args.join(' ')} exited with ${String(status)}: ${tail}`));
        return;
      }
      const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { cpuUs: number; maxRssKb: number };
      resolve({
        wallMs,
        cpuMs: usage.cpuUs / 1000,
        maxRssMb: usage.maxRssKb / 1024,
        stdout: Buffer.concat(stdout).toString('utf8'),
      });
    });
  });
}

/** Medians of wall and CPU time, largest peak RSS, of several runs. */
function summarize(runs: readonly MeasuredRun[]): { wallMs: number; cpuMs: number; maxRssMb: number } {
  return {
    wallMs: median(runs.map((run) => run.wallMs)),
    cpuMs: median(runs.map((run) => run.cpuMs)),
    maxRssMb: Math.max(...runs.map((run) => run.maxRssMb)),
  };
}

/**
 * The `small` section (issue 17, points 3 and 4): the command line on a 10,000-row .xlsx to a finished
 * result workbook, as a whole process (`bin/customer-pyramid.js analyze … --out …`; Superstore from
 * ../shared/data when it is there, else a generated 10,000-row workbook), and the result workbook of
 * 100,000 customers (the 1,000,000-row sales CSV) written by the file host: `host.write` + `toBuffer` in a
 * child process, after the analysis. Each run's CPU time (user + system) and peak RSS are counted by
 * the process itself: the machine may be shared, and CPU time is what a run costs on an idle one.
 *
 * @param runs Runs of the small workbook (the large write runs at most twice).
 */
export async function smallSection(runs: number, log: (line: string) => void): Promise<SectionResult> {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'bench-small-'));
  try {
    const shared = path.resolve('../shared/data/superstore.xlsx');
    const input = existsSync(shared)
      ? shared
      : (await benchFiles.xlsx(10_000, benchFiles.lazySales(10_000))).file;
    const out = path.join(directory, 'result.xlsx');
    const cli = ['bin/customer-pyramid.js', 'analyze', input, '--out', out, '--quiet'];
    const small: MeasuredRun[] = [];
    for (let k = 0; k < runs; k++) small.push(await runMeasured(cli, [], directory));
    const s = summarize(small);
    log(`small: ${path.basename(input)} → ${format.ms(s.cpuMs)} ms CPU, ${format.mb(s.maxRssMb)} MB`);

    const rows = 1_000_000;
    const csv = benchFiles.csv(rows, benchFiles.lazySales(rows));
    const write: MeasuredRun[] = [];
    for (let k = 0; k < Math.min(2, runs); k++) {
      write.push(
        await runMeasured(
          [caseScript(), 'xlsx-write-result', csv.file],
          ['--max-old-space-size=8192', '--expose-gc'],
          directory,
        ),
      );
    }
    const figures = write.map(
      (run) => JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as Record<string, number>,
    );
    const n = (key: string): number => median(figures.map((figure) => figure[key] ?? Number.NaN));
    const writeMs = n('writeMs') + n('toBufferMs');
    const writeCpuMs = n('cpuMs');
    const w = summarize(write);
    log(`small: 100,000-customer write ${format.ms(writeMs)} ms, process peak ${format.mb(w.maxRssMb)} MB`);

    const smallTimeOk = s.cpuMs <= goals.smallCpuMs;
    const smallMemoryOk = s.maxRssMb <= goals.smallRssMb;
    const writeTimeOk = Number.isFinite(writeCpuMs) ? writeCpuMs <= goals.writeMs : null;
    const writeMemoryOk = w.maxRssMb <= goals.writeRssMb;
    const table: BenchTable = {
      title: 'Small workbooks and big results: whole command line and result workbook writes (issue 17)',
      headers: ['case', 'runs', 'median ms', 'median CPU ms', 'peak RSS MB', 'goal', 'goal met'],
      rows: [
        [
          `customer-pyramid analyze ${path.basename(input)} --out result.xlsx (whole process)`,
          String(small.length),
          format.ms(s.wallMs),
          format.ms(s.cpuMs),
          format.mb(s.maxRssMb),
          '≤ 2,000 ms, ≤ 250 MB',
          `time ${format.met(smallTimeOk)}, memory ${format.met(smallMemoryOk)}`,
        ],
        [
          `result workbook of ${format.count(n('customers'))} customers: host.write + toBuffer`,
          String(write.length),
          format.ms(writeMs),
          format.ms(writeCpuMs),
          format.mb(w.maxRssMb),
          '≤ 5,000 ms, ≤ 1,024 MB',
          `time ${format.met(writeTimeOk)}, memory ${format.met(writeMemoryOk)}`,
        ],
      ],
      notes: [
        `The small workbook: ${path.basename(input)} (${format.bytesMb(readFileSync(input).length)} MB), analysed with the default settings into a result workbook (the input's sheets + ours), by \`bin/customer-pyramid.js\` (build dist/cli.js first); startup included.`,
        `The write: \`dist/bench/case.js xlsx-write-result\` on the ${format.count(rows)}-row sales CSV (${format.bytesMb(csv.bytes)} MB): the CSV is read and analysed first (untimed), then host.write (${format.ms(n('writeMs'))} ms) and toBuffer (${format.ms(n('toBufferMs'))} ms) are timed; ${format.bytesMb(n('bytes'))} MB written; the RSS growth during the write was ${format.mb(n('peakRssGrowthMb'))} MB. Its peak RSS is the whole process's (the 1,000,000 sales rows and the analysis included).`,
        'Times are judged on CPU time (user + system, counted by each process): on a shared machine the wall time includes waiting for a core. Medians over the runs; peak RSS is the largest.',
      ],
    };
    return {
      tables: [table],
      goals: [
        {
          section: 'small',
          goal: '10k-row .xlsx → result workbook ≤ 2 s CPU (command line)',
          measured: `${format.ms(s.cpuMs)} ms CPU (${format.ms(s.wallMs)} ms wall)`,
          met: smallTimeOk,
        },
        {
          section: 'small',
          goal: '10k-row .xlsx → result workbook ≤ 250 MB peak RSS',
          measured: `${format.mb(s.maxRssMb)} MB`,
          met: smallMemoryOk,
        },
        {
          section: 'small',
          goal: '100,000-customer result workbook written ≤ 5 s',
          measured: `${format.ms(writeCpuMs)} ms CPU (${format.ms(writeMs)} ms wall)`,
          met: writeTimeOk,
        },
        {
          section: 'small',
          goal: '100,000-customer result workbook ≤ 1 GB peak RSS (whole process)',
          measured: `${format.mb(w.maxRssMb)} MB`,
          met: writeMemoryOk,
        },
      ],
    };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
