import type { AnalysisResult } from '../analyze';
import { churnByCode } from '../assessChurn';
import { abcByCode } from '../assignAbc';
import { svcdByCode } from '../assignSvcd';
import { compareIds } from '../compareIds';
import { abcLabel, churnLabel, sheetName, svcdLabel, t } from '../labels';
import type { CellSpec, SheetSpec } from '../sheetSpec';
import type { Language } from '../types';
import { cell, fitRowHeights, headerCell, titleCell } from './cells';

/** The indexes of the customers due for a visit (due on or before the as-of date), by rep, most overdue first. */
function dueCustomers(result: AnalysisResult): number[] {
  const { nextVisitDue } = result.outputs.visits;
  const { ids, reps } = result.roster;
  const rep = (i: number): string | null => reps[i] ?? null;
  const due: number[] = [];
  for (let i = 0; i < nextVisitDue.length; i++) if (nextVisitDue[i]! <= result.asOf) due.push(i);
  return due.sort(
    (a, b) =>
      (rep(a) === null ? 1 : 0) - (rep(b) === null ? 1 : 0) ||
      compareIds(rep(a) ?? '', rep(b) ?? '') ||
      nextVisitDue[a]! - nextVisitDue[b]! ||
      compareIds(ids[a]!, ids[b]!),
  );
}

/** Most customers listed in the Win back first block; more are counted on a line below it. */
export const winBackLimit = 20;

const words = {
  winBackTitle: { en: 'Win back first', 'zh-CN': '优先挽回' },
  churnRisk: { en: 'Churn risk', 'zh-CN': '流失风险' },
  lifetimeValue: { en: 'Lifetime value', 'zh-CN': '历史总价值' },
  strategy: { en: 'What to do', 'zh-CN': '策略' },
  winBackStrategy: {
    en: 'Valuable and slipping: call now, ask what changed',
    'zh-CN': '有价值但在流失：立即致电，询问有何变化',
  },
  fromGap: {
    en: "churn risk from the gap rule (days since the last purchase against the customer's usual gap)",
    'zh-CN': '流失风险按购买间隔规则（距上次购买的天数与客户平常购买间隔的比较）',
  },
  fromModel: {
    en: 'churn risk from the value model (probability still a customer: 30–70 % At risk, under 30 % Lapsed)',
    'zh-CN': '流失风险按价值模型（仍为客户的概率：30%–70% 为有流失风险，低于 30% 为已流失）',
  },
  noneSlipping: {
    en: 'None: no valuable customer is At risk or Lapsed.',
    'zh-CN': '无：没有有价值的客户处于有流失风险或已流失状态。',
  },
} as const;

/** The Win back first rule in one sentence, naming the churn source used. */
function winBackRule(from: 'gap' | 'model', language: Language): string {
  const source = words[from === 'model' ? 'fromModel' : 'fromGap'][language];
  return language === 'en'
    ? `Win back first: customers in pyramid tier 1–2 or ABC class A whose churn risk is At risk or Lapsed, due or not yet due, most valuable first by lifetime value; ${source}.`
    : `优先挽回：金字塔第 1–2 层或 ABC 分类 A 类中流失风险为有流失风险或已流失的客户（无论是否到期），按历史总价值从高到低排列；${source}。`;
}

const planRule = {
  en: 'Then, per sales rep, every customer due by the as-of date, most overdue first, with its churn risk.',
  'zh-CN': '其后按业务员列出截止日期前到期的所有客户，逾期最久的在前，并标出流失风险。',
} as const;

/**
 * The customers of the Win back first block: valuable (pyramid tier 1–2, or ABC class A) and At risk or
 * Lapsed by the run's churn risk (`result.outputs.churn`, whichever source the `churnFrom` setting chose),
 * due or not; most valuable first by lifetime value (profit, or revenue without profit data, of every
 * sale up to the as-of date), ties by id.
 */
export function winBackCustomers(result: AnalysisResult): number[] {
  const churn = result.outputs.churn.codes;
  const tiers = result.outputs.pyramid.tiers;
  const abc = result.outputs.abc.codes;
  const { lifetimeValue } = result.outputs.measures;
  const { ids } = result.roster;
  const picked: number[] = [];
  for (let i = 0; i < churn.length; i++) {
    const risk = churnByCode[churn[i]!] ?? null;
    const valuable = tiers[i] === 1 || tiers[i] === 2 || abcByCode[abc[i]!] === 'A';
    if (valuable && (risk === 'At risk' || risk === 'Lapsed')) picked.push(i);
  }
  return picked.sort((a, b) => lifetimeValue[b]! - lifetimeValue[a]! || compareIds(ids[a]!, ids[b]!));
}

/**
 * The Visit plan sheet: a note line with the rules; "Win back first" — the valuable customers (pyramid
 * tier 1–2 or ABC class A) whose churn risk is At risk or Lapsed, due or not yet due, most valuable first
 * by lifetime value (at most {@link winBackLimit}, then a count of the rest), with rep, churn risk,
 * lifetime value, last contact, next visit due, status and a one-line strategy; a count of due and
 * overdue customers per sales rep; then per rep the customers due, most overdue first, with their
 * segment, interval, last contact, due date, days overdue, status and churn risk. Churn risk is the
 * run's (`churnFrom`: the gap rule or the value model's P(alive) bands), named in the note.
 */
