import type { AnalysisInput } from '../../src/engine/analyze';
import { computeAnalysis } from '../../src/engine/computeAnalysis';
import { resolveSettings } from '../../src/engine/defaultSettings';
import type { WorkerRequest, WorkerResponse } from '../../src/taskpane/worker/workerMessages';

// The analysis worker's entry runs computeAnalysis itself (no copy of its steps): what it answers is
// what computeAnalysis returns in this thread, after a `building` message.

interface FakeScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage: (response: WorkerResponse) => void;
}

const headers = ['Customer ID', 'Order Date', 'Sales'];
const rows: [string, number, number][] = [
  ['C1', 45_300, 120],
  ['C2', 45_330, 80],
  ['C1', 45_360, 60],
  ['C3', 45_390, 300],
  ['C4', 45_391, -5],
];

function input(): AnalysisInput {
  return {
    sales: {
      table: {
        sheet: 'Sales',
        tableName: null,
        headerRow: 1,
        firstColumn: 1,
        headers,
        rowCount: rows.length,
        columns: headers.map((_, c) => rows.map((row) => row[c] ?? null)),
      },
      mapping: { customerId: 0, date: 1, amount: 2 },
    },
    customers: null,
    visits: null,
    date1904: false,
    settings: resolveSettings({ asOf: '2024-12-31' }),
  };
}

async function loadWorker(): Promise<{ scope: FakeScope; sent: WorkerResponse[] }> {
  const sent: WorkerResponse[] = [];
  const scope: FakeScope = { onmessage: null, postMessage: (response) => sent.push(response) };
  (globalThis as unknown as { self: FakeScope }).self = scope;
  await jest.isolateModulesAsync(async () => {
    await import('../../src/taskpane/worker/analysisWorker');
  });
  return { scope, sent };
}

afterEach(() => {
  delete (globalThis as unknown as { self?: FakeScope }).self;
});

test('answers building, then what computeAnalysis returns', async () => {
  const { scope, sent } = await loadWorker();
  scope.onmessage?.({ data: { input: input() } } as MessageEvent<WorkerRequest>);
  expect(sent.map((response) => response.kind)).toEqual(['building', 'done']);
  const done = sent[1];
  if (done?.kind !== 'done') throw new Error('no result');
  expect(JSON.parse(JSON.stringify(done.computed))).toEqual(
    JSON.parse(JSON.stringify(computeAnalysis(input()))),
  );
});

test('an engine error comes back with its code', async () => {
  const { scope, sent } = await loadWorker();
  const bad = input();
  bad.sales.table.columns = headers.map(() => rows.map(() => null));
  scope.onmessage?.({ data: { input: bad } } as MessageEvent<WorkerRequest>);
  expect(sent).toEqual([{ kind: 'failed', code: 'NO_USABLE_ROWS', message: expect.any(String) as string }]);
});
