/**
 * The analysis in steps (`analysisSteps`), driven as the command line drives it (`driveSteps`, the value
 * model fitted "elsewhere": its job and run copied by structured clone, answered a macrotask later), gives
 * exactly what `analyze` gives: outputs, notes in order, the JSON report, errors and their messages.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analysisSteps, analyze, type AnalysisInput, type AnalysisResult } from '../../src/engine/analyze';
import { buildReport } from '../../src/engine/buildReport';
import { driveSteps } from '../../src/engine/driveSteps';
import { movementMethod } from '../../src/engine/methods/movementMethod';
import { rfmMethod } from '../../src/engine/methods/rfmMethod';
import { parseSales } from '../../src/engine/parseSales';
import { rowsOfRoster } from '../../src/engine/rowsOfRoster';
import * as salesTotals from '../../src/engine/salesAt';
import * as valueModel from '../../src/engine/valueModel/runValueModel';
import type { ValueModelJob, ValueModelRun } from '../../src/engine/valueModel/runValueModel';
import type { AnalysisSettings } from '../../src/engine/types';
import { cdnowCsvText } from '../helpers/cdnowCsv';
import { basicSales, parseCsvRows, settingsWith, tableInput, type RowTable } from '../helpers/tables';

const retailCsv = parseCsvRows(
  readFileSync(path.resolve(__dirname, '../../../shared/data/online_retail_2010-12.csv'), 'utf8'),
);
const cdnowCsv = parseCsvRows(cdnowCsvText());
const tableOf = (csv: (string | null)[][]): RowTable => ({
  headers: (csv[0] ?? []).map((h) => h ?? ''),
  rows: csv.slice(1),
});

const inputOf = (sales: RowTable, settings: Partial<AnalysisSettings> = {}): AnalysisInput => ({
  sales: tableInput(sales),
  customers: null,
  visits: null,
  date1904: false,
  settings: settingsWith(settings),
});

const events: string[] = [];

/** A fitter like the worker's: the job goes over by structured clone, the run comes back the same way, later. */
async function elsewhere(job: ValueModelJob): Promise<ValueModelRun> {
  events.push('fit started');
  const copy = structuredClone(job);
  await new Promise((resolve) => setImmediate(resolve));
  return structuredClone(valueModel.runValueModel(copy.rows, copy.customerCount, copy.asOf, copy.settings));
}

const driven = (input: AnalysisInput): Promise<AnalysisResult> => driveSteps(analysisSteps(input), elsewhere);

/** The bytes of a typed array (bit-identical, NaN and −0 included). */
const bytesOf = (values: Float64Array | Int32Array | undefined): Buffer =>
  values === undefined ? Buffer.alloc(0) : Buffer.from(values.buffer, values.byteOffset, values.byteLength);

async function expectSameAsAnalyze(input: AnalysisInput): Promise<AnalysisResult> {
  const plain = analyze(input);
  const stepped = await driven(input);
  expect(stepped.outputs).toEqual(plain.outputs);
  expect(stepped.notes).toEqual(plain.notes);
  expect(Object.keys(stepped.outputs)).toEqual(Object.keys(plain.outputs));
  expect(JSON.stringify(buildReport(stepped))).toBe(JSON.stringify(buildReport(plain)));
  const [a, b] = [stepped.outputs.valueModel.fit.predictions, plain.outputs.valueModel.fit.predictions];
  for (const key of ['pAlive', 'expectedPurchases', 'expectedOrderValue', 'predictedValue'] as const)
    expect(bytesOf(a?.[key]).equals(bytesOf(b?.[key]))).toBe(true);
  return plain;
}

afterEach(() => {
  jest.restoreAllMocks();
  events.length = 0;
});

