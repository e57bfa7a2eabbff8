import type { SummaryKey } from './sheetSpec';
import type {
  AbcClass,
  ChurnRisk,
  Language,
  OutputColumnKey,
  PyramidTier,
  RfmSegment,
  SkipCode,
  SvcdSegment,
} from './types';

type Bilingual = Record<Language, string>;

const svcdNames: Record<SvcdSegment, Bilingual> = {
  Star: { en: 'Star', 'zh-CN': '明星' },
  Cow: { en: 'Cow', 'zh-CN': '奶牛' },
  Volcano: { en: 'Volcano', 'zh-CN': '火山' },
  Dog: { en: 'Dog', 'zh-CN': '小狗' },
};

const svcdStrategies: Record<SvcdSegment, Bilingual> = {
  Star: {
    en: 'Buys often and big: visit weekly and keep them delighted.',
    'zh-CN': '买得多又买得勤：每周拜访，保持满意。',
  },
  Cow: {
    en: 'Buys often but small: visit every two weeks and grow the order size.',
    'zh-CN': '买得勤但金额小：每两周拜访，提高单次购买额。',
  },
  Volcano: {
    en: 'Buys big but rarely: visit monthly and find reasons to buy more often.',
    'zh-CN': '金额大但购买少：每月拜访，创造更多购买机会。',
  },
  Dog: {
    en: 'Buys small and rarely: visit every two months at low cost.',
    'zh-CN': '金额小又购买少：每两个月拜访一次，控制成本。',
  },
};

const abcNames: Record<AbcClass, Bilingual> = {
  A: { en: 'A', 'zh-CN': 'A 类' },
  B: { en: 'B', 'zh-CN': 'B 类' },
  C: { en: 'C', 'zh-CN': 'C 类（潜在客户）' },
};

const tierNames: Record<PyramidTier, Bilingual> = {
  1: { en: 'Most profitable', 'zh-CN': '最赚钱' },
  2: { en: 'Profitable', 'zh-CN': '次赚钱' },
  3: { en: 'Marginal', 'zh-CN': '微赚钱' },
  4: { en: 'Break-even', 'zh-CN': '不赚钱' },
  5: { en: 'Loss-making', 'zh-CN': '赔钱' },
};

const tierStrategies: Record<PyramidTier, Bilingual> = {
  1: {
    en: 'Keep the relationship excellent; lose none of them.',
    'zh-CN': '保持卓越的关系，一个也不能流失。',
  },
  2: {
    en: 'Grow their share with products and services that create value; actively upgrade them.',
    'zh-CN': '用创造价值的产品和服务提高份额，积极推动升级。',
  },
  3: { en: 'Learn their needs and prepare them to move up.', 'zh-CN': '了解需求，培养他们向上一层移动。' },
  4: { en: 'Serve them passively, at low cost.', 'zh-CN': '被动服务，控制成本。' },
  5: { en: 'Cut the cost to serve them, or let them go.', 'zh-CN': '降低服务成本，或者放弃。' },
};

const rfmNames: Record<RfmSegment, Bilingual> = {
  Champions: { en: 'Champions', 'zh-CN': '冠军客户' },
  Loyal: { en: 'Loyal', 'zh-CN': '忠诚客户' },
  'Potential loyalist': { en: 'Potential loyalist', 'zh-CN': '潜在忠诚客户' },
  New: { en: 'New', 'zh-CN': '新客户' },
  Promising: { en: 'Promising', 'zh-CN': '有潜力客户' },
  'Need attention': { en: 'Need attention', 'zh-CN': '需要关注' },
  'About to sleep': { en: 'About to sleep', 'zh-CN': '即将沉睡' },
  'At risk': { en: 'At risk', 'zh-CN': '有流失风险' },
  "Can't lose them": { en: "Can't lose them", 'zh-CN': '不能失去' },
  Hibernating: { en: 'Hibernating', 'zh-CN': '休眠客户' },
  Lost: { en: 'Lost', 'zh-CN': '已流失' },
};

const churnNames: Record<ChurnRisk, Bilingual> = {
  Active: { en: 'Active', 'zh-CN': '活跃' },
  'At risk': { en: 'At risk', 'zh-CN': '有流失风险' },
  Lapsed: { en: 'Lapsed', 'zh-CN': '已流失' },
};

