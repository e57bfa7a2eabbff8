import { FakeOfficeError } from './FakeOfficeError';
import { jsonBytes } from './jsonBytes';
import { payloadLimitBytes, type FakeWorkbook, type SyncRecord } from './FakeWorkbook';
import { FakeRuntime, FakeWorkbookProxy } from './FakeWorkbookProxy';

/** One queued command of a batch. */
export interface QueuedOp {
  /** Bytes the command adds to the request payload (its JSON). */
  bytes: number;
  /** Runs the command; returns how many cells it set (values, formulas or number formats), if any. */
  apply(): unknown;
}

/**
 * The fake `Excel.RequestContext`: proxies queue commands here; `sync()` sends them as one batch. Like
 * Excel, a batch whose request JSON exceeds 5 MB is refused before anything runs
 * (`RequestPayloadSizeLimitExceeded`); a batch runs its commands in order and stops at the first error,
 * earlier commands staying applied (or, with the workbook's `batchMode` `transactional`, all undone); a
 * response over 5 MB fails with `ResponsePayloadSizeLimitExceeded` after the batch ran.
 */
export class FakeRequestContext {
  readonly workbook: FakeWorkbookProxy;
  readonly runtime: FakeRuntime;
  private queue: QueuedOp[] = [];
  private responseBytes = 0;
  /** Set by `suspendScreenUpdatingUntilNextSync` / `suspendApiCalculationUntilNextSync`. */
  screenUpdatingSuspended = false;
  calculationSuspended = false;

  constructor(
    readonly model: FakeWorkbook,
    private readonly delayForCellEdit: boolean,
  ) {
    this.workbook = new FakeWorkbookProxy(this);
    this.runtime = new FakeRuntime(this);
  }

  enqueue(op: QueuedOp): void {
    this.queue.push(op);
  }

  /** Called by loads while a batch runs. */
  addResponse(value: unknown): void {
    this.responseBytes += jsonBytes(value);
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const model = this.model;
    const batch = this.queue;
    this.queue = [];
    this.responseBytes = 0;
    model.stats.syncs++;
    const syncNumber = model.stats.syncs;
    const requestBytes = batch.reduce((sum, op) => sum + op.bytes, 0) + 64;
    const record: SyncRecord = {
      requestBytes,
      ops: batch.length,
      responseBytes: 0,
      cellsWritten: 0,
      cellsWrittenWithEventsEnabled: 0,
      eventsEnabled: model.eventsEnabled,
      screenUpdatingSuspended: this.screenUpdatingSuspended,
      calculationSuspended: this.calculationSuspended,
      calculationMode: model.calculationMode,
      failed: null,
    };
    this.screenUpdatingSuspended = false;
    this.calculationSuspended = false;
    model.stats.log.push(record);
    model.stats.totalRequestBytes += requestBytes;
    model.stats.largestRequestBytes = Math.max(model.stats.largestRequestBytes, requestBytes);
    await Promise.resolve();
    const rollback = model.batchMode === 'transactional' ? model.checkpoint() : null;
    const fail = (error: FakeOfficeError): never => {
      record.failed = error.code;
      rollback?.();
      throw error;
    };
    if (model.cellEditMode) {
      if (!this.delayForCellEdit) {
        fail(new FakeOfficeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.'));
      }
      model.cellEditMode = false;
      model.delayedRuns++;
    }
    if (requestBytes > payloadLimitBytes) {
      fail(
        new FakeOfficeError(
          'RequestPayloadSizeLimitExceeded',
          `The request payload size (${requestBytes} bytes) has exceeded the limit.`,
        ),
      );
    }
    const injected = model.failures.find((f) => f.atSync === syncNumber);
    const stopAt = injected === undefined ? batch.length : Math.min(injected.afterOps, batch.length);
    for (let i = 0; i < stopAt; i++) {
      const op = batch[i];
      if (op === undefined) continue;
      try {
        const applied = op.apply();
        const cells = typeof applied === 'number' ? applied : 0;
        record.cellsWritten += cells;
        if (model.eventsEnabled) record.cellsWrittenWithEventsEnabled += cells;
      } catch (error) {
        if (error instanceof FakeOfficeError) fail(error);
        throw error;
      }
    }
    if (injected !== undefined)
      fail(new FakeOfficeError(injected.code, `Injected failure at sync ${syncNumber}.`));
    record.responseBytes = this.responseBytes;
    model.stats.totalResponseBytes += this.responseBytes;
    model.stats.largestResponseBytes = Math.max(model.stats.largestResponseBytes, this.responseBytes);
    if (this.responseBytes > payloadLimitBytes) {
      fail(
        new FakeOfficeError(
          'ResponsePayloadSizeLimitExceeded',
          `The response payload size (${this.responseBytes} bytes) has exceeded the limit.`,
        ),
      );
    }
  }
}
