import type { CustomerAggregates } from './SalesTotals';

/**
 * Per-customer measures as columns, in the analysis's customer order (row i = customer i of the roster).
 * Numbers that may not apply are NaN (or −1 for day numbers).
 */
export interface CustomerMeasures {
  /** 1 when the customer has any sales row inside the analysis window (any amount). */
  hasSalesInWindow: Uint8Array;
  revenue: Float64Array;
  /** All zero when the sales have neither a profit nor a cost column. */
  profit: Float64Array;
  orders: Int32Array;
  purchaseDays: Int32Array;
  /** Day numbers, −1 when none. */
  firstPurchase: Int32Array;
  lastPurchase: Int32Array;
  recencyDays: Float64Array;
  frequencyPerMonth: Float64Array;
  amountPerOrder: Float64Array;
  /** The value the pyramid ranks by (profit, or revenue without profit data); NaN off the pyramid. */
  pyramidValue: Float64Array;
  /** Latest visit up to the as-of date, else latest purchase up to it; NaN if never contacted. */
  lastContact: Float64Array;
  /** Profit (or revenue without profit data) of all sales up to the as-of date. */
  lifetimeValue: Float64Array;
  /** Visits logged in the window (0 without a visits log). */
  visitsInWindow: Int32Array;
}

/**
 * Gathers the measures of each customer from the sales totals, in one pass over the customers. The
 * columns may be the totals' own (read-only from here on).
 *
 * @param salesOf For each customer, its index in the totals; −1 for a customer without sales rows.
 * @param months Months in the window (orders per month divide by it).
 * @param lastVisit Each customer's latest logged visit up to the as-of date (NaN for none); null without a
 *   visits log.
 * @param visitsInWindow Each customer's visits in the window (kept as the measures' column).
 */
export function gatherMeasures(
  totals: CustomerAggregates,
  salesOf: Int32Array,
  asOf: number,
  months: number,
  hasProfit: boolean,
  lastVisit: Float64Array | null,
  visitsInWindow: Int32Array,
): CustomerMeasures {
  const count = salesOf.length;
  // When the customers are the totals' customers in the same order (no customers table, the default
  // window), the totals' own columns serve as they are: no copies to make and collect.
  const same = isIdentity(salesOf, totals.revenue.length);
  const m: CustomerMeasures = {
    revenue: same ? totals.revenue : new Float64Array(count),
    profit: same ? totals.profit : new Float64Array(count),
    orders: same ? totals.orders : new Int32Array(count),
    purchaseDays: same ? totals.purchaseDays : new Int32Array(count),
    firstPurchase: same ? totals.firstPurchase : new Int32Array(count).fill(-1),
    lastPurchase: same ? totals.lastPurchase : new Int32Array(count).fill(-1),
    recencyDays: new Float64Array(count).fill(Number.NaN),
    frequencyPerMonth: new Float64Array(count),
    amountPerOrder: new Float64Array(count).fill(Number.NaN),
    pyramidValue: new Float64Array(count).fill(Number.NaN),
    lastContact: lastVisit === null ? new Float64Array(count).fill(Number.NaN) : lastVisit.slice(),
    hasSalesInWindow: same ? totals.hasSalesInWindow : new Uint8Array(count),
    lifetimeValue: same ? totals.lifetimeValue : new Float64Array(count),
    visitsInWindow,
  };
  for (let i = 0; i < count; i++) {
    const s = salesOf[i]!;
    if (s < 0) continue;
    if (!same) {
      m.revenue[i] = totals.revenue[s]!;
      m.profit[i] = totals.profit[s]!;
      m.orders[i] = totals.orders[s]!;
      m.purchaseDays[i] = totals.purchaseDays[s]!;
      m.firstPurchase[i] = totals.firstPurchase[s]!;
      m.lastPurchase[i] = totals.lastPurchase[s]!;
      m.hasSalesInWindow[i] = totals.hasSalesInWindow[s]!;
      m.lifetimeValue[i] = totals.lifetimeValue[s]!;
    }
    const revenue = totals.revenue[s]!;
    const orders = totals.orders[s]!;
    const last = totals.lastPurchase[s]!;
    if (last >= 0) m.recencyDays[i] = asOf - last;
    m.frequencyPerMonth[i] = orders / months;
    if (orders > 0) m.amountPerOrder[i] = revenue / orders;
    if (totals.hasSalesInWindow[s] === 1) m.pyramidValue[i] = hasProfit ? totals.profit[s]! : revenue;
    const lastEver = totals.lastPurchaseEver[s]!;
    if (Number.isNaN(m.lastContact[i]!) && lastEver >= 0) m.lastContact[i] = lastEver;
  }
  return m;
}

/** Whether `salesOf` is 0, 1, …, n − 1 over all n totals. */
function isIdentity(salesOf: Int32Array, n: number): boolean {
  if (salesOf.length !== n) return false;
  for (let i = 0; i < n; i++) if (salesOf[i] !== i) return false;
  return true;
}
