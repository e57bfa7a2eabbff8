import { fieldsForHeader } from './headerSynonyms';
import type { ColumnMapping, FieldKey } from './types';

const fieldOrder: readonly FieldKey[] = [
  'customerId',
  'date',
  'visitDate',
  'amount',
  'quantity',
  'unitPrice',
  'orderId',
  'profit',
  'cost',
  'customerName',
  'rep',
  'region',
  'product',
  'category',
  'birthday',
  'anniversary',
  'customerSince',
  'phone',
  'followUpDays',
  'careNote',
];

/**
 * Maps each recognised field to one column of a header row. Every column serves at most one field;
 * when several columns match a field, the best-ranked synonym wins, then the leftmost column.
 *
 * @param headers Header texts as written.
 * @returns Column positions (0-based) by field; fields not found are absent.
 * @example mapHeaders(['Order ID', 'Customer ID', 'Order Date', 'Sales']) // { orderId: 0, customerId: 1, date: 2, amount: 3 }
 */
export function mapHeaders(headers: readonly string[]): ColumnMapping {
  const candidates: { field: FieldKey; rank: number; column: number }[] = [];
  headers.forEach((header, column) => {
    for (const { field, rank } of fieldsForHeader(header)) candidates.push({ field, rank, column });
  });
  candidates.sort(
    (a, b) =>
      a.rank - b.rank || fieldOrder.indexOf(a.field) - fieldOrder.indexOf(b.field) || a.column - b.column,
  );
  const mapping: ColumnMapping = {};
  const usedColumns = new Set<number>();
  for (const { field, column } of candidates) {
    if (mapping[field] !== undefined || usedColumns.has(column)) continue;
    mapping[field] = column;
    usedColumns.add(column);
  }
  return mapping;
}

/** Number of distinct fields a header row maps; used to find header rows and rank tables. */
export function countMappedFields(headers: readonly string[]): number {
  return Object.keys(mapHeaders(headers)).length;
}
