import { thresholdAboveMedian } from './medianThreshold';
import type { SvcdSegment } from './types';

/** SVCD thresholds in use and where they came from. */
export interface SvcdThresholds {
  /** Amount per order at or above which a customer is "high"; null = nobody is high. */
  amount: number | null;
  /** Orders per month at or above which a customer is "high"; null = nobody is high. */
  frequency: number | null;
  amountSource: 'median' | 'fixed';
  frequencySource: 'median' | 'fixed';
}

/** Input per customer: null amountPerOrder means no order in the window (no segment). */
export interface SvcdInput {
  amountPerOrder: number | null;
  frequencyPerMonth: number;
}

/**
 * Assigns SVCD segments (Star 明星 = high amount & high frequency, Cow 奶牛 = low amount & high
 * frequency, Volcano 火山 = high amount & low frequency, Dog 小狗 = low & low) over columns of customers;
 * NaN amount per order = no order in the window, so no segment. "High" means at or above the axis
 * threshold: the fixed one when given, else the smallest value strictly above the median over customers
 * with at least one order in the analysed period.
 */
export function assignSvcdColumns(
  amountPerOrder: ArrayLike<number>,
  frequencyPerMonth: ArrayLike<number>,
  fixed: { amount: number | null; frequency: number | null },
): { segments: (SvcdSegment | null)[]; thresholds: SvcdThresholds } {
  const { codes, thresholds } = svcdCodes(amountPerOrder, frequencyPerMonth, fixed);
  return { segments: Array.from(codes, (code) => svcdByCode[code] ?? null), thresholds };
}

/** SVCD segments by code: 0 = none, then Star, Cow, Volcano, Dog. */
export const svcdByCode: readonly (SvcdSegment | null)[] = [null, 'Star', 'Cow', 'Volcano', 'Dog'];

/**
 * {@link assignSvcdColumns} with each segment as its code in {@link svcdByCode}.
 *
 * @example svcdCodes([500, 100], [2, 0.5], { amount: 300, frequency: 1 }).codes // Uint8Array [1, 4]: Star, Dog
 */
export function svcdCodes(
  amountPerOrder: ArrayLike<number>,
  frequencyPerMonth: ArrayLike<number>,
  fixed: { amount: number | null; frequency: number | null },
): { codes: Uint8Array; thresholds: SvcdThresholds } {
  const count = amountPerOrder.length;
  const allAmounts = new Float64Array(count);
  const allFrequencies = new Float64Array(count);
  let ordered = 0;
  for (let i = 0; i < count; i++) {
    if (Number.isNaN(amountPerOrder[i]!)) continue;
    allAmounts[ordered] = amountPerOrder[i]!;
    allFrequencies[ordered++] = frequencyPerMonth[i]!;
  }
  const amounts = allAmounts.subarray(0, ordered);
  const frequencies = allFrequencies.subarray(0, ordered);
  const thresholds: SvcdThresholds = {
    amount: fixed.amount ?? thresholdAboveMedian(amounts, true),
    frequency: fixed.frequency ?? thresholdAboveMedian(frequencies, true),
    amountSource: fixed.amount === null ? 'median' : 'fixed',
    frequencySource: fixed.frequency === null ? 'median' : 'fixed',
  };
  const codes = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const amount = amountPerOrder[i]!;
    if (Number.isNaN(amount)) continue;
    const highAmount = thresholds.amount !== null && amount >= thresholds.amount;
    const highFrequency = thresholds.frequency !== null && frequencyPerMonth[i]! >= thresholds.frequency;
    codes[i] = highAmount ? (highFrequency ? 1 : 3) : highFrequency ? 2 : 4;
  }
  return { codes, thresholds };
}

/**
 * Assigns SVCD segments per customer (null amount per order = no segment); see {@link assignSvcdColumns}.
 *
 * @example assignSvcd([{ amountPerOrder: 500, frequencyPerMonth: 2 }], { amount: 300, frequency: 1 }).segments // ['Star']
 */
export function assignSvcd(
  customers: readonly SvcdInput[],
  fixed: { amount: number | null; frequency: number | null },
): { segments: (SvcdSegment | null)[]; thresholds: SvcdThresholds } {
  return assignSvcdColumns(
    customers.map((c) => c.amountPerOrder ?? Number.NaN),
    customers.map((c) => c.frequencyPerMonth),
    fixed,
  );
}
