import { AnalysisError } from '../../engine/errors';
import type { RawCell, SourceTable } from '../../engine/types';
import type { SampleWorkbook } from '../../sample/buildSampleWorkbook';
import { excelGrid } from '../excelGrid';
import type { ProgressCallback, WorkbookHost, WorkbookInfo, WritePlan, WriteSummary } from '../WorkbookHost';
import { ExcelHostError } from './ExcelHostError';
import { excelApiSupported } from './excelApiSupported';
import type { ExcelRun } from './ExcelRun';
import type { LastRun } from './HostState';
import { HostStateSheet } from './HostStateSheet';
import { insertSampleSheets } from './insertSampleSheets';
import { inspectWorkbook } from './inspectWorkbook';
import { firstReadChunkRows, readTableColumns } from './readTableColumns';
import { undoRun } from './undoRun';
import { writeRun, type RunProgress } from './writeRun';

/** Options of {@link ExcelWorkbookHost}. */
export interface ExcelWorkbookHostOptions {
  /** How batches start; default the Office.js global `Excel.run`. Tests pass a fake. */
  run?: ExcelRun;
  /** Rows per read request at first (halved on payload errors); default 5,000. */
  readChunkRows?: number;
  /** Largest write request in bytes; default {@link defaultWriteBudgetBytes}. */
  writeBudgetBytes?: number;
}

/**
 * Largest write request by default: 2 MB, well under Excel's 5 MB limit, and small enough that building and
 * sending one request takes well under a quarter of a second, so the pane's progress keeps moving.
 */
export const defaultWriteBudgetBytes = 2 * 1024 * 1024;

/** What a failed write that left the workbook as it was says. */
const nothingChanged = 'Nothing was changed: your data and the previous results are as they were.';

/** Batches tried to turn events back on after a failed write. */
const enableEventsAttempts = 3;

const defaultRun: ExcelRun = (options, batch) => Excel.run(options, batch);

/**
 * Options of every batch: wait while the user edits a cell (`delayForCellEdit`, ExcelApi 1.11) where Excel
 * supports it; without it a batch that meets a cell being edited fails with a sentence saying so.
 */
function runOptions(): { delayForCellEdit?: boolean } {
  return excelApiSupported('1.11') ? { delayForCellEdit: true } : {};
}

/** The undo record saved in the workbook, or null when there is none. */
async function readLastRun(context: Excel.RequestContext): Promise<LastRun | null> {
  const stateSheet = context.workbook.worksheets
    .getItemOrNullObject(HostStateSheet.sheetName)
    .load('isNullObject');
  await context.sync();
  const range = stateSheet.isNullObject ? null : HostStateSheet.queueRead(stateSheet);
  if (range !== null) await context.sync();
  return HostStateSheet.parse(range, []).lastRun;
}

/** A failure while only reading: the workbook was not changed, and the message says so. */
function readFailure(error: unknown): Error {
  if (error instanceof AnalysisError) return error;
  const wrapped = ExcelHostError.from(error);
  return /nothing was (changed|written)/iu.test(wrapped.message)
    ? wrapped
    : ExcelHostError.from(wrapped, 'Nothing was changed.');
}

/**
 * The workbook open in Excel, through Office.js: finds the customers, sales and visits tables, reads
 * their columns in chunks, and writes the customer columns and summary sheets safely:
 * - one `Excel.run` per operation, with `delayForCellEdit` (where Excel has it) so a cell being edited makes Excel wait
 *   instead of failing;
 * - loads only what it reads, one sync per chunk of rows (never per row), requests under 2 MB;
 * - checks read-only state and sheet and workbook protection before changing anything, and says what to do;
 * - writes only into cells it created, recognised by markers kept in a very hidden sheet (a user column
 *   with a clashing header gives ours a suffixed name, e.g. `SVCD segment (2)`), text as text, ids as
 *   text, dates as serials of the workbook's date system with a date format;
 * - keeps the previous content of everything it changes, so a failed run is rolled back and
 *   {@link undoLastRun} restores the state before the last run.
 *
 * Errors are {@link ExcelHostError}s whose message a user can act on.
 *
 * @example const host = new ExcelWorkbookHost(); const info = await host.inspect();
 */
export class ExcelWorkbookHost implements WorkbookHost {
  private readonly run: ExcelRun;
  private readonly readChunkRows: number;
  private readonly writeBudgetBytes: number;

  constructor(options: ExcelWorkbookHostOptions = {}) {
    this.run = options.run ?? defaultRun;
    this.readChunkRows = options.readChunkRows ?? firstReadChunkRows;
    this.writeBudgetBytes = options.writeBudgetBytes ?? defaultWriteBudgetBytes;
  }

  /**
   * Excel tables first, then plain ranges found by their header rows; the date system; saved settings.
   * Also turns events back on, in case an earlier write failed so badly it could not (a run starts here).
   */
  async inspect(): Promise<WorkbookInfo> {
    try {
      return await this.run(runOptions(), async (context) => {
        context.runtime.enableEvents = true;
        return (await inspectWorkbook(context)).info;
      });
    } catch (error) {
      throw readFailure(error);
    }
  }

