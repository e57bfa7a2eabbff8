import { AnalysisError } from './errors';
import { mapHeaders } from './mapHeaders';
import type { ColumnMapping, Language, MappedTable, SourceTable, TableKind } from './types';

/** The tables an analysis uses. */
export interface ChosenTables {
  sales: MappedTable;
  customers: MappedTable | null;
  visits: MappedTable | null;
  /** The care rules table (issue 16): product or category → follow up after N days; null when none. */
  careRules: MappedTable | null;
}

/**
 * Classifies a table by its mapped columns: sales (customer, date and an amount or quantity × unit
 * price), visits (customer and a visit date, or a date without amounts), customers (customer id without
 * dates or amounts); care rules (no customer column, a product or category and a follow-up-days column);
 * null otherwise.
 */
export function classifyTable(mapping: ColumnMapping): TableKind | null {
  if (mapping.customerId === undefined) {
    const hasItem = mapping.product !== undefined || mapping.category !== undefined;
    return hasItem && mapping.followUpDays !== undefined ? 'careRules' : null;
  }
  const hasAmount =
    mapping.amount !== undefined || (mapping.quantity !== undefined && mapping.unitPrice !== undefined);
  if (mapping.date !== undefined && hasAmount) return 'sales';
  if (mapping.visitDate !== undefined || mapping.date !== undefined) return 'visits';
  if (!hasAmount) return 'customers';
  return null;
}

/**
 * Picks the sales, customers, visits and care rules tables among those a host found, and maps their columns.
 * The user's overrides replace recognised fields. Among several candidates of one kind, the one with the
 * most mapped fields wins, then the most rows, then Excel tables before plain ranges, then the first.
 *
 * @throws AnalysisError `NO_TABLES` for a workbook with no tables, `NO_CUSTOMER_COLUMN` when sales-like
 *   data has no customer column, `NO_SALES_TABLE` otherwise when nothing qualifies as sales; the message
 *   lists the headers found, in `language` (default English).
 */
export function chooseTables(
  tables: readonly SourceTable[],
  overrides: Partial<Record<TableKind, ColumnMapping>> = {},
  language: Language = 'en',
): ChosenTables {
  if (tables.length === 0) throw AnalysisError.of({ key: 'noTables' }, language);
  const byKind: Record<TableKind, MappedTable[]> = { sales: [], customers: [], visits: [], careRules: [] };
  for (const source of tables) {
    const recognised = mapHeaders(source.headers);
    let kind = classifyTable(recognised);
    for (const candidateKind of ['sales', 'customers', 'visits', 'careRules'] as const) {
      const override = overrides[candidateKind];
      if (override === undefined) continue;
      const merged = { ...recognised, ...override };
      if (classifyTable(merged) === candidateKind && kind !== candidateKind && kind === null)
        kind = candidateKind;
    }
    if (kind === null) continue;
    const mapping = { ...recognised, ...(overrides[kind] ?? {}) };
    if (mapping.visitDate === undefined && kind === 'visits' && mapping.date !== undefined) {
      mapping.visitDate = mapping.date;
    }
    byKind[kind].push({ source, kind, mapping });
  }
  const best = (list: MappedTable[]): MappedTable | null => {
    const sorted = [...list].sort(
      (a, b) =>
        Object.keys(b.mapping).length - Object.keys(a.mapping).length ||
        b.source.rowCount - a.source.rowCount ||
        Number(b.source.tableName !== null) - Number(a.source.tableName !== null),
    );
    return sorted[0] ?? null;
  };
  const sales = best(byKind.sales);
  if (sales === null) {
    const salesLike = tables.find((t) => {
      const m = mapHeaders(t.headers);
      return (
        m.date !== undefined &&
        (m.amount !== undefined || (m.quantity !== undefined && m.unitPrice !== undefined))
      );
    });
    if (salesLike !== undefined)
      throw AnalysisError.of({ key: 'noCustomerColumn', table: salesLike }, language);
    throw AnalysisError.of({ key: 'noSalesTable', found: tables }, language);
  }
  return {
    sales,
    customers: best(byKind.customers),
    visits: best(byKind.visits),
    careRules: best(byKind.careRules),
  };
}
