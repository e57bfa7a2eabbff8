import type { Language } from '../types';
import type { RelationshipKind, TierChange, ValueTrend } from './types';

type Bilingual = Record<Language, string>;

const texts = {
  movementTitle: {
    en: 'Movement: who climbed the pyramid, who is slipping',
    'zh-CN': '客户动态：谁在上升，谁在下滑',
  },
  loyaltyTitle: { en: 'Loyalty: how many customers stay', 'zh-CN': '客户保持度：有多少客户留下来' },
  comparedWith: { en: 'Compared with', 'zh-CN': '对比日期' },
  monthsEarlier: { en: 'months earlier', 'zh-CN': '个月前' },
  lastRecordedRun: {
    en: 'the last run recorded in this workbook (tiers as saved then)',
    'zh-CN': '本工作簿记录的上一次分析（当时保存的层级）',
  },
  asOf: { en: 'As of', 'zh-CN': '截止日期' },
  noEarlierSales: {
    en: 'No sale is dated on or before the earlier date: every customer is new.',
    'zh-CN': '对比日期当天及之前没有销售记录：所有客户都是新客户。',
  },
  matrixNote: {
    en: 'Rows: before; columns: now. Green: moved up; red: moved down; blue: stayed. The deeper the colour, the more customers.',
    'zh-CN': '行：之前；列：现在。绿色：上升；红色：下降；蓝色：不变。颜色越深，客户越多。',
  },
  tiersMatrix: { en: 'Pyramid tiers', 'zh-CN': '金字塔层级' },
  svcdMatrix: { en: 'SVCD segments', 'zh-CN': 'SVCD 类别' },
  abcMatrix: { en: 'ABC classes', 'zh-CN': 'ABC 分类' },
  beforeNow: { en: 'Before \\ now', 'zh-CN': '之前 \\ 现在' },
  none: { en: 'None', 'zh-CN': '无' },
  total: { en: 'Total', 'zh-CN': '合计' },
  tierShort: { en: 'Tier', 'zh-CN': '第' },
  valueTrend: { en: 'Value trend', 'zh-CN': '价值趋势' },
  trendNote: {
    en: 'Revenue in the last {n} months against the {n} months before; growing from +{g}, declining from −{d}.',
    'zh-CN': '最近 {n} 个月的销售额与之前 {n} 个月相比；增长 ≥ +{g}，下降 ≤ −{d}。',
  },
  customers: { en: 'Customers', 'zh-CN': '客户数' },
  earlierRevenue: { en: 'Revenue, earlier months', 'zh-CN': '之前期间销售额' },
  recentRevenue: { en: 'Revenue, recent months', 'zh-CN': '最近期间销售额' },
  meaning: { en: 'Meaning', 'zh-CN': '含义' },
  kinds: { en: 'Kinds of relationship customers (course)', 'zh-CN': '关系客户类型（课程）' },
  kind: { en: 'Kind', 'zh-CN': '类型' },
  ruleAndStrategy: { en: 'Rule · strategy', 'zh-CN': '规则 · 策略' },
  moversUp: { en: 'Moved up (most valuable first)', 'zh-CN': '上升的客户（价值高者在前）' },
  moversDown: { en: 'Moved down (most valuable before first)', 'zh-CN': '下降的客户（之前价值高者在前）' },
  customer: { en: 'Customer', 'zh-CN': '客户' },
  before: { en: 'Before', 'zh-CN': '之前' },
  now: { en: 'Now', 'zh-CN': '现在' },
  change: { en: 'Change', 'zh-CN': '变化' },
  valueNow: { en: 'Value now', 'zh-CN': '现在价值' },
  valueBefore: { en: 'Value before', 'zh-CN': '之前价值' },
  nobody: { en: 'Nobody.', 'zh-CN': '无。' },
  moreNotShown: { en: 'more not shown', 'zh-CN': '位未列出' },
  retention: { en: 'Retention', 'zh-CN': '客户保持率' },
  retentionNote: {
    en: 'Customers who bought in the {n} months up to {p} and bought again in the {n} months after it.',
    'zh-CN': '在 {p} 之前 {n} 个月内购买、并在其后 {n} 个月内再次购买的客户。',
  },
  earlierBuyers: { en: 'Bought in the earlier period', 'zh-CN': '之前期间购买的客户' },
  retained: { en: 'Bought again', 'zh-CN': '再次购买的客户' },
  rate: { en: 'Rate', 'zh-CN': '比率' },
  repeat: { en: 'Repeat-purchase rate', 'zh-CN': '重复购买率' },
  repeatNote: {
    en: 'Customers with two orders or more among those with an order in the analysis window.',
    'zh-CN': '分析期间内有订单的客户中，订单数在两个及以上的客户。',
  },
  buyers: { en: 'Customers with an order', 'zh-CN': '有订单的客户' },
  repeaters: { en: 'With two orders or more', 'zh-CN': '两个及以上订单' },
  cohorts: { en: 'Monthly cohorts', 'zh-CN': '月度客户群' },
  cohortNote: {
    en: 'Customers by the month of their first purchase; each later month: the share of them who bought in it (amount > 0).',
    'zh-CN': '按首次购买月份分组；之后每个月：其中当月有购买（金额 > 0）的客户比例。',
  },
  cohort: { en: 'First purchase', 'zh-CN': '首次购买月份' },
  chartTitle: {
    en: 'Share of a cohort still buying, by months since the first purchase',
    'zh-CN': '首次购买后第 N 个月仍在购买的客户比例',
  },
  averageShare: { en: 'Share buying', 'zh-CN': '购买比例' },
  monthsSince: { en: 'Months since first purchase', 'zh-CN': '首次购买后月数' },
} satisfies Record<string, Bilingual>;

