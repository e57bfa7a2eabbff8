import { compareIds } from '../compareIds';
import { isoFromDay } from '../dayNumbers';
import { sheetName } from '../labels';
import type { CellSpec, ChartSpec, SheetSpec } from '../sheetSpec';
import type { Language } from '../types';
import type { HoldoutCheck, ValueModelReport } from '../valueModel/types';
import { cell, fitRowHeights, headerCell, titleCell } from './cells';
import { valueOutlookWord, type ValueOutlookWord } from './valueOutlookWord';

/** One customer as the Value outlook lists it. */
export interface OutlookCustomer {
  id: string;
  name: string | null;
  /** Historical lifetime value (profit, or revenue without profit) up to the as-of date. */
  historicalValue: number;
  /** P(alive) at the as-of date; NaN when not predicted. */
  pAlive: number;
  /** Expected purchase days in the horizon; NaN when not predicted. */
  expectedPurchases: number;
  /** Discounted expected spend over the months; NaN without a spend model. */
  predictedValue: number;
}

/** The settings the predictions were made with. */
export interface OutlookSettings {
  /** Horizon of the expected purchases, in days. */
  horizonDays: number;
  /** Months of the predicted value. */
  months: number;
  /** Monthly discount rate of the predicted value, as a fraction. */
  monthlyDiscount: number;
}

/** Everything the Value outlook sheet shows, computed elsewhere. */
export interface ValueOutlookInput {
  language: Language;
  /** As-of day (engine day number). */
  asOf: number;
  /** The fitted models, or null with `reason`. */
  valueModel: ValueModelReport | null;
  reason: string | null;
  /** The calibration-vs-holdout check; null when it was not run. */
  holdout: HoldoutCheck | null;
  settings: OutlookSettings;
  customers: readonly OutlookCustomer[];
}

/** Customers in each of the two lists. */
export const outlookListLength = 20;
/** "Valuable": among the top fifth by historical value. "Slipping": P(alive) below one half. */
export const slipping = { valueShare: 0.2, pAliveBelow: 0.5 } as const;

const widths = [34, 16, 14, 16, 16, 16, 16];

