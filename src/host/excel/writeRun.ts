import type { ProgressCallback, WritePlan, WriteSummary } from '../WorkbookHost';
import { backupRun, type RunProgress } from './backupRun';
import type { CallsUndo } from './HostState';
import { HostStateSheet } from './HostStateSheet';
import { placeColumns } from './placeColumns';
import { planSheets } from './planSheets';
import { readWriteTarget } from './readWriteTarget';
import { recordRun } from './recordRun';
import { findCallsSheet, writeCallsSheet } from './writeCallsSheet';
import { writeColumns } from './writeColumns';
import { writeSheets } from './writeSheets';

export type { RunProgress };

/**
 * Writes one run's output (see `ExcelWorkbookHost.write`) in named steps: reads and checks the target
 * (read-only state and protection first: `readWriteTarget`), places the customer columns (`placeColumns`)
 * and plans the sheets (`planSheets`), keeps the previous content of everything it will change (undo
 * record, undo sheet, replaced sheets renamed and very hidden: `backupRun`), then writes the columns and
 * the sheets (`writeColumns`, `writeSheets`) and the Calls sheet of the as-of date (`writeCallsSheet`, found
 * and checked for protection before anything changes: `findCallsSheet`) with events off and screen updating and calculation suspended,
 * and records what is ours now (`recordRun`). Fills `progress.record` once the previous content is safe, so
 * a caller can roll back a failure.
 */
export async function writeRun(
  context: Excel.RequestContext,
  plan: WritePlan,
  budgetBytes: number,
  progress: RunProgress,
  onProgress?: ProgressCallback,
): Promise<WriteSummary> {
  const application = context.workbook.application;
  const suspend = (): void => {
    application.suspendScreenUpdatingUntilNextSync();
    application.suspendApiCalculationUntilNextSync();
  };
  const target = await readWriteTarget(context, plan);
  const found = plan.calls === undefined ? null : await findCallsSheet(context, plan.calls, target.sheets);
  // No call and no sheet of that date yet: no Calls sheet is added.
  const calls = found?.sheet === null && found.plan.calls.length === 0 ? null : found;
  const places = await placeColumns(context, plan, target);
  const { placements, rowCount } = places;
  const sheets = planSheets(
    plan,
    target,
    placements.some((p) => p.previous !== null),
  );
  const recorder = recordRun(plan, target, places, sheets.builds);
  const callsUndo: CallsUndo | null =
    calls === null ? null : { name: calls.name, created: calls.sheet === null, rows: [] };
  if (callsUndo !== null) recorder.lastRun.calls = callsUndo;
  const stateSheet = await backupRun(context, target, sheets, recorder.lastRun, progress, suspend);

  // Write (events are off since the first change). The Calls sheet's rows count too, so the bar does not
  // stand at 100 % while they are written.
  const total =
    (placements.length > 0 ? rowCount : 0) +
    sheets.builds.reduce((n, b) => n + (b.spec?.cells.length ?? rowCount + 1), 0) +
    (calls === null ? 0 : calls.plan.calls.length);
  let done = 0;
  onProgress?.(0, total);
  const options = {
    budgetBytes,
    beforeSync: suspend,
    onRows: (rows: number): void => {
      done += rows;
      onProgress?.(Math.min(done, total), total);
    },
  };
  await writeColumns(context, target, places, options);
  await writeSheets(context, plan, sheets.builds, target.date1904, options);
  if (calls !== null && callsUndo !== null)
    await writeCallsSheet(context, calls, target.date1904, callsUndo, options, async () => {
      HostStateSheet.queueWrite(stateSheet, { ...target.state, lastRun: recorder.lastRun }, target.names);
      suspend();
      await context.sync();
    });

  // Record what is ours now, and that the run completed.
  HostStateSheet.queueWrite(stateSheet, recorder.finalState(), target.names);
  context.runtime.enableEvents = true;
  await context.sync();
  onProgress?.(total, total);
  const customers = plan.customers;
  return {
    columnHeaders:
      customers.kind === 'new'
        ? plan.columns.map((c) => c.header)
        : plan.columns.map((spec) => placements.find((p) => p.spec === spec)?.header ?? spec.header),
    sheetNames: [...sheets.builds.map((b) => b.name), ...(calls === null ? [] : [calls.name])],
    location:
      customers.kind === 'new'
        ? (sheets.builds[0]?.name ?? customers.sheetName)
        : (target.targetSheet?.name ?? ''),
  };
}
