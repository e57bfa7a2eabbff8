import { mulberry32 } from '../src/sample/mulberry32';
import type { BgNbdParams, GammaGammaParams } from '../src/engine/valueModel/types';

/** Synthetic purchase rows drawn from the BG/NBD and Gamma-Gamma models, as the engine's row arrays. */
export interface SimulatedPurchases {
  /** Per row: customer index, whole day number (0 = first possible day), amount. */
  customer: Int32Array;
  day: Int32Array;
  amount: Float64Array;
  customers: number;
  /** The last observed day (T is measured to it). */
  endDay: number;
}

/** A Gamma(shape, scale 1) draw (Marsaglia & Tsang; shape < 1 boosted by U^(1/shape)). */
function gamma(shape: number, random: () => number, normal: () => number): number {
  if (shape < 1) return gamma(shape + 1, random, normal) * random() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = normal();
    const v = (1 + c * z) ** 3;
    if (v <= 0) continue;
    const u = random();
    if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}

/**
 * Simulates customers by the BG/NBD story (rates λ ~ Gamma(r, α) per week, drop-out chance p ~ Beta(a, b)
 * after each repeat purchase, first purchases spread evenly over the first `firstDays` days) and spends by
 * the Gamma-Gamma one, observed for `days` days. Purchases are rounded down to whole days; several on one
 * day make one purchase day. Deterministic for a seed.
 *
 * @example const sales = simulateBgNbd(100_000, { r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, { p: 6, q: 4, gamma: 15 });
 */
export function simulateBgNbd(
  customers: number,
  purchases: BgNbdParams,
  spend: GammaGammaParams,
  days = 546,
  firstDays = 84,
  seed = 20_260_101,
): SimulatedPurchases {
  const random = mulberry32(seed);
  const normal = (): number => {
    const u = 1 - random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
  const customer: number[] = [];
  const day: number[] = [];
  const amount: number[] = [];
  const endDay = days - 1;
  for (let c = 0; c < customers; c++) {
    const rate = gamma(purchases.r, random, normal) / purchases.alpha / 7; // per day
    const g1 = gamma(purchases.a, random, normal);
    const dropOut = g1 / (g1 + gamma(purchases.b, random, normal));
    const nu = gamma(spend.q, random, normal) / spend.gamma;
    let when = Math.floor(random() * firstDays);
    for (let made = 0; when <= endDay; made++) {
      customer.push(c);
      day.push(Math.floor(when));
      amount.push(Math.round((gamma(spend.p, random, normal) / nu) * 100) / 100 + 0.01);
      // A customer may drop out right after each repeat purchase, never after the first.
      if (made > 0 && random() < dropOut) break;
      when += -Math.log(1 - random()) / rate;
    }
  }
  return {
    customer: Int32Array.from(customer),
    day: Int32Array.from(day),
    amount: Float64Array.from(amount),
    customers,
    endDay,
  };
}
