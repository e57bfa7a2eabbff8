import { defineMethod, type MethodInput } from './Method';

/**
 * Historical lifetime value: profit (or revenue without profit data) of all sales up to the as-of date,
 * including those before the window.
 *
 * @example
 * analyze(input).outputs.lifetimeValue[0]; // customer 0's profit over all its history
 */
export const lifetimeValueMethod = defineMethod({
  id: 'lifetimeValue',
  compute: (input: MethodInput): Float64Array => input.measures.lifetimeValue,
  columns: [
    {
      key: 'lifetimeValue',
      header: { en: 'Lifetime value', 'zh-CN': '历史终身价值' },
      explanation: {
        en: 'Profit (or revenue) of all sales up to the as-of date, before the window too.',
        'zh-CN': '截止日期之前所有销售的利润（或销售额），包括分析期间之前的。',
      },
      format: 'money',
      group: 'explanation',
      cells: (values) => (i) => values[i]!,
    },
  ],
  report: { customer: (values) => ({ lifetimeValue: (i) => values[i] }) },
});
