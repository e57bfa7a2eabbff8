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
 * frequency, Volcano 火山 = high amount & low frequency, Dog 小狗 = low & low). "High" means at or above
 * the axis threshold: the fixed one when given, else the smallest value strictly above the median over
 * customers with at least one order in the window; customers with no order get null.
 *
 * @example assignSvcd([{ amountPerOrder: 500, frequencyPerMonth: 2 }], { amount: 300, frequency: 1 }).segments // ['Star']
 */
export function assignSvcd(
  customers: readonly SvcdInput[],
  fixed: { amount: number | null; frequency: number | null },
): { segments: (SvcdSegment | null)[]; thresholds: SvcdThresholds } {
  const amounts: number[] = [];
  const frequencies: number[] = [];
  for (const c of customers) {
    if (c.amountPerOrder === null) continue;
    amounts.push(c.amountPerOrder);
    frequencies.push(c.frequencyPerMonth);
  }
  const thresholds: SvcdThresholds = {
    amount: fixed.amount ?? thresholdAboveMedian(amounts),
    frequency: fixed.frequency ?? thresholdAboveMedian(frequencies),
    amountSource: fixed.amount === null ? 'median' : 'fixed',
    frequencySource: fixed.frequency === null ? 'median' : 'fixed',
  };
  const segments = customers.map((c): SvcdSegment | null => {
    if (c.amountPerOrder === null) return null;
    const highAmount = thresholds.amount !== null && c.amountPerOrder >= thresholds.amount;
    const highFrequency = thresholds.frequency !== null && c.frequencyPerMonth >= thresholds.frequency;
    if (highAmount) return highFrequency ? 'Star' : 'Volcano';
    return highFrequency ? 'Cow' : 'Dog';
  });
  return { segments, thresholds };
}
