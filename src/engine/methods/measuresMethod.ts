import type { CustomerMeasures } from '../customerMeasures';
import { isoDayCache } from '../isoDayCache';
import { lossMakingFlag } from '../labels';
import { defineMethod, type MethodInput } from './Method';

const orNull = (value: number): number | null => (Number.isNaN(value) ? null : value);

/**
 * The per-customer measures as a method: revenue, profit, orders, purchase days, first and last purchase,
 * recency, orders per month and amount per order, gathered by `analyze` from the sales totals (every other
 * method reads them from `MethodInput.measures`). Its columns explain the segments and tiers.
 *
 * @example
 * // With the registry: a run's revenue column and report field come from here.
 * analyze(input).outputs.measures.revenue[0]; // customer 0's revenue in the window
 */
export const measuresMethod = defineMethod({
  id: 'measures',
  compute: (input: MethodInput): CustomerMeasures => input.measures,
  columns: [
    {
      key: 'revenue',
      header: { en: 'Revenue', 'zh-CN': '销售额' },
      explanation: { en: 'Sales in the window.', 'zh-CN': '分析期间内的销售额。' },
      format: 'money',
      group: 'explanation',
      cells: (m) => (i) => m.revenue[i]!,
    },
    {
      key: 'profit',
      header: { en: 'Profit', 'zh-CN': '利润' },
      explanation: {
        en: 'Profit in the window (or revenue minus cost).',
        'zh-CN': '分析期间内的利润（或销售额减成本）。',
      },
      format: 'money',
      group: 'explanation',
      profitOnly: true,
      cells: (m) => (i) => m.profit[i]!,
    },
    {
      key: 'orders',
      header: { en: 'Orders', 'zh-CN': '订单数' },
      explanation: { en: 'Orders in the window.', 'zh-CN': '分析期间内的订单数。' },
      format: 'integer',
      group: 'explanation',
      cells: (m) => (i) => m.orders[i]!,
    },
    {
      key: 'lastPurchase',
      header: { en: 'Last purchase', 'zh-CN': '最近购买日期' },
      explanation: {
        en: 'Date of the latest purchase in the window.',
        'zh-CN': '分析期间内最近一次购买的日期。',
      },
      format: 'date',
      group: 'explanation',
      cells: (m) => (i) => {
        const day = m.lastPurchase[i]!;
        return day >= 0 ? day : null;
      },
    },
    {
      key: 'recencyDays',
      header: { en: 'Days since last purchase', 'zh-CN': '距上次购买天数' },
      explanation: {
        en: 'Days from the last purchase to the as-of date.',
        'zh-CN': '从最近一次购买到截止日期的天数。',
      },
      format: 'integer',
      group: 'explanation',
      cells: (m) => (i) => orNull(m.recencyDays[i]!),
    },
    {
      key: 'lossMaking',
      header: { en: 'Own profit below zero', 'zh-CN': '自身利润为负' },
      explanation: {
        en: "Whether the customer's own profit is below zero, whatever its tier.",
        'zh-CN': '客户自身利润是否为负（与层级无关）。',
      },
      format: 'text',
      group: 'explanation',
      profitOnly: true,
      cells: (m, _run, language) => {
        const yes = lossMakingFlag(true, language);
        const no = lossMakingFlag(false, language);
        return (i) => (m.hasSalesInWindow[i] === 1 ? (m.profit[i]! < 0 ? yes : no) : null);
      },
    },
    {
      key: 'amountPerOrder',
      header: { en: 'Amount per order', 'zh-CN': '每单金额' },
      explanation: {
        en: 'Revenue divided by orders (the SVCD amount axis).',
        'zh-CN': '销售额除以订单数（SVCD 的金额轴）。',
      },
      format: 'money',
      group: 'explanation',
      cells: (m) => (i) => orNull(m.amountPerOrder[i]!),
    },
    {
      key: 'frequencyPerMonth',
      header: { en: 'Orders per month', 'zh-CN': '每月订单数' },
      explanation: {
        en: 'Orders divided by the months in the window (the SVCD frequency axis).',
        'zh-CN': '订单数除以分析期间的月数（SVCD 的频率轴）。',
      },
      format: 'number',
      group: 'explanation',
      cells: (m) => (i) => (m.hasSalesInWindow[i] === 1 ? m.frequencyPerMonth[i]! : null),
    },
  ],
  report: {
    customer: (m, run) => {
      // Each distinct day's text once for the report's customers.
      const iso = isoDayCache();
      const isoOrNull = (day: number): string | null => (day >= 0 ? iso(day) : null);
      return {
        revenue: (i) => m.revenue[i],
        profit: run.valueBasis === 'profit' ? (i) => m.profit[i] : () => null,
        orders: (i) => m.orders[i],
        purchaseDays: (i) => m.purchaseDays[i],
        firstPurchase: (i) => isoOrNull(m.firstPurchase[i]!),
        lastPurchase: (i) => isoOrNull(m.lastPurchase[i]!),
        recencyDays: (i) => orNull(m.recencyDays[i]!),
        frequencyPerMonth: (i) => m.frequencyPerMonth[i],
        amountPerOrder: (i) => orNull(m.amountPerOrder[i]!),
      };
    },
    method: (_m, run) => ({ valueBasis: run.valueBasis }),
  },
});
