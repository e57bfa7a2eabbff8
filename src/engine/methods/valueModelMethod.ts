import type { AnalysisResult } from '../analyze';
import { dayFromIso, isoFromDay } from '../dayNumbers';
import {
  buildValueOutlookSheet,
  type OutlookCustomer,
  type OutlookSettings,
  type ValueOutlookInput,
} from '../summary/buildValueOutlookSheet';
import {
  defaultValueModelSettings,
  runValueModel,
  type ValueModelJob,
  type ValueModelRun,
  type ValueModelSettings,
} from '../valueModel/runValueModel';
import { defineMethod, type MethodInput } from './Method';

/** Months of the predicted value. */
export const valueMonths = 12;

/** The value model of a run: the fit with each customer's predictions, the holdout check, its settings. */
export interface ValueModelOutput extends ValueModelRun {
  settings: OutlookSettings;
}

/** A prediction as written: null where there is none (NaN). */
const orNull = (value: number | undefined): number | null =>
  value === undefined || Number.isNaN(value) ? null : value;

/**
 * What the Value outlook sheet and the pane show, from a run: the fit, the holdout check and every
 * customer with a prediction (historical value = lifetime value).
 */
export function valueOutlookInputOf(result: AnalysisResult): ValueOutlookInput {
  const out = result.outputs.valueModel;
  const predictions = out.fit.predictions;
  const { ids, names, count } = result.roster;
  const lifetime = result.outputs.lifetimeValue;
  const customers: OutlookCustomer[] = [];
  if (predictions !== null) {
    for (let i = 0; i < count; i++) {
      const pAlive = predictions.pAlive[i]!;
      if (Number.isNaN(pAlive)) continue;
      customers.push({
        id: ids[i]!,
        name: names[i] ?? null,
        historicalValue: lifetime[i]!,
        pAlive,
        expectedPurchases: predictions.expectedPurchases[i]!,
        predictedValue: predictions.predictedValue[i]!,
      });
    }
  }
  return {
    language: result.settings.language,
    asOf: result.asOf,
    valueModel: out.fit.valueModel,
    reason: out.fit.reason,
    holdout: out.holdout,
    settings: out.settings,
    customers,
  };
}

/**
 * What the value model of a run fits (its `runValueModel` arguments), or null for a comparison's earlier
 * run, which fits nothing: the method's `compute` runs it here, a step-wise analysis hands it to its driver.
 */
export function valueModelJobOf(input: MethodInput<ValueModelSettings>): ValueModelJob | null {
  if (input.comparison) return null;
  return valueModelJob(input.salesRows(), input.customers.count, input.asOf, input.settings);
}

/**
 * The value model's job on a run's rows (numbered by its customers), customer count and as-of date, with
 * the value model's settings picked from the run's.
 *
 * @example const job = valueModelJob(input.salesRows(), input.customers.count, input.asOf, input.settings);
 */
export function valueModelJob(
  rows: ValueModelJob['rows'],
  customerCount: number,
  asOf: number,
  settings: ValueModelSettings,
): ValueModelJob {
  const { valueHorizonDays, valueMonthlyDiscount, valueHoldoutStart } = settings;
  return {
    rows,
    customerCount,
    asOf,
    settings: { valueHorizonDays, valueMonthlyDiscount, valueHoldoutStart },
  };
}

/** The method's output from the run of its job (`runValueModel`), with the settings the report shows. */
export function valueModelOutputOf(run: ValueModelRun, settings: ValueModelSettings): ValueModelOutput {
  return {
    ...run,
    settings: {
      horizonDays: settings.valueHorizonDays,
      months: valueMonths,
      monthlyDiscount: settings.valueMonthlyDiscount,
    },
  };
}

/**
 * The customer value models (issue 14): BG/NBD purchases and Gamma-Gamma spend, fitted on every sale up to
 * the as-of date (a zero-amount row is a purchase day here, a return is not), checked on a holdout (default:
 * the last third before the as-of date). Per customer: probability still a customer, expected purchases
 * in the next `valueHorizonDays` days, expected order value, predicted value over 12 months discounted by
 * `valueMonthlyDiscount` a month. The report's `valueModel` holds the parameters (time in weeks) and the
 * customers each fit used, or null with `valueModelReason`.
 *
 * @example
 * analyze(input).outputs.valueModel.fit.predictions?.pAlive[0]; // customer 0's P(alive)
 */
