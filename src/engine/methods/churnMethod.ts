import { assessChurnColumns, churnByCode, type ChurnCodes } from '../assessChurn';
import { churnLabel } from '../labels';
import type { Language } from '../types';
import { defineMethod, type MethodInput } from './Method';

const labelsOf = (language: Language): (string | null)[] =>
  churnByCode.map((risk) => (risk === null ? null : churnLabel(risk, language)));

/**
 * Churn risk: recency against the customer's own gap between purchase days (see `assessChurnColumns`).
 * Adds a note when nobody bought on two days, so there is no rhythm to compare with.
 *
 * @example
 * analyze(input).outputs.churn.codes[0]; // 1 = Active, 2 = At risk, 3 = Lapsed, 0 = no order
 */
export const churnMethod = defineMethod({
  id: 'churn',
  compute(input: MethodInput): ChurnCodes {
    const churn = assessChurnColumns(input.measures, input.window.end - input.window.start + 1);
    if (churn.medianGap === null && churn.codes.some((code) => code !== 0)) {
      input.note({
        sheet: null,
        row: null,
        column: null,
        message:
          'No customer bought on two different days, so there is no purchase rhythm to compare with: churn risk uses the whole window as the expected gap.',
        code: 'noRepeatBuyers',
      });
    }
    return churn;
  },
  columns: [
    {
      key: 'churnRisk',
      header: { en: 'Churn risk', 'zh-CN': '流失风险' },
      explanation: {
        en: "Active, At risk or Lapsed: days since the last purchase against the customer's usual gap.",
        'zh-CN': '活跃、有流失风险或已流失：距上次购买的天数与客户平常购买间隔的比较。',
      },
      format: 'text',
      group: 'result',
      cells: (churn, _run, language) => {
        const labels = labelsOf(language);
        return (i) => labels[churn.codes[i]!] ?? null;
      },
    },
  ],
  report: {
    customer: (churn) => ({ churnRisk: (i) => churnByCode[churn.codes[i]!] ?? null }),
    method: (churn) => ({ churnMedianGapDays: churn.medianGap }),
  },
});
