import { cellValue } from '../cellValue';
import { columnDigest } from '../columnDigest';
import type { WritePlan } from '../WorkbookHost';
import type { ColumnMarker, HostState, LastRun } from './HostState';
import type { ColumnPlaces, Placement } from './placeColumns';
import type { SheetBuild } from './planSheets';
import type { WriteTarget } from './readWriteTarget';

/**
 * What a run records (see {@link recordRun}): the undo record of the run, written before any visible change,
 * and our state once it is done.
 */
export interface RunRecorder {
  /** The undo record, `complete: false` until the run ends. */
  lastRun: LastRun;
  /** Our state after the run (call once the columns and sheets are written: it reads their ids). */
  finalState(): HostState;
}

/**
 * The record-keeping step of a run: markers of the columns it writes (with the fingerprint of each as
 * written, `columnDigest` of the cells as `cellValue` makes them, computed once per column), the undo record
 * (previous markers and settings, columns created and overwritten, sheets created and replaced), and the
 * state after the run: our other markers kept, those of what it wrote added.
 */
export function recordRun(
  plan: WritePlan,
  target: WriteTarget,
  places: ColumnPlaces,
  builds: readonly SheetBuild[],
): RunRecorder {
  const { state, date1904 } = target;
  const { placements, headerRow0, rowCount, used } = places;
  const tableName = plan.customers.kind === 'existing' ? plan.customers.table.tableName : null;
  const targetId = target.targetSheet?.id ?? '';
  const digests = new Map<Placement, string>();
  const digestOf = (p: Placement): string => {
    let digest = digests.get(p);
    if (digest === undefined) {
      const { values, format } = p.spec;
      digest = columnDigest.ofCells(rowCount, (r) => cellValue(values[r] ?? null, format, date1904) ?? '');
      digests.set(p, digest);
    }
    return digest;
  };
  const markerOf = (p: Placement, tableColumnId: number | null): ColumnMarker => ({
    key: p.spec.key,
    header: p.header,
    sheetId: targetId,
    tableName,
    tableColumnId,
    column: p.column,
    headerRow: headerRow0,
    rows: rowCount,
    digest: digestOf(p),
  });
  const updated = placements.filter((p) => p.previous !== null);
  const lastRun: LastRun = {
    complete: false,
    previous: {
      settings: state.settings,
      columns: state.columns,
      sheets: state.sheets,
      history: state.history,
    },
    createdColumns: placements.filter((p) => p.previous === null).map((p) => markerOf(p, null)),
    updatedColumns: updated.map((p, k) => ({
      marker: { ...(p.previous as ColumnMarker), column: p.column },
      undoColumn: k,
      rowsWritten: rowCount,
    })),
    createdSheets: builds.map((b) => b.name),
    backupSheets: builds.flatMap((b) =>
      b.old === null
        ? []
        : [{ backupName: b.old.backupName, marker: b.old.marker, position: b.old.position }],
    ),
  };
  return {
    lastRun,
    finalState: () => ({
      version: 1,
      settings: plan.settings,
      history: plan.history ?? state.history,
      columns: [
        ...state.columns.filter((m) => !used.has(m)),
        ...placements.map((p) => markerOf(p, p.tableColumn?.id ?? p.previous?.tableColumnId ?? null)),
      ],
      sheets: [
        ...state.sheets.filter((m) => !builds.some((b) => b.key === m.key || b.old?.marker === m)),
        ...builds.map((b) => ({ key: b.key, sheetId: b.sheet?.id ?? '', name: b.name })),
      ],
      lastRun: { ...lastRun, complete: true },
    }),
  };
}
