import { defaultPyramidCuts, pyramidTierCodes } from '../assignPyramidTiers';
import { tierLabel } from '../labels';
import { buildPyramidSheet } from '../summary/buildPyramidSheet';
import { defineMethod, type MethodInput } from './Method';

/** The pyramid setting. */
export interface PyramidSettings {
  /** Cumulative customer shares ending tiers 1–5, ascending, the last 1. Default 5/15/35/60/100 %. */
  pyramidCuts: [number, number, number, number, number];
}

/** Each customer's tier (1 top … 5 bottom, 0 off the pyramid) and the cut-offs used. */
export interface PyramidOutput {
  tiers: Uint8Array;
  cuts: readonly number[];
}

/**
 * The customer pyramid: customers with sales in the window ranked by value (profit, or revenue without
 * profit data) into five tiers by the cut-offs (see `pyramidTierCodes`).
 *
 * @example
 * analyze(input).outputs.pyramid.tiers[0]; // 1 for a customer in the top 5 %
 */
export const pyramidMethod = defineMethod({
  id: 'pyramid',
  settings: {
    defaults: (): PyramidSettings => ({ pyramidCuts: [...defaultPyramidCuts] }),
    validate(settings, bad) {
      const cuts = settings.pyramidCuts;
      if (
        (cuts as readonly number[]).length !== 5 ||
        cuts.some((c, i) => !(c > 0 && c <= 1) || (i > 0 && c < cuts[i - 1]!)) ||
        cuts[4] !== 1
      ) {
        bad({ key: 'badPyramidCuts' });
      }
    },
  },
  compute: (input: MethodInput<PyramidSettings>): PyramidOutput => ({
    tiers: pyramidTierCodes(
      input.customers.ids,
      input.measures.pyramidValue,
      input.settings.pyramidCuts,
      input.rankings.byId,
    ),
    cuts: input.settings.pyramidCuts,
  }),
  columns: [
    {
      key: 'pyramidTier',
      header: { en: 'Pyramid tier', 'zh-CN': '金字塔层级' },
      explanation: {
        en: 'Position in the ranking by profit (or revenue): tier 1 the top 5 %, tier 5 the bottom 40 % by default.',
        'zh-CN': '按利润（或销售额）排名的位置：默认第 1 层为前 5%，第 5 层为最后 40%。',
      },
      format: 'text',
      group: 'result',
      cells: (out, _run, language) => {
        const labels = [
          null,
          ...([1, 2, 3, 4, 5] as const).map((tier) => tierLabel(tier, language, out.cuts)),
        ];
        return (i) => labels[out.tiers[i]!] ?? null;
      },
    },
  ],
  report: {
    customer: (out) => ({
      pyramidTier: (i) => {
        const tier = out.tiers[i]!;
        return tier === 0 ? null : tier;
      },
    }),
  },
  sheets: [{ key: 'pyramid', tab: 10, build: buildPyramidSheet }],
});
