import { svcdByCode, svcdCodes, type SvcdThresholds } from '../assignSvcd';
import { svcdLabel } from '../labels';
import { buildSvcdSheet } from '../summary/buildSvcdSheet';
import type { Language } from '../types';
import { defineMethod, type MethodInput } from './Method';

/** The SVCD settings: fixed thresholds, or null for the median-based ones. */
export interface SvcdSettings {
  /** Fixed SVCD threshold on amount per order; null = median-based. */
  svcdAmountThreshold: number | null;
  /** Fixed SVCD threshold on orders per month; null = median-based. */
  svcdFrequencyThreshold: number | null;
}

/** Each customer's SVCD segment code ({@link svcdByCode}: 0 none, Star, Cow, Volcano, Dog) and the thresholds. */
export interface SvcdOutput {
  codes: Uint8Array;
  thresholds: SvcdThresholds;
}

/** Labels of the segment codes in one language (null for no segment). */
const labelsOf = (language: Language): (string | null)[] =>
  svcdByCode.map((segment) => (segment === null ? null : svcdLabel(segment, language)));

/**
 * SVCD (Star 明星, Cow 奶牛, Volcano 火山, Dog 小狗): amount per order against orders per month, each
 * "high" at or above its threshold (see `svcdCodes`).
 *
 * @example
 * analyze(input).outputs.svcd.codes[0]; // 1 = Star for a customer buying often and big
 */
export const svcdMethod = defineMethod({
  id: 'svcd',
  settings: {
    defaults: (): SvcdSettings => ({ svcdAmountThreshold: null, svcdFrequencyThreshold: null }),
    validate(settings, bad) {
      for (const [on, value] of [
        ['amount', settings.svcdAmountThreshold],
        ['frequency', settings.svcdFrequencyThreshold],
      ] as const) {
        if (value !== null && !Number.isFinite(value)) bad({ key: 'badSvcdThreshold', on });
      }
    },
  },
  compute: (input: MethodInput<SvcdSettings>): SvcdOutput =>
    svcdCodes(input.measures.amountPerOrder, input.measures.frequencyPerMonth, {
      amount: input.settings.svcdAmountThreshold,
      frequency: input.settings.svcdFrequencyThreshold,
    }),
  columns: [
    {
      key: 'svcd',
      header: { en: 'SVCD segment', 'zh-CN': 'SVCD 分类' },
      explanation: {
        en: 'Star, Cow, Volcano or Dog: amount per order against orders per month.',
        'zh-CN': '明星、奶牛、火山或小狗：每单金额与每月订单数的组合。',
      },
      format: 'text',
      group: 'result',
      cells: (out, _run, language) => {
        const labels = labelsOf(language);
        return (i) => labels[out.codes[i]!] ?? null;
      },
    },
  ],
  report: {
    customer: (out) => ({ svcd: (i) => svcdByCode[out.codes[i]!] ?? null }),
    method: (out) => ({
      svcdThresholds: {
        amountPerOrder: out.thresholds.amount,
        frequencyPerMonth: out.thresholds.frequency,
        source: `${out.thresholds.amountSource}/${out.thresholds.frequencySource}`,
      },
    }),
  },
  sheets: [{ key: 'svcd', tab: 20, build: buildSvcdSheet }],
});
