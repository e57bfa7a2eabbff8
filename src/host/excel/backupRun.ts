import type { LastRun } from './HostState';
import { HostStateSheet } from './HostStateSheet';
import type { SheetPlan } from './planSheets';
import type { WriteTarget } from './readWriteTarget';

/** Where a run stands, for the caller to roll back after a failure. */
export interface RunProgress {
  /**
   * The undo record about to be saved, set just before the batch that saves it and hides our replaced
   * sheets (the record first, so no sheet is hidden before the record that brings it back is saved).
   */
  pending: LastRun | null;
  /** Set once the sync that saved the undo record succeeded: from then on "Undo last run" can restore. */
  record: LastRun | null;
}

/**
 * The step of a run that keeps the previous content before any visible change, in two syncs: first the
 * older undo record is forgotten, the dropped bookkeeping sheets deleted and our columns about to be
 * overwritten copied to a new very hidden undo sheet; then the undo record is saved and our replaced sheets
 * renamed and very hidden in the same batch (a batch stops at its first failing operation, so a sheet is
 * only ever hidden once the record that brings it back is in the workbook). Turns events off (the caller
 * turns them on with its last batch) and fills `progress` so a caller can roll back a failure.
 *
 * @param beforeSync Runs before each sync (suspends screen updating and calculation).
 * @returns The state sheet, where the run records its result.
 */
export async function backupRun(
  context: Excel.RequestContext,
  target: WriteTarget,
  sheets: SheetPlan,
  record: LastRun,
  progress: RunProgress,
  beforeSync: () => void,
): Promise<Excel.Worksheet> {
  const { state, names } = target;
  const workbook = context.workbook;
  context.runtime.enableEvents = false;
  const stateSheet = target.stateSheet ?? workbook.worksheets.add(HostStateSheet.sheetName);
  // Very hidden even when the command line wrote it (a file library may not keep that).
  stateSheet.visibility = 'VeryHidden';
  HostStateSheet.queueWrite(stateSheet, { ...state, lastRun: null }, names);
  for (const sheet of sheets.dropped) sheet.delete();
  const source = target.targetSheet;
  if (record.updatedColumns.length > 0 && source !== null) {
    const undoSheet = workbook.worksheets.add(HostStateSheet.undoSheetName);
    undoSheet.visibility = 'VeryHidden';
    for (const backup of record.updatedColumns) {
      const m = backup.marker;
      undoSheet
        .getRangeByIndexes(0, backup.undoColumn, m.rows + 1, 1)
        .copyFrom(source.getRangeByIndexes(m.headerRow, m.column, m.rows + 1, 1), 'All');
    }
  }
  beforeSync();
  await context.sync();
  progress.pending = record;
  HostStateSheet.queueWrite(stateSheet, { ...state, lastRun: record }, names);
  for (const build of sheets.builds) {
    if (build.old === null) continue;
    build.old.sheet.name = build.old.backupName;
    build.old.sheet.visibility = 'VeryHidden';
  }
  await context.sync();
  progress.record = record;
  return stateSheet;
}
