import { cellsOf, cellsOrNull } from './cellColumn';
import { parseIdCell, parseTextCell } from './parseCell';
import { DateReader, describeCell, unreadableIdReason, type ParseOptions } from './parseSales';
import type { ColumnMapping, DataNote, LoadedTable, SkippedRow } from './types';

/** The visits log, parsed. */
export interface ParsedVisits {
  customerIds: string[];
  days: number[];
  reps: (string | null)[];
  totalRows: number;
  skipped: SkippedRow[];
  notes: DataNote[];
}

/**
 * Reads the visits log: customer id and visit date per row, optional sales rep. Rows with a blank id or an
 * unreadable date are skipped and listed.
 */
export function parseVisits(table: LoadedTable, mapping: ColumnMapping, options: ParseOptions): ParsedVisits {
  const dateField = mapping.visitDate ?? mapping.date;
  const idColumn = mapping.customerId === undefined ? [] : cellsOf(table.columns[mapping.customerId] ?? []);
  const dateColumn = dateField === undefined ? [] : cellsOf(table.columns[dateField] ?? []);
  const repColumn = mapping.rep === undefined ? null : cellsOrNull(table.columns[mapping.rep]);
  const idHeader = mapping.customerId === undefined ? null : (table.headers[mapping.customerId] ?? '').trim();
  const dateHeader = dateField === undefined ? null : (table.headers[dateField] ?? '').trim();
  const reader = new DateReader(options);
  const result: ParsedVisits = {
    customerIds: [],
    days: [],
    reps: [],
    totalRows: table.rowCount,
    skipped: [],
    notes: [],
  };
  for (let i = 0; i < table.rowCount; i++) {
    const row = table.headerRow + 1 + i;
    const idCell = idColumn[i] ?? null;
    const id = parseIdCell(idCell);
    if (id === null) {
      result.skipped.push({ ...unreadableIdReason(idCell), sheet: table.sheet, row, column: idHeader });
      continue;
    }
    const day = reader.read(dateColumn[i] ?? null, row);
    if (day === null) {
      result.skipped.push({
        code: 'dateUnreadable',
        sheet: table.sheet,
        row,
        column: dateHeader,
        reason: `visit date is not readable (${describeCell(dateColumn[i] ?? null)})`,
      });
      continue;
    }
    result.customerIds.push(id);
    result.days.push(day);
    result.reps.push(repColumn === null ? null : parseTextCell(repColumn[i] ?? null));
  }
  const note = reader.ambiguityNote(table.sheet, dateHeader);
  if (note !== null) result.notes.push(note);
  return result;
}
