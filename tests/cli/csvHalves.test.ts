import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { csvHalvesAboveBytes } from '../../src/host/file/node/parseCsvInHalves';
import { runCli } from './runCli';
import { sharedData } from './sharedData';

// The built command line (`npm test` builds it first, as `npm run build:cli` does).
const cli = path.resolve(__dirname, '../../dist/cli.js');
const cliWorker = path.resolve(__dirname, '../../dist/cliWorker.js');
let folder: string;
beforeAll(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'cp-csv-halves-cli-'));
  // Loaded before the command line: counts the worker threads started, by role and script, the roles asked
  // of a thread that takes them in turn, and the answers that come back, on the thread or on a role's port.
  writeFileSync(
    path.join(folder, 'workers.cjs'),
    `const threads = require('node:worker_threads');
const seen = { started: [], scripts: [], roles: [], answers: 0 };
const Original = threads.Worker;
const OriginalChannel = threads.MessageChannel;
const partners = new WeakMap();
threads.MessageChannel = class extends OriginalChannel {
  constructor() {
    super();
    partners.set(this.port2, this.port1);
  }
};
threads.Worker = class extends Original {
  constructor(file, options) {
    super(file, options);
    seen.started.push(options && options.workerData && options.workerData.role);
    seen.scripts.push(require('node:path').basename(String(file)));
    this.on('message', () => seen.answers++);
  }
  postMessage(message, transfer) {
    const port = message && message.role && partners.get(message.port);
    if (port) {
      seen.roles.push(message.role);
      port.on('message', () => seen.answers++);
    }
    return super.postMessage(message, transfer);
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
    expect(JSON.parse(readFileSync(seen, 'utf8'))).toEqual({
      // One thread, which takes the roles in turn: here only the CSV's second half (the file is too small
      // for the value model's worker, its customers too few for the report's).
      started: ['roles'],
      // The roles' own bundle, built beside the command line's.
      scripts: ['cliWorker.js'],
      roles: ['csvHalf'],
      answers: 1,
    });
    // In-process, under the tests' TypeScript loader, no worker starts: the one-thread read.
    const oneThread = path.join(folder, 'one-thread.json');
    const inProcess = await runCli(['analyze', input, '--json', oneThread, '--quiet']);
    expect(inProcess.code).toBe(0);
    const report = readFileSync(twoThreads, 'utf8');
    expect(report).toBe(readFileSync(oneThread, 'utf8'));
    expect((JSON.parse(report) as { customers: unknown[] }).customers.length).toBeGreaterThan(800);
  });

  test("without the roles' own bundle beside it, the command line starts its workers on itself", () => {
    // The command line's bundle alone in a folder, as an older build would be.
    const alone = path.join(folder, 'alone');
    mkdirSync(alone);
    copyFileSync(cli, path.join(alone, 'cli.js'));
    const seen = path.join(folder, 'alone-workers.json');
    const run = spawnSync(
      process.execPath,
      [
        '--require',
        path.join(folder, 'workers.cjs'),
        path.join(alone, 'cli.js'),
        'analyze',
        path.join(folder, 'retail-twice.csv'),
        '--json',
        path.join(folder, 'alone.json'),
        '--quiet',
      ],
      { cwd: folder, env: { ...process.env, WORKERS_SEEN: seen, TZ: 'UTC' }, encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(readFileSync(seen, 'utf8'))).toEqual({
      started: ['roles'],
      scripts: ['cli.js'],
      roles: ['csvHalf'],
      answers: 1,
    });
    expect(readFileSync(path.join(folder, 'alone.json'), 'utf8')).toBe(
      readFileSync(path.join(folder, 'two-threads.json'), 'utf8'),
    );
  });

  test.each([
    ['the command line', cli],
    ["the roles' own bundle", cliWorker],
  ])(
    'a worker thread of %s with an unknown role does nothing (never runs the command)',
    async (_, script) => {
      const worker = new Worker(script, { workerData: { role: 'unknown' }, stdout: true, stderr: true });
      let output = '';
      worker.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      worker.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const code = await new Promise<number>((resolve) => worker.once('exit', resolve));
      expect(code).toBe(0);
      expect(output).toBe('');
    },
  );

  test("the roles' own bundle holds the workers' code and not the command line's", () => {
    const bundle = readFileSync(cliWorker, 'utf8');
    for (const role of ['serveCsvHalf', 'serveValueModel', 'serveJsonReportParts'])
      expect(bundle).toContain(role);
    // The command line's entry and its help are left out: what makes it start faster.
    expect(bundle).not.toContain('function main(');
    expect(readFileSync(cli, 'utf8')).toContain('function main(');
    expect(bundle.length).toBeLessThan(readFileSync(cli, 'utf8').length / 4);
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
    expect(JSON.parse(readFileSync(seen, 'utf8'))).toEqual({
      started: [],
      scripts: [],
      roles: [],
      answers: 0,
    });
  });
});
