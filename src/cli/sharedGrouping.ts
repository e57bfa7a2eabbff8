import type { PurchasesByCustomer } from '../engine/valueModel/groupPurchasesByCustomer';

/**
 * A value model job's rows grouped by customer (`groupValueModelRows`) in memory shared by the command
 * line's main thread and its value model worker: the worker groups the rows into it for its fit and marks
 * it ready; a holdout check on the main thread then reads the grouping instead of making its own.
 */
export interface SharedGrouping {
  from: Int32Array;
  day: Float64Array;
  amount: Float64Array;
  /** 1 once the grouping is written (read and written with `Atomics`). */
  ready: Int32Array;
}

/** Room for the grouping of `rowCount` rows of `customerCount` customers, not ready yet. */
export function newSharedGrouping(rowCount: number, customerCount: number): SharedGrouping {
  const shared = (bytes: number): SharedArrayBuffer => new SharedArrayBuffer(bytes);
  return {
    from: new Int32Array(shared((customerCount + 1) * Int32Array.BYTES_PER_ELEMENT)),
    day: new Float64Array(shared(rowCount * Float64Array.BYTES_PER_ELEMENT)),
    amount: new Float64Array(shared(rowCount * Float64Array.BYTES_PER_ELEMENT)),
    ready: new Int32Array(shared(Int32Array.BYTES_PER_ELEMENT)),
  };
}

/** Marks the grouping written (after it is: what was written is then seen by the other thread). */
export function markGroupingReady(grouping: SharedGrouping): void {
  Atomics.store(grouping.ready, 0, 1);
}

/**
 * The grouping once it is ready, else null (the caller groups the rows itself).
 *
 * @example const byCustomer = readyGrouping(grouping) ?? groupValueModelRows(rows, customerCount);
 */
export function readyGrouping(grouping: SharedGrouping): PurchasesByCustomer | null {
  if (Atomics.load(grouping.ready, 0) !== 1) return null;
  const customerCount = grouping.from.length - 1;
  const kept = grouping.from[customerCount] ?? 0;
  return {
    customerCount,
    from: grouping.from,
    day: grouping.day.subarray(0, kept),
    amount: grouping.amount.subarray(0, kept),
  };
}
