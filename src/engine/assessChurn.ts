import { median } from './medianThreshold';
import type { ChurnRisk } from './types';

/** Per customer: purchase history in the window (null first/last = no order in the window). */
export interface ChurnInput {
  /** Orders in the window (default: purchase days); 0 means no order, so no churn risk. */
  orders?: number;
  firstPurchase: number | null;
  lastPurchase: number | null;
  purchaseDays: number;
  recencyDays: number | null;
}

/** The same per customer as columns: −1 for no first or last purchase, NaN for no recency. */
export interface ChurnColumns {
  orders: ArrayLike<number>;
  firstPurchase: ArrayLike<number>;
  lastPurchase: ArrayLike<number>;
  purchaseDays: ArrayLike<number>;
  recencyDays: ArrayLike<number>;
}

/** Churn risks with the gaps they were measured against. */
export interface ChurnAssessment {
  risks: (ChurnRisk | null)[];
  medianGap: number | null;
  fallbackGap: number;
}

/** Churn risks by code: 0 = none, then Active, At risk, Lapsed. */
export const churnByCode: readonly (ChurnRisk | null)[] = [null, 'Active', 'At risk', 'Lapsed'];

/** {@link ChurnAssessment} with each risk as its code in {@link churnByCode}. */
export interface ChurnCodes {
  codes: Uint8Array;
  medianGap: number | null;
  fallbackGap: number;
}

/**
 * Churn risk over columns of customers. Expected gap = the customer's mean gap between purchase days when
 * it has at least two ((last − first) / (purchase days − 1)), else the median of that over all repeat
 * customers. Active when recency ≤ 1.5 × gap, At risk when ≤ 3 × gap, else Lapsed. Customers with no order
 * in the window get null. When nobody bought on two different days there is no gap to compare with: the
 * window length in days is used as the gap (so only customers silent for 1.5 windows could lapse, i.e.
 * everyone is Active) — chosen because with no repeat behaviour there is no evidence of churn; the summary
 * says so.
 *
 * @param windowDays Days in the window (inclusive), the fallback gap.
 * @example assessChurnColumns({ orders: [3], firstPurchase: [0], lastPurchase: [20], purchaseDays: [3], recencyDays: [25] }, 100).codes // Uint8Array [2]: At risk
 */
export function assessChurnColumns(c: ChurnColumns, windowDays: number): ChurnCodes {
  const count = c.purchaseDays.length;
  const hasOrder = (i: number): boolean =>
    c.orders[i]! > 0 && c.firstPurchase[i]! >= 0 && c.lastPurchase[i]! >= 0;
  const allGaps = new Float64Array(count);
  let gapCount = 0;
  for (let i = 0; i < count; i++) {
    if (hasOrder(i) && c.purchaseDays[i]! >= 2)
      allGaps[gapCount++] = (c.lastPurchase[i]! - c.firstPurchase[i]!) / (c.purchaseDays[i]! - 1);
  }
  const medianGap = median(allGaps.subarray(0, gapCount), true);
  const fallbackGap = medianGap ?? windowDays;
  const codes = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const recency = c.recencyDays[i]!;
    if (!hasOrder(i) || Number.isNaN(recency)) continue;
    const days = c.purchaseDays[i]!;
    const gap = days >= 2 ? (c.lastPurchase[i]! - c.firstPurchase[i]!) / (days - 1) : fallbackGap;
    codes[i] = recency <= 1.5 * gap ? 1 : recency <= 3 * gap ? 2 : 3;
  }
  return { codes, medianGap, fallbackGap };
}

/**
 * Churn risk per customer; see {@link assessChurnColumns}.
 *
 * @param windowDays Days in the window (inclusive), the fallback gap.
 * @example assessChurn([{ orders: 3, firstPurchase: 0, lastPurchase: 20, purchaseDays: 3, recencyDays: 25 }], 100).risks // ['At risk']: gap 10, 25 > 15 and ≤ 30
 */
export function assessChurn(customers: readonly ChurnInput[], windowDays: number): ChurnAssessment {
  const { codes, medianGap, fallbackGap } = assessChurnColumns(
    {
      orders: customers.map((c) => c.orders ?? c.purchaseDays),
      firstPurchase: customers.map((c) => c.firstPurchase ?? -1),
      lastPurchase: customers.map((c) => c.lastPurchase ?? -1),
      purchaseDays: customers.map((c) => c.purchaseDays),
      recencyDays: customers.map((c) => c.recencyDays ?? Number.NaN),
    },
    windowDays,
  );
  return { risks: Array.from(codes, (code) => churnByCode[code] ?? null), medianGap, fallbackGap };
}