const columnHeaders: Record<OutputColumnKey, Bilingual> = {
  svcd: { en: 'SVCD segment', 'zh-CN': 'SVCD 分类' },
  abc: { en: 'ABC class', 'zh-CN': 'ABC 分类' },
  pyramidTier: { en: 'Pyramid tier', 'zh-CN': '金字塔层级' },
  visitsPerMonth: { en: 'Visits per month', 'zh-CN': '每月拜访次数' },
  nextVisitDue: { en: 'Next visit due', 'zh-CN': '下次拜访日期' },
  rfmScore: { en: 'RFM score', 'zh-CN': 'RFM 得分' },
  rfmSegment: { en: 'RFM segment', 'zh-CN': 'RFM 分群' },
  churnRisk: { en: 'Churn risk', 'zh-CN': '流失风险' },
  revenue: { en: 'Revenue', 'zh-CN': '销售额' },
  profit: { en: 'Profit', 'zh-CN': '利润' },
  orders: { en: 'Orders', 'zh-CN': '订单数' },
  lastPurchase: { en: 'Last purchase', 'zh-CN': '最近购买日期' },
  recencyDays: { en: 'Days since last purchase', 'zh-CN': '距上次购买天数' },
};

const sheetNames: Record<SummaryKey | 'customers', Bilingual> = {
  pyramid: { en: 'Pyramid', 'zh-CN': '客户金字塔' },
  svcd: { en: 'SVCD matrix', 'zh-CN': 'SVCD 矩阵' },
  abc: { en: 'ABC Pareto', 'zh-CN': 'ABC 帕累托' },
  rfm: { en: 'RFM', 'zh-CN': 'RFM 分析' },
  visitPlan: { en: 'Visit plan', 'zh-CN': '拜访计划' },
  dataIssues: { en: 'Data issues', 'zh-CN': '数据问题' },
  customers: { en: 'Customers (analysis)', 'zh-CN': '客户（分析）' },
};

const skipReasons: Record<SkipCode, Bilingual> = {
  customerBlank: { en: 'customer id is blank', 'zh-CN': '客户编号为空' },
  customerError: { en: 'customer id is an error value', 'zh-CN': '客户编号是错误值' },
  dateUnreadable: { en: 'date is not readable', 'zh-CN': '日期无法识别' },
  amountNotNumber: { en: 'amount is not a number', 'zh-CN': '金额不是数字' },
  quantityNotNumber: { en: 'quantity is not a number', 'zh-CN': '数量不是数字' },
  unitPriceNotNumber: { en: 'unit price is not a number', 'zh-CN': '单价不是数字' },
};

/** Localised label of an SVCD segment. */
export const svcdLabel = (segment: SvcdSegment, language: Language): string => svcdNames[segment][language];
/** One-sentence strategy for an SVCD segment. */
export const svcdStrategy = (segment: SvcdSegment, language: Language): string =>
  svcdStrategies[segment][language];
/** Localised label of an ABC class. */
export const abcLabel = (abc: AbcClass, language: Language): string => abcNames[abc][language];
/** Localised name of a pyramid tier, e.g. `1 Most profitable`. */
export const tierLabel = (tier: PyramidTier, language: Language): string =>
  `${tier} ${tierNames[tier][language]}`;
/** One-sentence strategy for a pyramid tier (DESIGN.md). */
export const tierStrategy = (tier: PyramidTier, language: Language): string => tierStrategies[tier][language];
/** Localised label of an RFM segment. */
export const rfmLabel = (segment: RfmSegment, language: Language): string => rfmNames[segment][language];
/** Localised label of a churn risk. */
export const churnLabel = (risk: ChurnRisk, language: Language): string => churnNames[risk][language];
/** Header of a customer column. */
export const columnHeader = (key: OutputColumnKey, language: Language): string =>
  columnHeaders[key][language];
/** Name of a summary sheet (or of the customers sheet built from sales). */
export const sheetName = (key: SummaryKey | 'customers', language: Language): string =>
  sheetNames[key][language];
/** Short localised reason for a skipped row. */
export const skipReason = (code: SkipCode, language: Language): string => skipReasons[code][language];

