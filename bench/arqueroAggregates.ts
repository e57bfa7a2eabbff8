import * as aq from 'arquero';
import type { RawCell } from '../src/engine/types';

/**
 * The per-customer aggregates of the engine, computed with arquero from the same column arrays (order id,
 * customer id, day, amount, cost): revenue Σ amount, profit Σ (amount − cost), distinct purchase days and
 * distinct orders with amount > 0, first and last day with amount > 0. Arquero's `distinct` counts null as
 * a value, so one is taken off where a customer also has rows with amount ≤ 0.
 *
 * @returns The aggregate table (one row per customer).
 */
export function arqueroAggregates(columns: readonly RawCell[][]): aq.ColumnTable {
  const [order, customer, day, amount, cost] = columns;
  return aq
    .table({ order, customer, day, amount, cost })
    .derive({
      profit: 'd => d.amount - d.cost',
      buyDay: 'd => d.amount > 0 ? d.day : null',
      buyOrder: 'd => d.amount > 0 ? d.order : null',
    })
    .groupby('customer')
    .rollup({
      revenue: aq.op.sum('amount'),
      profit: aq.op.sum('profit'),
      days: aq.op.distinct('buyDay'),
      orders: aq.op.distinct('buyOrder'),
      buys: aq.op.valid('buyDay'),
      rows: aq.op.count(),
      firstPurchase: aq.op.min('buyDay'),
      lastPurchase: aq.op.max('buyDay'),
    })
    .derive({
      purchaseDays: 'd => d.days - (d.buys < d.rows ? 1 : 0)',
      orders: 'd => d.orders - (d.buys < d.rows ? 1 : 0)',
    });
}
