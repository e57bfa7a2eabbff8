/**
 * The JSON report's last customers are formatted by the value model's worker thread once its fit is over
 * (`writeJsonReport`): the file is byte for byte what `formatReportJson` writes on the main thread, for real
 * data and for awkward values, and a worker that fails (at any point) leaves the rest to the main thread.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as formatReportJsonModule from '../../src/cli/formatReportJson';
import { formatReportJson } from '../../src/cli/formatReportJson';
import * as jsonReportPart from '../../src/cli/jsonReportPart';
import {
  formatJsonReportPart,
  jsonReportPartJob,
  type JsonReportPartReply,
} from '../../src/cli/jsonReportPart';
import * as roleWorkers from '../../src/cli/roleWorker';
import { writeJsonReport } from '../../src/cli/writeJsonReport';
import type { ReportCustomer, ReportHead } from '../../src/engine/buildReport';
import { reportParts, type ReportField, type ReportParts } from '../../src/engine/reportParts';
import { readWorkbookFile } from '../../src/host/file/node/readWorkbookFile';
import { runAnalysis } from '../../src/host/runAnalysis';
import { runCli } from './runCli';
import { sharedData } from './sharedData';

// The built command line (`npm test` builds it first, as `npm run build:cli` does).
const bundle = path.resolve(__dirname, '../../dist/cli.js');
let folder: string;
beforeAll(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'cp-json-worker-'));
});
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

/** What formatReportJson gives on this thread: the expected bytes. */
const expectedText = ({ head, count, customer }: ReportParts): string =>
  [...formatReportJson(head, count, customer)].join('');

/** Report parts made of fields (as reportParts makes them), for values no analysis gives. */
function partsOf(count: number, fields: ReportField[]): ReportParts {
  const head = { version: 1, asOf: '2024-12-31', note: '客户 "金字塔"' } as unknown as ReportHead;
  const template = Object.fromEntries(fields.map(([key]) => [key, null]));
  const customer = (i: number): ReportCustomer => {
    const entry = { ...template } as ReportCustomer;
    for (const [key, value] of fields) entry[key] = value(i);
    return entry;
  };
  return { head, count, customer, fields };
}

const shared = { r: 1, f: 2, m: 3, segment: 'Champions' };
const awkwardTexts = [
  '王小明',
  'He said "hi"\\ \n\t\r\b\f',
  '\u0000\u001f\u007f\u2028\u2029',
  'lone \ud800 surrogate \udfff',
  '😀 emoji',
  '',
  '</script>',
];
const awkwardNumbers = [
  NaN,
  Infinity,
  -Infinity,
  -0,
  0,
  1e21,
  1e-7,
  5e-324,
  Number.MAX_VALUE,
  0.1 + 0.2,
  -1.5,
];

/** Fields with every kind of value a report could hold. */
function awkwardParts(count: number): ReportParts {
  return partsOf(count, [
    ['id', (i) => `${awkwardTexts[i % awkwardTexts.length]!}${i}`],
    ['name', (i) => (i % 3 === 0 ? null : awkwardTexts[i % awkwardTexts.length]!)],
    ['rep', () => null],
    ['revenue', (i) => awkwardNumbers[i % awkwardNumbers.length]! * (i + 1)],
    ['profit', (i) => (i % 5 === 0 ? null : awkwardNumbers[i % awkwardNumbers.length]!)],
    // Numbers at first, then texts: a column of values.
    ['mixed', (i) => (i < count / 2 ? i / 7 : i % 2 === 0 ? `t${i % 3}` : null)],
    ['overdue', (i) => i % 2 === 0],
    [
      'rfm',
      (i) => (i % 4 === 0 ? null : i % 4 === 1 ? shared : { r: i % 5, f: 1, m: 2, segment: 'At risk' }),
    ],
    ['list', (i) => [i, 'x', null]],
    ['missing', (i) => (i % 2 === 0 ? undefined : 1)],
    ['day', (i) => `2024-01-${String((i % 28) + 1).padStart(2, '0')}`],
    // Each one new (ids), and more distinct texts than a dictionary takes.
    ['key', (i) => `k${i * 7919}`],
    ['many', (i) => (i % 2 === 0 ? 'even' : `m${i % 9000}`)],
  ]);
}

