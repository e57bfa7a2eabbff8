import { abcByCode, abcCodes } from '../assignAbc';
import { abcLabel } from '../labels';
import { buildAbcSheet } from '../summary/buildAbcSheet';
import { defineMethod, type MethodInput } from './Method';

/** The ABC setting. */
export interface AbcSettings {
  /** Cumulative revenue share that ends class A (0 < cut ≤ 1). Default 0.75. */
  abcCut: number;
}

/** Each customer's ABC class code ({@link abcByCode}: 0 A, 1 B, 2 C). */
export interface AbcOutput {
  codes: Uint8Array;
  /** The cut used. */
  cut: number;
}

/**
 * ABC classes by cumulative share of revenue (Pareto): A until the cut, B the rest with revenue, C none.
 *
 * @example
 * analyze(input).outputs.abc.codes[0]; // 0 = A for one of the biggest buyers
 */
export const abcMethod = defineMethod({
  id: 'abc',
  settings: {
    defaults: (): AbcSettings => ({ abcCut: 0.75 }),
    validate(settings, bad) {
      if (!(settings.abcCut > 0 && settings.abcCut <= 1)) bad({ key: 'badAbcCut', value: settings.abcCut });
    },
  },
  compute: (input: MethodInput<AbcSettings>): AbcOutput => ({
    codes: abcCodes(
      input.customers.ids,
      input.measures.revenue,
      input.settings.abcCut,
      input.rankings.byId,
      input.rankings.revenueAscending,
    ),
    cut: input.settings.abcCut,
  }),
  columns: [
    {
      key: 'abc',
      header: { en: 'ABC class', 'zh-CN': 'ABC 分类' },
      explanation: {
        en: 'A: the biggest buyers that make the first share of revenue (75 % by default); B: the rest who bought; C: no revenue.',
        'zh-CN': 'A：贡献前一部分销售额（默认 75%）的最大客户；B：其余有购买的客户；C：没有销售额。',
      },
      format: 'text',
      group: 'result',
      cells: (out, _run, language) => {
        const labels = abcByCode.map((abc) => abcLabel(abc, language));
        const other = abcLabel('C', language);
        return (i) => labels[out.codes[i]!] ?? other;
      },
    },
  ],
  report: {
    customer: (out) => ({ abc: (i) => abcByCode[out.codes[i]!] ?? 'C' }),
    method: (out) => ({ abcCut: out.cut }),
  },
  sheets: [{ key: 'abc', tab: 30, build: buildAbcSheet }],
});