describe('the analysis driven in steps equals analyze', () => {
  test('Online Retail, December 2010 (with a comparison and churn from the model)', async () => {
    const plain = await expectSameAsAnalyze(
      inputOf(tableOf(retailCsv), { compareMonths: 1, churnFrom: 'model' }),
    );
    expect(plain.outputs.valueModel.fit.valueModel).not.toBeNull();
    expect(plain.outputs.movement).not.toBeNull();
  });

  test('CDNOW sample as of 1997-09-30, and with its defaults', async () => {
    const plain = await expectSameAsAnalyze(inputOf(tableOf(cdnowCsv), { asOf: '1997-09-30' }));
    expect(plain.outputs.valueModel.holdout?.rows.length).toBeGreaterThan(0);
    await expectSameAsAnalyze(inputOf(tableOf(cdnowCsv)));
  });

  test('too few customers for a fit: no model, the churn note from the gap rule', async () => {
    const sales = basicSales([
      ['A', '2024-01-05', 10],
      ['B', '2024-02-05', 20],
    ]);
    const plain = await expectSameAsAnalyze(inputOf(sales, { churnFrom: 'model' }));
    expect(plain.outputs.valueModel.fit.valueModel).toBeNull();
    expect(plain.notes.map((note) => note.code)).toContain('churnWithoutModel');
  });

  test("notes stay in registry order: churn's (after the fit) before one movement adds (run before the fit)", async () => {
    const compute = movementMethod.compute.bind(movementMethod);
    jest.spyOn(movementMethod, 'compute').mockImplementation((input) => {
      input.note({ sheet: null, row: null, column: null, message: 'from movement', code: 'noProfitColumn' });
      return compute(input);
    });
    const sales = basicSales([
      ['A', '2024-01-05', 10],
      ['B', '2024-02-05', 20],
    ]);
    const plain = await expectSameAsAnalyze(inputOf(sales, { churnFrom: 'model' }));
    const messages = plain.notes.map((note) => note.message);
    const churn = plain.notes.findIndex((note) => note.code === 'churnWithoutModel');
    expect(churn).toBeGreaterThanOrEqual(0);
    expect(messages.indexOf('from movement')).toBeGreaterThan(churn);
  });

  test('the fit is started before movement runs, and awaited after it', async () => {
    const compute = movementMethod.compute.bind(movementMethod);
    jest.spyOn(movementMethod, 'compute').mockImplementation((input) => {
      events.push('movement');
      return compute(input);
    });
    await driven(inputOf(tableOf(cdnowCsv)));
    expect(events).toEqual(['fit started', 'movement']);
  });
});

describe('driveSteps tells the driver when the analysis waits for the fit', () => {
  test('once, after the methods that do not need the value model', async () => {
    const compute = movementMethod.compute.bind(movementMethod);
    jest.spyOn(movementMethod, 'compute').mockImplementation((input) => {
      events.push('movement');
      return compute(input);
    });
    const input = inputOf(tableOf(cdnowCsv));
    const result = await driveSteps(analysisSteps(input), elsewhere, () => events.push('waiting'));
    expect(events).toEqual(['fit started', 'movement', 'waiting']);
    expect(JSON.stringify(buildReport(result))).toBe(JSON.stringify(buildReport(analyze(input))));
  });
});

