import { defaultPyramidCuts } from './assignPyramidTiers';
import type { SummaryKey } from './sheetSpec';
import type {
  AbcClass,
  ChurnRisk,
  DataNote,
  Language,
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

/** The profit zone the course expects in each tier position (a reference, not a finding). */
const courseZones: Record<PyramidTier, Bilingual> = {
  1: { en: 'most profitable', 'zh-CN': '最赚钱' },
  2: { en: 'profitable', 'zh-CN': '次赚钱' },
  3: { en: 'marginal', 'zh-CN': '微赚钱' },
  4: { en: 'break-even', 'zh-CN': '不赚钱' },
  5: { en: 'loss-making', 'zh-CN': '赔钱' },
};

/** The course's strategy per tier position (DESIGN.md), used when the tier's own profit agrees or is unknown. */
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

/** What the customers of a tier actually did, by kind: the strategy follows this, not the position. */
type TierOutcomeKind = 'large' | 'solid' | 'small' | 'loses';

const outcomeStrategies: Record<TierOutcomeKind, Bilingual> = {
  large: {
    en: 'They earn much of your profit: keep the relationship excellent and lose none of them.',
    'zh-CN': '他们贡献了大部分利润：保持卓越的关系，一个也不能流失。',
  },
  solid: {
    en: 'They earn a solid share of your profit: grow it with products and services that create value.',
    'zh-CN': '他们贡献了可观的利润：用创造价值的产品和服务继续提高份额。',
  },
  small: {
    en: 'They earn little of your profit: serve them at low cost and prepare the promising ones to move up.',
    'zh-CN': '他们贡献的利润很少：以低成本服务，培养有潜力的客户向上移动。',
  },
  loses: {
    en: 'Together they lose money: cut the cost to serve them, raise prices, or let them go.',
    'zh-CN': '这一层整体亏损：降低服务成本、调整价格，或者放弃。',
  },
};

const revenueStrategies: Record<PyramidTier, Bilingual> = {
  1: {
    en: 'Your biggest buyers: keep the relationship excellent; lose none of them.',
    'zh-CN': '购买额最大的客户：保持卓越的关系，一个也不能流失。',
  },
  2: {
    en: 'Grow their share with products and services that create value.',
    'zh-CN': '用创造价值的产品和服务提高份额。',
  },
  3: { en: 'Learn their needs and prepare them to move up.', 'zh-CN': '了解需求，培养他们向上一层移动。' },
  4: { en: 'Serve them passively, at low cost.', 'zh-CN': '被动服务，控制成本。' },
  5: {
    en: 'Your smallest buyers: serve them at low cost.',
    'zh-CN': '购买额最小的客户：以低成本服务。',
  },
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

const sheetNames: Record<SummaryKey | 'customers', Bilingual> = {
  pyramid: { en: 'Pyramid', 'zh-CN': '客户金字塔' },
  svcd: { en: 'SVCD matrix', 'zh-CN': 'SVCD 矩阵' },
  abc: { en: 'ABC Pareto', 'zh-CN': 'ABC 帕累托' },
  rfm: { en: 'RFM', 'zh-CN': 'RFM 分析' },
  visitPlan: { en: 'Visit plan', 'zh-CN': '拜访计划' },
  dataIssues: { en: 'Data issues', 'zh-CN': '数据问题' },
  valueOutlook: { en: 'Value outlook', 'zh-CN': '价值展望' },
  movement: { en: 'Movement', 'zh-CN': '客户动态' },
  loyalty: { en: 'Loyalty', 'zh-CN': '客户保持' },
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
/** The value a pyramid ranks by: profit, or revenue when the sales have neither profit nor cost. */
export type ValueBasis = 'profit' | 'revenue';

const percentText = (share: number, signed = false): string => {
  const rounded = Math.round(share * 1000) / 10;
  const text = `${rounded.toFixed(Number.isInteger(rounded) ? 0 : 1)}%`;
  return signed && rounded > 0 ? `+${text}` : text;
};

/**
 * Where a tier sits among the ranked customers, from the pyramid cut-offs: `top 5%`, `next 10%`, …,
 * `bottom 40%` (前 5%、其后 10%、最后 40%).
 *
 * @param cuts Cumulative customer shares ending tiers 1–5 (the `pyramidCuts` setting).
 */
export function tierPosition(
  tier: PyramidTier,
  language: Language,
  cuts: readonly number[] = defaultPyramidCuts,
): string {
  const end = cuts[tier - 1] ?? 1;
  const start = tier === 1 ? 0 : (cuts[tier - 2] ?? 0);
  const width = percentText(end - start);
  if (tier === 1) return language === 'en' ? `top ${width}` : `前 ${width}`;
  if (tier === 5) return language === 'en' ? `bottom ${width}` : `最后 ${width}`;
  return language === 'en' ? `next ${width}` : `其后 ${width}`;
}

/**
 * Localised short name of a pyramid tier by position, e.g. `Tier 5 · bottom 40%` (`第 5 层 · 最后 40%`). Tiers
 * are positions in a ranking; what the course expects there is {@link tierCourseZone}.
 */
export const tierLabel = (
  tier: PyramidTier,
  language: Language,
  cuts: readonly number[] = defaultPyramidCuts,
): string =>
  language === 'en'
    ? `Tier ${tier} · ${tierPosition(tier, language, cuts)}`
    : `第 ${tier} 层 · ${tierPosition(tier, language, cuts)}`;

/** The profit zone the course names this position after, as a reference: `course: loss-making zone`. */
export const tierCourseZone = (tier: PyramidTier, language: Language): string =>
  language === 'en' ? `course: ${courseZones[tier].en} zone` : `课程：${courseZones[tier]['zh-CN']}区`;

/**
 * The tier's full title: position plus the course's zone when ranked by profit (`Tier 5 · bottom 40% —
 * course: loss-making zone`), position and "by revenue" otherwise (no word of profit).
 */
export function tierTitle(
  tier: PyramidTier,
  language: Language,
  basis: ValueBasis,
  cuts: readonly number[] = defaultPyramidCuts,
): string {
  if (basis === 'profit') return `${tierLabel(tier, language, cuts)} — ${tierCourseZone(tier, language)}`;
  return language === 'en'
    ? `${tierLabel(tier, language, cuts)} by revenue`
    : `${tierLabel(tier, language, cuts)}（按销售额）`;
}

/** What the customers of one tier actually did: the input of {@link tierOutcome} and {@link tierStrategy}. */
export interface TierOutcome {
  /** Customers in the tier. */
  customers: number;
  /** The tier's profit (sum of its customers' own profit); ignored when ranked by revenue. */
  profit: number;
  /** The tier's share of the pyramid's total profit (negative for a loss); null when that total is ≤ 0. */
  profitShare: number | null;
  /** The tier's share of the pyramid's revenue; null when that total is ≤ 0. */
  revenueShare: number | null;
  /** Customers of the tier whose own profit is below zero. */
  lossMaking: number;
}

/**
 * One line on what the tier's customers actually did: `made +2.8% of profit · 12 of 30 lose money`
 * (ranked by profit) or `brought 4.1% of revenue` (ranked by revenue, no word of profit).
 */
export function tierOutcome(outcome: TierOutcome, language: Language, basis: ValueBasis): string {
  if (basis === 'revenue') {
    const revenue = outcome.revenueShare === null ? '—' : percentText(outcome.revenueShare);
    return language === 'en' ? `brought ${revenue} of revenue` : `贡献销售额 ${revenue}`;
  }
  const made =
    outcome.profitShare === null
      ? language === 'en'
        ? `${outcome.profit < 0 ? 'lost' : 'made'} ${formatAmount(Math.abs(outcome.profit))}`
        : `${outcome.profit < 0 ? '亏损' : '盈利'} ${formatAmount(Math.abs(outcome.profit))}`
      : language === 'en'
        ? `made ${percentText(outcome.profitShare, true)} of profit`
        : `贡献利润 ${percentText(outcome.profitShare, true)}`;
  const losers =
    language === 'en'
      ? `${outcome.lossMaking} of ${outcome.customers} lose money`
      : `${outcome.customers} 位中 ${outcome.lossMaking} 位亏损`;
  return `${made} · ${losers}`;
}

function formatAmount(value: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 0 });
}

function outcomeKind(outcome: TierOutcome): TierOutcomeKind {
  if (outcome.profit < 0) return 'loses';
  const share = outcome.profitShare ?? 0;
  if (share >= 0.3) return 'large';
  if (share >= 0.1) return 'solid';
  return 'small';
}

/**
 * One-sentence strategy for a pyramid tier. Ranked by profit with the tier's {@link TierOutcome}, it
 * follows what the customers actually did (a bottom tier that earns a third of the profit is not told to
 * go), and names the customers that lose money in a tier that does not; without an outcome it is the
 * course's strategy for the position (DESIGN.md); ranked by revenue it never speaks of profit.
 */
export function tierStrategy(
  tier: PyramidTier,
  language: Language,
  outcome?: TierOutcome,
  basis: ValueBasis = 'profit',
): string {
  if (basis === 'revenue') return revenueStrategies[tier][language];
  if (outcome === undefined || outcome.customers === 0) return tierStrategies[tier][language];
  const kind = outcomeKind(outcome);
  const strategy = outcomeStrategies[kind][language];
  if (kind === 'loses' || outcome.lossMaking === 0) return strategy;
  return language === 'en'
    ? `${strategy} ${outcome.lossMaking} of them lose money: check their prices and cost to serve.`
    : `${strategy}其中 ${outcome.lossMaking} 位亏损：检查他们的价格和服务成本。`;
}

/** The value of the per-customer flag "own profit below zero": `Yes` / `No` (是 / 否). */
export const lossMakingFlag = (losesMoney: boolean, language: Language): string =>
  language === 'en' ? (losesMoney ? 'Yes' : 'No') : losesMoney ? '是' : '否';

/** Localised label of an RFM segment. */
export const rfmLabel = (segment: RfmSegment, language: Language): string => rfmNames[segment][language];
/** Localised label of a churn risk. */
export const churnLabel = (risk: ChurnRisk, language: Language): string => churnNames[risk][language];
/** Name of a summary sheet (or of the customers sheet built from sales). */
export const sheetName = (key: SummaryKey | 'customers', language: Language): string =>
  sheetNames[key][language];
/**
 * A Data issues note in the user's language: from its code and values when it has them, else its English
 * message.
 */
export function dataNoteText(note: DataNote, language: Language): string {
  if (language === 'en' || note.code === undefined) return note.message;
  const p = note.params ?? {};
  const v = (key: string): string => String(p[key] ?? '');
  switch (note.code) {
    case 'duplicateId':
      return `客户编号"${v('id')}"再次出现（首次在第 ${v('first')} 行）；两行得到相同的结果。`;
    case 'blankCustomerIds':
      return `${v('count')} 行客户的客户编号为空，没有结果。`;
    case 'ambiguousDates':
      return `${v('count')} 个日期（例如"${v('example')}"）有两种读法；已按${p.order === 'dmy' ? '日/月/年' : '月/日/年'}读取（日期顺序设置）。`;
    case 'missingProfit':
      return `${v('count')} 行的${p.field === 'cost' ? '成本' : '利润'}为空或不是数字，按 0 计算。`;
    case 'blankOrderIds':
      return `${v('count')} 行没有订单号；计入销售额，但不计入订单数。`;
    case 'noProfitColumn':
      return '销售表既没有利润列也没有成本列，因此金字塔按销售额排序。';
    case 'noRepeatBuyers':
      return '没有客户在两个不同的日子购买过，无法比较购买节奏：流失风险以整个分析期间作为预期间隔。';
    case 'churnWithoutModel':
      return `流失风险应来自价值模型，但无法建立该模型（${v('reason')}）：改用购买间隔规则。`;
    case 'careDaysNotNumber':
      return `“${v('item')}”的关怀规则：天数“${v('value')}”不是不小于 0 的整数，该规则未使用。`;
    case 'careDateUnreadable':
      return `“${v('column')}”中有 ${v('count')} 个日期（例如“${v('example')}”）无法识别，不安排关怀电话。`;
  }
}

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
  issuesSummary: { en: 'Summary', 'zh-CN': '概要' },
  reason: { en: 'Reason', 'zh-CN': '原因' },
  rowsSkipped: { en: 'Rows skipped', 'zh-CN': '跳过的行数' },
  amountSkipped: { en: 'Amount they carry', 'zh-CN': '涉及金额' },
  amountUnknown: { en: '(amount not readable)', 'zh-CN': '（金额无法读取）' },
  firstSkipped: { en: 'Skipped rows (the first ones)', 'zh-CN': '跳过的行（前若干行）' },
  notesTitle: { en: 'Notes', 'zh-CN': '说明' },
  visitsSkipped: { en: 'Visits log rows skipped', 'zh-CN': '拜访记录中跳过的行' },
  lossMakingCustomers: { en: 'Customers losing money', 'zh-CN': '亏损客户数' },
  tierOutcome: { en: 'What your customers did', 'zh-CN': '您的客户实际表现' },
  tiersArePositions: {
    en: 'Tiers are positions in the ranking by profit; the course names each after the profit zone it expects there. What your customers in each tier actually did is beside it, and the strategy follows that.',
    'zh-CN':
      '层级是按利润排名的位置；课程按预期的利润区为各层命名（仅供参考）。旁边列出各层客户的实际表现，策略依据实际表现。',
  },
  tiersArePositionsRevenue: {
    en: 'Tiers are positions in the ranking by revenue (the sales have no profit or cost column).',
    'zh-CN': '层级是按销售额排名的位置（销售数据没有利润或成本列）。',
  },
  chartData: { en: 'Chart data', 'zh-CN': '图表数据' },
  padding: { en: 'Padding (centres the bar)', 'zh-CN': '填充（使条形居中）' },
} satisfies Record<string, Bilingual>;

/** Words used on the summary sheets. */
export type TextKey = keyof typeof text;

/** A localised phrase for the summary sheets. */
export function t(key: TextKey, language: Language): string {
  return text[key][language];
}