const trends: Record<ValueTrend, Bilingual & { meaning: Bilingual }> = {
  growing: { en: 'Growing', 'zh-CN': '增长', meaning: { en: 'bought more', 'zh-CN': '购买增加' } },
  stable: { en: 'Stable', 'zh-CN': '稳定', meaning: { en: 'about the same', 'zh-CN': '大致不变' } },
  declining: { en: 'Declining', 'zh-CN': '下降', meaning: { en: 'bought less', 'zh-CN': '购买减少' } },
  new: {
    en: 'New',
    'zh-CN': '新增',
    meaning: { en: 'bought recently, not in the months before', 'zh-CN': '最近购买，之前期间未购买' },
  },
  lapsed: {
    en: 'Lapsed',
    'zh-CN': '停止购买',
    meaning: { en: 'bought before, not recently', 'zh-CN': '之前购买，最近未购买' },
  },
};

const kinds: Record<RelationshipKind, Bilingual & { rule: Bilingual; strategy: Bilingual }> = {
  biggestProfit: {
    en: 'Biggest profit',
    'zh-CN': '最大利润客户',
    rule: {
      en: 'Tier 1 or 2, positive value, not declining or lapsed.',
      'zh-CN': '第 1 或 2 层，价值为正，未下降或停止购买。',
    },
    strategy: {
      en: 'Keep the relationship excellent: the best service and regular contact; lose none.',
      'zh-CN': '保持关系：最好的服务和定期联系，一个也不能流失。',
    },
  },
  losingValue: {
    en: 'Profitable but losing value',
    'zh-CN': '仍有利润但正在失去价值',
    rule: {
      en: 'Tier 1–3, positive value, declining or lapsed.',
      'zh-CN': '第 1–3 层，价值为正，正在下降或停止购买。',
    },
    strategy: {
      en: 'Find out why now: call, win back what can be won back, else lower the cost to serve.',
      'zh-CN': '立即查明原因：回访，挽回能挽回的，否则降低服务成本。',
    },
  },
  transactional: {
    en: 'Transactional (one-off)',
    'zh-CN': '交易型（一次性）客户',
    rule: { en: 'Exactly one order in the window.', 'zh-CN': '分析期间内恰好一个订单。' },
    strategy: {
      en: 'Serve at low cost with standard offers; invite a second purchase.',
      'zh-CN': '以低成本和标准方案服务；争取第二次购买。',
    },
  },
  couldBecomeBiggest: {
    en: 'Could become a biggest source of profit',
    'zh-CN': '最有可能成为最大利润来源',
    rule: { en: 'Tier 3 or 4, growing or new.', 'zh-CN': '第 3 或 4 层，增长或新增。' },
    strategy: {
      en: 'Invest to grow their share: learn their needs, offer what creates value, help them move up.',
      'zh-CN': '投入发展：了解需求，提供创造价值的产品和服务，帮助其升级。',
    },
  },
};

/** A fixed text of the Movement and Loyalty sheets. */
export type MovementTextKey = keyof typeof texts;

/**
 * The words of movement and loyalty in English or 简体中文: fixed texts by key, value trends, tier changes
 * and the course's kinds of relationship customers (name, rule, strategy).
 *
 * @example movementText('en').trend('lapsed') === 'Lapsed'
 * @example movementText('zh-CN').change('up 2') === '上升 2 层'
 */
export function movementText(language: Language) {
  return {
    text: (key: MovementTextKey, values: Record<string, string | number> = {}): string =>
      texts[key][language].replace(/\{(\w+)\}/gu, (_m, name: string) => String(values[name] ?? '')),
    trend: (trend: ValueTrend): string => trends[trend][language],
    trendMeaning: (trend: ValueTrend): string => trends[trend].meaning[language],
    change: (change: TierChange): string => {
      const [word, steps] = change.split(' ');
      if (language === 'en') return change;
      if (word === 'up') return `上升 ${steps ?? ''} 层`;
      if (word === 'down') return `下降 ${steps ?? ''} 层`;
      return { new: '新进入', lost: '跌出', same: '不变' }[word as 'new' | 'lost' | 'same'];
    },
    kind: (kind: RelationshipKind): string => kinds[kind][language],
    kindRule: (kind: RelationshipKind): string => kinds[kind].rule[language],
    kindStrategy: (kind: RelationshipKind): string => kinds[kind].strategy[language],
  };
}
