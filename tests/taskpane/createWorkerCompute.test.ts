import { AnalysisError } from '../../src/engine/errors';
import type { AnalysisInput } from '../../src/engine/analyze';
import type { ComputedAnalysis } from '../../src/engine/computeAnalysis';
import { createWorkerCompute, type ComputeFactory } from '../../src/taskpane/worker/createWorkerCompute';
import type { WorkerResponse } from '../../src/taskpane/worker/workerMessages';

/** A stand-in for the browser's Worker: records what it was sent and lets the test answer. */
class FakeWorker {
  static made: FakeWorker[] = [];
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  sent: unknown[] = [];
  terminated = false;
  constructor(readonly url: string) {
    FakeWorker.made.push(this);
  }
  postMessage(message: unknown): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(response: WorkerResponse): void {
    this.onmessage?.({ data: response } as MessageEvent<WorkerResponse>);
  }
  crash(message: string): void {
    this.onerror?.({ message } as ErrorEvent);
  }
}

const input = { settings: {} } as unknown as AnalysisInput;
const computed = { columns: [], baseColumns: [], sheets: [] } as unknown as ComputedAnalysis;

beforeEach(() => {
  // Fake timers: the kept worker's idle timer must not outlive a test.
  jest.useFakeTimers();
  FakeWorker.made = [];
  (globalThis as unknown as { Worker: unknown }).Worker = FakeWorker;
});

afterEach(() => {
  jest.useRealTimers();
});

const run = (factory: ComputeFactory, signal = new AbortController().signal): Promise<ComputedAnalysis> =>
  factory(signal, () => undefined)(input);

/** The worker made `index`-th, which must exist. */
function made(index: number): FakeWorker {
  const worker = FakeWorker.made[index];
  if (worker === undefined) throw new Error(`No worker ${index} was made (${FakeWorker.made.length}).`);
  return worker;
}

test('posts the input to a worker, reports building, resolves with the result and keeps the worker', async () => {
  let building = 0;
  const compute = createWorkerCompute('analysisWorker.js')(new AbortController().signal, () => {
    building++;
  });
  const pending = compute(input);
  const worker = made(0);
  expect(worker.url).toBe('analysisWorker.js');
  expect(worker.sent).toEqual([{ input }]);
  worker.answer({ kind: 'building' });
  expect(building).toBe(1);
  worker.answer({ kind: 'done', computed });
  await expect(pending).resolves.toBe(computed);
  expect(worker.terminated).toBe(false);
});

test('two runs one after the other use one worker', async () => {
  const factory = createWorkerCompute('w.js');
  const first = run(factory);
  made(0).answer({ kind: 'done', computed });
  await first;
  const second = run(factory);
  expect(FakeWorker.made).toHaveLength(1);
  expect(made(0).sent).toEqual([{ input }, { input }]);
  made(0).answer({ kind: 'done', computed });
  await expect(second).resolves.toBe(computed);
});

test('engine errors come back as AnalysisError with their code and keep the worker; other failures drop it', async () => {
  const factory = createWorkerCompute('w.js');
  const first = run(factory);
  made(0).answer({ kind: 'failed', code: 'NO_USABLE_ROWS', message: 'No usable row.' });
  await expect(first).rejects.toMatchObject({
    name: 'AnalysisError',
    code: 'NO_USABLE_ROWS',
    message: 'No usable row.',
  });
  expect(made(0).terminated).toBe(false);
  const second = run(factory);
  expect(FakeWorker.made).toHaveLength(1);
  made(0).answer({ kind: 'failed', code: null, message: 'out of memory' });
  await expect(second).rejects.toThrow('out of memory');
  await expect(second).rejects.not.toBeInstanceOf(AnalysisError);
  expect(made(0).terminated).toBe(true);
  const third = run(factory);
  expect(FakeWorker.made).toHaveLength(2);
  made(1).answer({ kind: 'done', computed });
  await expect(third).resolves.toBe(computed);
});

test('cancelling terminates the worker at once and rejects with CANCELLED; the next run gets a fresh worker', async () => {
  const factory = createWorkerCompute('w.js');
  const warm = run(factory);
  made(0).answer({ kind: 'done', computed });
  await warm;
  const controller = new AbortController();
  const pending = run(factory, controller.signal);
  expect(FakeWorker.made).toHaveLength(1);
  controller.abort();
  await expect(pending).rejects.toMatchObject({ code: 'CANCELLED' });
  expect(made(0).terminated).toBe(true);
  // A late answer of the terminated worker (already on its way) changes nothing.
  made(0).answer({ kind: 'done', computed });
  const next = run(factory);
  expect(FakeWorker.made).toHaveLength(2);
  expect(made(1).sent).toEqual([{ input }]);
  made(1).answer({ kind: 'done', computed });
  await expect(next).resolves.toBe(computed);
});

test('a worker that crashes is dropped and the next run gets a fresh one', async () => {
  const factory = createWorkerCompute('w.js');
  const pending = run(factory);
  made(0).crash('script error');
  await expect(pending).rejects.toThrow('The analysis worker failed: script error');
  expect(made(0).terminated).toBe(true);
  const next = run(factory);
  expect(FakeWorker.made).toHaveLength(2);
  made(1).answer({ kind: 'done', computed });
  await expect(next).resolves.toBe(computed);
});

test('two runs at once each get a worker; one is kept afterwards', async () => {
  const factory = createWorkerCompute('w.js');
  const first = run(factory);
  const second = run(factory);
  expect(FakeWorker.made).toHaveLength(2);
  made(0).answer({ kind: 'done', computed });
  made(1).answer({ kind: 'done', computed });
  await Promise.all([first, second]);
  expect(FakeWorker.made.map((worker) => worker.terminated)).toEqual([false, true]);
  const third = run(factory);
  expect(FakeWorker.made).toHaveLength(2);
  expect(made(0).sent).toHaveLength(2);
  made(0).answer({ kind: 'done', computed });
  await expect(third).resolves.toBe(computed);
});

test('an idle worker is ended after keepIdleMs', async () => {
  const factory = createWorkerCompute('w.js', { keepIdleMs: 1_000 });
  const first = run(factory);
  made(0).answer({ kind: 'done', computed });
  await first;
  jest.advanceTimersByTime(999);
  expect(made(0).terminated).toBe(false);
  const second = run(factory);
  made(0).answer({ kind: 'done', computed });
  await second;
  // The idle time counts from the end of the last run.
  jest.advanceTimersByTime(999);
  expect(made(0).terminated).toBe(false);
  jest.advanceTimersByTime(1);
  expect(made(0).terminated).toBe(true);
  const third = run(factory);
  expect(FakeWorker.made).toHaveLength(2);
  made(1).answer({ kind: 'done', computed });
  await expect(third).resolves.toBe(computed);
});

test('an already cancelled run starts no worker', async () => {
  const controller = new AbortController();
  controller.abort();
  await expect(createWorkerCompute('w.js')(controller.signal, () => undefined)(input)).rejects.toMatchObject({
    code: 'CANCELLED',
  });
  expect(FakeWorker.made).toHaveLength(0);
});
