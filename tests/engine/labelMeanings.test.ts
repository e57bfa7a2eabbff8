import {
  abcLabel,
  churnLabel,
  rfmLabel,
  sheetName,
  skipReason,
  svcdLabel,
  tierCourseZone,
  tierLabel,
  tierTitle,
} from '../../src/engine/labels';
import { columnHeader } from '../../src/engine/methods/outputColumns';
import type {
  AbcClass,
  ChurnRisk,
  OutputColumnKey,
  PyramidTier,
  RfmSegment,
  SkipCode,
  SvcdSegment,
} from '../../src/engine/types';

// Written by hand from the course materials and DESIGN.md, independent of labels.ts: each Chinese label
// pinned to its meaning, so swapping two labels (奶牛 and 火山, say) fails here.

const svcd: Record<SvcdSegment, [string, string]> = {
  Star: ['Star', '明星'],
  Cow: ['Cow', '奶牛'],
  Volcano: ['Volcano', '火山'],
  Dog: ['Dog', '小狗'],
};

const abc: Record<AbcClass, [string, string]> = {
  A: ['A', 'A 类'],
  B: ['B', 'B 类'],
  C: ['C', 'C 类（潜在客户）'],
};

const courseZones: Record<PyramidTier, [string, string]> = {
  1: ['course: most profitable zone', '课程：最赚钱区'],
  2: ['course: profitable zone', '课程：次赚钱区'],
  3: ['course: marginal zone', '课程：微赚钱区'],
  4: ['course: break-even zone', '课程：不赚钱区'],
  5: ['course: loss-making zone', '课程：赔钱区'],
};

const tiers: Record<PyramidTier, [string, string]> = {
  1: ['Tier 1 · top 5%', '第 1 层 · 前 5%'],
  2: ['Tier 2 · next 10%', '第 2 层 · 其后 10%'],
  3: ['Tier 3 · next 20%', '第 3 层 · 其后 20%'],
  4: ['Tier 4 · next 25%', '第 4 层 · 其后 25%'],
  5: ['Tier 5 · bottom 40%', '第 5 层 · 最后 40%'],
};

const rfm: Record<RfmSegment, [string, string]> = {
  Champions: ['Champions', '冠军客户'],
  Loyal: ['Loyal', '忠诚客户'],
  'Potential loyalist': ['Potential loyalist', '潜在忠诚客户'],
  New: ['New', '新客户'],
  Promising: ['Promising', '有潜力客户'],
  'Need attention': ['Need attention', '需要关注'],
  'About to sleep': ['About to sleep', '即将沉睡'],
  'At risk': ['At risk', '有流失风险'],
  "Can't lose them": ["Can't lose them", '不能失去'],
  Hibernating: ['Hibernating', '休眠客户'],
  Lost: ['Lost', '已流失'],
};

const churn: Record<ChurnRisk, [string, string]> = {
  Active: ['Active', '活跃'],
  'At risk': ['At risk', '有流失风险'],
  Lapsed: ['Lapsed', '已流失'],
};

// The built-in methods' columns; a later method pins its own headers in its own test.
const columns = {
  svcd: ['SVCD segment', 'SVCD 分类'],
  abc: ['ABC class', 'ABC 分类'],
  pyramidTier: ['Pyramid tier', '金字塔层级'],
  visitsPerMonth: ['Visits per month', '每月拜访次数'],
  nextVisitDue: ['Next visit due', '下次拜访日期'],
  rfmScore: ['RFM score', 'RFM 得分'],
  rfmSegment: ['RFM segment', 'RFM 分群'],
  churnRisk: ['Churn risk', '流失风险'],
  revenue: ['Revenue', '销售额'],
  profit: ['Profit', '利润'],
  orders: ['Orders', '订单数'],
  lastPurchase: ['Last purchase', '最近购买日期'],
  recencyDays: ['Days since last purchase', '距上次购买天数'],
  lossMaking: ['Own profit below zero', '自身利润为负'],
  amountPerOrder: ['Amount per order', '每单金额'],
  frequencyPerMonth: ['Orders per month', '每月订单数'],
  rfmR: ['R score (recency)', 'R 得分（最近购买）'],
  rfmF: ['F score (frequency)', 'F 得分（购买频率）'],
  rfmM: ['M score (monetary)', 'M 得分（购买金额）'],
  lifetimeValue: ['Lifetime value', '历史终身价值'],
  pAlive: ['Probability still a customer', '仍为客户的概率'],
  expectedPurchases: ['Expected purchases (horizon)', '预期购买次数（预测期）'],
  expectedOrderValue: ['Expected order value', '预期每单金额'],
  predictedValue: ['Predicted value, 12 months', '未来 12 个月预测价值'],
  previousTier: ['Tier before', '之前层级'],
  tierChange: ['Tier change', '层级变化'],
  valueTrend: ['Value trend', '价值趋势'],
  relationship: ['Relationship kind', '关系客户类型'],
} satisfies Partial<Record<OutputColumnKey, [string, string]>>;

