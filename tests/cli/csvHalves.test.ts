import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { csvHalvesAboveBytes } from '../../src/host/file/node/parseCsvInHalves';
import { runCli } from './runCli';
import { sharedData } from './sharedData';

// The built command line (`npm test` builds it first, as `npm run build:cli` does).
const cli = path.resolve(__dirname, '../../dist/cli.js');
let folder: string;
beforeAll(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'cp-csv-halves-cli-'));
  // Loaded before the command line: counts the worker threads started, by role, and their answers.
  writeFileSync(
    path.join(folder, 'workers.cjs'),
    `const threads = require('node:worker_threads');
const seen = { started: [], answers: 0 };
const Original = threads.Worker;
threads.Worker = class extends Original {
  constructor(file, options) {
    super(file, options);
    seen.started.push(options && options.workerData && options.workerData.role);
    this.on('message', () => seen.answers++);
  }
};
process.on('exit', () => require('node:fs').writeFileSync(process.env.WORKERS_SEEN, JSON.stringify(seen)));`,
  );
});
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('the built command line reads a large CSV on two threads', () => {
  test('the online retail export twice over (7.5 MB): the same JSON report as one thread', async () => {
    const text = readFileSync(sharedData('online_retail_2010-12.csv'), 'utf8');
    const body = text.slice(text.indexOf('\n') + 1);
    const input = path.join(folder, 'retail-twice.csv');
    writeFileSync(input, text + (text.endsWith('\n') ? '' : '\n') + body);
    expect(statSync(input).size).toBeGreaterThan(csvHalvesAboveBytes);
    const seen = path.join(folder, 'workers.json');
    const twoThreads = path.join(folder, 'two-threads.json');
    const run = spawnSync(
      process.execPath,
      ['--require', path.join(folder, 'workers.cjs'), cli, 'analyze', input, '--json', twoThreads, '--quiet'],
      { cwd: folder, env: { ...process.env, WORKERS_SEEN: seen, TZ: 'UTC' }, encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(readFileSync(seen, 'utf8'))).toEqual({ started: ['csvHalf'], answers: 1 });
    // In-process, under the tests' TypeScript loader, no worker starts: the one-thread read.
    const oneThread = path.join(folder, 'one-thread.json');
    const inProcess = await runCli(['analyze', input, '--json', oneThread, '--quiet']);
    expect(inProcess.code).toBe(0);
    const report = readFileSync(twoThreads, 'utf8');
    expect(report).toBe(readFileSync(oneThread, 'utf8'));
    expect((JSON.parse(report) as { customers: unknown[] }).customers.length).toBeGreaterThan(800);
  });

  test('a worker thread of the bundle with an unknown role does nothing (never runs the command)', async () => {
    const worker = new Worker(cli, { workerData: { role: 'unknown' }, stdout: true, stderr: true });
    let output = '';
    worker.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    worker.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number>((resolve) => worker.once('exit', resolve));
    expect(code).toBe(0);
    expect(output).toBe('');
  });

  test('a small CSV starts no worker', () => {
    const seen = path.join(folder, 'small-workers.json');
    const run = spawnSync(
      process.execPath,
      [
        '--require',
        path.join(folder, 'workers.cjs'),
        cli,
        'analyze',
        sharedData('online_retail_2010-12.csv'),
        '--json',
        path.join(folder, 'small.json'),
        '--quiet',
      ],
      { cwd: folder, env: { ...process.env, WORKERS_SEEN: seen, TZ: 'UTC' }, encoding: 'utf8' },
    );
    expect(run.status).toBe(0);
    expect(JSON.parse(readFileSync(seen, 'utf8'))).toEqual({ started: [], answers: 0 });
  });
});
