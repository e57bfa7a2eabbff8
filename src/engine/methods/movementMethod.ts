import type { AnalysisResult } from '../analyze';
import { isoFromDay } from '../dayNumbers';
import { tierLabel } from '../labels';
import { analyzeMovement, type MovementCustomerColumns } from '../movement/analyzeMovement';
import { movementText } from '../movement/movementText';
import { twoPeriodTotals } from '../movement/periodTotals';
import { runHistory } from '../movement/runHistory';
import { relationshipByCode, trendByCode, type Movement } from '../movement/types';
import { buildLoyaltySheet } from '../summary/buildLoyaltySheet';
import { buildMovementSheet } from '../summary/buildMovementSheet';
import type { SheetSpec } from '../sheetSpec';
import { abcMethod } from './abcMethod';
import { defineMethod, type MethodInput } from './Method';
import { pyramidMethod } from './pyramidMethod';
import { svcdMethod } from './svcdMethod';

/** The movement settings. */
export interface MovementMethodSettings {
  /**
   * Compare with the same analysis this many calendar months before the as-of date (whole, ≥ 1); also the
   * length of the two periods the value trend and retention compare. Null = no comparison. Default 3.
   */
  compareMonths: number | null;
  /** Relative rise from which a value trend is growing (0.1 = +10 %). Default 0.1. */
  trendGrowth: number;
  /** Relative fall from which a value trend is declining (0.1 = −10 %). Default 0.1. */
  trendDecline: number;
}

/** Movement's columns are written only when there is a comparison (`compareMonths` not null). */
const hasComparison = (out: Movement | null): boolean => out !== null;

/**
 * Movement and loyalty (动态管理, 识别有价值客户, 客户保持度): the same analysis `compareMonths` calendar
 * months earlier, compared customer by customer — tier, SVCD and ABC migration, tier change, value trend,
 * the course's kinds of relationship customers — plus retention, repeat-purchase rate and monthly cohorts
 * (see `analyzeMovement`). Null output when `compareMonths` is null. When the workbook's run history
 * (`MethodInput.history`) holds a run with an as-of date before this one, the earlier tiers, segments and
 * classes are those of the latest such run ("moved since the last run", even after old sales rows were
 * archived); the value trend and retention still compare the two `compareMonths` periods of the sales.
 *
 * @example
 * analyze(input).outputs.movement?.tiers.counts[5]; // customers new since the earlier date, by tier now
 */
