import type { AnalysisResult } from './analyze';
import { defaultPyramidCuts } from './assignPyramidTiers';
import {
  abcLabel,
  churnLabel,
  columnHeader,
  lossMakingFlag,
  rfmLabel,
  svcdLabel,
  t,
  tierLabel,
} from './labels';
import { movementText } from './movement/movementText';
import type { CustomerMovement } from './movement/types';
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
  lossMaking: 'text',
  amountPerOrder: 'money',
  frequencyPerMonth: 'number',
  rfmR: 'integer',
  rfmF: 'integer',
  rfmM: 'integer',
  lifetimeValue: 'money',
  previousTier: 'text',
  tierChange: 'text',
  valueTrend: 'text',
  relationship: 'text',
};

/** Columns that compare with an earlier date: their values come from the movement, not the customer. */
const movementKeys = ['previousTier', 'tierChange', 'valueTrend', 'relationship'] as const;
type MovementKey = (typeof movementKeys)[number];
const isMovementKey = (key: OutputColumnKey): key is MovementKey =>
  (movementKeys as readonly string[]).includes(key);

/** The value of a movement column for one customer (null without a comparison). */
function movementColumnValue(
  key: MovementKey,
  m: CustomerMovement | null,
  language: Language,
  cuts: readonly number[],
): OutputValue {
  if (m === null) return null;
  const words = movementText(language);
  switch (key) {
    case 'previousTier':
      return m.previousTier === null ? null : tierLabel(m.previousTier, language, cuts);
    case 'tierChange':
      return m.tierChange === null ? null : words.change(m.tierChange);
    case 'valueTrend':
      return m.valueTrend === null ? null : words.trend(m.valueTrend);
    case 'relationship':
      return m.relationship === null ? null : words.kind(m.relationship);
  }
}

/** Columns that speak of profit: left out when the sales have neither a profit nor a cost column. */
const profitColumns: readonly OutputColumnKey[] = ['profit', 'lossMaking'];

/**
 * The value of one output column for one customer, localised. Dates are 1900-system serials. The tier is
 * named by position (`Tier 5 · bottom 40%`, with the run's cut-offs); the loss-making flag says whether the
 * customer's own profit is below zero, whatever its tier.
 *
 * @param cuts The pyramid cut-offs the tiers were made with (default 5/15/35/60/100 %).
 */
export function customerColumnValue(
  key: Exclude<OutputColumnKey, MovementKey>,
  c: CustomerResult,
  language: Language,
  cuts: readonly number[] = defaultPyramidCuts,
): OutputValue {
  switch (key) {
    case 'svcd':
      return c.svcd === null ? null : svcdLabel(c.svcd, language);
    case 'abc':
      return abcLabel(c.abc, language);
    case 'pyramidTier':
      return c.pyramidTier === null ? null : tierLabel(c.pyramidTier, language, cuts);
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
    case 'lossMaking':
      return c.profit === null || !c.hasSalesInWindow ? null : lossMakingFlag(c.profit < 0, language);
    case 'amountPerOrder':
      return c.amountPerOrder;
    case 'frequencyPerMonth':
      return c.hasSalesInWindow ? c.frequencyPerMonth : null;
    case 'rfmR':
      return c.rfm?.r ?? null;
    case 'rfmF':
      return c.rfm?.f ?? null;
    case 'rfmM':
      return c.rfm?.m ?? null;
    case 'lifetimeValue':
      return c.lifetimeValue;
  }
}

/**
 * The customer columns to write, one value per data row of the target. With a customers table, rows
 * follow the table (a repeated id gets the same values, a blank id gets blanks); without one, rows are
 * the analysed customers in result order, and `baseColumns` (id, name, sales rep) start the new sheet.
 * The profit and loss-making columns are left out when the sales have no profit or cost.
 */
export function buildCustomerColumns(result: AnalysisResult): {
  columns: ColumnSpec[];
  baseColumns: ColumnSpec[];
} {
  const language = result.settings.language;
  const movement = result.movement ?? null;
  const keys = result.settings.columns.filter(
    (key) =>
      (!profitColumns.includes(key) || result.valueBasis === 'profit') &&
      (!isMovementKey(key) || movement !== null),
  );
  const indices: (number | null)[] = result.customersTableRows ?? result.customers.map((_c, index) => index);
  const cuts = result.settings.pyramidCuts;
  const columns = keys.map((key): ColumnSpec => ({
    key,
    header: columnHeader(key, language),
    format: formats[key],
    values: indices.map((index) => {
      const c = index === null ? undefined : result.customers[index];
      if (index === null || c === undefined) return null;
      return isMovementKey(key)
        ? movementColumnValue(key, movement?.customers[index] ?? null, language, cuts)
        : customerColumnValue(key, c, language, cuts);
    }),
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