describe('errors are those of analyze', () => {
  const input = (): AnalysisInput => inputOf(tableOf(cdnowCsv));
  const failing = (message: string) => () => {
    throw new Error(message);
  };

  test('the value model throws: the same error, from either', async () => {
    jest.spyOn(valueModel, 'runValueModel').mockImplementation(failing('fit failed'));
    expect(() => analyze(input())).toThrow('fit failed');
    await expect(driven(input())).rejects.toThrow('fit failed');
  });

  test('the value model and movement (after it in the registry) throw: the value model error wins', async () => {
    jest.spyOn(valueModel, 'runValueModel').mockImplementation(failing('fit failed'));
    jest.spyOn(movementMethod, 'compute').mockImplementation(failing('movement failed'));
    expect(() => analyze(input())).toThrow('fit failed');
    await expect(driven(input())).rejects.toThrow('fit failed');
  });

  test('movement alone throws: its error, once the value model is fitted', async () => {
    jest.spyOn(movementMethod, 'compute').mockImplementation(failing('movement failed'));
    expect(() => analyze(input())).toThrow('movement failed');
    await expect(driven(input())).rejects.toThrow('movement failed');
  });

  test('RFM (before the value model) and the value model throw: the RFM error wins', async () => {
    jest.spyOn(valueModel, 'runValueModel').mockImplementation(failing('fit failed'));
    jest.spyOn(rfmMethod, 'compute').mockImplementation(failing('rfm failed'));
    expect(() => analyze(input())).toThrow('rfm failed');
    await expect(driven(input())).rejects.toThrow('rfm failed');
  });

  test('a bad setting and no usable rows: the same AnalysisError', async () => {
    const none = inputOf(basicSales([['A', 'not a date', 10]]));
    expect(() => analyze(none)).toThrow(/./u);
    const message = (() => {
      try {
        analyze(none);
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    })();
    await expect(driven(none)).rejects.toThrow(message);
  });
});

describe('the value model job starts as soon as the rows are read, when it can', () => {
  /** The steps' job, and whether the sales were added up (`addUpSales`) before it was started. */
  function firstJob(input: AnalysisInput): { job: ValueModelJob; addedUpBefore: boolean } {
    const addUp = jest.spyOn(salesTotals, 'addUpSales');
    const steps = analysisSteps(input);
    const next = steps.next();
    if (next.done === true || next.value.kind !== 'startValueModel') throw new Error('no job first');
    const step = next.value;
    const addedUpBefore = addUp.mock.calls.length > 0;
    addUp.mockRestore();
    return { job: step.job, addedUpBefore };
  }

  /** The job the run's value model method would start, from what `analyze` gives. */
  function expectedJob(input: AnalysisInput): ValueModelJob {
    const result = analyze(input);
    const options = { date1904: input.date1904, dateOrder: input.settings.dateOrder };
    const parsed = parseSales(input.sales.table, input.sales.mapping, options, null, true);
    const { valueHorizonDays, valueMonthlyDiscount, valueHoldoutStart } = input.settings;
    return {
      rows: rowsOfRoster(parsed, result.roster.ids),
      customerCount: result.roster.count,
      asOf: result.asOf,
      settings: { valueHorizonDays, valueMonthlyDiscount, valueHoldoutStart },
    };
  }

  const sales = basicSales([
    ['B', '2024-01-05', 10],
    ['A', '2024-02-05', 20],
    ['C', '2024-03-05', 5],
    ['A', '2024-03-20', -4],
    ['B', '2024-04-01', 0],
    ['D', '2024-05-01', 12],
  ]);

  test('customers of the sales alone, as of the last sale: before the sales are added up, the same job', () => {
    for (const input of [
      inputOf(sales),
      inputOf(sales, { asOf: '2024-06-30' }),
      inputOf(sales, { windowMonths: 2 }),
      inputOf(tableOf(cdnowCsv)),
    ]) {
      const { job, addedUpBefore } = firstJob(input);
      expect(addedUpBefore).toBe(false);
      expect(job).toEqual(expectedJob(input));
    }
  });

  test('an as-of date before the last sale, or a customers table: after, the same job', () => {
    const customers = tableInput(
      {
        headers: ['Customer ID', 'Name'],
        rows: [
          ['D', 'Dee'],
          ['Z', 'Zed'],
        ],
      },
      'Customers',
    );
    const earlier = inputOf(sales, { asOf: '2024-03-10' });
    const listed: AnalysisInput = { ...inputOf(sales), customers };
    for (const input of [earlier, listed]) {
      const { job, addedUpBefore } = firstJob(input);
      expect(addedUpBefore).toBe(true);
      expect(job).toEqual(expectedJob(input));
    }
    // As of 2024-03-10, D (first sale after it) is no customer of the run: 3 customers, not 4.
    expect(firstJob(earlier).job.customerCount).toBe(3);
    expect(firstJob(listed).job.customerCount).toBe(5);
  });

  test('either way the analysis driven in steps equals analyze', async () => {
    await expectSameAsAnalyze(inputOf(sales));
    await expectSameAsAnalyze(inputOf(sales, { asOf: '2024-03-10' }));
  });
});