const text = {
  customerId: { en: 'Customer ID', 'zh-CN': '客户编号' },
  customerName: { en: 'Customer name', 'zh-CN': '客户名称' },
  rep: { en: 'Sales rep', 'zh-CN': '业务员' },
  tier: { en: 'Tier', 'zh-CN': '层级' },
  customers: { en: 'Customers', 'zh-CN': '客户数' },
  customerShare: { en: 'Share of customers', 'zh-CN': '客户占比' },
  revenue: { en: 'Revenue', 'zh-CN': '销售额' },
  revenueShare: { en: 'Share of revenue', 'zh-CN': '销售额占比' },
  profit: { en: 'Profit', 'zh-CN': '利润' },
  profitShare: { en: 'Share of profit', 'zh-CN': '利润占比' },
  visitShare: { en: 'Share of visits', 'zh-CN': '拜访占比' },
  strategy: { en: 'What to do', 'zh-CN': '策略' },
  reference: { en: 'Course reference profile', 'zh-CN': '课程参考结构' },
  ownProfile: { en: 'Your customers', 'zh-CN': '您的客户' },
  refCustomers: { en: 'Reference: customers', 'zh-CN': '参考：客户占比' },
  refRevenue: { en: 'Reference: revenue', 'zh-CN': '参考：销售额占比' },
  refProfit: { en: 'Reference: profit', 'zh-CN': '参考：利润占比' },
  segment: { en: 'Segment', 'zh-CN': '分类' },
  total: { en: 'Total', 'zh-CN': '合计' },
  amountPerOrder: { en: 'Amount per order', 'zh-CN': '购买额度（每单金额）' },
  frequency: { en: 'Orders per month', 'zh-CN': '购买频度（每月订单数）' },
  high: { en: 'High', 'zh-CN': '高' },
  low: { en: 'Low', 'zh-CN': '低' },
  threshold: { en: 'Threshold', 'zh-CN': '阈值' },
  rank: { en: 'Rank', 'zh-CN': '排名' },
  class: { en: 'Class', 'zh-CN': '分类' },
  cumulativeShare: { en: 'Cumulative share of revenue', 'zh-CN': '累计销售额占比' },
  visitEvery: { en: 'Visit every (days)', 'zh-CN': '拜访间隔（天）' },
  lastContact: { en: 'Last contact', 'zh-CN': '最近联系日期' },
  nextVisitDue: { en: 'Next visit due', 'zh-CN': '下次拜访日期' },
  daysOverdue: { en: 'Days overdue', 'zh-CN': '逾期天数' },
  status: { en: 'Status', 'zh-CN': '状态' },
  overdue: { en: 'Overdue', 'zh-CN': '已逾期' },
  due: { en: 'Due', 'zh-CN': '待拜访' },
  notDue: { en: 'Not yet due', 'zh-CN': '未到期' },
  unassigned: { en: '(no rep)', 'zh-CN': '（未分配）' },
  sheet: { en: 'Sheet', 'zh-CN': '工作表' },
  row: { en: 'Row', 'zh-CN': '行' },
  column: { en: 'Column', 'zh-CN': '列' },
  problem: { en: 'Problem', 'zh-CN': '问题' },
  note: { en: 'Note', 'zh-CN': '说明' },
  asOf: { en: 'As-of date', 'zh-CN': '截止日期' },
  window: { en: 'Window', 'zh-CN': '分析期间' },
  rankedBy: { en: 'Ranked by', 'zh-CN': '排序依据' },
  byProfit: { en: 'profit', 'zh-CN': '利润' },
  byRevenue: { en: 'revenue (no profit or cost column)', 'zh-CN': '销售额（没有利润或成本列）' },
  recencyScore: { en: 'Recency score (R)', 'zh-CN': '最近购买得分 (R)' },
  frequencyScore: { en: 'Frequency score (F)', 'zh-CN': '购买频率得分 (F)' },
  rfmHeat: { en: 'Customers by R (rows) and F (columns)', 'zh-CN': '按 R（行）和 F（列）的客户数' },
  rfmSegment: { en: 'RFM segment', 'zh-CN': 'RFM 分群' },
  top20: { en: 'Revenue from the top 20% of customers', 'zh-CN': '前 20% 客户贡献的销售额' },
  noIssues: { en: 'No problems found: every row was used.', 'zh-CN': '没有发现问题：所有行都已使用。' },
  skippedRows: { en: 'Skipped rows', 'zh-CN': '跳过的行' },
  rowsAfterAsOf: { en: 'Rows after the as-of date (ignored)', 'zh-CN': '截止日期之后的行（已忽略）' },
  rowsBeforeWindow: { en: 'Rows before the window', 'zh-CN': '分析期间之前的行' },
  salesRows: { en: 'Sales rows', 'zh-CN': '销售行数' },
  usedRows: { en: 'Rows used', 'zh-CN': '使用的行数' },
  pyramidTitle: { en: 'Customer pyramid', 'zh-CN': '客户金字塔' },
  svcdTitle: { en: 'SVCD matrix', 'zh-CN': 'SVCD 矩阵' },
  abcTitle: { en: 'ABC classes and the Pareto curve', 'zh-CN': 'ABC 分类与帕累托曲线' },
  rfmTitle: { en: 'RFM scores', 'zh-CN': 'RFM 得分' },
  visitTitle: { en: 'Visit plan by sales rep', 'zh-CN': '按业务员的拜访计划' },
  issuesTitle: { en: 'Data issues', 'zh-CN': '数据问题' },
  myth: {
    en: 'The course warns that reps often spend most of their time on the two bottom tiers.',
    'zh-CN': '课程提醒：业务员常把大部分时间花在底部两层客户身上。',
  },
  noVisitsLog: {
    en: 'No visits log: share of visits not available.',
    'zh-CN': '没有拜访记录，无法计算拜访占比。',
  },
  dueCount: { en: 'Due or overdue', 'zh-CN': '到期或逾期' },
} satisfies Record<string, Bilingual>;

/** Words used on the summary sheets. */
export type TextKey = keyof typeof text;

/** A localised phrase for the summary sheets. */
export function t(key: TextKey, language: Language): string {
  return text[key][language];
}