export const valueModelMethod = defineMethod({
  id: 'valueModel',
  settings: {
    defaults: defaultValueModelSettings,
    validate(settings, bad) {
      const loose = settings as unknown as Record<string, unknown>;
      const horizon = loose.valueHorizonDays;
      if (typeof horizon !== 'number' || !Number.isInteger(horizon) || horizon < 1 || horizon > 3650)
        bad({ key: 'badValueHorizon', value: String(horizon) });
      const discount = loose.valueMonthlyDiscount;
      if (typeof discount !== 'number' || !(discount >= 0 && discount < 1))
        bad({ key: 'badValueDiscount', value: String(discount) });
      const start = loose.valueHoldoutStart;
      if (start !== null && (typeof start !== 'string' || dayFromIso(start) === null))
        bad({ key: 'badHoldoutStart', value: JSON.stringify(start) });
    },
  },
  compute(input: MethodInput<ValueModelSettings>): ValueModelOutput {
    const job = valueModelJobOf(input);
    // A comparison's earlier run reads tiers and segments only: no fit there (it would double a run's time).
    const run: ValueModelRun =
      job === null
        ? {
            fit: { valueModel: null, reason: 'not fitted for a comparison run', predictions: null },
            holdout: null,
          }
        : runValueModel(job.rows, job.customerCount, job.asOf, job.settings);
    return valueModelOutputOf(run, input.settings);
  },
  columns: [
    {
      key: 'pAlive',
      header: { en: 'Probability still a customer', 'zh-CN': '仍为客户的概率' },
      explanation: {
        en: 'From the purchase model (BG/NBD): the chance the customer has not stopped buying for good, given how often and how recently they bought.',
        'zh-CN': '由购买模型（BG/NBD）得出：根据购买频率和最近购买时间，客户尚未永久停止购买的概率。',
      },
      format: 'percent',
      group: 'explanation',
      cells: (out) => {
        const values = out.fit.predictions?.pAlive;
        return (i) => orNull(values?.[i]);
      },
    },
    {
      key: 'expectedPurchases',
      header: { en: 'Expected purchases (horizon)', 'zh-CN': '预期购买次数（预测期）' },
      explanation: {
        en: 'Purchase days the model expects from the customer in the next N days (setting, default 90).',
        'zh-CN': '模型预期该客户在未来 N 天（设置，默认 90 天）的购买日数。',
      },
      format: 'number',
      group: 'explanation',
      byDefault: false,
      cells: (out) => {
        const values = out.fit.predictions?.expectedPurchases;
        return (i) => orNull(values?.[i]);
      },
    },
    {
      key: 'expectedOrderValue',
      header: { en: 'Expected order value', 'zh-CN': '预期每单金额' },
      explanation: {
        en: "From the spend model (Gamma-Gamma): the customer's likely amount per purchase, their own mean pulled towards everyone's.",
        'zh-CN':
          '由消费模型（Gamma-Gamma）得出：客户每次购买的可能金额，即其自身平均值向全体平均值靠拢后的结果。',
      },
      format: 'money',
      group: 'explanation',
      byDefault: false,
      cells: (out) => {
        const values = out.fit.predictions?.expectedOrderValue;
        return (i) => orNull(values?.[i]);
      },
    },
    {
      key: 'predictedValue',
      header: { en: 'Predicted value, 12 months', 'zh-CN': '未来 12 个月预测价值' },
      explanation: {
        en: 'Expected purchases × expected order value over the next 12 months, discounted by the monthly rate (setting, default 1 %).',
        'zh-CN': '未来 12 个月的预期购买次数 × 预期每单金额，按每月折现率（设置，默认 1%）折现。',
      },
      format: 'money',
      group: 'explanation',
      cells: (out) => {
        const values = out.fit.predictions?.predictedValue;
        return (i) => orNull(values?.[i]);
      },
    },
  ],
  report: {
    customer: (out) => {
      const p = out.fit.predictions;
      return {
        pAlive: (i) => orNull(p?.pAlive[i]),
        expectedPurchases: (i) => orNull(p?.expectedPurchases[i]),
        expectedOrderValue: (i) => orNull(p?.expectedOrderValue[i]),
        predictedValue: (i) => orNull(p?.predictedValue[i]),
      };
    },
    top: (out) => {
      const { holdout } = out;
      if (out.fit.valueModel === null) return { valueModel: null, valueModelReason: out.fit.reason };
      return {
        valueModel: {
          ...out.fit.valueModel,
          settings: out.settings,
          holdout:
            holdout === null
              ? null
              : {
                  start: isoFromDay(holdout.calibrationEnd + 1),
                  end: isoFromDay(holdout.holdoutEnd),
                  weeks: holdout.holdoutWeeks,
                  bgnbd: holdout.fit.converged
                    ? { ...holdout.fit.params, logLikelihood: holdout.fit.logLikelihood }
                    : null,
                  reason: holdout.fit.converged ? null : holdout.fit.reason,
                  rows: holdout.rows,
                },
        },
      };
    },
  },
  sheets: [
    { key: 'valueOutlook', tab: 60, build: (result) => buildValueOutlookSheet(valueOutlookInputOf(result)) },
  ],
});
