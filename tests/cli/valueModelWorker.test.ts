/**
 * The command line fits the value model in a worker thread (its own bundle, role `valueModel`) on large
 * inputs: the JSON report is the same with and without the worker, and a worker that fails gives what a run
 * without it gives (the job is run on the main thread: the same run, or the same error).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as sharedGrouping from '../../src/cli/sharedGrouping';
import { startValueModelWorker } from '../../src/cli/startValueModelWorker';
import { analysisSteps, type AnalysisInput } from '../../src/engine/analyze';
import type { AnalysisStep } from '../../src/engine/AnalysisStep';
import * as grouping from '../../src/engine/valueModel/groupPurchasesByCustomer';
import * as valueModel from '../../src/engine/valueModel/runValueModel';
import type { ValueModelJob, ValueModelRun } from '../../src/engine/valueModel/runValueModel';
import { workbookCells } from '../golden/workbookCells';
import { cdnowCsvText, writeCdnowCsv } from '../helpers/cdnowCsv';
import { parseCsvRows, settingsWith, tableInput } from '../helpers/tables';
import { runCli } from './runCli';
import { sharedData } from './sharedData';

// The built command line (`npm test` builds it first, as `npm run build:cli` does).
const bundle = path.resolve(__dirname, '../../dist/cli.js');
let folder: string;
beforeAll(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'cp-value-worker-'));
});
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});
afterEach(() => {
  jest.restoreAllMocks();
});

/** Writes a script of the test's own into the test folder and returns its path. */
function script(name: string, text: string): string {
  const file = path.join(folder, name);
  writeFileSync(file, text);
  return file;
}

/** The JSON report of `analyze input`, with the worker (from any size) or without. */
async function reportOf(input: string, name: string, worker: boolean): Promise<string> {
  const json = path.join(folder, `${name}.json`);
  const run = await runCli(
    ['analyze', input, '--json', json, '--quiet'],
    worker ? { cli: { workerScript: bundle, valueModelWorkerFromBytes: 0 } } : {},
  );
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return readFileSync(json, 'utf8');
}

describe('the JSON report is the same with and without the worker', () => {
  test.each([
    ['Online Retail', () => sharedData('online_retail_2010-12.csv')],
    ['CDNOW', () => writeCdnowCsv(folder)],
  ])('%s', async (name, file) => {
    expect(existsSync(bundle)).toBe(true);
    const fits = jest.spyOn(valueModel, 'runValueModel');
    const without = await reportOf(file(), `${name}-without`, false);
    expect(fits).toHaveBeenCalledTimes(1);
    fits.mockClear();
    const withWorker = await reportOf(file(), `${name}-with`, true);
    // The worker fitted it: nothing was fitted on this thread.
    expect(fits).not.toHaveBeenCalled();
    expect(withWorker).toBe(without);
    expect((JSON.parse(withWorker) as { valueModel: unknown }).valueModel).not.toBeNull();
  });

  test('a result workbook too: the same cells and report', async () => {
    const written = async (name: string, worker: boolean): Promise<[string, unknown]> => {
      const [json, out] = [path.join(folder, `${name}.json`), path.join(folder, `${name}.xlsx`)];
      const run = await runCli(
        ['analyze', sharedData('online_retail_2010-12.csv'), '--json', json, '--out', out, '--quiet'],
        worker ? { cli: { workerScript: bundle, valueModelWorkerFromBytes: 0 } } : {},
      );
      expect(run.code).toBe(0);
      return [readFileSync(json, 'utf8'), await workbookCells(readFileSync(out))];
    };
    const [json, cells] = await written('book-without', false);
    const fits = jest.spyOn(valueModel, 'runValueModel');
    const [jsonWith, cellsWith] = await written('book-with', true);
    expect(fits).not.toHaveBeenCalled();
    expect(jsonWith).toBe(json);
    expect(cellsWith).toEqual(cells);
  });

  test('below the size threshold (8 MB) no worker is started: the CDNOW CSV is fitted on the main thread', async () => {
    const fits = jest.spyOn(valueModel, 'runValueModel');
    const json = path.join(folder, 'small.json');
    const run = await runCli(['analyze', writeCdnowCsv(folder), '--json', json, '--quiet'], {
      cli: { workerScript: bundle },
    });
    expect(run.code).toBe(0);
    expect(fits).toHaveBeenCalledTimes(1);
  });
});

