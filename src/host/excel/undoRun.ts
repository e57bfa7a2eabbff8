import type { HostState, LastRun } from './HostState';
import { HostStateSheet } from './HostStateSheet';
import { ExcelHostError } from './ExcelHostError';
import { prepareCallsUndo } from './undoCallsSheet';

/**
 * Puts back everything a run wrote, from its {@link LastRun} record: columns it overwrote get their
 * previous content (values and formats, copied back from the undo sheet), columns it added are removed
 * (a table column deleted, a plain-range column cleared: only cells the add-in created), sheets it added
 * are deleted and the sheets it replaced come back under their names, at their places; the rows it wrote to
 * its Calls sheet get their previous cells back unless a rep has filled them since (`prepareCallsUndo`); the state goes
 * back to the markers and settings before the run (no state sheet when there was none) and the undo sheet,
 * which holds earlier results, is deleted. Tolerant of a run that stopped part-way: whatever is missing is
 * skipped, and every sheet is renamed at most once. Operations run in an order that leaves the record in
 * place until everything before it is restored, so an undo that fails part-way can simply be repeated.
 * Refuses (changing nothing) when a sheet involved is protected.
 */
export async function undoRun(context: Excel.RequestContext, record: LastRun): Promise<void> {
  const workbook = context.workbook;
  const sheets = workbook.worksheets.load('items/name,items/id');
  const tables = workbook.tables.load('items/name');
  const structure = workbook.protection.load('protected');
  await context.sync();

  const sheetById = new Map(sheets.items.map((s) => [s.id, s]));
  const sheetByName = new Map(sheets.items.map((s) => [s.name.toLowerCase(), s]));
  const tableNames = new Set(
    [...record.createdColumns, ...record.updatedColumns.map((u) => u.marker)]
      .map((m) => m.tableName)
      .filter(
        (n): n is string => n !== null && tables.items.some((t) => t.name.toLowerCase() === n.toLowerCase()),
      ),
  );
  const tableParts = new Map(
    [...tableNames].map((name) => {
      const table = workbook.tables.getItem(name);
      return [
        name.toLowerCase(),
        {
          table,
          columns: table.columns.load('items/id,items/name'),
          range: table.getRange().load('columnIndex'),
          sheet: table.worksheet.load('id'),
        },
      ];
    }),
  );
  const involved = new Set<string>();
  for (const m of [...record.createdColumns, ...record.updatedColumns.map((u) => u.marker)])
    involved.add(m.sheetId);
  const protections = [...involved]
    .map((id) => sheetById.get(id))
    .filter((s): s is Excel.Worksheet => s !== undefined)
    .map((sheet) => ({ sheet, protection: sheet.protection.load('protected') }));
  await context.sync();

  const locked = protections.find((p) => p.protection.protected);
  if (locked !== undefined) {
    throw new ExcelHostError(
      'PROTECTED',
      `Sheet "${locked.sheet.name}" is protected, so the last run cannot be undone. Unprotect it (Review › Unprotect Sheet), then undo again.`,
    );
  }
  const undoSheet = sheetByName.get(HostStateSheet.undoSheetName.toLowerCase()) ?? null;
  const hadState =
    record.previous.settings !== null ||
    record.previous.columns.length > 0 ||
    record.previous.sheets.length > 0;
  const sheetChanges =
    record.createdSheets.length > 0 || record.backupSheets.length > 0 || undoSheet !== null || !hadState;
  if (sheetChanges && structure.protected) {
    throw new ExcelHostError(
      'PROTECTED',
      'The workbook structure is protected, so the add-in cannot restore its sheets. Unprotect the workbook (Review › Protect Workbook), then undo again.',
    );
  }

  const undoCalls = record.calls === undefined ? null : await prepareCallsUndo(context, record.calls);

  context.runtime.enableEvents = false;
  undoCalls?.();
  for (const backup of record.updatedColumns) {
    const m = backup.marker;
    const sheet = sheetById.get(m.sheetId);
    if (sheet === undefined || undoSheet === null) continue;
    let column = m.column;
    if (m.tableName !== null) {
      const part = tableParts.get(m.tableName.toLowerCase());
      const index = part?.columns.items.findIndex((c) => c.id === m.tableColumnId) ?? -1;
      if (part === undefined || index < 0) continue;
      column = part.range.columnIndex + index;
    }
    sheet.getRangeByIndexes(m.headerRow, column, Math.max(backup.rowsWritten, m.rows) + 1, 1).clear('All');
    sheet
      .getRangeByIndexes(m.headerRow, column, m.rows + 1, 1)
      .copyFrom(undoSheet.getRangeByIndexes(0, backup.undoColumn, m.rows + 1, 1), 'All');
  }
  for (const m of record.createdColumns) {
    if (m.tableName !== null) {
      const part = tableParts.get(m.tableName.toLowerCase());
      const found = part?.columns.items.find((c) =>
        m.tableColumnId !== null ? c.id === m.tableColumnId : c.name.toLowerCase() === m.header.toLowerCase(),
      );
      found?.delete();
    } else {
      sheetById
        .get(m.sheetId)
        ?.getRangeByIndexes(m.headerRow, m.column, m.rows + 1, 1)
        .clear('All');
    }
  }
  // A sheet of ours that the run never got to rename still has its old id: it is the previous result, keep it.
  const keptIds = new Set(record.backupSheets.map((b) => b.marker.sheetId));
  const deleted = new Set<string>();
  for (const name of record.createdSheets) {
    const sheet = sheetByName.get(name.toLowerCase());
    if (sheet !== undefined && !keptIds.has(sheet.id) && !deleted.has(sheet.id)) {
      sheet.delete();
      deleted.add(sheet.id);
    }
  }
  // Each kept sheet comes back once, under its old name, only when that name is free again; it stays at its
  // place, which is its old one once the sheets the run added before it are gone.
  const restored = new Set<string>();
  const namesAfter = new Set(sheets.items.filter((s) => !deleted.has(s.id)).map((s) => s.name.toLowerCase()));
  for (const backup of record.backupSheets) {
    const sheet = sheetByName.get(backup.backupName.toLowerCase());
    if (sheet === undefined || restored.has(sheet.id) || namesAfter.has(backup.marker.name.toLowerCase()))
      continue;
    restored.add(sheet.id);
    namesAfter.delete(sheet.name.toLowerCase());
    namesAfter.add(backup.marker.name.toLowerCase());
    sheet.name = backup.marker.name;
    sheet.visibility = 'Visible';
  }
  const stateSheet = sheetByName.get(HostStateSheet.sheetName.toLowerCase());
  if (stateSheet !== undefined && hadState) {
    const previous: HostState = { version: 1, ...record.previous, lastRun: null };
    // Sheet names once the replaced sheets have their names back, for hosts that know no sheet ids.
    const names = new Map(sheets.items.map((s) => [s.id, s.name]));
    for (const backup of record.backupSheets) names.set(backup.marker.sheetId, backup.marker.name);
    HostStateSheet.queueWrite(stateSheet, previous, names);
  } else {
    // The workbook had no record before the run: none after undo either.
    stateSheet?.delete();
  }
  // The previous columns are back (and nothing can be undone twice): their copies leave the workbook.
  undoSheet?.delete();
  context.runtime.enableEvents = true;
  await context.sync();
}
