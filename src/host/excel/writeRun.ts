import { excelNumberFormat, type ColumnSpec, type SheetSpec } from '../../engine/sheetSpec';
import { columnDigest } from '../columnDigest';
import { excelGrid } from '../excelGrid';
import type { ProgressCallback, WritePlan, WriteSummary } from '../WorkbookHost';
import { ExcelHostError } from './ExcelHostError';
import { excelFormat } from './excelFormat';
import { excelValue } from './excelValue';
import type { ColumnMarker, HostState, LastRun, SheetMarker } from './HostState';
import { HostStateSheet } from './HostStateSheet';
import { loadDate1904 } from './loadDate1904';
import { readTableColumns } from './readTableColumns';
import { renderSheet } from './renderSheet';
import { uniqueName } from './uniqueName';
import { verifyCustomerRows } from './verifyCustomerRows';
import { writeGrids, type GridBlock } from './writeGrids';

/** Where the run stands, for the caller to roll back after a failure. */
export interface RunProgress {
  /**
   * The undo record about to be saved, set just before the batch that saves it and hides our replaced
   * sheets (the record first, so no sheet is hidden before the record that brings it back is saved).
   */
  pending: LastRun | null;
  /** Set once the sync that saved the undo record succeeded: from then on "Undo last run" can restore. */
  record: LastRun | null;
}

interface Placement {
  spec: ColumnSpec;
  header: string;
  /** 0-based sheet column. */
  column: number;
  previous: ColumnMarker | null;
  renamed: boolean;
  tableColumn: Excel.TableColumn | null;
}

interface SheetBuild {
  key: string;
  name: string;
  spec: SheetSpec | null;
  /** The sheet of ours it replaces, renamed to `backupName` (very hidden) and kept for undo. */
  old: { marker: SheetMarker; sheet: Excel.Worksheet; backupName: string; position: number } | null;
  sheet: Excel.Worksheet | null;
  /** Where the new sheet goes (0-based, counting hidden sheets); null: at the end, where it is added. */
  position: number | null;
}

const maxSheetName = 31;

/** The whole-column number format of a customer column, or null when its cells need formats of their own. */
function columnFormat(spec: ColumnSpec): string | null {
  const text = spec.format === 'text';
  const uniform = spec.values.every((v) => v === null || (typeof v === 'string') === text);
  return uniform ? excelNumberFormat(spec.format) : null;
}

function columnBlock(
  sheet: Excel.Worksheet,
  row0: number,
  col0: number,
  specs: readonly ColumnSpec[],
  rows: number,
  date1904: boolean,
): GridBlock {
  return {
    sheet,
    row0,
    col0,
    rows,
    columns: specs.length,
    value: (r, c) => {
      const spec = specs[c];
      return spec === undefined ? '' : excelValue(spec.values[r] ?? null, spec.format, date1904);
    },
    format: (r, c) => {
      const spec = specs[c];
      return spec === undefined ? 'General' : excelFormat(spec.values[r] ?? null, spec.format);
    },
    columnFormats: specs.map(columnFormat),
  };
}

/**
 * Writes one run's output (see `ExcelWorkbookHost.write`): checks read-only state and protection first,
 * keeps the previous content of everything it will change (undo record, undo sheet, replaced sheets
 * renamed and very hidden), then writes with events off and screen updating and calculation suspended.
 * Fills `progress.record` once the previous content is safe, so a caller can roll back a failure.
 */
