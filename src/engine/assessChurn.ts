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

/**
 * Churn risk. Expected gap = the customer's mean gap between purchase days when it has at least two
 * ((last − first) / (purchase days − 1)), else the median of that over all repeat customers. Active when
 * recency ≤ 1.5 × gap, At risk when ≤ 3 × gap, else Lapsed. Customers with no order in the window get null.
 * When nobody bought on two different days there is no gap to compare with: the window length in days is
 * used as the gap (so only customers silent for 1.5 windows could lapse, i.e. everyone is Active) — chosen
 * because with no repeat behaviour there is no evidence of churn; the summary says so.
 *
 * @param windowDays Days in the window (inclusive), the fallback gap.
 * @example assessChurn([{ orders: 3, firstPurchase: 0, lastPurchase: 20, purchaseDays: 3, recencyDays: 25 }], 100).risks // ['At risk']: gap 10, 25 > 15 and ≤ 30
 */
export function assessChurn(
  customers: readonly ChurnInput[],
  windowDays: number,
): { risks: (ChurnRisk | null)[]; medianGap: number | null; fallbackGap: number } {
  const gaps: number[] = [];
  for (const c of customers) {
    if (
      (c.orders ?? c.purchaseDays) > 0 &&
      c.purchaseDays >= 2 &&
      c.firstPurchase !== null &&
      c.lastPurchase !== null
    ) {
      gaps.push((c.lastPurchase - c.firstPurchase) / (c.purchaseDays - 1));
    }
  }
  const medianGap = median(gaps);
  const fallbackGap = medianGap ?? windowDays;
  const risks = customers.map((c): ChurnRisk | null => {
    if (
      (c.orders ?? c.purchaseDays) === 0 ||
      c.recencyDays === null ||
      c.firstPurchase === null ||
      c.lastPurchase === null
    )
      return null;
    const gap = c.purchaseDays >= 2 ? (c.lastPurchase - c.firstPurchase) / (c.purchaseDays - 1) : fallbackGap;
    if (c.recencyDays <= 1.5 * gap) return 'Active';
    if (c.recencyDays <= 3 * gap) return 'At risk';
    return 'Lapsed';
  });
  return { risks, medianGap, fallbackGap };
}
