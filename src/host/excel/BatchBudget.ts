/**
 * Groups queued Office.js commands into batches that stay under a request-size budget: call
 * {@link reserve} with a command's approximate size before queuing it; it syncs first when the command
 * would overflow the batch. `beforeSync` runs before every sync (to suspend screen updating and
 * calculation, which last only until the next sync).
 */
export class BatchBudget {
  private bytes = 0;
  /** Syncs this budget made. */
  syncs = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    readonly limitBytes: number,
    private readonly beforeSync: () => void,
  ) {}

  async reserve(bytes: number): Promise<void> {
    if (this.bytes > 0 && this.bytes + bytes > this.limitBytes) await this.flush();
    this.bytes += bytes;
  }

  /** Sends what is queued (always syncs, so pending loads resolve). */
  async flush(): Promise<void> {
    this.beforeSync();
    this.syncs++;
    await this.context.sync();
    this.bytes = 0;
  }
}
