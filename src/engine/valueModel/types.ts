/**
 * Types of the customer value models (BG/NBD purchases, Gamma-Gamma spend). Time is in weeks throughout,
 * money in the sales' currency.
 */

/** The value of a series and whether it met its tolerance. */
export interface SeriesResult {
  value: number;
  /** Terms added after the leading 1. */
  terms: number;
  converged: boolean;
}

/** Where a minimiser stopped, and whether it met its tolerances there. */
export interface Minimum {
  /** The best point found. */
  x: number[];
  /** The objective there. */
  value: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
  /** Why it stopped, in a sentence (`converged` or which limit was hit). */
  reason: string;
  /** BFGS: its estimate of the inverse Hessian where it stopped. */
  inverse?: number[][];
}

/** BG/NBD parameters: purchase rates ~ Gamma(shape r, rate α per week); drop-out chance ~ Beta(a, b). */
export interface BgNbdParams {
  r: number;
  /** Weeks. */
  alpha: number;
  a: number;
  b: number;
}

/** Gamma-Gamma parameters: spend per order ~ Gamma(p, ν), ν ~ Gamma(q, γ) (γ in money). */
export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

/**
 * Customers as the BG/NBD sees them, one entry per group of customers with the same (frequency, recency,
 * T); `weight` counts the customers in the group (1 per customer when not grouped).
 */
export interface RepeatGroups {
  /** Repeat purchases: distinct purchase days − 1. */
  frequency: Float64Array;
  /** Weeks from the first to the last purchase. */
  recency: Float64Array;
  /** T: weeks from the first purchase to the end of the observation. */
  age: Float64Array;
  weight: Float64Array;
}

/** A fit that converged: its parameters, the log-likelihood at them and the customers it used. */
export interface FitSuccess<P> {
  converged: true;
  params: P;
  logLikelihood: number;
  customers: number;
  iterations: number;
  evaluations: number;
  /**
   * A sentence when a parameter ran off towards 0 or ∞: the fit is a limiting case of the model (e.g. no
   * drop-out seen: a → 0), its predictions hold but that parameter's number means nothing; else null.
   */
  boundary: string | null;
}

/** A fit that did not converge or could not start, with the reason; it carries no parameters to show. */
export interface FitFailure {
  converged: false;
  reason: string;
  customers: number;
  iterations: number;
}

/** The outcome of a model fit. */
export type FitResult<P> = FitSuccess<P> | FitFailure;

/**
 * Per customer (indexed like the customers of the sales), the purchase history a value model needs, up to
 * an end day. Customers without a purchase day (amount > 0) up to the end have `firstDay` −1 and zeros.
 */
export interface RepeatPurchaseSummary {
  /** First purchase day (engine day number), −1 for none. */
  firstDay: Int32Array;
  /** Distinct purchase days − 1 (0 for one purchase day or none). */
  frequency: Int32Array;
  /** Days from the first to the last purchase day. */
  recencyDays: Int32Array;
  /** Days from the first purchase day to the end day (T in days). */
  ageDays: Int32Array;
  /** Mean over the repeat purchase days (all but the first) of the day's amount; 0 when none. */
  meanRepeatSpend: Float64Array;
  /** Customers with at least one purchase day up to the end. */
  customersWithPurchases: number;
}

/** Customers' histories grouped for the BG/NBD, and each customer's group. */
export interface GroupedHistories {
  /** One entry per distinct (frequency, recency, T), in weeks (days / 7). */
  groups: RepeatGroups;
  /** Per customer, the index of its group; −1 for customers left out (no purchase day). */
  groupOf: Int32Array;
}

/** One row of the holdout check: customers with a given number of repeat purchases in the calibration. */
export interface HoldoutRow {
  /** Repeat purchases in the calibration period: 0 … 7, where 7 stands for 7 or more. */
  calibrationRepeats: number;
  customers: number;
  /** Mean purchases (distinct purchase days) per customer in the holdout. */
  actual: number;
  /** Mean expected purchases per customer in the holdout, from the calibration fit. */
  predicted: number;
}

/** The calibration-vs-holdout check of the BG/NBD. */
export interface HoldoutCheck {
  /** Last day of the calibration period (engine day number). */
  calibrationEnd: number;
  holdoutEnd: number;
  /** Length of the holdout in weeks. */
  holdoutWeeks: number;
  /** The BG/NBD fitted on the calibration period. */
  fit: FitResult<BgNbdParams>;
  /** Rows for 0 … 7+ repeat purchases; empty when the fit failed. Groups without customers are left out. */
  rows: HoldoutRow[];
  /** Customers (first purchase in the calibration) whose expectation could not be computed. */
  notPredicted: number;
}

/** The `valueModel` object of the JSON report: fitted parameters (time in weeks) and the customers used. */
export interface ValueModelReport {
  timeUnit: 'week';
  bgnbd: BgNbdParams & { logLikelihood: number };
  /** Null when the spend model could not be fitted (`gammaGammaReason` says why). */
  gammaGamma: GammaGammaParams | null;
  gammaGammaReason: string | null;
  /**
   * Sentences on fits that are limiting cases of the model (a parameter ran off towards 0 or ∞: its number
   * means nothing, the predictions stand); empty when none.
   */
  notes: string[];
  counts: {
    /** Customers with at least one purchase day up to the as-of date: those the BG/NBD is fitted on. */
    bgnbd: number;
    /** Of them, customers with at least one repeat purchase day. */
    repeatCustomers: number;
    /** Customers the Gamma-Gamma model is fitted on: a repeat purchase day and a positive mean repeat spend. */
    gammaGamma: number;
    /** Left out of the Gamma-Gamma fit: no repeat purchase day. */
    withoutRepeatPurchase: number;
    /** Left out of the Gamma-Gamma fit: repeat purchase days whose mean amount is not positive. */
    withoutPositiveRepeatSpend: number;
    /** Customers whose predictions could not be computed (a series did not converge); their values are NaN. */
    notPredicted: number;
  };
}

/** Per-customer predictions of the value models, indexed like the sales' customers; NaN where none. */
export interface ValueModelPredictions {
  /** Probability the customer is still active at the as-of date (0–1). */
  pAlive: Float64Array;
  /** Expected purchase days in the next `horizonDays` days. */
  expectedPurchases: Float64Array;
  /** Expected average order value (money); NaN without a spend model. */
  expectedOrderValue: Float64Array;
  /** Discounted expected spend over the next months (money); NaN without a spend model. */
  predictedValue: Float64Array;
  /** Repeat purchase days (distinct purchase days − 1) up to the as-of date; 0 for none. */
  repeatPurchases: Int32Array;
}

/** The outcome of {@link fitValueModel}: the report object (or null and the reason) and the predictions. */
export type ValueModelResult =
  | { valueModel: ValueModelReport; reason: null; predictions: ValueModelPredictions }
  | { valueModel: null; reason: string; predictions: null };