export async function writeRun(
  context: Excel.RequestContext,
  plan: WritePlan,
  budgetBytes: number,
  progress: RunProgress,
  onProgress?: ProgressCallback,
): Promise<WriteSummary> {
  const workbook = context.workbook;
  const application = workbook.application;
  const suspend = (): void => {
    application.suspendScreenUpdatingUntilNextSync();
    application.suspendApiCalculationUntilNextSync();
  };
  const date1904 = await loadDate1904(context);
  workbook.load('readOnly');
  const structure = workbook.protection.load('protected');
  const sheets = workbook.worksheets.load('items/name,items/id,items/visibility,items/position');
  await context.sync();
  if (workbook.readOnly) {
    throw new ExcelHostError(
      'READ_ONLY',
      'This workbook is open read-only, so the add-in cannot write its results. Open it for editing (or save a copy), then run the analysis again. Nothing was changed.',
    );
  }
  const byName = new Map(sheets.items.map((s) => [s.name.toLowerCase(), s]));
  const byId = new Map(sheets.items.map((s) => [s.id, s]));
  const stateSheet = byName.get(HostStateSheet.sheetName.toLowerCase()) ?? null;
  const legacySheet = byName.get(HostStateSheet.legacySheetName.toLowerCase()) ?? null;
  const recordSheet = HostStateSheet.find(sheets.items);
  const stateRange = recordSheet === null ? null : HostStateSheet.queueRead(recordSheet);
  const customers = plan.customers;
  const tableName = customers.kind === 'existing' ? customers.table.tableName : null;
  const tablePart =
    customers.kind === 'existing' && customers.table.tableName !== null
      ? (() => {
          const table = workbook.tables.getItem(customers.table.tableName);
          return {
            table,
            columns: table.columns.load('items/id,items/name'),
            header: table.getHeaderRowRange().load('rowIndex,columnIndex'),
            rows: table.rows.load('count'),
            sheet: table.worksheet.load('id,name'),
          };
        })()
      : null;
  const plainPart =
    customers.kind === 'existing' && customers.table.tableName === null
      ? (() => {
          const sheet = workbook.worksheets.getItem(customers.table.sheet).load('id,name');
          return { sheet, used: sheet.getUsedRange(false).load('columnIndex,columnCount') };
        })()
      : null;
  const targetProtection = (tablePart?.sheet ?? plainPart?.sheet)?.protection.load('protected') ?? null;
  await context.sync();

  const state: HostState = HostStateSheet.parse(stateRange, sheets.items);
  const names = new Map(sheets.items.map((s) => [s.id, s.name]));
  const targetSheet = tablePart?.sheet ?? plainPart?.sheet ?? null;
  if (targetSheet !== null && targetProtection?.protected === true) {
    throw new ExcelHostError(
      'PROTECTED',
      `Sheet "${targetSheet.name}" is protected, so the add-in cannot add its columns there. Unprotect it (Review › Unprotect Sheet), then run the analysis again. Nothing was changed.`,
    );
  }
  if (structure.protected) {
    throw new ExcelHostError(
      'PROTECTED',
      'The workbook structure is protected, so the add-in cannot add its summary sheets. Unprotect the workbook (Review › Protect Workbook), then run the analysis again. Nothing was changed.',
    );
  }

  if (customers.kind === 'existing' && customers.rowIds !== undefined && customers.idColumn !== undefined) {
    await verifyCustomerRows(
      context,
      tablePart === null
        ? {
            sheet: customers.table.sheet,
            headerRow0: customers.table.headerRow - 1,
            column0: customers.table.firstColumn - 1,
            rowCount: customers.table.rowCount,
            isExcelTable: false,
          }
        : {
            sheet: tablePart.sheet.name,
            headerRow0: tablePart.header.rowIndex,
            column0: tablePart.header.columnIndex,
            rowCount: tablePart.rows.count,
            isExcelTable: true,
          },
      customers.idColumn,
      customers.rowIds,
    );
  }

  // Where each customer column goes: our own column (marker verified against the workbook) or a new one.
  const placements: Placement[] = [];
  let headerRow0 = 0;
  let rowCount = 0;
  const used = new Set<ColumnMarker>();
  if (tablePart !== null && tableName !== null) {
    headerRow0 = tablePart.header.rowIndex;
    rowCount = tablePart.rows.count;
    const existing = tablePart.columns.items.map((c) => ({ id: c.id, name: c.name }));
    const taken = new Set(existing.map((c) => c.name.toLowerCase()));
    const columnIndex0 = tablePart.header.columnIndex;
    // Where a marker's column is in the table now: by its id, or (written by the command line, which knows
    // no ids) by its position while the column there still has our header.
    const indexOf = (m: ColumnMarker): number => {
      if (m.sheetId !== tablePart.sheet.id) return -1;
      if (m.tableColumnId !== null) {
        return m.tableName?.toLowerCase() === tableName.toLowerCase()
          ? existing.findIndex((c) => c.id === m.tableColumnId && c.name === m.header)
          : -1;
      }
      const index = m.column - columnIndex0;
      return m.headerRow === headerRow0 && existing[index]?.name === m.header ? index : -1;
    };
    // A column the user has typed into since (its cells, new rows included, no longer give the recorded
    // fingerprint) is theirs now: left alone, ours goes to a new column.
    const edited = await editedByUser(
      context,
      tablePart.sheet.name,
      headerRow0,
      state.columns
        .filter((m) => indexOf(m) >= 0 && plan.columns.some((spec) => isFor(m, spec)))
        .map((m) => ({ marker: m, column: columnIndex0 + indexOf(m), rows: Math.max(m.rows, rowCount) })),
    );
    for (const spec of plan.columns) {
      const marker = state.columns.find(
        (m) => !used.has(m) && !edited.has(m) && isFor(m, spec) && indexOf(m) >= 0,
      );
      if (marker === undefined) continue;
      used.add(marker);
      const index = indexOf(marker);
      const column = existing[index];
      placements.push({
        spec,
        header: marker.header,
        column: columnIndex0 + index,
        previous: {
          ...marker,
          tableName,
          tableColumnId: column?.id ?? null,
          rows: marker.rows < 0 ? rowCount : marker.rows,
        },
        renamed: false,
        tableColumn: null,
      });
    }
    let next = tablePart.header.columnIndex + existing.length;
    for (const spec of plan.columns) {
      if (placements.some((p) => p.spec === spec)) continue;
      const header = uniqueName(spec.header, taken);
      taken.add(header.toLowerCase());
      placements.push({ spec, header, column: next++, previous: null, renamed: false, tableColumn: null });
    }
    renameForLanguage(placements, taken);
  } else if (plainPart !== null && customers.kind === 'existing') {
    headerRow0 = customers.table.headerRow - 1;
    rowCount = customers.table.rowCount;
    const lastUsed = plainPart.used.columnIndex + plainPart.used.columnCount - 1;
    const headerCells = plainPart.sheet.getRangeByIndexes(headerRow0, 0, 1, lastUsed + 1).load('values');
    const candidates = state.columns.filter(
      (m) =>
        m.tableName === null &&
        m.sheetId === plainPart.sheet.id &&
        m.headerRow === headerRow0 &&
        m.column <= lastUsed,
    );
    // A marker from an older command line's record does not say how many rows it wrote: all of them.
    const rowsOf = (m: ColumnMarker): number => (m.rows < 0 ? rowCount : m.rows);
    const below = candidates
      .filter((m) => rowCount > rowsOf(m))
      .map((m) => ({
        m,
        range: plainPart.sheet
          .getRangeByIndexes(headerRow0 + 1 + rowsOf(m), m.column, rowCount - rowsOf(m), 1)
          .load('values'),
      }));
    await context.sync();
    const headerRow = headerCells.values[0] ?? [];
    const headed = candidates.filter(
      (m) => headerRow[m.column] === m.header && plan.columns.some((spec) => isFor(m, spec)),
    );
    // The rows we wrote must still give the recorded fingerprint; cells the table has grown into are below.
    const edited = await editedByUser(
      context,
      plainPart.sheet.name,
      headerRow0,
      headed.map((m) => ({ marker: m, column: m.column, rows: rowsOf(m) })),
    );
    const ours = headed.filter((m) => !edited.has(m));
    const taken = new Set(headerRow.map((v) => String(v).toLowerCase()).filter((v) => v !== ''));
    for (const spec of plan.columns) {
      const marker = ours.find((m) => !used.has(m) && isFor(m, spec));
      if (marker === undefined) continue;
      used.add(marker);
      const blocked = below.find((b) => b.m === marker)?.range.values.findIndex((row) => row[0] !== '') ?? -1;
      if (blocked >= 0) {
        throw new ExcelHostError(
          'CELLS_IN_THE_WAY',
          `The customers table on sheet "${plainPart.sheet.name}" has grown, and cell row ${headerRow0 + 2 + rowsOf(marker) + blocked} under the add-in's column "${marker.header}" holds data the add-in did not write. Move that data, then run the analysis again. Nothing was changed.`,
        );
      }
      placements.push({
        spec,
        header: marker.header,
        column: marker.column,
        previous: { ...marker, rows: rowsOf(marker) },
        renamed: false,
        tableColumn: null,
      });
    }
    let next = lastUsed + 1;
    for (const spec of plan.columns) {
      if (placements.some((p) => p.spec === spec)) continue;
      const header = uniqueName(spec.header, taken);
      taken.add(header.toLowerCase());
      placements.push({ spec, header, column: next++, previous: null, renamed: false, tableColumn: null });
    }
    renameForLanguage(placements, taken);
  }
  placements.sort((a, b) => a.column - b.column);
  const lastPlaced = placements[placements.length - 1];
  if (lastPlaced !== undefined && targetSheet !== null)
    excelGrid.checkColumns(
      lastPlaced.column + 1,
      targetSheet.name,
      'the customers table',
      plan.settings.language,
    );

  // Which sheets are built, under which names; our previous ones are kept (renamed, very hidden) for undo.
  const specs: { key: string; name: string; spec: SheetSpec | null }[] = [
    ...(customers.kind === 'new' ? [{ key: 'customers', name: customers.sheetName, spec: null }] : []),
    ...plan.sheets.map((spec) => ({ key: spec.key, name: spec.name, spec })),
  ];
  // Bookkeeping the run drops first: the older undo record's sheets and any leftover backup (a run that
  // stopped before recording it), so hidden sheets never pile up; an older command line's record sheet.
  const undoName = HostStateSheet.undoSheetName.toLowerCase();
  const dropped = sheets.items.filter(
    (s) =>
      s === legacySheet ||
      s.name.toLowerCase() === undoName ||
      (s.visibility === 'VeryHidden' && HostStateSheet.isBackupName(s.name)),
  );
  const droppedIds = new Set(dropped.map((s) => s.id));
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
  const takenSheets = new Set(
    sheets.items
      .filter((s) => !droppedIds.has(s.id) && !replacedIds.has(s.id))
      .map((s) => s.name.toLowerCase()),
  );
  takenSheets.add(HostStateSheet.sheetName.toLowerCase());
  takenSheets.add(undoName);
  for (const build of builds) {
    build.name = uniqueName(build.name, takenSheets, maxSheetName);
    takenSheets.add(build.name.toLowerCase());
  }
  for (const build of builds) {
    if (build.old === null) continue;
    build.old.backupName = uniqueName(HostStateSheet.backupPrefix, takenSheets, maxSheetName);
    takenSheets.add(build.old.backupName.toLowerCase());
  }
  // Where each new sheet goes: just before the sheet it replaces, where that one is once the dropped sheets
  // are deleted and the bookkeeping sheets added (at the end); a sheet replacing none goes at the end.
  const needsUndoSheet = placements.some((p) => p.previous !== null);
  const order = [...sheets.items]
    .sort((a, b) => a.position - b.position)
    .map((s) => s.id)
    .filter((id) => !droppedIds.has(id));
  if (stateSheet === null) order.push('state');
  if (needsUndoSheet) order.push('undo');
  for (const build of builds) {
    const at = build.old === null ? -1 : order.indexOf(build.old.sheet.id);
    if (build.old !== null) build.old.position = at;
    build.position = at < 0 ? null : at;
    order.splice(at < 0 ? order.length : at, 0, `new:${build.key}`);
  }

  const targetId = targetSheet?.id ?? '';
  // The fingerprint of each column as written (see `columnDigest`), computed once per column.
  const digests = new Map<Placement, string>();
  const digestOf = (p: Placement): string => {
    let digest = digests.get(p);
    if (digest === undefined) {
      const { values, format } = p.spec;
      digest = columnDigest.of(
        (function* cells(): Generator<string | number> {
          for (let r = 0; r < rowCount; r++) yield excelValue(values[r] ?? null, format, date1904);
        })(),
      );
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
  const record: LastRun = {
    complete: false,
    previous: { settings: state.settings, columns: state.columns, sheets: state.sheets },
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

  // Keep the previous content: first forget the older undo record, then copy our columns aside.
  context.runtime.enableEvents = false;
  const state0 = stateSheet ?? workbook.worksheets.add(HostStateSheet.sheetName);
  // Very hidden even when the command line wrote it (a file library may not keep that).
  state0.visibility = 'VeryHidden';
  HostStateSheet.queueWrite(state0, { ...state, lastRun: null }, names);
  for (const sheet of dropped) sheet.delete();
  const undoSheet = needsUndoSheet ? workbook.worksheets.add(HostStateSheet.undoSheetName) : null;
  if (undoSheet !== null) undoSheet.visibility = 'VeryHidden';
  const target = tablePart?.sheet ?? plainPart?.sheet ?? null;
  for (const backup of target === null || undoSheet === null ? [] : record.updatedColumns) {
    const m = backup.marker;
    const source = target?.getRangeByIndexes(m.headerRow, m.column, m.rows + 1, 1);
    if (source !== undefined)
      undoSheet?.getRangeByIndexes(0, backup.undoColumn, m.rows + 1, 1).copyFrom(source, 'All');
  }
  suspend();
  await context.sync();
  // The record before any visible change: a batch stops at its first failing operation, so a sheet is only
  // ever hidden once the record that brings it back is in the workbook.
  progress.pending = record;
  HostStateSheet.queueWrite(state0, { ...state, lastRun: record }, names);
  for (const build of builds) {
    if (build.old === null) continue;
    build.old.sheet.name = build.old.backupName;
    build.old.sheet.visibility = 'VeryHidden';
  }
  await context.sync();
  progress.record = record;

  // Write (events are off since the first change).
  const total =
    (placements.length > 0 ? rowCount : 0) +
    builds.reduce((n, b) => n + (b.spec?.cells.length ?? rowCount + 1), 0);
  let done = 0;
  onProgress?.(0, total);
  const onRows = (rows: number): void => {
    done += rows;
    onProgress?.(Math.min(done, total), total);
  };
  if (target !== null && placements.length > 0) {
    for (const p of placements) {
      if (p.previous === null && tablePart !== null) {
        p.tableColumn = tablePart.table.columns.add(undefined, undefined, p.header).load('id');
      } else if (p.previous === null || p.renamed) {
        const cell = target.getRangeByIndexes(headerRow0, p.column, 1, 1);
        // A table's header cells are text anyway, and keep the format the column got when it was added, so a
        // run in another language and back leaves the table as it was.
        if (tablePart === null) cell.numberFormat = [['@']];
        cell.values = [[p.header]];
      }
      if (p.previous !== null && p.previous.rows > rowCount) {
        target
          .getRangeByIndexes(headerRow0 + 1 + rowCount, p.column, p.previous.rows - rowCount, 1)
          .clear('All');
      }
    }
    suspend();
    await context.sync();
    const blocks: GridBlock[] = [];
    let run: Placement[] = [];
    const flushRun = (): void => {
      const first = run[0];
      if (first !== undefined) {
        blocks.push(
          columnBlock(
            target,
            headerRow0 + 1,
            first.column,
            run.map((p) => p.spec),
            rowCount,
            date1904,
          ),
        );
      }
      run = [];
    };
    for (const p of placements) {
      const last = run[run.length - 1];
      if (last !== undefined && last.column + 1 !== p.column) flushRun();
      run.push(p);
    }
    flushRun();
    await writeGrids(context, blocks, { budgetBytes, beforeSync: suspend, onRows });
  }

  const options = { budgetBytes, beforeSync: suspend, onRows };
  for (const build of builds) {
    const sheet = workbook.worksheets.add(build.name);
    build.sheet = sheet.load('id');
    if (build.position !== null) sheet.position = build.position;
    if (build.spec !== null) {
      await renderSheet(context, sheet, build.spec, date1904, options);
    } else if (customers.kind === 'new') {
      const all = [...customers.baseColumns, ...plan.columns];
      const header: GridBlock = {
        sheet,
        row0: 0,
        col0: 0,
        rows: 1,
        columns: all.length,
        value: (_r, c) => all[c]?.header ?? '',
        format: () => '@',
        columnFormats: all.map(() => '@'),
      };
      const rows = all.reduce((n, c) => Math.max(n, c.values.length), 0);
      await writeGrids(context, [header, columnBlock(sheet, 1, 0, all, rows, date1904)], options);
      sheet.freezePanes.freezeRows(1);
      sheet.autoFilter.apply(sheet.getRangeByIndexes(0, 0, rows + 1, all.length));
    }
    suspend();
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per summary sheet (a handful), not per row
    await context.sync();
  }

  // Record what is ours now, and that the run completed.
  const columnMarkers = [
    ...state.columns.filter((m) => !used.has(m)),
    ...placements.map((p) => markerOf(p, p.tableColumn?.id ?? p.previous?.tableColumnId ?? null)),
  ];
  const sheetMarkers = [
    ...state.sheets.filter((m) => !builds.some((b) => b.key === m.key || b.old?.marker === m)),
    ...builds.map((b) => ({ key: b.key, sheetId: b.sheet?.id ?? '', name: b.name })),
  ];
  HostStateSheet.queueWrite(
    state0,
    {
      version: 1,
      settings: plan.settings,
      columns: columnMarkers,
      sheets: sheetMarkers,
      lastRun: { ...record, complete: true },
    },
    names,
  );
  context.runtime.enableEvents = true;
  await context.sync();
  onProgress?.(total, total);
  return {
    columnHeaders:
      customers.kind === 'new'
        ? plan.columns.map((c) => c.header)
        : plan.columns.map((spec) => placements.find((p) => p.spec === spec)?.header ?? spec.header),
    sheetNames: builds.map((b) => b.name),
    location: customers.kind === 'new' ? (builds[0]?.name ?? customers.sheetName) : (targetSheet?.name ?? ''),
  };
}

/**
 * The markers among `columns` whose cells show a user's edit since the run that recorded them (see
 * `columnDigest`): read in chunks of rows, one sync per chunk. Markers of older records (no fingerprint)
 * are never counted edited.
 */
async function editedByUser(
  context: Excel.RequestContext,
  sheet: string,
  headerRow0: number,
  columns: readonly { marker: ColumnMarker; column: number; rows: number }[],
): Promise<Set<ColumnMarker>> {
  const checked = columns.filter((c) => c.marker.digest !== null && c.rows > 0);
  const edited = new Set<ColumnMarker>();
  if (checked.length === 0) return edited;
  const rows = Math.max(...checked.map((c) => c.rows));
  const cells = await readTableColumns(
    context,
    { sheet, tableName: null, headerRow: headerRow0 + 1, firstColumn: 1, headers: [], rowCount: rows },
    checked.map((c) => c.column),
  );
  checked.forEach((c, k) => {
    if (columnDigest.showsUserEdit(c.marker.digest ?? '', (cells[k] ?? []).slice(0, c.rows)))
      edited.add(c.marker);
  });
  return edited;
}

/** Whether a marker is of the column `spec` describes: same key, or same header when the record kept no key. */
function isFor(marker: ColumnMarker, spec: ColumnSpec): boolean {
  return marker.key === '' ? marker.header === spec.header : marker.key === spec.key;
}

/** An own column whose header changed (a new language) is renamed, with a suffix if the new name is taken. */
function renameForLanguage(placements: Placement[], taken: Set<string>): void {
  for (const p of placements) {
    if (p.previous === null || p.spec.header.toLowerCase() === p.header.toLowerCase()) continue;
    taken.delete(p.header.toLowerCase());
    p.header = uniqueName(p.spec.header, taken);
    taken.add(p.header.toLowerCase());
    p.renamed = p.header !== p.previous.header;
  }
}
