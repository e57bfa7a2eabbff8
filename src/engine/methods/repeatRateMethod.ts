import { defineMethod, type MethodInput } from './Method';

/**
 * Repeat purchase rate: the share of a customer's purchase days in the window that came after the first,
 * (purchase days − 1) ÷ purchase days — 0 for a one-time buyer, 0.75 for a customer who bought on four
 * days. NaN (an empty cell) for a customer without a purchase day in the window. An opt-in column.
 *
 * @example
 * // A customer who bought on 2024-01-05, 2024-02-05 (twice) and 2024-03-01: 3 purchase days.
 * analyze(input).outputs.repeatRate[0]; // 2 / 3
 */
export const repeatRateMethod = defineMethod({
  id: 'repeatRate',
  compute(input: MethodInput): Float64Array {
    const { purchaseDays } = input.measures;
    const rates = new Float64Array(purchaseDays.length);
    for (let i = 0; i < rates.length; i++) {
      const days = purchaseDays[i]!;
      rates[i] = days > 0 ? (days - 1) / days : Number.NaN;
    }
    return rates;
  },
  columns: [
    {
      key: 'repeatPurchaseRate',
      header: { en: 'Repeat purchase rate', 'zh-CN': '复购率' },
      explanation: {
        en: 'Share of the purchase days in the window that came after the first: (purchase days − 1) ÷ purchase days.',
        'zh-CN': '分析期间内首次购买之后的购买天数占比：（购买天数 − 1）÷ 购买天数。',
      },
      format: 'percent',
      group: 'explanation',
      byDefault: false,
      cells: (rates) => (i) => {
        const rate = rates[i]!;
        return Number.isNaN(rate) ? null : rate;
      },
    },
  ],
});