export const movementMethod = defineMethod({
  id: 'movement',
  needs: [svcdMethod, abcMethod, pyramidMethod],
  settings: {
    defaults: (): MovementMethodSettings => ({ compareMonths: 3, trendGrowth: 0.1, trendDecline: 0.1 }),
    validate(settings, bad) {
      const months = settings.compareMonths;
      if (months !== null && !(Number.isInteger(months) && months >= 1))
        bad({ key: 'badCompareMonths', value: months });
      for (const value of [settings.trendGrowth, settings.trendDecline]) {
        if (!(Number.isFinite(value) && value >= 0)) bad({ key: 'badTrendThreshold', value });
      }
    },
  },
  compute(input: MethodInput<MovementMethodSettings>): Movement | null {
    const { compareMonths, trendGrowth, trendDecline } = input.settings;
    if (compareMonths === null) return null;
    const { ids } = input.customers;
    const { pyramidValue, orders } = input.measures;
    // The run's columns as they are: no object per customer.
    const customers: MovementCustomerColumns = {
      ids,
      pyramidTier: input.output(pyramidMethod).tiers,
      pyramidValue,
      svcd: input.output(svcdMethod).codes,
      abc: input.output(abcMethod).codes,
      orders,
    };
    const rows = input.salesRows();
    return analyzeMovement(
      {
        asOf: input.asOf,
        customers,
        hasProfit: input.hasProfit,
        categoriesAt: (day) => input.categoriesAt(day),
        periodTotals: (recent, earlier) => twoPeriodTotals(rows, ids.length, recent, earlier),
        purchases: rows,
        recorded: runHistory.before(input.history, input.asOf),
      },
      { compareMonths, growthThreshold: trendGrowth, declineThreshold: trendDecline },
    );
  },
  // Listed with the explanation columns, so they come last and the columns before them keep their places.
  columns: [
    {
      key: 'previousTier',
      header: { en: 'Tier before', 'zh-CN': '之前层级' },
      explanation: {
        en: 'Pyramid tier as of the earlier date (compare months before the as-of date); empty when no sales in its window.',
        'zh-CN': '对比日期（截止日期前若干个月）时的金字塔层级；当时分析期间内无销售则为空。',
      },
      format: 'text',
      group: 'explanation',
      when: hasComparison,
      cells: (out, run, language) => {
        const cuts = run.output(pyramidMethod).cuts;
        const labels = ([1, 2, 3, 4, 5] as const).map((tier) => tierLabel(tier, language, cuts));
        return (i) => {
          const tier = out?.columns.previousTier[i] ?? 0;
          return tier === 0 ? null : (labels[tier - 1] ?? null);
        };
      },
    },
    {
      key: 'tierChange',
      header: { en: 'Tier change', 'zh-CN': '层级变化' },
      explanation: {
        en: 'Move on the pyramid since the earlier date: up 2, down 1, new, lost or same.',
        'zh-CN': '自对比日期以来在金字塔上的变化：上升 2 层、下降 1 层、新进入、跌出或不变。',
      },
      format: 'text',
      group: 'explanation',
      when: hasComparison,
      cells: (out, _run, language) => {
        const words = movementText(language);
        return (i) => {
          const change = out?.columns.tierChange[i] ?? null;
          return change === null ? null : words.change(change);
        };
      },
    },
    {
      key: 'valueTrend',
      header: { en: 'Value trend', 'zh-CN': '价值趋势' },
      explanation: {
        en: 'Revenue in the last compare months against the same number of months before: growing, stable, declining, new or lapsed.',
        'zh-CN': '最近若干个月的销售额与之前同样月数相比：增长、稳定、下降、新增或停止购买。',
      },
      format: 'text',
      group: 'explanation',
      when: hasComparison,
      cells: (out, _run, language) => {
        const words = movementText(language);
        return (i) => {
          const trend = trendByCode[out?.columns.valueTrend[i] ?? 0] ?? null;
          return trend === null ? null : words.trend(trend);
        };
      },
    },
    {
      key: 'relationship',
      header: { en: 'Relationship kind', 'zh-CN': '关系客户类型' },
      explanation: {
        en: "The course's kind of relationship customer: biggest profit, could become a biggest source of profit, profitable but losing value, or transactional.",
        'zh-CN':
          '课程中的关系客户类型：最大利润客户、最有可能成为最大利润来源、仍有利润但正在失去价值，或交易型客户。',
      },
      format: 'text',
      group: 'explanation',
      when: hasComparison,
      cells: (out, _run, language) => {
        const words = movementText(language);
        return (i) => {
          const kind = relationshipByCode[out?.columns.relationship[i] ?? 0] ?? null;
          return kind === null ? null : words.kind(kind);
        };
      },
    },
  ],
  report: {
    customer: (out): Record<string, (i: number) => unknown> =>
      out === null
        ? {}
        : {
            previousTier: (i) => {
              const tier = out.columns.previousTier[i] ?? 0;
              return tier === 0 ? null : tier;
            },
            tierChange: (i) => out.columns.tierChange[i] ?? null,
            valueTrend: (i) => trendByCode[out.columns.valueTrend[i] ?? 0] ?? null,
            profitTrend: (i) => trendByCode[out.columns.profitTrend[i] ?? 0] ?? null,
            relationship: (i) => relationshipByCode[out.columns.relationship[i] ?? 0] ?? null,
          },
    top: (out): Record<string, unknown> => {
      if (out === null) return {};
      const span = (p: { start: number; end: number }) => ({
        start: isoFromDay(p.start),
        end: isoFromDay(p.end),
      });
      return {
        movement: {
          previousAsOf: isoFromDay(out.previousAsOf),
          previousFrom: out.previousFrom,
          compareMonths: out.settings.compareMonths,
          tiers: out.tiers.counts,
          svcd: out.svcd.counts,
          abc: out.abc.counts,
        },
        retention: {
          earlierPeriod: span(out.earlier),
          recentPeriod: span(out.recent),
          earlierBuyers: out.retention.earlierBuyers,
          retained: out.retention.retained,
          rate: out.retention.rate,
          repeatPurchase: out.repeatPurchases,
          cohorts: out.cohorts,
        },
      };
    },
  },
  sheets: [
    {
      key: 'movement',
      tab: 44,
      when: (result: AnalysisResult): boolean => result.outputs.movement !== null,
      build: (result: AnalysisResult): SheetSpec => buildMovementSheet(result, result.outputs.movement!),
    },
    {
      key: 'loyalty',
      tab: 46,
      when: (result: AnalysisResult): boolean => result.outputs.movement !== null,
      build: (result: AnalysisResult): SheetSpec => buildLoyaltySheet(result, result.outputs.movement!),
    },
  ],
});