  /** Reads columns of a table in chunks of rows (see `readTableColumns`). */
  async readColumns(
    table: SourceTable,
    columns: readonly number[],
    progress?: ProgressCallback,
  ): Promise<RawCell[][]> {
    try {
      return await this.run(runOptions(), (context) =>
        readTableColumns(context, table, columns, progress, this.readChunkRows),
      );
    } catch (error) {
      throw readFailure(error);
    }
  }

  /**
   * Writes one run's output. On failure part-way, rolls back to the state before the run (the user's data
   * is never written to); if even that fails, {@link undoLastRun} can restore it later.
   */
  async write(plan: WritePlan, progress?: ProgressCallback): Promise<WriteSummary> {
    excelGrid.checkPlan(plan);
    const state: RunProgress = { pending: null, record: null };
    try {
      return await this.run(runOptions(), (context) =>
        writeRun(context, plan, this.writeBudgetBytes, state, progress),
      );
    } catch (error) {
      // Saved: roll back everything. Only pending: the batch saving it failed, and at most the renaming of
      // our replaced sheets that followed the record in that batch happened; put those back alone.
      const pending = state.pending;
      const rollback =
        state.record ??
        (pending === null ? null : { ...pending, createdColumns: [], updatedColumns: [], createdSheets: [] });
      if (rollback === null) {
        await this.enableEvents();
        // Our own refusals (an output past the grid) already say that nothing was written.
        if (error instanceof AnalysisError) throw error;
        throw ExcelHostError.from(error, error instanceof ExcelHostError ? '' : nothingChanged);
      }
      try {
        await this.run(runOptions(), (context) => undoRun(context, rollback));
      } catch {
        await this.enableEvents();
        // Point to Undo only when the workbook holds a run to undo. Without one nothing visible changed:
        // our sheets are hidden only after the record is saved, and a rollback removes the record last.
        if ((await this.hasRunToUndo()) === false) throw ExcelHostError.from(error, nothingChanged);
        throw ExcelHostError.from(
          error,
          'Your own data was not changed. Choose "Undo last run" to restore the previous results.',
        );
      }
      throw ExcelHostError.from(error, nothingChanged);
    }
  }

  /** Whether the workbook holds an undo record; null when Excel could not tell. */
  private async hasRunToUndo(): Promise<boolean | null> {
    try {
      return await this.run(runOptions(), async (context) => (await readLastRun(context)) !== null);
    } catch {
      return null;
    }
  }

  /**
   * Restores everything the last run wrote to its state before that run (columns, summary sheets,
   * settings). Only the last run can be undone.
   *
   * @throws ExcelHostError `NOTHING_TO_UNDO` when there is no run to undo; `PROTECTED` when a sheet involved is protected.
   */
  async undoLastRun(): Promise<void> {
    try {
      await this.run(runOptions(), async (context) => {
        const record = await readLastRun(context);
        if (record === null)
          throw new ExcelHostError('NOTHING_TO_UNDO', 'There is no run to undo in this workbook.');
        await undoRun(context, record);
      });
    } catch (error) {
      await this.enableEvents();
      throw ExcelHostError.from(error);
    }
  }

  /**
   * Shows a sheet (the task pane's links to the summary sheets).
   *
   * @throws ExcelHostError when the sheet no longer exists.
   */
  async activateSheet(sheetName: string): Promise<void> {
    try {
      await this.run(runOptions(), async (context) => {
        const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName).load('isNullObject');
        await context.sync();
        if (sheet.isNullObject) {
          throw new ExcelHostError(
            'NOT_FOUND',
            `The sheet "${sheetName}" is no longer in the workbook. Run the analysis again.`,
          );
        }
        sheet.activate();
        await context.sync();
      });
    } catch (error) {
      throw ExcelHostError.from(error);
    }
  }

  /**
   * Adds the sample workbook's sheets (for trainers): new sheets only, suffixed when a name is taken.
   */
  async insertSample(sample: SampleWorkbook): Promise<void> {
    try {
      await this.run(runOptions(), (context) => insertSampleSheets(context, sample, this.writeBudgetBytes));
    } catch (error) {
      throw ExcelHostError.from(error);
    }
  }

  /**
   * Best effort: events back on after a failure (they were turned off only while writing). Tried a few
   * times, as the failure that brought us here (a co-author's conflicting change) may hit the next batch
   * too; every later operation turns them on again anyway (see {@link inspect}).
   */
  private async enableEvents(): Promise<void> {
    for (let attempt = 0; attempt < enableEventsAttempts; attempt++) {
      if (await this.tryEnableEvents()) return;
    }
  }

  /** One batch turning events on; false when Excel refused it (events come back on with the next run). */
  private async tryEnableEvents(): Promise<boolean> {
    try {
      await this.run(runOptions(), async (context) => {
        context.runtime.enableEvents = true;
        await context.sync();
      });
      return true;
    } catch {
      return false;
    }
  }
}
