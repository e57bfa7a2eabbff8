/**
 * The command line's worker roles run in turn on one thread (`WorkerThread`): the CSV's second half, the
 * value model's fit, then part of the JSON report, each on a port of its own. The report is the same as on
 * one thread; a thread that fails at any role leaves that role and the later ones to the main thread, with
 * the same report.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { csvHalvesAboveBytes } from '../../src/host/file/node/parseCsvInHalves';
import { jsonReportWorkerFromCustomers } from '../../src/cli/writeJsonReport';
import { runCli } from './runCli';

// The built command line and its roles' bundle (`npm test` builds them first, as `npm run build:cli` does).
const cli = path.resolve(__dirname, '../../dist/cli.js');
const cliWorker = path.resolve(__dirname, '../../dist/cliWorker.js');
let folder: string;
let input: string;
let oneThread: string;

/**
 * A sales CSV of 24,000 customers over two years, 1 to 9 lines per order: over the sizes from which the
 * CSV is read in halves and the report is formatted on two threads.
 */
function writeSalesCsv(file: string): void {
  const lines = ['Order ID,Customer ID,Order Date,Amount,Cost'];
  let order = 100_000;
  for (let c = 1; c <= 24_000; c++) {
    for (let k = 0; k <= c % 4; k++) {
      const day = 1 + ((c * 13 + k * 197) % 730);
      const date = new Date(Date.UTC(2023, 0, day)).toISOString().slice(0, 10);
      order++;
      for (let line = 0; line <= (c + k) % 9; line++) {
        const amount = ((c * 31 + k * 17 + line * 7) % 9000) / 8;
        lines.push(`${order},C${c},${date},${amount.toFixed(2)},${(amount * 0.62).toFixed(2)}`);
      }
    }
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

beforeAll(async () => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'cp-worker-thread-'));
  input = path.join(folder, 'sales.csv');
  writeSalesCsv(input);
  // In-process, under the tests' TypeScript loader, no worker starts: every role on this thread.
  oneThread = path.join(folder, 'one-thread.json');
  const run = await runCli(['analyze', input, '--json', oneThread, '--quiet']);
  expect(run.code).toBe(0);
}, 60_000);
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

test('the test CSV is over the sizes from which the roles run on a worker', () => {
  expect(statSync(input).size).toBeGreaterThan(csvHalvesAboveBytes);
  const report = JSON.parse(readFileSync(oneThread, 'utf8')) as { customers: unknown[] };
  expect(report.customers.length).toBe(24_000);
  expect(report.customers.length).toBeGreaterThan(jsonReportWorkerFromCustomers);
});

test('the built command line starts one thread, which takes the three roles in turn: the same report', () => {
  const spy = path.join(folder, 'workers.cjs');
  // Loaded before the command line: the threads started, the roles asked of them and the answers on the
  // roles' ports (their partners noted as each channel is made).
  writeFileSync(
    spy,
    `const threads = require('node:worker_threads');
const seen = { started: [], roles: [], answers: {} };
const partners = new WeakMap();
const Channel = threads.MessageChannel;
threads.MessageChannel = class extends Channel {
  constructor() {
    super();
    partners.set(this.port2, this.port1);
  }
};
const Original = threads.Worker;
threads.Worker = class extends Original {
  constructor(file, options) {
    super(file, options);
    seen.started.push(options && options.workerData && options.workerData.role);
  }
  postMessage(message, transfer) {
    const port = message && message.role && partners.get(message.port);
    if (port) {
      seen.roles.push(message.role);
      seen.answers[message.role] = 0;
      port.on('message', () => seen.answers[message.role]++);
    }
    return super.postMessage(message, transfer);
  }
};
process.on('exit', () => require('node:fs').writeFileSync(process.env.WORKERS_SEEN, JSON.stringify(seen)));`,
  );
  const seen = path.join(folder, 'seen.json');
  const json = path.join(folder, 'threads.json');
  const run = spawnSync(
    process.execPath,
    ['--require', spy, cli, 'analyze', input, '--json', json, '--quiet'],
    { cwd: folder, env: { ...process.env, WORKERS_SEEN: seen, TZ: 'UTC' }, encoding: 'utf8' },
  );
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const { started, roles, answers } = JSON.parse(readFileSync(seen, 'utf8')) as {
    started: string[];
    roles: string[];
    answers: Record<string, number>;
  };
  expect(started).toEqual(['roles']);
  // In the order they are used: the read, the analysis, the report.
  expect(roles).toEqual(['csvHalf', 'valueModel', 'jsonReport']);
  // Each answered: the half, the fit, and the report's blocks (several chunks, then done).
  expect(answers.csvHalf).toBe(1);
  expect(answers.valueModel).toBe(1);
  expect(answers.jsonReport).toBeGreaterThan(2);
  expect(readFileSync(json, 'utf8')).toBe(readFileSync(oneThread, 'utf8'));
});

describe('a thread that fails leaves its roles to the main thread: the same report', () => {
  const script = (name: string, text: string): string => {
    const file = path.join(folder, name);
    writeFileSync(file, text);
    return file;
  };
  const head = "const { parentPort } = require('node:worker_threads');\n";
  /** The roles' bundle, in a thread that stops as it is asked for its `nth` role. */
  const stopsAt = (nth: number): string =>
    `${head}require(${JSON.stringify(cliWorker)});
let asked = 0;
parentPort.on('message', () => {
  if (++asked === ${nth}) process.exit(0);
});\n`;
  test.each<[string, () => string]>([
    ['the script does not exist', () => path.join(folder, 'missing.js')],
    ['the script throws as it loads', () => script('throws.js', "throw new Error('broken');\n")],
    [
      'the thread stops when asked for a role',
      () => script('stops.js', `${head}parentPort.on('message', () => process.exit(0));\n`),
    ],
    ['the thread stops after the CSV half, at the value model', () => script('stops-2.js', stopsAt(2))],
    ['the thread stops after the fit, at the report', () => script('stops-3.js', stopsAt(3))],
    [
      'the thread ignores its roles (their ports closed)',
      () => script('ignores.js', `${head}parentPort.on('message', (request) => request.port.close());\n`),
    ],
  ])(
    '%s',
    async (name, file) => {
      const json = path.join(folder, `${name.replace(/\W+/gu, '-')}.json`);
      const run = await runCli(['analyze', input, '--json', json, '--quiet'], {
        cli: { workerScript: file(), valueModelWorkerFromBytes: 0 },
      });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(readFileSync(json, 'utf8')).toBe(readFileSync(oneThread, 'utf8'));
    },
    60_000,
  );
});
