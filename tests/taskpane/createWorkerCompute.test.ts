import { AnalysisError } from '../../src/engine/errors';
import type { AnalysisInput } from '../../src/engine/analyze';
import type { ComputedAnalysis } from '../../src/engine/computeAnalysis';
import { createWorkerCompute } from '../../src/taskpane/worker/createWorkerCompute';
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
}

const input = { settings: {} } as unknown as AnalysisInput;
const computed = { columns: [], baseColumns: [], sheets: [] } as unknown as ComputedAnalysis;

beforeEach(() => {
  FakeWorker.made = [];
  (globalThis as unknown as { Worker: unknown }).Worker = FakeWorker;
});

test('posts the input to a fresh worker, reports building, resolves with the result and terminates the worker', async () => {
  let building = 0;
  const compute = createWorkerCompute('analysisWorker.js')(new AbortController().signal, () => {
    building++;
  });
  const pending = compute(input);
  const worker = FakeWorker.made[0]!;
  expect(worker.url).toBe('analysisWorker.js');
  expect(worker.sent).toEqual([{ input }]);
  worker.answer({ kind: 'building' });
  expect(building).toBe(1);
  expect(worker.terminated).toBe(false);
  worker.answer({ kind: 'done', computed });
  await expect(pending).resolves.toBe(computed);
  expect(worker.terminated).toBe(true);
});

test('engine errors come back as AnalysisError with their code; other failures as plain errors', async () => {
  const factory = createWorkerCompute('w.js');
  const first = factory(new AbortController().signal, () => undefined)(input);
  FakeWorker.made[0]!.answer({ kind: 'failed', code: 'NO_USABLE_ROWS', message: 'No usable row.' });
  await expect(first).rejects.toMatchObject({
    name: 'AnalysisError',
    code: 'NO_USABLE_ROWS',
    message: 'No usable row.',
  });
  const second = factory(new AbortController().signal, () => undefined)(input);
  FakeWorker.made[1]!.answer({ kind: 'failed', code: null, message: 'out of memory' });
  await expect(second).rejects.toThrow('out of memory');
  await expect(second).rejects.not.toBeInstanceOf(AnalysisError);
});

test('cancelling terminates the worker at once and rejects with CANCELLED', async () => {
  const controller = new AbortController();
  const pending = createWorkerCompute('w.js')(controller.signal, () => undefined)(input);
  controller.abort();
  await expect(pending).rejects.toMatchObject({ code: 'CANCELLED' });
  expect(FakeWorker.made[0]!.terminated).toBe(true);
});

test('an already cancelled run starts no worker', async () => {
  const controller = new AbortController();
  controller.abort();
  await expect(createWorkerCompute('w.js')(controller.signal, () => undefined)(input)).rejects.toMatchObject({
    code: 'CANCELLED',
  });
  expect(FakeWorker.made).toHaveLength(0);
});
