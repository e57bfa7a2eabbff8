/**
 * P(alive) bands of the model-based churn risk: Active from `active` up, At risk from `lapsed` up to below
 * `active`, Lapsed below `lapsed`.
 */
export const pAliveBands = { active: 0.7, lapsed: 0.3 } as const;

/**
 * Churn risk from the purchase model (the `churnFrom: 'model'` setting), as codes of `churnByCode`
 * (0 = none, 1 Active, 2 At risk, 3 Lapsed): P(alive) ≥ 70 % Active, 30 % to under 70 % At risk, under
 * 30 % Lapsed. The BG/NBD lets a customer drop out only right after a repeat purchase, so its P(alive) of a
 * customer with a single purchase day is always 1 and says nothing: such customers, and customers without
 * a prediction (NaN), keep the gap rule's risk. Customers without a gap-rule risk (no order in the window)
 * keep none.
 *
 * @param gapCodes The gap rule's codes per customer (`assessChurnColumns`).
 * @param pAlive Per customer, P(alive) at the as-of date; NaN for none.
 * @param repeatPurchases Per customer, purchase days − 1 up to the as-of date (the model's frequency).
 * @example churnFromPAlive(Uint8Array.of(1, 1, 3), [0.2, 0.5, 1], [3, 2, 0]) // [3, 2, 3]
 */
export function churnFromPAlive(
  gapCodes: Uint8Array,
  pAlive: ArrayLike<number>,
  repeatPurchases: ArrayLike<number>,
): Uint8Array {
  const codes = new Uint8Array(gapCodes.length);
  for (let i = 0; i < gapCodes.length; i++) {
    const gap = gapCodes[i]!;
    const p = pAlive[i]!;
    if (gap === 0 || !(repeatPurchases[i]! > 0) || Number.isNaN(p)) codes[i] = gap;
    else codes[i] = p >= pAliveBands.active ? 1 : p >= pAliveBands.lapsed ? 2 : 3;
  }
  return codes;
}