const number = (value: number, digits: number, language: Language): string =>
  value.toLocaleString(language === 'en' ? 'en-US' : 'zh-CN', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
const percent = (value: number, language: Language): string => `${number(value * 100, 1, language)}%`;

/** A sentence per BG/NBD parameter, with the figures it implies. */
function purchaseMeanings(model: ValueModelReport, lang: Language): Record<string, string> {
  const { r, alpha, a, b } = model.bgnbd;
  const rate = r / alpha;
  const dropOut = a / (a + b);
  return lang === 'en'
    ? {
        r: `How unevenly customers' purchase rates are spread: below 1, most buy rarely and a few buy often.`,
        alpha: `With r, the mean purchase rate while still a customer: r/α = ${number(rate, 3, lang)} a week (one purchase every ${number(1 / rate, 1, lang)} weeks).`,
        a: `With b, the chance a customer stops buying right after a purchase: a/(a+b) = ${percent(dropOut, lang)} on average.`,
        b: `The larger a + b (${number(a + b, 2, lang)}), the more alike customers are in that chance.`,
        logLikelihood: `How well the model fits these data (higher is better); compare only fits on the same data.`,
      }
    : {
        r: `客户购买频率的差异程度：小于 1 表示多数客户很少购买，少数客户经常购买。`,
        alpha: `与 r 一起给出仍为客户时的平均购买频率：r/α = 每周 ${number(rate, 3, lang)} 次（约每 ${number(1 / rate, 1, lang)} 周购买一次）。`,
        a: `与 b 一起给出客户在一次购买后停止购买的概率：平均 a/(a+b) = ${percent(dropOut, lang)}。`,
        b: `a + b（${number(a + b, 2, lang)}）越大，客户之间的流失概率越接近。`,
        logLikelihood: `模型对这些数据的拟合程度（越高越好）；仅可在同一数据的拟合之间比较。`,
      };
}

/** A sentence per Gamma-Gamma parameter. */
function spendMeanings(p: number, q: number, gamma: number, lang: Language): Record<string, string> {
  const mean = (p * gamma) / (q - 1);
  return lang === 'en'
    ? {
        p: `How steady one customer's order values are: the larger p, the closer each order is to the customer's own mean.`,
        q: `With p and γ, the mean order value across customers: pγ/(q−1) = ${number(mean, 2, lang)}.`,
        gamma: `The scale of the spread of customers' mean order values (in money).`,
      }
    : {
        p: `单个客户订单金额的稳定程度：p 越大，每单金额越接近该客户自己的平均值。`,
        q: `与 p、γ 一起给出客户的平均订单金额：pγ/(q−1) = ${number(mean, 2, lang)}。`,
        gamma: `客户平均订单金额差异的尺度（金额单位）。`,
      };
}

/** "Valuable but slipping": top fifth by historical value with P(alive) below one half, most valuable first. */
export function slippingCustomers(customers: readonly OutlookCustomer[]): OutlookCustomer[] {
  const values = customers
    .map((c) => c.historicalValue)
    .filter((v) => v > 0)
    .sort((x, y) => y - x);
  if (values.length === 0) return [];
  const cutoff = values[Math.max(0, Math.ceil(values.length * slipping.valueShare) - 1)]!;
  return customers
    .filter((c) => c.historicalValue > 0 && c.historicalValue >= cutoff && c.pAlive < slipping.pAliveBelow)
    .sort((x, y) => y.historicalValue - x.historicalValue || compareIds(x.id, y.id));
}

/** The customers with the highest predicted value, highest first. */
export function topByPredictedValue(customers: readonly OutlookCustomer[]): OutlookCustomer[] {
  return customers
    .filter((c) => Number.isFinite(c.predictedValue))
    .sort((x, y) => y.predictedValue - x.predictedValue || compareIds(x.id, y.id))
    .slice(0, outlookListLength);
}

/** Holdout totals: purchase days actual and predicted over all customers of the check. */
export function holdoutTotals(holdout: HoldoutCheck): {
  customers: number;
  actual: number;
  predicted: number;
} {
  let customers = 0;
  let actual = 0;
  let predicted = 0;
  for (const row of holdout.rows) {
    customers += row.customers;
    actual += row.actual * row.customers;
    predicted += row.predicted * row.customers;
  }
  return { customers, actual, predicted };
}

/**
 * The "Value outlook" summary sheet: the fitted parameters with a sentence each, the outlook in total
 * (expected purchases and predicted value), the calibration-vs-holdout check as a table (rows 0…7+ repeat
 * purchases before the holdout) and a chart (actual purchases per customer as columns, the prediction as a
 * line), the top customers by predicted value, and the valuable customers who are slipping (top fifth by
 * historical value, P(alive) below 50 %). Without a fit it says why, and nothing else.
 */
export function buildValueOutlookSheet(input: ValueOutlookInput): SheetSpec {
  const lang = input.language;
  const w = (key: ValueOutlookWord): string => valueOutlookWord(key, lang);
  const cells: CellSpec[][] = [
    [titleCell(w('title'))],
    [cell(w('asOf')), cell(input.asOf, 'date')],
    [cell(w('intro'))],
    [],
  ];
  const charts: ChartSpec[] = [];
  const breaksBefore: number[] = [];
  const model = input.valueModel;
  if (model === null) {
    cells.push([{ value: w('noModel'), bold: true }], [cell(input.reason ?? '')]);
    return finish(cells, charts, breaksBefore, lang);
  }

  // The parameters, a sentence each.
  const section = (key: ValueOutlookWord): void => {
    cells.push([{ value: w(key), bold: true, size: 12 }]);
  };
  const parameterHeader = (): void => {
    cells.push([headerCell(w('parameter')), headerCell(w('value')), headerCell(w('meaning'))]);
  };
  section('purchaseModel');
  parameterHeader();
  const purchase = purchaseMeanings(model, lang);
  const bg = model.bgnbd;
  for (const [label, key, value] of [
    ['r', 'r', bg.r],
    ['α (alpha)', 'alpha', bg.alpha],
    ['a', 'a', bg.a],
    ['b', 'b', bg.b],
    [w('logLikelihood'), 'logLikelihood', bg.logLikelihood],
  ] as const) {
    cells.push([cell(label), cell(value, 'decimal'), cell(purchase[key] ?? '')]);
  }
  cells.push([cell(w('customersFitted')), cell(model.counts.bgnbd, 'integer')]);
  cells.push([]);
  section('spendModel');
  if (model.gammaGamma === null) {
    cells.push([cell(model.gammaGammaReason ?? '')]);
  } else {
    parameterHeader();
    const { p, q, gamma } = model.gammaGamma;
    const spend = spendMeanings(p, q, gamma, lang);
    for (const [label, key, value] of [
      ['p', 'p', p],
      ['q', 'q', q],
      ['γ (gamma)', 'gamma', gamma],
    ] as const)
      cells.push([cell(label), cell(value, 'decimal'), cell(spend[key] ?? '')]);
    cells.push([
      cell(w('customersFitted')),
      cell(model.counts.gammaGamma, 'integer'),
      cell(leftOut(model, lang)),
    ]);
  }
  if (model.notes.length > 0) {
    cells.push([{ value: w('notes'), bold: true }]);
    for (const note of model.notes) cells.push([cell(note)]);
  }
  cells.push([]);

  // Totals.
  section('totals');
  const { horizonDays, months, monthlyDiscount } = input.settings;
  let expected = 0;
  let value = 0;
  let likelyActive = 0;
  for (const c of input.customers) {
    if (Number.isFinite(c.expectedPurchases)) expected += c.expectedPurchases;
    if (Number.isFinite(c.predictedValue)) value += c.predictedValue;
    if (c.pAlive >= 0.5) likelyActive++;
  }
  const label = (text: string): CellSpec => ({ value: text, wrap: true });
  cells.push(
    [
      label(
        lang === 'en'
          ? `Expected purchases in the next ${horizonDays} days`
          : `未来 ${horizonDays} 天的预期购买次数`,
      ),
      cell(expected, 'number'),
    ],
    [
      label(
        lang === 'en'
          ? `Predicted value, next ${months} months (${percent(monthlyDiscount, lang)} a month discount)`
          : `未来 ${months} 个月的预测价值（每月折现率 ${percent(monthlyDiscount, lang)}）`,
      ),
      model.gammaGamma === null ? cell(null) : cell(value, 'money'),
    ],
    [
      label(
        lang === 'en' ? 'Customers more likely still a customer than not' : '仍为客户概率超过一半的客户数',
      ),
      cell(likelyActive, 'integer'),
    ],
    [],
  );

  // The holdout check: table and chart.
  const holdout = input.holdout;
  if (holdout !== null) {
    breaksBefore.push(cells.length);
    section('holdoutTitle');
    if (!holdout.fit.converged || holdout.rows.length === 0) {
      cells.push([
        cell(
          lang === 'en'
            ? `The check could not run: ${holdout.fit.converged ? 'no customer before the holdout' : holdout.fit.reason}.`
            : `无法进行检验：${holdout.fit.converged ? '留出期之前没有客户' : holdout.fit.reason}。`,
        ),
      ]);
    } else {
      const start = isoFromDay(holdout.calibrationEnd + 1);
      const end = isoFromDay(holdout.holdoutEnd);
      const weeks = number(holdout.holdoutWeeks, 1, lang);
      cells.push([
        cell(
          lang === 'en'
            ? `Fitted again on the purchases before ${start} only, then compared with what customers bought from ${start} to ${end} (${weeks} weeks).`
            : `仅用 ${start} 之前的购买重新拟合，再与客户在 ${start} 至 ${end}（${weeks} 周）的实际购买比较。`,
        ),
      ]);
      const headerRow = cells.length;
      cells.push(
        (['calibrationRepeats', 'customers', 'actual', 'predicted', 'ratio'] as const).map((k) =>
          headerCell(w(k)),
        ),
      );
      for (const row of holdout.rows) {
        cells.push([
          cell(row.calibrationRepeats === 7 ? '7+' : String(row.calibrationRepeats)),
          cell(row.customers, 'integer'),
          cell(row.actual, 'number'),
          cell(row.predicted, 'number'),
          cell(row.actual > 0 ? row.predicted / row.actual : null, 'percent'),
        ]);
      }
      const lastRow = cells.length - 1;
      const totals = holdoutTotals(holdout);
      cells.push([
        { value: w('total'), bold: true },
        cell(totals.customers, 'integer'),
        cell(totals.actual, 'integer'),
        cell(totals.predicted, 'number'),
        cell(totals.actual > 0 ? totals.predicted / totals.actual : null, 'percent'),
      ]);
      cells.push([cell(holdoutReading(totals, lang))]);
      charts.push({
        type: 'column',
        title: w('chartTitle'),
        categories: { firstRow: headerRow + 1, firstColumn: 0, lastRow, lastColumn: 0 },
        series: [
          {
            name: w('chartActual'),
            values: { firstRow: headerRow + 1, firstColumn: 2, lastRow, lastColumn: 2 },
            color: '#4472C4',
          },
          {
            name: w('chartPredicted'),
            values: { firstRow: headerRow + 1, firstColumn: 3, lastRow, lastColumn: 3 },
            type: 'line',
            color: '#ED7D31',
          },
        ],
        anchor: { row: cells.length + 1, column: 0, widthColumns: 5, heightRows: 18 },
        valueFormat: 'number',
        legend: true,
      });
      for (let k = 0; k < 20; k++) cells.push([]);
    }
    cells.push([]);
  }

  // The two lists.
  const listHeader = (): void => {
    cells.push(
      (
        [
          'customerId',
          'customerName',
          'predictedValue',
          'expectedPurchases',
          'pAlive',
          'historicalValue',
        ] as const
      ).map((k) => headerCell(k === 'expectedPurchases' ? expectedHeader(horizonDays, lang) : w(k))),
    );
  };
  const listRow = (c: OutlookCustomer): CellSpec[] => [
    cell(c.id, 'text'),
    cell(c.name, 'text'),
    cell(Number.isFinite(c.predictedValue) ? c.predictedValue : null, 'money'),
    cell(Number.isFinite(c.expectedPurchases) ? c.expectedPurchases : null, 'number'),
    cell(Number.isFinite(c.pAlive) ? c.pAlive : null, 'percent'),
    cell(c.historicalValue, 'money'),
  ];
  breaksBefore.push(cells.length);
  section('slippingTitle');
  cells.push([
    cell(
      lang === 'en'
        ? `Among the fifth of customers with the highest lifetime value so far, those whose probability of still being a customer is below 50 %, most valuable first.`
        : `历史终身价值最高的五分之一客户中，仍为客户的概率低于 50% 的客户，按价值从高到低排列。`,
    ),
  ]);
  const slipped = slippingCustomers(input.customers);
  if (slipped.length === 0) cells.push([cell(w('noneSlipping'))]);
  else {
    listHeader();
    for (const c of slipped.slice(0, outlookListLength)) cells.push(listRow(c));
    if (slipped.length > outlookListLength) {
      cells.push([
        cell(
          lang === 'en'
            ? `… and ${slipped.length - outlookListLength} more (the customers table has every customer's probability).`
            : `……另有 ${slipped.length - outlookListLength} 位（客户表中有每位客户的概率）。`,
        ),
      ]);
    }
  }
  cells.push([]);
  section('topTitle');
  const top = topByPredictedValue(input.customers);
  if (top.length === 0) cells.push([cell(model.gammaGammaReason ?? '')]);
  else {
    listHeader();
    for (const c of top) cells.push(listRow(c));
  }
  return finish(cells, charts, breaksBefore, lang);
}

function expectedHeader(horizonDays: number, lang: Language): string {
  return lang === 'en'
    ? `Expected purchases, next ${horizonDays} days`
    : `未来 ${horizonDays} 天预期购买次数`;
}

/** Who the spend model left out, and why, in a sentence. */
function leftOut(model: ValueModelReport, lang: Language): string {
  const { withoutRepeatPurchase, withoutPositiveRepeatSpend } = model.counts;
  if (lang === 'en') {
    const zero =
      withoutPositiveRepeatSpend > 0
        ? ` and ${number(withoutPositiveRepeatSpend, 0, lang)} whose repeat purchases carry no positive amount`
        : '';
    return `Customers with a repeat purchase day; left out: ${number(withoutRepeatPurchase, 0, lang)} who bought on one day only${zero}. They get the mean order value.`;
  }
  const zero =
    withoutPositiveRepeatSpend > 0
      ? `，以及 ${number(withoutPositiveRepeatSpend, 0, lang)} 位重复购买金额不为正的客户`
      : '';
  return `有重复购买日的客户；未参与：${number(withoutRepeatPurchase, 0, lang)} 位只在一天购买过的客户${zero}。他们按平均订单金额计算。`;
}

/** How well the model tracked the holdout, in a sentence. */
function holdoutReading(totals: { actual: number; predicted: number }, lang: Language): string {
  if (totals.actual === 0) {
    return lang === 'en' ? 'Nobody bought in the holdout.' : '留出期内没有客户购买。';
  }
  const change = totals.predicted / totals.actual - 1;
  const signed = `${change >= 0 ? '+' : '−'}${percent(Math.abs(change), lang)}`;
  const close = Math.abs(change) <= 0.15;
  if (lang === 'en') {
    return `In total the model expected ${number(totals.predicted, 0, lang)} purchase days against ${number(totals.actual, 0, lang)} actual (${signed}): ${close ? 'close enough to plan with.' : 'far off — the data changed over time (growth, a season, a campaign) in a way the model cannot know; use its ranking of customers rather than its totals.'}`;
  }
  return `模型总共预期 ${number(totals.predicted, 0, lang)} 个购买日，实际为 ${number(totals.actual, 0, lang)}（${signed}）：${close ? '足以用于计划。' : '偏差较大——数据随时间变化（增长、季节、促销），模型无法预知；请使用其客户排序而非总量。'}`;
}

function finish(cells: CellSpec[][], charts: ChartSpec[], breaksBefore: number[], lang: Language): SheetSpec {
  return {
    key: 'valueOutlook',
    name: sheetName('valueOutlook', lang),
    cells,
    columnWidths: widths,
    rowHeights: fitRowHeights(cells, widths),
    frozenRows: 0,
    charts,
    colorScales: [],
    print: { landscape: true, breaksBefore },
  };
}
