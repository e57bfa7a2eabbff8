import { assessChurnColumns, churnByCode, type ChurnCodes } from '../assessChurn';
import { churnLabel } from '../labels';
import type { Language } from '../types';
import { churnFromPAlive } from '../valueModel/churnFromPAlive';
import { defineMethod, type MethodInput } from './Method';
import { valueModelMethod } from './valueModelMethod';

/** Settings of churn risk. */
export interface ChurnSettings {
  /**
   * `gap` (default): recency against the customer's usual gap between purchase days. `model`: bands of the
   * value model's P(alive) — 70 % and up Active, 30 % to under 70 % At risk, under 30 % Lapsed — for
   * customers with a repeat purchase day (others keep the gap rule: the model's P(alive) is 1 for them).
   */
  churnFrom: 'gap' | 'model';
}

/** Churn risks, the gaps measured against, and where the risks came from. */
export interface ChurnOutput extends ChurnCodes {
  /** `model` when the P(alive) bands were used; `gap` otherwise (also when the model was asked for but failed). */
  from: 'gap' | 'model';
}

const labelsOf = (language: Language): (string | null)[] =>
  churnByCode.map((risk) => (risk === null ? null : churnLabel(risk, language)));

/**
 * Churn risk: recency against the customer's own gap between purchase days (see `assessChurnColumns`), or,
 * with `churnFrom: 'model'`, bands of the value model's P(alive) (`churnFromPAlive`). Adds a note when
 * nobody bought on two days, so there is no rhythm to compare with, and when the model was asked for but
 * could not be fitted (the gap rule stands).
 * Whichever source is used, the Visit plan sheet (Win back first block, risk per listed customer) and the
 * Pyramid sheet (At risk or Lapsed per tier) read these codes.
 *
 * @example
 * analyze(input).outputs.churn.codes[0]; // 1 = Active, 2 = At risk, 3 = Lapsed, 0 = no order
 */
export const churnMethod = defineMethod({
  id: 'churn',
  needs: [valueModelMethod],
  settings: {
    defaults: (): ChurnSettings => ({ churnFrom: 'gap' }),
    validate(settings, bad) {
      const from = (settings as unknown as Record<string, unknown>).churnFrom;
      if (from !== 'gap' && from !== 'model') bad({ key: 'badChurnFrom', value: String(from) });
    },
  },
  compute(input: MethodInput<ChurnSettings>): ChurnOutput {
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
    if (input.settings.churnFrom === 'gap') return { ...churn, from: 'gap' };
    const model = input.output(valueModelMethod).fit;
    if (model.predictions === null) {
      input.note({
        sheet: null,
        row: null,
        column: null,
        message: `Churn risk was to come from the value model, which could not be fitted (${model.reason}): it uses the gap rule.`,
        code: 'churnWithoutModel',
        params: { reason: model.reason },
      });
      return { ...churn, from: 'gap' };
    }
    const { pAlive, repeatPurchases } = model.predictions;
    return { ...churn, codes: churnFromPAlive(churn.codes, pAlive, repeatPurchases), from: 'model' };
  },
  columns: [
    {
      key: 'churnRisk',
      header: { en: 'Churn risk', 'zh-CN': '流失风险' },
      explanation: {
        en: "Active, At risk or Lapsed: days since the last purchase against the customer's usual gap (or, set to the model, the probability still a customer: from 70 % Active, 30–70 % At risk, under 30 % Lapsed).",
        'zh-CN':
          '活跃、有流失风险或已流失：距上次购买的天数与客户平常购买间隔的比较（或设为模型时，按仍为客户的概率：70% 及以上为活跃，30%–70% 为有流失风险，低于 30% 为已流失）。',
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
    method: (churn) => ({ churnMedianGapDays: churn.medianGap, churnFrom: churn.from }),
  },
});
