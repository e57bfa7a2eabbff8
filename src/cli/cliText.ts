import type { Language } from '../engine/types';

/** What the command line says itself (the engine's sentences come with their errors), in each language. */
export interface CliText {
  title: (source: string) => string;
  window: (asOf: string, start: string, end: string, months: string, byProfit: boolean) => string;
  tier: string;
  customers: string;
  revenueShare: string;
  profitShare: string;
  losingMoney: string;
  total: string;
  unranked: (count: number) => string;
  rows: (read: number, used: number, skipped: number, afterAsOf: number, beforeWindow: number) => string;
  wrote: (files: readonly string[]) => string;
  largeInputNote: string;
  reading: (file: string, size: string) => string;
  stage: Record<'reading' | 'computing' | 'writing', string>;
  saving: (file: string) => string;
  stillReading: string;
  stillSaving: string;
  done: (seconds: string) => string;
  /** Appended to a progress line: the seconds since the start. */
  after: (seconds: string) => string;
  defaultOutSuffix: string;
}

const count = (n: number): string => n.toLocaleString('en-US');

/**
 * The command line's own words in English and 简体中文: the summary table, progress lines and the default
 * output name.
 */
export const cliText: Record<Language, CliText> = {
  en: {
    title: (source) => `Customer pyramid — ${source}`,
    window: (asOf, start, end, months, byProfit) =>
      `as of ${asOf}, window ${start} – ${end} (${months} months), ranked by ${byProfit ? 'profit' : 'revenue (no profit or cost column)'}`,
    tier: 'Tier',
    customers: 'Customers',
    revenueShare: 'Revenue share',
    profitShare: 'Profit share',
    losingMoney: 'Losing money',
    total: 'Total',
    unranked: (n) => `${count(n)} customer(s) with no sales in the window are not ranked (ABC class C).`,
    rows: (read, used, skipped, afterAsOf, beforeWindow) =>
      `Sales rows: ${count(read)} read, ${count(used)} used, ${count(skipped)} skipped${afterAsOf > 0 ? `, ${count(afterAsOf)} after the as-of date` : ''}${beforeWindow > 0 ? `, ${count(beforeWindow)} before the window` : ''}.`,
    wrote: (files) => `Wrote ${files.join(' and ')}.`,
    largeInputNote:
      "A large input's result holds the customers and summary sheets; the sales stay in your file.",
    reading: (file, size) => `Reading ${file} (${size})…`,
    stage: { reading: 'reading', computing: 'analysing', writing: 'writing' },
    saving: (file) => `saving ${file}`,
    stillReading: 'still reading…',
    stillSaving: 'still saving…',
    done: (seconds) => `done in ${seconds} s`,
    after: (seconds) => ` (${seconds} s)`,
    defaultOutSuffix: '.analysis.xlsx',
  },
  'zh-CN': {
    title: (source) => `客户金字塔 — ${source}`,
    window: (asOf, start, end, months, byProfit) =>
      `截止日期 ${asOf}，时间窗口 ${start} – ${end}（${months} 个月），按${byProfit ? '利润' : '收入（没有利润或成本列）'}排名`,
    tier: '层级',
    customers: '客户数',
    revenueShare: '收入占比',
    profitShare: '利润占比',
    losingMoney: '亏损客户',
    total: '合计',
    unranked: (n) => `${count(n)} 个客户在时间窗口内没有销售，不参与排名（ABC C 类）。`,
    rows: (read, used, skipped, afterAsOf, beforeWindow) =>
      `销售行：读取 ${count(read)} 行，使用 ${count(used)} 行，跳过 ${count(skipped)} 行${afterAsOf > 0 ? `，截止日期之后 ${count(afterAsOf)} 行` : ''}${beforeWindow > 0 ? `，时间窗口之前 ${count(beforeWindow)} 行` : ''}。`,
    wrote: (files) => `已写入 ${files.join(' 和 ')}。`,
    largeInputNote: '大文件的结果只包含客户表和汇总表；销售数据仍在你的文件中。',
    reading: (file, size) => `正在读取 ${file}（${size}）…`,
    stage: { reading: '读取', computing: '分析', writing: '写入' },
    saving: (file) => `保存 ${file}`,
    stillReading: '仍在读取…',
    stillSaving: '仍在保存…',
    done: (seconds) => `用时 ${seconds} 秒`,
    after: (seconds) => `（${seconds} 秒）`,
    defaultOutSuffix: '.分析结果.xlsx',
  },
};