/** The CDNOW sample's value model job, as the analysis hands it over. */
function cdnowJob(): ValueModelJob {
  const csv = parseCsvRows(cdnowCsvText());
  const input: AnalysisInput = {
    sales: tableInput({ headers: (csv[0] ?? []).map((h) => h ?? ''), rows: csv.slice(1) }),
    customers: null,
    visits: null,
    date1904: false,
    settings: settingsWith({ asOf: '1997-09-30' }),
  };
  const step = analysisSteps(input).next().value as AnalysisStep;
  if (step.kind !== 'startValueModel') throw new Error('The analysis did not start with the value model.');
  return step.job;
}

describe('a worker that fails gives what the main thread gives', () => {
  const job = cdnowJob();
  const expected = valueModel.runValueModel(job.rows, job.customerCount, job.asOf, job.settings);
  const failures: [string, () => string][] = [
    ['the script does not exist', () => path.join(folder, 'missing.js')],
    ['the script throws as it loads', () => script('throws.js', "throw new Error('broken');\n")],
    ['the worker exits without answering', () => script('exits.js', 'process.exit(0);\n')],
    [
      'the worker answers that the fit threw',
      () =>
        script(
          'refuses.js',
          "const { parentPort } = require('node:worker_threads');\nparentPort.once('message', () => { parentPort.postMessage({ ok: false, message: 'no' }); parentPort.close(); });\n",
        ),
    ],
  ];

  test.each(failures)('%s: the run of the job on this thread', async (_name, file) => {
    const worker = startValueModelWorker(file());
    try {
      const fits = jest.spyOn(valueModel, 'runValueModel');
      expect(await worker.fit(job)).toEqual(expected);
      expect(fits).toHaveBeenCalledTimes(1);
    } finally {
      worker.close();
    }
  });

  test('and the very error when the fit throws there too', async () => {
    const error = new Error('fit failed');
    jest.spyOn(valueModel, 'runValueModel').mockImplementation(() => {
      throw error;
    });
    const worker = startValueModelWorker(path.join(folder, 'missing.js'));
    try {
      await expect(worker.fit(job)).rejects.toBe(error);
    } finally {
      worker.close();
    }
  });

  test('the bundle as the worker: the same run, bit for bit, the rows sent as copies', async () => {
    const worker = startValueModelWorker(bundle);
    try {
      const fits = jest.spyOn(valueModel, 'runValueModel');
      const run = await worker.fit(job);
      expect(fits).not.toHaveBeenCalled();
      expect(run).toEqual(expected);
      const [a, b] = [run.fit.predictions?.pAlive, expected.fit.predictions?.pAlive];
      expect(a !== undefined && b !== undefined && Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(
        true,
      );
      // The job's own rows are still readable here (copies were moved to the worker).
      expect(job.rows.day.length).toBe(job.rows.count);
    } finally {
      worker.close();
    }
  });
});

describe('the holdout check runs on this thread while the worker fits, when this thread gets to it first', () => {
  const job = cdnowJob();
  const expected = valueModel.runValueModel(job.rows, job.customerCount, job.asOf, job.settings);
  /** The job's run with `checkHoldoutHere` called at once (the worker is still starting: this thread wins). */
  async function runHelped(file: string, which: ValueModelJob = job): Promise<ValueModelRun> {
    const worker = startValueModelWorker(file);
    try {
      const run = worker.fit(which);
      worker.checkHoldoutHere();
      return await run;
    } finally {
      worker.close();
    }
  }

  test('the bundle fits, this thread checks the holdout: the same run, bit for bit', async () => {
    const spies = {
      run: jest.spyOn(valueModel, 'runValueModel'),
      fit: jest.spyOn(valueModel, 'runValueModelFit'),
      holdout: jest.spyOn(valueModel, 'runValueModelHoldout'),
    };
    const run = await runHelped(bundle);
    expect(run).toEqual(expected);
    expect(run.holdout?.rows.length).toBeGreaterThan(0);
    const [a, b] = [run.fit.predictions?.predictedValue, expected.fit.predictions?.predictedValue];
    expect(a !== undefined && b !== undefined && Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(
      true,
    );
    expect(spies.holdout).toHaveBeenCalledTimes(1);
    expect(spies.fit).not.toHaveBeenCalled();
    expect(spies.run).not.toHaveBeenCalled();
  });

  test('called once the worker has answered, it does nothing', async () => {
    const worker = startValueModelWorker(bundle);
    try {
      const run = await worker.fit(job);
      const holdout = jest.spyOn(valueModel, 'runValueModelHoldout');
      worker.checkHoldoutHere();
      expect(holdout).not.toHaveBeenCalled();
      expect(run).toEqual(expected);
    } finally {
      worker.close();
    }
  });

  const failures: [string, () => string][] = [
    ['the script does not exist', () => path.join(folder, 'missing-too.js')],
    ['the worker exits without answering', () => script('exits-too.js', 'process.exit(0);\n')],
    [
      'the worker answers that the fit threw',
      () =>
        script(
          'refuses-too.js',
          "const { parentPort } = require('node:worker_threads');\nparentPort.once('message', () => { parentPort.postMessage({ ok: false, message: 'no' }); parentPort.close(); });\n",
        ),
    ],
  ];

  test.each(failures)('%s: the fit on this thread, with the check already made here', async (_name, file) => {
    const spies = {
      run: jest.spyOn(valueModel, 'runValueModel'),
      fit: jest.spyOn(valueModel, 'runValueModelFit'),
      holdout: jest.spyOn(valueModel, 'runValueModelHoldout'),
    };
    expect(await runHelped(file())).toEqual(expected);
    expect(spies.holdout).toHaveBeenCalledTimes(1);
    expect(spies.fit).toHaveBeenCalledTimes(1);
    expect(spies.run).not.toHaveBeenCalled();
  });

  test("the check throws here: its very error when the fit stands, whether the worker's or this thread's", async () => {
    const error = new Error('holdout failed');
    jest.spyOn(valueModel, 'runValueModelHoldout').mockImplementation(() => {
      throw error;
    });
    await expect(runHelped(bundle)).rejects.toBe(error);
    await expect(runHelped(path.join(folder, 'missing.js'))).rejects.toBe(error);
  });

  test('the check throws here but the fit fails: no holdout, as runValueModel gives', async () => {
    const few: ValueModelJob = { ...job, rows: { ...job.rows, count: 12 } };
    const plain = valueModel.runValueModel(few.rows, few.customerCount, few.asOf, few.settings);
    expect(plain.fit.valueModel).toBeNull();
    jest.spyOn(valueModel, 'runValueModelHoldout').mockImplementation(() => {
      throw new Error('holdout failed');
    });
    expect(await runHelped(bundle, few)).toEqual(plain);
    expect(await runHelped(path.join(folder, 'missing.js'), few)).toEqual(plain);
  });

  test("once the worker has grouped the rows (in shared memory), this thread's check reads its grouping", async () => {
    // A worker that groups the rows as groupPurchasesByCustomer does, marks the grouping ready, waits until
    // the caller claims the holdout check, then fails (so the fit is made here too).
    const file = script(
      'groups.js',
      `const { parentPort } = require('node:worker_threads');
parentPort.once('message', (job) => {
  const { rows, customerCount, grouping, holdoutClaim } = job;
  const { from, day, amount, ready } = grouping;
  for (let k = 0; k < rows.count; k++) {
    const c = rows.customer[k];
    if (c >= 0 && c < customerCount && rows.amount[k] >= 0) from[c + 1]++;
  }
  for (let c = 0; c < customerCount; c++) from[c + 1] += from[c];
  const next = from.slice(0, customerCount);
  for (let k = 0; k < rows.count; k++) {
    const c = rows.customer[k];
    if (c < 0 || c >= customerCount || !(rows.amount[k] >= 0)) continue;
    const at = next[c]++;
    day[at] = rows.day[k];
    amount[at] = rows.amount[k];
  }
  Atomics.store(ready, 0, 1);
  while (Atomics.load(holdoutClaim, 0) === 0) Atomics.wait(holdoutClaim, 0, 0, 5);
  parentPort.postMessage({ ok: false, message: 'no' });
  parentPort.close();
});
`,
    );
    const made: sharedGrouping.SharedGrouping[] = [];
    const newGrouping = sharedGrouping.newSharedGrouping;
    jest.spyOn(sharedGrouping, 'newSharedGrouping').mockImplementation((rows, customers) => {
      const room = newGrouping(rows, customers);
      made.push(room);
      return room;
    });
    const worker = startValueModelWorker(file);
    try {
      const run = worker.fit(job);
      expect(made).toHaveLength(1);
      while (Atomics.load(made[0]!.ready, 0) === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      const groups = jest.spyOn(grouping, 'groupPurchasesByCustomer');
      const holdout = jest.spyOn(valueModel, 'runValueModelHoldout');
      worker.checkHoldoutHere();
      expect(holdout).toHaveBeenCalledTimes(1);
      expect(groups).not.toHaveBeenCalled();
      expect(await run).toEqual(expected);
      // Grouped here once more, for the fit alone.
      expect(groups).toHaveBeenCalledTimes(1);
    } finally {
      worker.close();
    }
  });
});
