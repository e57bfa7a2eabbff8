import { rfmLabel } from '../labels';
import { defaultRfmRules, rfmSegmentTable, validateRfmRules } from '../rfmRules';
import { rfmCodesOf, scoreRfmColumns } from '../scoreRfm';
import { buildRfmSheet } from '../summary/buildRfmSheet';
import type { RfmRule, RfmSegment } from '../types';
import { defineMethod, type MethodInput } from './Method';

/** The RFM setting. */
export interface RfmSettings {
  /** RFM segment rules; must cover all 125 score combinations. */
  rfmRules: RfmRule[];
}

/** One RFM score combination with its segment. */
export interface RfmResult {
  r: number;
  f: number;
  m: number;
  segment: RfmSegment;
}

/** Each customer's R, F and M scores (1–5, 0 not scored) and combination code with the shared results. */
export interface RfmOutput {
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  /** Index into `results` (r × 36 + f × 6 + m), −1 when not scored. */
  codes: Int16Array;
  /** The result of each code (null where no rule applies or the code is not a score); shared, read-only. */
  results: readonly (RfmResult | null)[];
}

/**
 * RFM: recency, frequency and monetary scores in quintiles over the customers with an order, and the
 * segment of the first rule that matches (see `scoreRfmColumns`, `rfmSegmentTable`).
 *
 * @example
 * const { codes, results } = analyze(input).outputs.rfm;
 * results[codes[0]!]; // { r: 5, f: 5, m: 5, segment: 'Champions' } for a recent, frequent, big buyer
 */
export const rfmMethod = defineMethod({
  id: 'rfm',
  settings: {
    defaults: (): RfmSettings => ({
      rfmRules: defaultRfmRules.map((rule) => ({ ...rule, r: [...rule.r], f: [...rule.f], m: [...rule.m] })),
    }),
    validate(settings) {
      validateRfmRules(settings.rfmRules, settings.language);
    },
  },
  compute(input: MethodInput<RfmSettings>): RfmOutput {
    const { recencyDays, orders, revenue } = input.measures;
    const scores = scoreRfmColumns(recencyDays, orders, revenue, input.rankings.revenueAscending);
    // One result object per combination, shared by the customers that have it.
    const results = rfmSegmentTable(input.settings.rfmRules).map((segment, code) =>
      segment === null
        ? null
        : { r: Math.floor(code / 36), f: Math.floor(code / 6) % 6, m: code % 6, segment },
    );
    return { ...scores, codes: rfmCodesOf(scores), results };
  },
  columns: [
    {
      key: 'rfmScore',
      header: { en: 'RFM score', 'zh-CN': 'RFM 得分' },
      explanation: {
        en: 'The R, F and M scores (1–5 each) as three digits.',
        'zh-CN': 'R、F、M 三项得分（各 1–5）组成的三位数。',
      },
      format: 'text',
      group: 'result',
      cells: (rfm) => {
        const texts = rfm.results.map((s) => (s === null ? null : `${s.r}${s.f}${s.m}`));
        return (i) => texts[rfm.codes[i]!] ?? null;
      },
    },
    {
      key: 'rfmSegment',
      header: { en: 'RFM segment', 'zh-CN': 'RFM 分群' },
      explanation: {
        en: 'The segment of the first RFM rule the scores match.',
        'zh-CN': '得分符合的第一条 RFM 规则对应的分群。',
      },
      format: 'text',
      group: 'result',
      cells: (rfm, _run, language) => {
        const labels = rfm.results.map((s) => (s === null ? null : rfmLabel(s.segment, language)));
        return (i) => labels[rfm.codes[i]!] ?? null;
      },
    },
    scoreColumn(
      'rfmR',
      'r',
      { en: 'R score (recency)', 'zh-CN': 'R 得分（最近购买）' },
      {
        en: 'Recency score: 5 for the most recent buyers.',
        'zh-CN': '最近购买得分：最近购买的客户为 5。',
      },
    ),
    scoreColumn(
      'rfmF',
      'f',
      { en: 'F score (frequency)', 'zh-CN': 'F 得分（购买频率）' },
      {
        en: 'Frequency score: 5 for the customers with the most orders.',
        'zh-CN': '购买频率得分：订单最多的客户为 5。',
      },
    ),
    scoreColumn(
      'rfmM',
      'm',
      { en: 'M score (monetary)', 'zh-CN': 'M 得分（购买金额）' },
      {
        en: 'Monetary score: 5 for the customers with the most revenue.',
        'zh-CN': '购买金额得分：销售额最高的客户为 5。',
      },
    ),
  ],
  report: {
    customer: (rfm) => ({ rfm: (i) => rfm.results[rfm.codes[i]!] ?? null }),
  },
  sheets: [{ key: 'rfm', tab: 40, build: buildRfmSheet }],
});

/** A column of one score (empty when not scored). */
function scoreColumn<const K extends string>(
  key: K,
  score: 'r' | 'f' | 'm',
  header: { en: string; 'zh-CN': string },
  explanation: { en: string; 'zh-CN': string },
) {
  return {
    key,
    header,
    explanation,
    format: 'integer' as const,
    group: 'explanation' as const,
    cells: (rfm: RfmOutput) => (i: number) => {
      const value = rfm[score][i]!;
      return value === 0 ? null : value;
    },
  };
}
