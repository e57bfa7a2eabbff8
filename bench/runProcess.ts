import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { peakRssKbExpression } from './peakRssExpression';

/** One finished child process. */
export interface ProcessRun {
  /** Wall time from spawn to exit, in milliseconds. */
  ms: number;
  /** The child's own peak resident set (`peakRssKbExpression`), in MB; null if it did not report. */
  maxRssMb: number | null;
  /**
   * The child's CPU time, user + system over all its threads (`process.resourceUsage()`), in milliseconds;
   * null if it did not report. On a shared machine this is what the run itself cost.
   */
  cpuMs: number | null;
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The child-case script (`dist/bench/case.js`) next to the running bench script. */
export function caseScript(): string {
  return path.join(path.dirname(process.argv[1] ?? 'dist/bench/bench.js'), 'case.js');
}

let preloadFile: string | null = null;

/**
 * A CommonJS file preloaded with `node -r` that writes the process's peak RSS (KB) and CPU time (µs) to
 * $BENCH_RSS_FILE at exit.
 */
function preload(): string {
  if (preloadFile === null) {
    const directory = mkdtempSync(path.join(os.tmpdir(), 'bench-preload-'));
    preloadFile = path.join(directory, 'reportMaxRss.cjs');
    writeFileSync(
      preloadFile,
      `process.on('exit', () => { const f = process.env.BENCH_RSS_FILE; const u = process.resourceUsage(); if (f) require('node:fs').writeFileSync(f, \`\${${peakRssKbExpression}} \${u.userCPUTime + u.systemCPUTime}\`); });\n`,
    );
  }
  return preloadFile;
}

/**
 * Runs `node [nodeOptions] -r <rss reporter> args…` as a whole process and measures its wall time, CPU
 * time and peak RSS. Each case in its own process, so peaks never mix.
 *
 * @param args The script and its arguments, e.g. `['bin/customer-pyramid.js', 'analyze', 'sales.csv']`.
 * @param nodeOptions Node flags, e.g. `['--expose-gc', '--max-old-space-size=8192']`.
 */
export function runProcess(
  args: readonly string[],
  nodeOptions: readonly string[] = [],
): Promise<ProcessRun> {
  const rssDirectory = mkdtempSync(path.join(os.tmpdir(), 'bench-rss-'));
  const rssFile = path.join(rssDirectory, 'maxrss');
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...nodeOptions, '-r', preload(), ...args], {
      env: { ...process.env, BENCH_RSS_FILE: rssFile, TZ: 'UTC' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (status) => {
      const ms = performance.now() - started;
      let maxRssMb: number | null = null;
      let cpuMs: number | null = null;
      try {
        const [rssKb, cpuMicroseconds] = readFileSync(rssFile, 'utf8').split(' ').map(Number);
        maxRssMb = (rssKb ?? Number.NaN) / 1024;
        cpuMs = (cpuMicroseconds ?? Number.NaN) / 1000;
      } catch {
        // The child died before its exit handler ran.
      }
      rmSync(rssDirectory, { recursive: true, force: true });
      resolve({
        ms,
        maxRssMb,
        cpuMs,
        status,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
  });
}