describe('formatJsonReportPart: the same lines as formatReportJson, from columns', () => {
  test.each([1, 2, 5, 3000, 10_000])('awkward values, customers 1.. of %i', (count) => {
    const parts = awkwardParts(count);
    const { job } = jsonReportPartJob(parts.fields, 1, count);
    const chunks: Buffer[] = [];
    const through: number[] = [];
    formatJsonReportPart(job, (reply) => {
      chunks.push(Buffer.from(reply.bytes, 0, reply.length));
      through.push(reply.through);
    });
    const expected = expectedText(parts);
    const opening = [...formatReportJson(parts.head, 1, parts.customer)].join('');
    const lines = Buffer.concat(chunks).toString('utf8');
    expect(`${opening.slice(0, opening.length - '\n  ]\n}\n'.length)}${lines}\n  ]\n}\n`).toBe(expected);
    expect(through.at(-1)).toBe(count);
    if (count === 10_000) expect(through.length).toBeGreaterThan(2);
    // Each chunk ends with a whole customer's line.
    expect(through).toEqual([...through].sort((a, b) => a - b));
  });
});

describe('writeJsonReport with a worker thread: byte for byte formatReportJson', () => {
  const written = async (parts: ReportParts, script: string, name: string): Promise<string> => {
    const file = path.join(folder, `${name}.json`);
    await writeJsonReport(file, parts, 'en', script, { fromCustomers: 1, takeOver: false });
    return readFileSync(file, 'utf8');
  };
  /** The customer after the last of each chunk the worker sends, as they come. */
  const watchChunks = (): number[] => {
    const through: number[] = [];
    const start = roleWorkers.roleWorker;
    jest.spyOn(roleWorkers, 'roleWorker').mockImplementation((...args) => {
      const worker = start(...args);
      worker.onMessage((reply) => {
        if ((reply as JsonReportPartReply).kind === 'jsonReportBytes')
          through.push((reply as Extract<JsonReportPartReply, { kind: 'jsonReportBytes' }>).through);
      });
      return worker;
    });
    return through;
  };
  afterEach(() => {
    jest.restoreAllMocks();
  });

  test('Online Retail, through the bundle as the worker', async () => {
    const host = await readWorkbookFile(sharedData('online_retail_2010-12.csv'));
    const { result } = await runAnalysis(host, {}, { write: false, describeOutput: false });
    const parts = reportParts(result);
    expect(parts.count).toBeGreaterThan(500);
    const sent = watchChunks();
    expect(await written(parts, bundle, 'retail')).toBe(expectedText(parts));
    // The worker formatted the last customers.
    expect(sent.at(-1)).toBe(parts.count);
  });

  test.each([0, 1, 2, 7, 5000])('awkward values, %i customers', async (count) => {
    const parts = awkwardParts(count);
    const sent = watchChunks();
    expect(await written(parts, bundle, `awkward-${count}`)).toBe(expectedText(parts));
    // The worker's share (no worker for fewer than 2 customers): the block after the lead, the last one.
    expect(sent.at(-1)).toBe(count < 2 ? undefined : count);
  });

  const script = (name: string, text: string): string => {
    const file = path.join(folder, name);
    writeFileSync(file, text);
    return file;
  };
  const head = "const { parentPort } = require('node:worker_threads');\n";
  // Formats its part as the real worker does, but stops after `chunks` chunks of 100 customers.
  const partial = (chunks: number, then: string): string =>
    `${head}parentPort.on('message', (job) => {
  const lines = [];
  let first = job.from;
  for (let i = job.from; i < job.to; i++) {
    const entry = {};
    job.keys.forEach((key, k) => {
      const column = job.columns[k];
      entry[key] = column.codes ? column.distinct[column.codes[i - job.from]] : column[i - job.from];
    });
    lines.push(',\\n    ' + JSON.stringify(entry));
    const done = i - job.from + 1;
    if ((done % 100 === 0 || i === job.to - 1) && Math.ceil(done / 100) <= ${chunks}) {
      const bytes = new Uint8Array(Buffer.from(lines.splice(0).join(''))).buffer;
      parentPort.postMessage({ kind: 'jsonReportBytes', bytes, length: bytes.byteLength, from: first, through: i + 1 }, [bytes]);
      first = i + 1;
    }
  }
  ${then}
});\n`;
  test.each<[string, () => string]>([
    [
      'the worker exits when asked',
      () => script('exits.js', `${head}parentPort.on('message', () => process.exit(0));\n`),
    ],
    [
      'the worker throws',
      () => script('throws.js', `${head}parentPort.on('message', () => { throw new Error('no'); });\n`),
    ],
    [
      'the worker says it failed',
      () =>
        script(
          'fails.js',
          `${head}parentPort.on('message', () => parentPort.postMessage({ kind: 'jsonReportFailed', message: 'no' }));\n`,
        ),
    ],
    ['the worker stops after 3 chunks', () => script('stops.js', partial(3, 'process.exit(0);'))],
    [
      'the worker fails after 2 chunks',
      () =>
        script('half.js', partial(2, "parentPort.postMessage({ kind: 'jsonReportFailed', message: 'no' });")),
    ],
    ['the script does not exist', () => path.join(folder, 'missing.js')],
    ['the script throws as it loads', () => script('broken.js', "throw new Error('broken');\n")],
  ])('%s: this thread formats the rest', async (name, file) => {
    const parts = awkwardParts(1000);
    expect(await written(parts, file(), name)).toBe(expectedText(parts));
  });

  test.each([
    ['the bundle', () => bundle],
    [
      'a worker that sleeps before its first block',
      () =>
        script(
          'sleeps.js',
          partial(1000, 'parentPort.postMessage({ kind: "jsonReportDone" });').replace(
            "parentPort.on('message', (job) => {",
            "let slept = false;\nparentPort.on('message', (job) => {\n  if (!slept) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);\n  slept = true;",
          ),
        ),
    ],
  ])(
    'this thread takes over the blocks the worker has not begun (%s): the same bytes',
    async (name, file) => {
      const parts = awkwardParts(20_000);
      const out = path.join(folder, `take-over-${name}.json`);
      await writeJsonReport(out, parts, 'en', file(), { fromCustomers: 1 });
      expect(readFileSync(out, 'utf8')).toBe(expectedText(parts));
    },
  );

  test('a worker that stops part-way: the same file from the bytes it sent and this thread', async () => {
    const parts = awkwardParts(1000);
    // The test's own check that the partial worker does send some: 3 chunks of 100 customers.
    const sent = watchChunks();
    expect(await written(parts, script('sends.js', partial(3, 'process.exit(0);')), 'sends')).toBe(
      expectedText(parts),
    );
    // The lead (the first customer: fewer than a block after it) is this thread's; the worker's block the rest.
    expect(sent).toEqual([101, 201, 301]);
  });
});

