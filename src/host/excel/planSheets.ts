import type { SheetSpec } from '../../engine/sheetSpec';
import { excelGrid } from '../excelGrid';
import { uniqueName } from '../uniqueName';
import type { WritePlan } from '../WorkbookHost';
import type { SheetMarker } from './HostState';
import { HostStateSheet } from './HostStateSheet';
import type { WriteTarget } from './readWriteTarget';

/** One sheet a run builds. */
export interface SheetBuild {
  key: string;
  name: string;
  /** The summary sheet; null for our customers sheet. */
  spec: SheetSpec | null;
  /** The sheet of ours it replaces, renamed to `backupName` (very hidden) and kept for undo. */
  old: { marker: SheetMarker; sheet: Excel.Worksheet; backupName: string; position: number } | null;
  /** The sheet once added. */
  sheet: Excel.Worksheet | null;
  /** Where the new sheet goes (0-based, counting hidden sheets); null: at the end, where it is added. */
  position: number | null;
}

/** The sheets of a run (see {@link planSheets}). */
export interface SheetPlan {
  builds: SheetBuild[];
  /** Bookkeeping sheets the run deletes first. */
  dropped: Excel.Worksheet[];
}

/**
 * The third step of a run: which sheets are built, under which names (unique among the sheets there will
 * be), where each goes (in the place of the sheet of ours it replaces, which is kept renamed and very hidden
 * for undo), and which bookkeeping sheets go first: the older undo record's sheets and any leftover backup
 * (a run that stopped before recording it), so hidden sheets never pile up, and an older command line's
 * record sheet. No sync.
 *
 * @param needsUndoSheet The run overwrites columns of ours, whose previous content goes to an undo sheet.
 */
export function planSheets(plan: WritePlan, target: WriteTarget, needsUndoSheet: boolean): SheetPlan {
  const { sheets, state } = target;
  const customers = plan.customers;
  const specs: { key: string; name: string; spec: SheetSpec | null }[] = [
    ...(customers.kind === 'new' ? [{ key: 'customers', name: customers.sheetName, spec: null }] : []),
    ...plan.sheets.map((spec) => ({ key: spec.key, name: spec.name, spec })),
  ];
  const undoName = HostStateSheet.undoSheetName.toLowerCase();
  const dropped = sheets.filter(
    (s) =>
      s === target.legacySheet ||
      s.name.toLowerCase() === undoName ||
      (s.visibility === 'VeryHidden' && HostStateSheet.isBackupName(s.name)),
  );
  const droppedIds = new Set(dropped.map((s) => s.id));
  const byId = new Map(sheets.map((s) => [s.id, s]));
  const builds: SheetBuild[] = specs.map((s) => {
    const marker = state.sheets.find(
      (m) =>
        (m.key === s.key || (m.key === '' && m.name.toLowerCase() === s.name.toLowerCase())) &&
        byId.has(m.sheetId) &&
        !droppedIds.has(m.sheetId),
    );
    const sheet = marker === undefined ? undefined : byId.get(marker.sheetId);
    return {
      key: s.key,
      name: s.name,
      spec: s.spec,
      old:
        marker !== undefined && sheet !== undefined ? { marker, sheet, backupName: '', position: 0 } : null,
      sheet: null,
      position: null,
    };
  });
  // Names as they will be when each sheet is added: the replaced sheets renamed away, the dropped deleted.
  const replacedIds = new Set(builds.flatMap((b) => (b.old === null ? [] : [b.old.sheet.id])));
  const taken = new Set(
    sheets.filter((s) => !droppedIds.has(s.id) && !replacedIds.has(s.id)).map((s) => s.name.toLowerCase()),
  );
  taken.add(HostStateSheet.sheetName.toLowerCase());
  taken.add(undoName);
  for (const build of builds) {
    build.name = uniqueName(build.name, taken, excelGrid.sheetNameLength);
    taken.add(build.name.toLowerCase());
  }
  for (const build of builds) {
    if (build.old === null) continue;
    build.old.backupName = uniqueName(HostStateSheet.backupPrefix, taken, excelGrid.sheetNameLength);
    taken.add(build.old.backupName.toLowerCase());
  }
  // Where each new sheet goes: just before the sheet it replaces, where that one is once the dropped sheets
  // are deleted and the bookkeeping sheets added (at the end); a sheet replacing none goes at the end.
  const order = [...sheets]
    .sort((a, b) => a.position - b.position)
    .map((s) => s.id)
    .filter((id) => !droppedIds.has(id));
  if (target.stateSheet === null) order.push('state');
  if (needsUndoSheet) order.push('undo');
  for (const build of builds) {
    const at = build.old === null ? -1 : order.indexOf(build.old.sheet.id);
    if (build.old !== null) build.old.position = at;
    build.position = at < 0 ? null : at;
    order.splice(at < 0 ? order.length : at, 0, `new:${build.key}`);
  }
  return { builds, dropped };
}
