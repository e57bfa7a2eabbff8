import { isoFromDay } from '../dayNumbers';
import { churnLabel } from '../labels';
import type { ChurnRisk, Language, PyramidTier, SvcdSegment } from '../types';
import type { CallReason } from './Call';
import type { CareDateKind } from './readCustomerCare';

type Words = Readonly<Record<Language, string>>;

const monthShort = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** How to open the call by the customer's SVCD segment: the segment's strategy said to the customer. */
const segmentLines: Record<SvcdSegment, Words> = {
  Star: {
    en: 'You are one of our best customers — is there anything more we can do for you?',
    'zh-CN': '您是我们最重要的客户之一——还有什么我们可以为您多做的吗？',
  },
  Cow: {
    en: 'Thank you for ordering so regularly — may I suggest what goes well with your usual order?',
    'zh-CN': '感谢您一直经常订购——我可以为您推荐与常购商品搭配的产品吗？',
  },
  Volcano: {
    en: 'Thank you for your last big order — is anything coming up that we can help with?',
    'zh-CN': '感谢您上次的大额订单——近期有什么需要我们帮忙的吗？',
  },
  Dog: {
    en: 'Just a short call to check that everything is working well for you.',
    'zh-CN': '简单致电，确认一切使用顺利。',
  },
};

/** Without a segment, by pyramid tier (the tier's course strategy said to the customer). */
const tierLines: Record<PyramidTier, Words> = {
  1: {
    en: 'You are one of our most valued customers — how can we make our service even better for you?',
    'zh-CN': '您是我们最珍视的客户之一——我们怎样能把服务做得更好？',
  },
  2: {
    en: 'May I tell you about something new that could be useful to you?',
    'zh-CN': '可以向您介绍一些可能对您有用的新产品和服务吗？',
  },
  3: {
    en: 'We would like to understand your needs better — what matters most to you?',
    'zh-CN': '我们想更好地了解您的需求——您最看重什么？',
  },
  4: { en: 'Just a short call to check that all is well.', 'zh-CN': '简单致电，确认一切顺利。' },
  5: { en: 'Just a short call to check that all is well.', 'zh-CN': '简单致电，确认一切顺利。' },
};

const plainLine: Words = {
  en: 'How are you getting on — is there anything we can help with?',
  'zh-CN': '近来可好——有什么我们可以帮忙的吗？',
};

const greetings: Record<CallReason, Words> = {
  winback: { en: 'We have missed you — what changed?', 'zh-CN': '好久没有您的消息了——最近有什么变化吗？' },
  birthday: { en: 'Happy birthday!', 'zh-CN': '生日快乐！' },
  anniversary: { en: 'Happy anniversary!', 'zh-CN': '纪念日快乐！' },
  service: { en: 'A quick follow-up on your purchase.', 'zh-CN': '就您购买的产品做个简短回访。' },
  visit: { en: 'Hello, time for our regular catch-up.', 'zh-CN': '您好，例行联系一下。' },
};

const reasonNames: Record<CallReason, Words> = {
  visit: { en: 'Visit', 'zh-CN': '拜访' },
  birthday: { en: 'Birthday', 'zh-CN': '生日' },
  anniversary: { en: 'Anniversary', 'zh-CN': '纪念日' },
  service: { en: 'Follow-up', 'zh-CN': '回访' },
  winback: { en: 'Win back', 'zh-CN': '挽回' },
};

/** Which reason opens the call when a call has several: the most personal or urgent first. */
const openingOrder: readonly CallReason[] = ['winback', 'birthday', 'anniversary', 'service', 'visit'];

const dayMonth = (month: number, day: number, language: Language): string =>
  language === 'en' ? `${day} ${monthShort[month - 1] ?? ''}` : `${month}月${day}日`;

/**
 * The call list's texts in English and 简体中文: one detail line per reason and the suggested opener.
 * Pure functions of their arguments.
 */
