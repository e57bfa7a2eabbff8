/** Beyond these bounds a fitted positive parameter is taken to be running off to 0 or ∞. */
const largest = 1e5;
const smallest = 1e-5;

/**
 * Checks a fit's positive parameters for one that ran off towards 0 or ∞, where the likelihood flattens
 * out and an optimiser stops anywhere along the way: the fit is then a limiting case of the model (e.g.
 * a → 0: nobody seems to drop out; r, α → ∞ together: every customer buys at the same rate). Its
 * predictions have a limit and stand; the parameter's number means "not determined by the data" and must
 * not be shown as an estimate. Returns a sentence naming the parameter, or null when all are within
 * 1e-5 … 1e5 (model parameters in weeks and money are far inside for real data).
 *
 * @example runawayParameter({ r: 0.4, alpha: 3.2, a: 2.8e6, b: 5.9e6 }) // 'a grows without bound (2.8e+6): a limiting case of the model, …'
 */
export function runawayParameter(params: object): string | null {
  for (const [name, value] of Object.entries(params)) {
    if (typeof value !== 'number') continue;
    if (value > largest || value < smallest) {
      const way = value > largest ? 'grows without bound' : 'shrinks towards 0';
      return (
        `${name} ${way} (${value.toPrecision(2)}): a limiting case of the model, where the data do not ` +
        `determine ${name} (too few customers, too short a window, or customers too alike); the predictions ` +
        `stand, this number does not`
      );
    }
  }
  return null;
}
