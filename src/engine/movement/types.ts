/**
 * Types of movement and loyalty (动态管理, 识别有价值客户, 客户保持度): the same analysis as of an earlier
 * date, compared customer by customer, and how many customers keep buying.
 */
import type { AbcClass, PyramidTier, SvcdSegment } from '../types';

/** Settings of the comparison. Defaults: {@link defaultMovementSettings}. */
export interface MovementSettings {
  /**
   * Calendar months between the as-of date and the earlier date compared with (whole, ≥ 1); also the length
   * of the two periods the value trend and retention compare. Default 3.
   */
  compareMonths: number;
  /** Relative rise (0.1 = +10 %) from which a value trend is `growing`. Default 0.1. */
  growthThreshold: number;
  /** Relative fall (0.1 = −10 %) from which a value trend is `declining`. Default 0.1. */
  declineThreshold: number;
}

/** A customer's move between the two dates: `up 2`, `down 1`, `new` (no tier before), `lost`, `same`. */
export type TierChange = `up ${number}` | `down ${number}` | 'new' | 'lost' | 'same';

/** How a customer's value in the last N months compares with the N months before. */
export type ValueTrend = 'growing' | 'stable' | 'declining' | 'new' | 'lapsed';

/**
 * The course's kinds of relationship customers: those who bring the biggest profit (最大利润客户), those who
 * could become a biggest source of profit (最有潜力客户), those still profitable but losing value (仍有利润
 * 但正在失去价值的客户), and transactional, one-off buyers (交易型客户).
 */
export type RelationshipKind = 'biggestProfit' | 'couldBecomeBiggest' | 'losingValue' | 'transactional';

/** One customer's sales over a span of days. */
export interface PeriodTotals {
  /** Σ amount (returns reduce it). */
  revenue: number;
  /** Σ profit (or amount − cost); null when the sales have neither column. */
  profit: number | null;
  /** Distinct days with amount > 0. */
  purchaseDays: number;
  /** First day with amount > 0; −1 when none. */
  firstPurchase: number;
}

/**
 * Counts of customers by category before (rows) and now (columns); the last row and column are "none" (no
 * category: not yet a customer, or no sales in the window). `counts[previous][current]`.
 */
export interface MigrationMatrix<T> {
  categories: readonly T[];
  counts: number[][];
}

/** One cohort: customers whose first purchase fell in `month`. */
export interface CohortRow {
  /** `YYYY-MM`. */
  month: string;
  customers: number;
  /** How many of them bought (amount > 0) in the cohort month, the month after, … up to the as-of month. */
  active: number[];
}

/** One customer's movement, aligned with `AnalysisResult.customers`. */
export interface CustomerMovement {
  previousTier: PyramidTier | null;
  /** Pyramid value (profit, or revenue) at the earlier date; null off the pyramid then, or from a recorded run. */
  previousValue: number | null;
  previousSvcd: SvcdSegment | null;
  /** Null when the customer was not known at the earlier date. */
  previousAbc: AbcClass | null;
  tierChange: TierChange | null;
  /** Revenue trend; null when the customer bought in neither period. */
  valueTrend: ValueTrend | null;
  /** Profit trend; null without profit data or when the customer bought in neither period. */
  profitTrend: ValueTrend | null;
  relationship: RelationshipKind | null;
  /** Revenue in the last N months and in the N months before. */
  recentRevenue: number;
  earlierRevenue: number;
}

/**
 * Movement's per-customer results as columns, aligned with `AnalysisResult.customers` (row i = customer i):
 * what {@link Movement.customers} is built from, and what the report and the customer columns read.
 */
export interface MovementColumns {
  /** Earlier tier 1–5; 0 for none. */
  previousTier: Uint8Array;
  /** Earlier pyramid value; NaN for none. */
  previousValue: Float64Array;
  /** Earlier SVCD segment as its code in `svcdByCode` (0: none). */
  previousSvcd: Uint8Array;
  /** Earlier ABC class as its code in `abcByCode` (0 A, 1 B, 2 C); 3 for none. */
  previousAbc: Uint8Array;
  tierChange: (TierChange | null)[];
  /** Revenue trend as its code in `trendByCode` (0: none). */
  valueTrend: Uint8Array;
  /** Profit trend as its code in `trendByCode` (0: none). */
  profitTrend: Uint8Array;
  /** Relationship kind as its code in `relationshipByCode` (0: none). */
  relationship: Uint8Array;
  recentRevenue: Float64Array;
  earlierRevenue: Float64Array;
}

/** Value trends by code (0: none), as {@link MovementColumns} holds them. */
export const trendByCode: readonly (ValueTrend | null)[] = [
  null,
  'growing',
  'stable',
  'declining',
  'new',
  'lapsed',
];

/** Relationship kinds by code (0: none), as {@link MovementColumns} holds them. */
export const relationshipByCode: readonly (RelationshipKind | null)[] = [
  null,
  'biggestProfit',
  'couldBecomeBiggest',
  'losingValue',
  'transactional',
];

/** Retention from the earlier period to the recent one. */
export interface Retention {
  /** Customers who bought (amount > 0) in the earlier period. */
  earlierBuyers: number;
  /** Of them, those who bought again in the recent period. */
  retained: number;
  /** retained / earlierBuyers; null when nobody bought in the earlier period. */
  rate: number | null;
}

/** Repeat purchases over the analysis window. */
export interface RepeatPurchases {
  /** Customers with at least one order in the window. */
  buyers: number;
  /** Of them, those with two orders or more. */
  repeaters: number;
  /** repeaters / buyers; null without buyers. */
  rate: number | null;
}

/** The comparison of an analysis with the same analysis N months earlier, and the loyalty figures. */
export interface Movement {
  settings: MovementSettings;
  /**
   * The earlier as-of date (day number): that of the latest run recorded before the as-of date, else
   * as-of minus N calendar months.
   */
  previousAsOf: number;
  /** Where the earlier categories come from: a run recorded in the workbook, or the sales re-analysed. */
  previousFrom: 'history' | 'sales';
  /** Whether any sale is dated on or before the earlier date (else every customer is new); true from history. */
  previousFound: boolean;
  /** The recent period (previousAsOf + 1 … asOf) and the earlier one (its N months before), day numbers. */
  recent: { start: number; end: number };
  earlier: { start: number; end: number };
  tiers: MigrationMatrix<PyramidTier>;
  svcd: MigrationMatrix<SvcdSegment>;
  abc: MigrationMatrix<AbcClass>;
  /** Each customer's movement, built from `columns` on first read. */
  readonly customers: CustomerMovement[];
  /** The same per-customer results as columns, as the comparison computes them. */
  columns: MovementColumns;
  retention: Retention;
  repeatPurchases: RepeatPurchases;
  cohorts: CohortRow[];
}