const sheets: Record<Parameters<typeof sheetName>[0], [string, string]> = {
  pyramid: ['Pyramid', '客户金字塔'],
  svcd: ['SVCD matrix', 'SVCD 矩阵'],
  abc: ['ABC Pareto', 'ABC 帕累托'],
  rfm: ['RFM', 'RFM 分析'],
  visitPlan: ['Visit plan', '拜访计划'],
  dataIssues: ['Data issues', '数据问题'],
  valueOutlook: ['Value outlook', '价值展望'],
  movement: ['Movement', '客户动态'],
  loyalty: ['Loyalty', '客户保持'],
  customers: ['Customers (analysis)', '客户（分析）'],
};

const skips: Record<SkipCode, [string, string]> = {
  customerBlank: ['customer id is blank', '客户编号为空'],
  customerError: ['customer id is an error value', '客户编号是错误值'],
  dateUnreadable: ['date is not readable', '日期无法识别'],
  amountNotNumber: ['amount is not a number', '金额不是数字'],
  quantityNotNumber: ['quantity is not a number', '数量不是数字'],
  unitPriceNotNumber: ['unit price is not a number', '单价不是数字'],
};

function pinned<K extends string | number>(
  table: Record<K, [string, string]>,
  label: (key: K, language: 'en' | 'zh-CN') => string,
): [K, string, string, string, string][] {
  return (Object.keys(table) as K[]).map((raw) => {
    const key = (typeof raw === 'string' && /^\d+$/u.test(raw) ? Number(raw) : raw) as K;
    const [en, zh] = table[raw];
    return [key, label(key, 'en'), en, label(key, 'zh-CN'), zh];
  });
}

describe.each([
  ['SVCD segments', pinned(svcd, svcdLabel)],
  ['ABC classes', pinned(abc, abcLabel)],
  ['pyramid tiers by position', pinned(tiers, (k, l) => tierLabel(k, l))],
  ['course zones of the tiers', pinned(courseZones, tierCourseZone)],
  ['RFM segments', pinned(rfm, rfmLabel)],
  ['churn risks', pinned(churn, churnLabel)],
  ['customer column headers', pinned(columns, (k, l) => columnHeader(k, l))],
  ['sheet names', pinned(sheets, sheetName)],
  ['reasons for skipping a row', pinned(skips, skipReason)],
])('%s: each label means what it says, in English and 简体中文', (_name, rows) => {
  test.each(rows)('%s', (_key, en, expectedEn, zh, expectedZh) => {
    expect(en).toBe(expectedEn);
    expect(zh).toBe(expectedZh);
  });
});

test('every label of a kind is different (no two meanings share a word)', () => {
  for (const table of [svcd, abc, tiers, courseZones, rfm, columns, sheets, skips] as Record<
    string,
    [string, string]
  >[]) {
    const zh = Object.values(table).map(([, z]) => z);
    expect(new Set(zh).size).toBe(zh.length);
  }
});

test('ranked by profit a tier title names the course zone; ranked by revenue it does not', () => {
  expect(tierTitle(5, 'en', 'profit')).toBe('Tier 5 · bottom 40% — course: loss-making zone');
  expect(tierTitle(5, 'zh-CN', 'profit')).toBe('第 5 层 · 最后 40% — 课程：赔钱区');
  expect(tierTitle(1, 'en', 'revenue')).toBe('Tier 1 · top 5% by revenue');
  expect(tierTitle(1, 'zh-CN', 'revenue')).toBe('第 1 层 · 前 5%（按销售额）');
});