/** A CSV of 24,000 customers (over the 20,000 from which the worker takes part), names of every kind. */
function writeManyCustomersCsv(): string {
  const names = ['王小明', 'Anne "Nan" O\'Neil', 'Smith, John', 'back\\slash', '😀', ''];
  const lines = ['Order ID,Customer ID,Customer Name,Order Date,Amount,Cost'];
  let order = 1;
  for (let c = 1; c <= 24_000; c++) {
    const name = names[c % names.length]!;
    const field = /[",]/u.test(name) ? `"${name.replace(/"/gu, '""')}"` : name;
    for (let k = 0; k <= c % 3; k++) {
      const day = 1 + ((c * 7 + k * 131) % 700);
      const date = new Date(Date.UTC(2023, 0, day)).toISOString().slice(0, 10);
      const amount = ((c * 37 + k * 11) % 5000) / 7;
      lines.push(`${order++},C${c},${field},${date},${amount.toFixed(2)},${(amount * 0.7).toFixed(2)}`);
    }
  }
  const file = path.join(folder, 'many.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

test('the command line on 24,000 customers with its bundle as the script: the same report as without', async () => {
  const input = writeManyCustomersCsv();
  const jobs = jest.spyOn(jsonReportPart, 'jsonReportPartJob');
  const lines = jest.spyOn(formatReportJsonModule, 'customerLines');
  const report = async (worker: boolean): Promise<string> => {
    const json = path.join(folder, `many-${String(worker)}.json`);
    const run = await runCli(
      ['analyze', input, '--json', json, '--quiet'],
      worker ? { cli: { workerScript: bundle } } : {},
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    return readFileSync(json, 'utf8');
  };
  const without = await report(false);
  expect(jobs).not.toHaveBeenCalled();
  expect(await report(true)).toBe(without);
  // The worker took part: its blocks and this thread's lines share the customers.
  const ranges = (calls: unknown[][]): [number, number][] =>
    calls.map(([, from, to]) => [from as number, to as number]);
  const workers = ranges(jobs.mock.calls);
  expect(workers.length).toBeGreaterThan(1);
  const own = lines.mock.calls
    .map(([from, to]): [number, number] => [from, to])
    .filter(([from, to]) => from < to);
  // This thread's lines never overlap one another; one that overlaps a worker's block is the block's rest,
  // or all of it, taken over because the worker had not sent it yet (on a busy machine): it ends where the
  // block ends.
  own.sort((a, b) => a[0] - b[0]);
  own.forEach(([, to], k) => {
    expect(own[k + 1]?.[0] ?? 24_000).toBeGreaterThanOrEqual(to);
  });
  for (const [from, to] of own) {
    const block = workers.find(([start, end]) => start < to && from < end);
    if (block !== undefined) expect([from >= block[0], to]).toEqual([true, block[1]]);
  }
  // Together they cover every customer, from the first to the last.
  const all = [...workers, ...own].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let covered = 0;
  for (const [from, to] of all) {
    expect(from).toBeLessThanOrEqual(covered);
    covered = Math.max(covered, to);
  }
  expect(covered).toBe(24_000);
  jobs.mockRestore();
  lines.mockRestore();
});
