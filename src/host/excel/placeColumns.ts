import type { ColumnSpec } from '../../engine/sheetSpec';
import { columnDigest } from '../columnDigest';
import { excelGrid } from '../excelGrid';
import { ownedColumns, type HeaderRowView } from '../ownedColumns';
import { uniqueName } from '../uniqueName';
import type { WritePlan } from '../WorkbookHost';
import { ExcelHostError } from './ExcelHostError';
import type { ColumnMarker } from './HostState';
import { readTableColumns } from './readTableColumns';
import type { PlainPart, TablePart, WriteTarget } from './readWriteTarget';

/** Where one customer column of the plan goes. */
export interface Placement {
  spec: ColumnSpec;
  header: string;
  /** 0-based sheet column. */
  column: number;
  /** Our marker of the column it rewrites in place; null for a new column. */
  previous: ColumnMarker | null;
  /** Its header changes (a run in another language). */
  renamed: boolean;
  /** The table column added for it, once the write has added it. */
  tableColumn: Excel.TableColumn | null;
}

/** Where the plan's customer columns go (see {@link placeColumns}). */
export interface ColumnPlaces {
  /** By sheet column. */
  placements: Placement[];
  /** 0-based sheet row of the customers table's header. */
  headerRow0: number;
  /** Data rows of the customers table. */
  rowCount: number;
  /** Our markers whose columns are rewritten. */
  used: Set<ColumnMarker>;
}

/** Whether a marker is of the column `spec` describes: same key, or same header when the record kept no key. */
function isFor(marker: ColumnMarker, spec: ColumnSpec): boolean {
  return marker.key === '' ? marker.header === spec.header : marker.key === spec.key;
}

/** Whether a marker's column is still ours by its header (see `ownedColumns`; markers name their sheet by id). */
function headedAsOurs(m: ColumnMarker, row: HeaderRowView): boolean {
  return ownedColumns([{ ...m, sheet: m.sheetId }], row).length > 0;
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

/** New columns for the specs no marker took, right of `next`, their headers unique in the header row. */
function placeNew(plan: WritePlan, placements: Placement[], taken: Set<string>, next: number): void {
  for (const spec of plan.columns) {
    if (placements.some((p) => p.spec === spec)) continue;
    const header = uniqueName(spec.header, taken);
    taken.add(header.toLowerCase());
    placements.push({ spec, header, column: next++, previous: null, renamed: false, tableColumn: null });
  }
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

/** {@link placeColumns} in an Excel table: our columns found by table column id (or position and header). */
async function placeInTable(
  context: Excel.RequestContext,
  plan: WritePlan,
  target: WriteTarget,
  tablePart: TablePart,
  tableName: string,
): Promise<ColumnPlaces> {
  const { state } = target;
  const headerRow0 = tablePart.header.rowIndex;
  const rowCount = tablePart.rows.count;
  const placements: Placement[] = [];
  const used = new Set<ColumnMarker>();
  const existing = tablePart.columns.items.map((c) => ({ id: c.id, name: c.name }));
  const taken = new Set(existing.map((c) => c.name.toLowerCase()));
  const columnIndex0 = tablePart.header.columnIndex;
  const headerRow: HeaderRowView = {
    sheet: tablePart.sheet.id,
    headerRow: headerRow0,
    headerAt: (column: number) => existing[column - columnIndex0]?.name,
  };
  // Where a marker's column is in the table now: by its id, or (written by the command line, which knows
  // no ids) by its position while the column there still has our header.
  const indexOf = (m: ColumnMarker): number => {
    if (m.sheetId !== tablePart.sheet.id) return -1;
    if (m.tableColumnId !== null) {
      return m.tableName?.toLowerCase() === tableName.toLowerCase()
        ? existing.findIndex((c) => c.id === m.tableColumnId && c.name === m.header)
        : -1;
    }
    return headedAsOurs(m, headerRow) ? m.column - columnIndex0 : -1;
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
  placeNew(plan, placements, taken, columnIndex0 + existing.length);
  renameForLanguage(placements, taken);
  return { placements, headerRow0, rowCount, used };
}

/**
 * {@link placeColumns} in a plain range: our columns found by position and header; refused when the range
 * has grown into rows under one of ours that hold data we did not write.
 */
async function placeInRange(
  context: Excel.RequestContext,
  plan: WritePlan,
  target: WriteTarget,
  plainPart: PlainPart,
  table: { headerRow: number; rowCount: number },
): Promise<ColumnPlaces> {
  const { state } = target;
  const headerRow0 = table.headerRow - 1;
  const rowCount = table.rowCount;
  const placements: Placement[] = [];
  const used = new Set<ColumnMarker>();
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
  const view: HeaderRowView = {
    sheet: plainPart.sheet.id,
    headerRow: headerRow0,
    headerAt: (column): unknown => headerRow[column],
  };
  const headed = candidates.filter(
    (m) => headedAsOurs(m, view) && plan.columns.some((spec) => isFor(m, spec)),
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
  placeNew(plan, placements, taken, lastUsed + 1);
  renameForLanguage(placements, taken);
  return { placements, headerRow0, rowCount, used };
}

/**
 * The second step of a run: where each customer column goes — our own column, rewritten in place while its
 * marker still matches the workbook (header, and cells as written: see `ownedColumns`, `columnDigest`), or
 * a new one right of the table with a header unique in its header row — sorted by sheet column, and
 * checked against Excel's last column. Nothing is placed when the run builds its own customers sheet.
 */
export async function placeColumns(
  context: Excel.RequestContext,
  plan: WritePlan,
  target: WriteTarget,
): Promise<ColumnPlaces> {
  const customers = plan.customers;
  let places: ColumnPlaces = { placements: [], headerRow0: 0, rowCount: 0, used: new Set() };
  if (customers.kind === 'existing' && target.tablePart !== null && customers.table.tableName !== null) {
    places = await placeInTable(context, plan, target, target.tablePart, customers.table.tableName);
  } else if (customers.kind === 'existing' && target.plainPart !== null) {
    places = await placeInRange(context, plan, target, target.plainPart, customers.table);
  }
  places.placements.sort((a, b) => a.column - b.column);
  const last = places.placements[places.placements.length - 1];
  if (last !== undefined && target.targetSheet !== null)
    excelGrid.checkColumns(
      last.column + 1,
      target.targetSheet.name,
      'the customers table',
      plan.settings.language,
    );
  return places;
}
