import type { TableInput } from '../analyze';
import { cellAt } from '../cellColumn';
import { isBlank, parseIdCell, parseTextCell } from '../parseCell';
import { normalizeHeader } from '../headerSynonyms';
import type { DataNote, DateOrder } from '../types';
import { parseCareDate, type CareDate } from './parseCareDate';

/** Which yearly date a care date is. */
export type CareDateKind = 'birthday' | 'wedding' | 'anniversary' | 'customerSince';

/** One customer's yearly date from the customers table. */
export interface CustomerCareDate {
  /** Customer index (row of every output). */
  customer: number;
  kind: CareDateKind;
  date: CareDate;
}

/** What the customers table says for care and calls. */
export interface CustomerCare {
  /** Phone per customer index (null when none; customers past the table's have none). */
  phones: (string | null)[];
  dates: CustomerCareDate[];
  notes: DataNote[];
}

/**
 * Reads birthdays, anniversaries (a wedding anniversary when the header says so: `wedding`, `结婚`),
 * customer-since dates and phones from the customers table. A repeated id keeps its first row (as the
 * customers table does everywhere); an unreadable date is left out and counted in one note per column
 * (sheet, first row, column).
 *
 * @param position Customer index by id (the run's roster).
 * @example readCustomerCare(customers, new Map([['C1', 0]]), false, 'mdy').dates[0] // { customer: 0, kind: 'birthday', date: … }
 */
export function readCustomerCare(
  input: TableInput | null,
  position: ReadonlyMap<string, number>,
  date1904: boolean,
  order: DateOrder,
): CustomerCare {
  const phones: (string | null)[] = new Array<string | null>(position.size).fill(null);
  const care: CustomerCare = { phones, dates: [], notes: [] };
  if (input === null) return care;
  const { table, mapping } = input;
  const idColumn = mapping.customerId === undefined ? undefined : table.columns[mapping.customerId];
  if (idColumn === undefined) return care;
  const dateColumns: { kind: CareDateKind; column: number }[] = [];
  if (mapping.birthday !== undefined) dateColumns.push({ kind: 'birthday', column: mapping.birthday });
  if (mapping.anniversary !== undefined) {
    const header = normalizeHeader(table.headers[mapping.anniversary] ?? '');
    const wedding = header.includes('wedding') || header.includes('结婚') || header.includes('結婚');
    dateColumns.push({ kind: wedding ? 'wedding' : 'anniversary', column: mapping.anniversary });
  }
  if (mapping.customerSince !== undefined)
    dateColumns.push({ kind: 'customerSince', column: mapping.customerSince });
  const unreadable = dateColumns.map(() => ({ count: 0, firstRow: 0, example: '' }));
  const phoneColumn = mapping.phone === undefined ? undefined : table.columns[mapping.phone];
  const seen = new Set<string>();
  for (let r = 0; r < table.rowCount; r++) {
    const id = parseIdCell(cellAt(idColumn, r));
    if (id === null || seen.has(id)) continue;
    seen.add(id);
    const customer = position.get(id);
    if (customer === undefined) continue;
    if (phoneColumn !== undefined) {
      const cell = cellAt(phoneColumn, r);
      phones[customer] = typeof cell === 'number' ? parseIdCell(cell) : parseTextCell(cell);
    }
    dateColumns.forEach(({ kind, column }, k) => {
      const cells = table.columns[column];
      if (cells === undefined) return;
      const cell = cellAt(cells, r);
      if (isBlank(cell)) return;
      const date = parseCareDate(cell, date1904, order);
      if (date !== null) {
        care.dates.push({ customer, kind, date });
        return;
      }
      const bad = unreadable[k];
      if (bad === undefined) return;
      if (bad.count === 0) {
        bad.firstRow = table.headerRow + 1 + r;
        bad.example = String(cell);
      }
      bad.count++;
    });
  }
  dateColumns.forEach(({ column }, k) => {
    const bad = unreadable[k];
    if (bad === undefined || bad.count === 0) return;
    const header = (table.headers[column] ?? '').trim();
    care.notes.push({
      sheet: table.sheet,
      row: bad.firstRow,
      column: header,
      message: `${bad.count} date(s) in "${header}" (for example "${bad.example}") are not readable and get no care call.`,
      code: 'careDateUnreadable',
      params: { count: bad.count, column: header, example: bad.example },
    });
  });
  return care;
}
