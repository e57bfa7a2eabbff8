import { maximizeLogLikelihood } from '../../../src/engine/valueModel/maximizeLogLikelihood';

/**
 * ln L(k) = −10⁶ (ln k − ln 2)² (a sharp maximum at k = 2: points apart have log-likelihoods apart),
 * counting its calls; `wrongGradient` flips the derivative's sign.
 */
function counted(wrongGradient: boolean): {
  logLikelihood: (params: { k: number }, gradient?: Float64Array) => number;
  calls: () => number;
} {
  let calls = 0;
  return {
    logLikelihood: ({ k }, gradient) => {
      calls++;
      const off = Math.log(k) - Math.LN2;
      if (gradient !== undefined) gradient[0] = (wrongGradient ? 1 : -1) * 2e6 * off;
      return -1e6 * off * off;
    },
    calls: () => calls,
  };
}
const fromLogs = (logs: readonly number[]): { k: number } => ({ k: Math.exp(logs[0]!) });

describe('maximizeLogLikelihood', () => {
  test('gives the log-likelihood at the parameters found as the search computed it, without another call', () => {
    const { logLikelihood, calls } = counted(false);
    const { found, params, logLikelihood: value } = maximizeLogLikelihood(logLikelihood, fromLogs, 1, 1);
    expect(found.converged).toBe(true);
    expect(params.k).toBeCloseTo(2, 6);
    expect(calls()).toBe(found.evaluations);
    expect(Object.is(value, logLikelihood(params))).toBe(true);
  });

  test('after Nelder–Mead took over, the value is the one at its best point, not at the last point it tried', () => {
    // BFGS goes uphill with the wrong gradient and stops at the start; Nelder–Mead needs no gradient.
    const { logLikelihood, calls } = counted(true);
    const { found, params, logLikelihood: value } = maximizeLogLikelihood(logLikelihood, fromLogs, 1, 1);
    expect(found.converged).toBe(true);
    expect(params.k).toBeCloseTo(2, 4);
    expect(calls()).toBe(found.evaluations);
    expect(Object.is(value, logLikelihood(params))).toBe(true);
  });
});
