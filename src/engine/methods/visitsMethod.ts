import { isoDayCache } from '../isoDayCache';
import { visitPlanColumns, type VisitPlanColumns } from '../planVisits';
import { buildVisitPlanSheet } from '../summary/buildVisitPlanSheet';
import { abcMethod } from './abcMethod';
import { defineMethod, type MethodInput } from './Method';
import { svcdMethod } from './svcdMethod';

/** The visit plan setting. */
export interface VisitsSettings {
  /** Which model sets visit frequency. */
  visitsFrom: 'svcd' | 'abc';
}

/** Each customer's visit interval, visits per month, next visit due and overdue flag; the model used. */
export interface VisitsOutput extends VisitPlanColumns {
  from: 'svcd' | 'abc';
}

/**
 * The visit plan: how often to visit each customer (from its SVCD segment or ABC class) and when the next
 * visit is due after the last contact (see `visitPlanColumns`). Its Visit plan sheet also reads the run's
 * churn risk (`outputs.churn`, gap rule or model per `churnFrom`): a Win back first block of valuable customers
 * (tier 1–2 or ABC A) At risk or Lapsed, due or not, and each listed customer's risk (`buildVisitPlanSheet`).
 *
 * @example
 * analyze(input).outputs.visits.perMonth[0]; // 4 for a Star (visited weekly)
 */
export const visitsMethod = defineMethod({
  id: 'visits',
  needs: [svcdMethod, abcMethod],
  settings: {
    defaults: (): VisitsSettings => ({ visitsFrom: 'svcd' }),
    validate(settings, bad) {
      const from: unknown = settings.visitsFrom;
      if (from !== 'svcd' && from !== 'abc') bad({ key: 'badVisitsFrom' });
    },
  },
  compute: (input: MethodInput<VisitsSettings>): VisitsOutput => ({
    ...visitPlanColumns(
      input.output(svcdMethod).codes,
      input.output(abcMethod).codes,
      input.measures.lastContact,
      input.settings.visitsFrom,
      input.asOf,
    ),
    from: input.settings.visitsFrom,
  }),
  columns: [
    {
      key: 'visitsPerMonth',
      header: { en: 'Visits per month', 'zh-CN': '每月拜访次数' },
      explanation: {
        en: 'How often to visit, from the SVCD segment (or ABC class).',
        'zh-CN': '建议的拜访频率，依据 SVCD 分类（或 ABC 分类）。',
      },
      format: 'number',
      group: 'result',
      cells: (plan) => (i) => plan.perMonth[i]!,
    },
    {
      key: 'nextVisitDue',
      header: { en: 'Next visit due', 'zh-CN': '下次拜访日期' },
      explanation: {
        en: 'The last contact (visit or purchase) plus the visit interval.',
        'zh-CN': '最近一次联系（拜访或购买）加上拜访间隔。',
      },
      format: 'date',
      group: 'result',
      cells: (plan) => (i) => plan.nextVisitDue[i]!,
    },
  ],
  report: {
    customer: (plan, run) => {
      const lastContact = run.measures.lastContact;
      // Each distinct day's text once for the report's customers.
      const iso = isoDayCache();
      return {
        visitsPerMonth: (i) => plan.perMonth[i],
        visitIntervalDays: (i) => plan.intervalDays[i],
        lastContact: (i) => {
          const day = lastContact[i]!;
          return Number.isNaN(day) ? null : iso(day);
        },
        nextVisitDue: (i) => iso(plan.nextVisitDue[i]!),
        overdue: (i) => plan.overdue[i] === 1,
      };
    },
    method: (plan) => ({ visitsFrom: plan.from }),
  },
  sheets: [{ key: 'visitPlan', tab: 50, build: buildVisitPlanSheet }],
});