export const callWords = {
  /** The reason's name: `Visit` / `拜访`, `Birthday` / `生日`, `Anniversary` / `纪念日`, `Follow-up` / `回访`, `Win back` / `挽回`. */
  reason(reason: CallReason, language: Language): string {
    return reasonNames[reason][language];
  },
  /** `Visit due` / `Visit overdue by 5 days (due 2024-03-01)`. */
  visit(due: number, overdueDays: number, language: Language): string {
    if (overdueDays <= 0) return language === 'en' ? 'Visit due' : '拜访到期';
    const iso = isoFromDay(due);
    return language === 'en'
      ? `Visit overdue by ${overdueDays} day${overdueDays === 1 ? '' : 's'} (due ${iso})`
      : `拜访已逾期 ${overdueDays} 天（应于 ${iso}）`;
  },
  /** `Birthday (turns 41; born 29 Feb, called on 28 Feb)` and the like. */
  careDate(kind: CareDateKind, years: number | null, movedFromLeapDay: boolean, language: Language): string {
    const en = language === 'en';
    const parts: string[] = [];
    if (years !== null) {
      if (kind === 'birthday') parts.push(en ? `turns ${years}` : `${years} 岁`);
      else parts.push(en ? `${years} year${years === 1 ? '' : 's'}` : `${years} 周年`);
    }
    if (movedFromLeapDay)
      parts.push(
        en
          ? `${dayMonth(2, 29, language)}, called on ${dayMonth(2, 28, language)}`
          : '2月29日，平年在2月28日',
      );
    const names: Record<CareDateKind, Words> = {
      birthday: { en: 'Birthday', 'zh-CN': '生日' },
      wedding: { en: 'Wedding anniversary', 'zh-CN': '结婚纪念日' },
      anniversary: { en: 'Anniversary', 'zh-CN': '纪念日' },
      customerSince: { en: 'Anniversary as a customer', 'zh-CN': '成为客户纪念日' },
    };
    const name = names[kind][language];
    if (parts.length === 0) return name;
    return en ? `${name} (${parts.join('; ')})` : `${name}（${parts.join('；')}）`;
  },
  /** `Follow-up: defrost reminder (Refrigerator, bought 2024-03-01)`. */
  service(note: string | null, item: string, purchaseDay: number, language: Language): string {
    const iso = isoFromDay(purchaseDay);
    if (language === 'en') return `Follow-up: ${note ?? 'after-sale check'} (${item}, bought ${iso})`;
    return `回访：${note ?? '售后回访'}（${item}，${iso} 购买）`;
  },
  /** `Win back: At risk, tier 1, last purchase 2024-01-05`. */
  winback(risk: ChurnRisk, tier: number | null, lastPurchase: number, language: Language): string {
    const last = lastPurchase >= 0 ? isoFromDay(lastPurchase) : null;
    if (language === 'en')
      return `Win back: ${churnLabel(risk, language)}${tier === null ? '' : `, tier ${tier}`}${last === null ? '' : `, last purchase ${last}`}`;
    return `挽回：${churnLabel(risk, language)}${tier === null ? '' : `，第 ${tier} 层`}${last === null ? '' : `，最近购买 ${last}`}`;
  },
  /** The detail of a call: its lines joined (`; ` / `；`). */
  join(lines: readonly string[], language: Language): string {
    return lines.join(language === 'en' ? '; ' : '；');
  },
  /**
   * The suggested opener: a greeting for the call's leading reason (win-back, birthday, anniversary,
   * service, visit — in that order) and a line from the strategy of the customer's SVCD segment, else of
   * its pyramid tier, else a plain one.
   */
  opener(
    reasons: readonly CallReason[],
    segment: SvcdSegment | null,
    tier: PyramidTier | null,
    language: Language,
  ): string {
    const lead = openingOrder.find((reason) => reasons.includes(reason)) ?? 'visit';
    const line = segment !== null ? segmentLines[segment] : tier !== null ? tierLines[tier] : plainLine;
    return `${greetings[lead][language]} ${line[language]}`;
  },
};
