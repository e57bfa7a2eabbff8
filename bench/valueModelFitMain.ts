/**
 * Times the value-model fit on synthetic customers drawn from the BG/NBD and Gamma-Gamma models. Not part
 * of `npm run bench`; run it on its own:
 *
 *   npx esbuild bench/valueModelFitMain.ts --bundle --platform=node --outfile=dist/bench/valueModelFit.js
 *   node dist/bench/valueModelFit.js [customers, default 100000]
 */
import { fitBgNbd } from '../src/engine/valueModel/fitBgNbd';
import { fitGammaGamma } from '../src/engine/valueModel/fitGammaGamma';
import { fitValueModel } from '../src/engine/valueModel/fitValueModel';
import { groupRepeatHistories } from '../src/engine/valueModel/groupRepeatHistories';
import { summarizeRepeatPurchases } from '../src/engine/valueModel/summarizeRepeatPurchases';
import { simulateBgNbd } from './simulateBgNbd';

const customers = Number(process.argv[2] ?? 100_000);
const truth = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };
const spend = { p: 6, q: 4, gamma: 15 };
const sales = simulateBgNbd(customers, truth, spend);
const ms = (from: number): string => `${(performance.now() - from).toFixed(0)} ms`;

for (let run = 1; run <= 3; run++) {
  const start = performance.now();
  const summary = summarizeRepeatPurchases(sales.customer, sales.day, sales.amount, customers, sales.endDay);
  const { groups } = groupRepeatHistories(summary);
  const prepared = performance.now();
  const bgnbd = fitBgNbd(groups);
  const fitted = performance.now();
  const x: number[] = [];
  const m: number[] = [];
  summary.frequency.forEach((f, c) => {
    if (f > 0 && summary.meanRepeatSpend[c]! > 0) {
      x.push(f);
      m.push(summary.meanRepeatSpend[c]!);
    }
  });
  const gammaGamma = fitGammaGamma(x, m);
  const whole = performance.now();
  const result = fitValueModel(sales.customer, sales.day, sales.amount, customers, sales.endDay);
  console.log(
    `run ${run}: ${sales.customer.length} rows, ${customers} customers, ${groups.weight.length} groups; ` +
      `summary + groups ${(prepared - start).toFixed(0)} ms, BG/NBD ${(fitted - prepared).toFixed(0)} ms ` +
      `(${bgnbd.converged ? `${bgnbd.evaluations} evaluations` : bgnbd.reason}), ` +
      `Gamma-Gamma on ${x.length} ${(whole - fitted).toFixed(0)} ms; total ${(whole - start).toFixed(0)} ms; ` +
      `fitValueModel with every customer's predictions ${ms(whole)}` +
      (result.valueModel === null ? ` (${result.reason})` : ''),
  );
  if (run === 3) {
    console.log(
      'BG/NBD',
      bgnbd.converged ? JSON.stringify(bgnbd.params) : bgnbd.reason,
      'truth',
      JSON.stringify(truth),
    );
    console.log(
      'Gamma-Gamma',
      gammaGamma.converged ? JSON.stringify(gammaGamma.params) : gammaGamma.reason,
      JSON.stringify(spend),
    );
  }
}
