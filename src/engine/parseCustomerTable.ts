import { cellsOf, cellsOrNull } from './cellColumn';
import { parseIdCell, parseTextCell } from './parseCell';
import type { ColumnMapping, DataNote, LoadedTable } from './types';

/** The customers table read row by row. */
export interface ParsedCustomerTable {
  /** Customer id of each data row, null for a blank id. */
  rowIds: (string | null)[];
  /** Distinct ids in row order. */
  ids: string[];
  names: Map<string, string>;
  reps: Map<string, string>;
  notes: DataNote[];
}

/**
 * Reads the customers table. A repeated id keeps its first row's name and rep; the repeat is reported (and
 * gets the same result columns). Rows with a blank id get no results and are reported.
 */
export function parseCustomerTable(table: LoadedTable, mapping: ColumnMapping): ParsedCustomerTable {
  const idColumn = mapping.customerId === undefined ? [] : cellsOf(table.columns[mapping.customerId] ?? []);
  const nameColumn =
    mapping.customerName === undefined ? null : cellsOrNull(table.columns[mapping.customerName]);
  const repColumn = mapping.rep === undefined ? null : cellsOrNull(table.columns[mapping.rep]);
  const idHeader = mapping.customerId === undefined ? null : (table.headers[mapping.customerId] ?? '').trim();
  const rowIds: (string | null)[] = [];
  const ids: string[] = [];
  const names = new Map<string, string>();
  const reps = new Map<string, string>();
  const firstRow = new Map<string, number>();
  const notes: DataNote[] = [];
  let blank = 0;
  let firstBlank = 0;
  for (let i = 0; i < table.rowCount; i++) {
    const sheetRow = table.headerRow + 1 + i;
    const id = parseIdCell(idColumn[i] ?? null);
    rowIds.push(id);
    if (id === null) {
      if (blank === 0) firstBlank = sheetRow;
      blank++;
      continue;
    }
    const seen = firstRow.get(id);
    if (seen !== undefined) {
      notes.push({
        sheet: table.sheet,
        row: sheetRow,
        column: idHeader,
        message: `Customer id "${id}" appears again (first on row ${seen}); both rows get the same results.`,
        code: 'duplicateId',
        params: { id, first: seen },
      });
      continue;
    }
    firstRow.set(id, sheetRow);
    ids.push(id);
    const name = nameColumn === null ? null : parseTextCell(nameColumn[i] ?? null);
    if (name !== null) names.set(id, name);
    const rep = repColumn === null ? null : parseTextCell(repColumn[i] ?? null);
    if (rep !== null) reps.set(id, rep);
  }
  if (blank > 0) {
    notes.push({
      sheet: table.sheet,
      row: firstBlank,
      column: idHeader,
      message: `${blank} customer row(s) have a blank customer id and get no results.`,
      code: 'blankCustomerIds',
      params: { count: blank },
    });
  }
  return { rowIds, ids, names, reps, notes };
}
