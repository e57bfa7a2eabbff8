import type { Language } from '../types';

type Bilingual = Record<Language, string>;

const words = {
  title: { en: 'Value outlook', 'zh-CN': '客户价值展望' },
  intro: {
    en: 'Who is still a customer and what they will be worth: the BG/NBD purchase model and the Gamma-Gamma spend model, fitted on every purchase day up to the as-of date (time in weeks).',
    'zh-CN':
      '谁仍是客户、将来价值多少：按截止日期之前的所有购买日拟合 BG/NBD 购买模型与 Gamma-Gamma 消费模型（时间单位：周）。',
  },
  asOf: { en: 'As-of date', 'zh-CN': '截止日期' },
  noModel: { en: 'No value model for these data', 'zh-CN': '这些数据无法建立价值模型' },
  purchaseModel: { en: 'Purchase model (BG/NBD)', 'zh-CN': '购买模型（BG/NBD）' },
  spendModel: { en: 'Spend model (Gamma-Gamma)', 'zh-CN': '消费模型（Gamma-Gamma）' },
  parameter: { en: 'Parameter', 'zh-CN': '参数' },
  value: { en: 'Value', 'zh-CN': '数值' },
  meaning: { en: 'What it means', 'zh-CN': '含义' },
  logLikelihood: { en: 'Log-likelihood', 'zh-CN': '对数似然' },
  customersFitted: { en: 'Customers fitted', 'zh-CN': '参与拟合的客户数' },
  totals: { en: 'Outlook in total', 'zh-CN': '总体展望' },
  holdoutTitle: { en: 'Check on a holdout period', 'zh-CN': '留出期检验' },
  calibrationRepeats: {
    en: 'Repeat purchases before the holdout',
    'zh-CN': '留出期之前的重复购买次数',
  },
  customers: { en: 'Customers', 'zh-CN': '客户数' },
  actual: { en: 'Actual purchases per customer', 'zh-CN': '每位客户实际购买次数' },
  predicted: { en: 'Predicted purchases per customer', 'zh-CN': '每位客户预测购买次数' },
  ratio: { en: 'Predicted ÷ actual', 'zh-CN': '预测 ÷ 实际' },
  total: { en: 'All customers (purchase days)', 'zh-CN': '全部客户（购买日数）' },
  chartTitle: {
    en: 'Holdout: actual vs predicted purchases per customer',
    'zh-CN': '留出期：每位客户实际与预测购买次数',
  },
  chartActual: { en: 'Actual', 'zh-CN': '实际' },
  chartPredicted: { en: 'Predicted', 'zh-CN': '预测' },
  topTitle: { en: 'Top customers by predicted value', 'zh-CN': '预测价值最高的客户' },
  slippingTitle: {
    en: 'Valuable but slipping: call these first',
    'zh-CN': '高价值但正在流失：优先联系',
  },
  customerId: { en: 'Customer ID', 'zh-CN': '客户编号' },
  customerName: { en: 'Customer name', 'zh-CN': '客户名称' },
  pAlive: { en: 'Probability still a customer', 'zh-CN': '仍为客户的概率' },
  expectedPurchases: { en: 'Expected purchases', 'zh-CN': '预期购买次数' },
  predictedValue: { en: 'Predicted value', 'zh-CN': '预测价值' },
  historicalValue: { en: 'Lifetime value so far', 'zh-CN': '历史终身价值' },
  noneSlipping: {
    en: 'No customer among the most valuable fifth has a probability below 50 %.',
    'zh-CN': '最有价值的五分之一客户中，没有人仍为客户的概率低于 50%。',
  },
  notes: { en: 'Notes on the fit', 'zh-CN': '拟合说明' },
} satisfies Record<string, Bilingual>;

/** Words of the Value outlook sheet and the pane's outlook. */
export type ValueOutlookWord = keyof typeof words;

/** A localised phrase of the Value outlook. */
export function valueOutlookWord(key: ValueOutlookWord, language: Language): string {
  return words[key][language];
}
