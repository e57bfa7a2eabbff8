import { churnByCode } from './assessChurn';
import { abcByCode } from './assignAbc';
import { svcdByCode } from './assignSvcd';
import type { CustomerResult, PyramidTier } from './types';

/** RFM scores with their segment, as a {@link CustomerResult} holds them. */
export type RfmResult = NonNullable<CustomerResult['rfm']>;

/**
 * Every customer's results as columns: row i is customer i of `AnalysisResult.customers`. This is what
 * {@link analyze} computes; the per-customer objects are built from it when first asked for, so a run that
 * only writes columns or counts segments never makes 100,000 objects. Numbers that may not apply are NaN
 * (or −1 for day numbers) where the object has null.
 */
export interface CustomerResultColumns {
  count: number;
  ids: readonly string[];
  /** Names and reps by customer; shorter (to empty) when the customers past the end have none. */
  names: readonly (string | null)[];
  reps: readonly (string | null)[];
  /** The first `listed` customers come from the customers table (in its order), the rest from sales only. */
  listed: number;
  /** 1 when the customer has any sales row inside the analysis window (any amount). */
  hasSalesInWindow: Uint8Array;
  revenue: Float64Array;
  /** Null when the sales have neither a profit nor a cost column. */
  profit: Float64Array | null;
  orders: Int32Array;
  purchaseDays: Int32Array;
  /** Day numbers, −1 when none. */
  firstPurchase: Int32Array;
  lastPurchase: Int32Array;
  recencyDays: Float64Array;
  frequencyPerMonth: Float64Array;
  amountPerOrder: Float64Array;
  /** Segment codes (`svcdByCode`): typed arrays, so the results make no large JavaScript arrays. */
  svcd: Uint8Array;
  /** Class codes (`abcByCode`). */
  abc: Uint8Array;
  /** Tier numbers, 0 off the pyramid. */
  pyramidTier: Uint8Array;
  pyramidValue: Float64Array;
  visitIntervalDays: Float64Array;
  visitsPerMonth: Float64Array;
  lastContact: Float64Array;
  nextVisitDue: Float64Array;
  /** 1 when the next visit is before the as-of date. */
  overdue: Uint8Array;
  /** Index into `rfmResults` (r × 36 + f × 6 + m), −1 when not scored. */
  rfm: Int16Array;
  /** The shared RFM result of each score code (null where no rule applies or the code is not a score). */
  rfmResults: readonly (RfmResult | null)[];
  /** Risk codes (`churnByCode`). */
  churnRisk: Uint8Array;
  lifetimeValue: Float64Array;
  visitsInWindow: Int32Array;
}

const orNull = (value: number): number | null => (Number.isNaN(value) ? null : value);
const dayOrNull = (day: number): number | null => (day >= 0 ? day : null);

/** Customer i as an object, field by field (no spread: copies of 100k objects fall off V8's fast paths). */
export function customerResultAt(c: CustomerResultColumns, i: number): CustomerResult {
  const rfm = c.rfm[i]!;
  const tier = c.pyramidTier[i]!;
  return {
    id: c.ids[i]!,
    name: c.names[i] ?? null,
    rep: c.reps[i] ?? null,
    inCustomersTable: i < c.listed,
    hasSalesInWindow: c.hasSalesInWindow[i] === 1,
    revenue: c.revenue[i]!,
    profit: c.profit === null ? null : c.profit[i]!,
    orders: c.orders[i]!,
    purchaseDays: c.purchaseDays[i]!,
    firstPurchase: dayOrNull(c.firstPurchase[i]!),
    lastPurchase: dayOrNull(c.lastPurchase[i]!),
    recencyDays: orNull(c.recencyDays[i]!),
    frequencyPerMonth: c.frequencyPerMonth[i]!,
    amountPerOrder: orNull(c.amountPerOrder[i]!),
    svcd: svcdByCode[c.svcd[i]!] ?? null,
    abc: abcByCode[c.abc[i]!] ?? 'C',
    pyramidTier: tier === 0 ? null : (tier as PyramidTier),
    pyramidValue: orNull(c.pyramidValue[i]!),
    visitIntervalDays: c.visitIntervalDays[i]!,
    visitsPerMonth: c.visitsPerMonth[i]!,
    lastContact: orNull(c.lastContact[i]!),
    nextVisitDue: c.nextVisitDue[i]!,
    overdue: c.overdue[i] === 1,
    rfm: rfm < 0 ? null : (c.rfmResults[rfm] ?? null),
    churnRisk: churnByCode[c.churnRisk[i]!] ?? null,
    lifetimeValue: c.lifetimeValue[i]!,
    visitsInWindow: c.visitsInWindow[i]!,
  };
}

/** Every customer as an object, in column order. */
export function customerResultsOf(columns: CustomerResultColumns): CustomerResult[] {
  const customers = new Array<CustomerResult>(columns.count);
  for (let i = 0; i < columns.count; i++) customers[i] = customerResultAt(columns, i);
  return customers;
}
