import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AnalysisError } from '../../src/engine/errors';
import { runAnalysis } from '../../src/host/runAnalysis';
import { FileWorkbookHost } from '../../src/host/file/FileWorkbookHost';
import { createFileWorkerOpener } from '../../src/taskpane/worker/createFileWorkerOpener';
import type { FileRequest, FileResponse } from '../../src/taskpane/worker/fileWorkerMessages';
import { handleFileCall, type FileWorkerState } from '../../src/taskpane/worker/handleFileCall';
import { encodeGb18030 } from './encodeGb18030';

/**
 * The browser's Worker, run in this process: messages go through structured cloning (as between threads)
 * to the real handler of the file worker, so the page side and the worker side are tested together.
 */
class InProcessWorker {
  static made: InProcessWorker[] = [];
  onmessage: ((event: MessageEvent<FileResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  private readonly state: FileWorkerState = { host: null };
  private queue: Promise<void> = Promise.resolve();
  constructor(readonly url: string) {
    InProcessWorker.made.push(this);
  }
  postMessage(message: FileRequest): void {
    const request = structuredClone(message);
    this.queue = this.queue.then(() =>
      handleFileCall(this.state, request, (response) => {
        if (!this.terminated)
          this.onmessage?.({ data: structuredClone(response) } as MessageEvent<FileResponse>);
      }),
    );
  }
  terminate(): void {
    this.terminated = true;
  }
}

beforeEach(() => {
  InProcessWorker.made = [];
  (globalThis as unknown as { Worker: unknown }).Worker = InProcessWorker;
});

const data = path.resolve(__dirname, '..', '..', '..', 'shared', 'data');

test('an .xlsx opened in the file worker analyses and writes like the file host on this thread', async () => {
  const bytes = readFileSync(path.join(data, 'superstore.xlsx'));
  const opener = createFileWorkerOpener('fileWorker.js');
  const host = await opener.openFile(new File([bytes], 'superstore.xlsx'));
  expect(InProcessWorker.made.map((w) => w.url)).toEqual(['fileWorker.js']);
  const progress: number[] = [];
  const inWorker = await runAnalysis(host, {}, { onStage: (_stage, fraction) => progress.push(fraction) });
  const direct = await runAnalysis(
    await FileWorkbookHost.fromXlsx(bytes, 'superstore.xlsx'),
    {},
    { write: false },
  );
  expect(inWorker.result.customers.map((c) => c.pyramidTier)).toEqual(
    direct.result.customers.map((c) => c.pyramidTier),
  );
  expect(inWorker.summary?.sheetNames).toEqual(expect.arrayContaining(['Pyramid', 'SVCD matrix']));
  const saved = await host.download!('en');
  expect(saved.fileName).toBe('superstore (analysis).xlsx');
  expect(String.fromCharCode(saved.bytes[0]!, saved.bytes[1]!)).toBe('PK');
  host.dispose?.();
  expect(InProcessWorker.made[0]!.terminated).toBe(true);
}, 120_000);

test('a GB18030 CSV is decoded in the worker; errors come back with their code', async () => {
  const opener = createFileWorkerOpener('fileWorker.js');
  const csv = encodeGb18030('客户编号,日期,金额\r\nC1,2024-01-05,100\r\nC2,2024-02-05,200\r\n');
  const host = await opener.openFile(new File([csv.slice().buffer], '销售.csv'));
  const info = await host.inspect();
  expect(info.tables[0]!.headers).toEqual(['客户编号', '日期', '金额']);
  const run = await runAnalysis(host, { language: 'zh-CN' });
  expect(run.result.customers.map((c) => c.id)).toEqual(['C1', 'C2']);
  expect((await host.download!('zh-CN')).fileName).toBe('销售（分析）.xlsx');
  const broken = opener.openFile(new File([new Uint8Array([1, 2, 3])], 'broken.xlsx'));
  await expect(broken).rejects.toThrow(/could not be read as an \.xlsx/);
  const badSetting = runAnalysis(host, { abcCut: 7 });
  await expect(badSetting).rejects.toBeInstanceOf(AnalysisError);
});

test('the sample workbook is built in a worker, which then ends', async () => {
  const file = await createFileWorkerOpener('fileWorker.js').sampleFile('zh-CN');
  expect(file.name).toBe('示例工作簿.xlsx');
  expect(file.size).toBeGreaterThan(1000);
  expect(InProcessWorker.made.every((w) => w.terminated)).toBe(true);
});
