import {
  holdoutTotals,
  slippingCustomers,
  type OutlookSettings,
  type ValueOutlookInput,
} from './buildValueOutlookSheet';

/** Customers the pane lists as "call first". */
export const paneSlippingLength = 5;

/** The Value outlook in short, for the task pane: plain data (structured-clone safe). */
export type OutlookInShort =
  | { fitted: false; reason: string }
  | {
      fitted: true;
      settings: OutlookSettings;
      /** Customers with a prediction. */
      customers: number;
      /** Σ expected purchase days in the horizon. */
      expectedPurchases: number;
      /** Σ predicted value over the months; null without a spend model. */
      predictedValue: number | null;
      /** Customers with P(alive) ≥ 50 %. */
      likelyActive: number;
      /** Purchase days in the holdout, actual and predicted, and its length; null when not checked. */
      holdout: { actual: number; predicted: number; weeks: number } | null;
      /** The first of the valuable customers who are slipping, most valuable first. */
      slipping: { id: string; name: string | null; historicalValue: number; pAlive: number }[];
      /** How many are slipping in all. */
      slippingCount: number;
    };

/**
 * The Value outlook sheet's figures in short (same input as `buildValueOutlookSheet`): totals, the holdout
 * check in one line and the first five valuable customers who are slipping.
 */
export function outlookInShort(input: ValueOutlookInput): OutlookInShort {
  if (input.valueModel === null) return { fitted: false, reason: input.reason ?? '' };
  let customers = 0;
  let expectedPurchases = 0;
  let predictedValue = 0;
  let likelyActive = 0;
  for (const c of input.customers) {
    if (!Number.isFinite(c.expectedPurchases)) continue;
    customers++;
    expectedPurchases += c.expectedPurchases;
    if (Number.isFinite(c.predictedValue)) predictedValue += c.predictedValue;
    if (c.pAlive >= 0.5) likelyActive++;
  }
  const holdout = input.holdout;
  const checked = holdout !== null && holdout.fit.converged && holdout.rows.length > 0;
  const totals = checked ? holdoutTotals(holdout) : null;
  const slipping = slippingCustomers(input.customers);
  return {
    fitted: true,
    settings: input.settings,
    customers,
    expectedPurchases,
    predictedValue: input.valueModel.gammaGamma === null ? null : predictedValue,
    likelyActive,
    holdout:
      totals === null || holdout === null
        ? null
        : { actual: totals.actual, predicted: totals.predicted, weeks: holdout.holdoutWeeks },
    slipping: slipping.slice(0, paneSlippingLength).map((c) => ({
      id: c.id,
      name: c.name,
      historicalValue: c.historicalValue,
      pAlive: c.pAlive,
    })),
    slippingCount: slipping.length,
  };
}