export function buildVisitPlanSheet(result: AnalysisResult): SheetSpec {
  const lang = result.settings.language;
  const due = dueCustomers(result);
  const { ids, names, reps } = result.roster;
  const { intervalDays, nextVisitDue, overdue } = result.outputs.visits;
  const { lastContact, lifetimeValue } = result.outputs.measures;
  const churn = result.outputs.churn;
  const churnText = (c: number): string | null => {
    const risk = churnByCode[churn.codes[c]!] ?? null;
    return risk === null ? null : churnLabel(risk, lang);
  };
  const contactCell = (c: number): CellSpec => {
    const contact = lastContact[c]!;
    return cell(Number.isNaN(contact) ? null : contact, 'date');
  };
  const statusOf = (c: number): string =>
    t(nextVisitDue[c]! > result.asOf ? 'notDue' : overdue[c] === 1 ? 'overdue' : 'due', lang);
  const perRep = new Map<string, { due: number; overdue: number }>();
  for (const c of due) {
    const key = reps[c] ?? t('unassigned', lang);
    const s = perRep.get(key) ?? { due: 0, overdue: 0 };
    s.due++;
    if (overdue[c] === 1) s.overdue++;
    perRep.set(key, s);
  }
  const model = result.settings.visitsFrom;
  const cells: CellSpec[][] = [
    [titleCell(t('visitTitle', lang))],
    [cell(t('asOf', lang)), cell(result.asOf, 'date')],
    [cell(winBackRule(churn.from, lang))],
    [cell(planRule[lang])],
    [],
    [{ value: words.winBackTitle[lang], bold: true }],
    [
      headerCell(t('rep', lang)),
      headerCell(t('customerId', lang)),
      headerCell(t('customerName', lang)),
      headerCell(words.churnRisk[lang]),
      headerCell(words.lifetimeValue[lang]),
      headerCell(t('lastContact', lang)),
      headerCell(t('nextVisitDue', lang)),
      headerCell(t('status', lang)),
      headerCell(words.strategy[lang]),
    ],
  ];
  const winBack = winBackCustomers(result);
  if (winBack.length === 0) cells.push([cell(words.noneSlipping[lang])]);
  for (const c of winBack.slice(0, winBackLimit)) {
    cells.push([
      cell(reps[c] ?? t('unassigned', lang), 'text'),
      cell(ids[c]!, 'text'),
      cell(names[c] ?? null, 'text'),
      cell(churnText(c)),
      cell(lifetimeValue[c]!, 'money'),
      contactCell(c),
      cell(nextVisitDue[c]!, 'date'),
      cell(statusOf(c)),
      { value: words.winBackStrategy[lang], wrap: true },
    ]);
  }
  if (winBack.length > winBackLimit) {
    const more = winBack.length - winBackLimit;
    cells.push([cell(lang === 'en' ? `… and ${String(more)} more` : `……另有 ${String(more)} 位`)]);
  }
  cells.push(
    [],
    [headerCell(t('rep', lang)), headerCell(t('dueCount', lang)), headerCell(t('overdue', lang))],
  );
  for (const [rep, s] of perRep)
    cells.push([cell(rep, 'text'), cell(s.due, 'integer'), cell(s.overdue, 'integer')]);
  cells.push([]);
  cells.push([
    ...[
      'rep',
      'customerId',
      'customerName',
      'segment',
      'visitEvery',
      'lastContact',
      'nextVisitDue',
      'daysOverdue',
      'status',
    ].map((k) => headerCell(t(k as Parameters<typeof t>[0], lang))),
    headerCell(words.churnRisk[lang]),
  ]);
  const svcdOf = result.outputs.svcd.codes;
  const abcOf = result.outputs.abc.codes;
  for (const c of due) {
    const svcd = svcdByCode[svcdOf[c]!] ?? null;
    const segment =
      model === 'svcd' && svcd !== null
        ? svcdLabel(svcd, lang)
        : abcLabel(model === 'abc' ? (abcByCode[abcOf[c]!] ?? 'C') : 'C', lang);
    cells.push([
      cell(reps[c] ?? t('unassigned', lang), 'text'),
      cell(ids[c]!, 'text'),
      cell(names[c] ?? null, 'text'),
      cell(segment),
      cell(intervalDays[c]!, 'integer'),
      contactCell(c),
      cell(nextVisitDue[c]!, 'date'),
      // Centred, so the number does not run into the status beside it ("427Overdue").
      { ...cell(result.asOf - nextVisitDue[c]!, 'integer'), center: true },
      cell(statusOf(c)),
      cell(churnText(c)),
    ]);
  }
  const widths = [18, 14, 28, 14, 14, 14, 14, 12, 24, 14];
  return {
    key: 'visitPlan',
    name: sheetName('visitPlan', lang),
    cells,
    columnWidths: widths,
    rowHeights: fitRowHeights(cells, widths),
    // Title and as-of date only: the lists below can be long, and frozen rows do not scroll.
    frozenRows: 2,
    charts: [],
    colorScales: [],
    print: { landscape: true, breaksBefore: [] },
  };
}
