import type { AnalysisResult } from './analyze';
import { abcLabel, churnLabel, columnHeader, rfmLabel, svcdLabel, t, tierLabel } from './labels';
import type { ColumnSpec, NumberFormatKey, OutputValue } from './sheetSpec';
import type { CustomerResult, Language, OutputColumnKey } from './types';

const formats: Record<OutputColumnKey, NumberFormatKey> = {
  svcd: 'text',
  abc: 'text',
  pyramidTier: 'text',
  visitsPerMonth: 'number',
  nextVisitDue: 'date',
  rfmScore: 'text',
  rfmSegment: 'text',
  churnRisk: 'text',
  revenue: 'money',
  profit: 'money',
  orders: 'integer',
  lastPurchase: 'date',
  recencyDays: 'integer',
};

/** The value of one output column for one customer, localised. Dates are 1900-system serials. */
export function customerColumnValue(
  key: OutputColumnKey,
  c: CustomerResult,
  language: Language,
): OutputValue {
  switch (key) {
    case 'svcd':
      return c.svcd === null ? null : svcdLabel(c.svcd, language);
    case 'abc':
      return abcLabel(c.abc, language);
    case 'pyramidTier':
      return c.pyramidTier === null ? null : tierLabel(c.pyramidTier, language);
    case 'visitsPerMonth':
      return c.visitsPerMonth;
    case 'nextVisitDue':
      return c.nextVisitDue;
    case 'rfmScore':
      return c.rfm === null ? null : `${c.rfm.r}${c.rfm.f}${c.rfm.m}`;
    case 'rfmSegment':
      return c.rfm === null ? null : rfmLabel(c.rfm.segment, language);
    case 'churnRisk':
      return c.churnRisk === null ? null : churnLabel(c.churnRisk, language);
    case 'revenue':
      return c.revenue;
    case 'profit':
      return c.profit;
    case 'orders':
      return c.orders;
    case 'lastPurchase':
      return c.lastPurchase;
    case 'recencyDays':
      return c.recencyDays;
  }
}

/**
 * The customer columns to write, one value per data row of the target. With a customers table, rows
 * follow the table (a repeated id gets the same values, a blank id gets blanks); without one, rows are
 * the analysed customers in result order, and `baseColumns` (id, name, sales rep) start the new sheet.
 * The profit column is left out when the sales have no profit or cost.
 */
export function buildCustomerColumns(result: AnalysisResult): {
  columns: ColumnSpec[];
  baseColumns: ColumnSpec[];
} {
  const language = result.settings.language;
  const keys = result.settings.columns.filter((key) => key !== 'profit' || result.valueBasis === 'profit');
  const rows: (CustomerResult | null)[] =
    result.customersTableRows === null
      ? result.customers
      : result.customersTableRows.map((index) => (index === null ? null : (result.customers[index] ?? null)));
  const columns = keys.map((key): ColumnSpec => ({
    key,
    header: columnHeader(key, language),
    format: formats[key],
    values: rows.map((c) => (c === null ? null : customerColumnValue(key, c, language))),
  }));
  const baseColumns: ColumnSpec[] =
    result.customersTableRows === null
      ? [
          {
            key: 'customerId',
            header: t('customerId', language),
            format: 'text',
            values: result.customers.map((c) => c.id),
          },
          {
            key: 'customerName',
            header: t('customerName', language),
            format: 'text',
            values: result.customers.map((c) => c.name),
          },
          {
            key: 'rep',
            header: t('rep', language),
            format: 'text',
            values: result.customers.map((c) => c.rep),
          },
        ]
      : [];
  return { columns, baseColumns };
}
