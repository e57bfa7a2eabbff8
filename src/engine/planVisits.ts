import { abcByCode } from './assignAbc';
import { svcdByCode } from './assignSvcd';
import type { AbcClass, SvcdSegment } from './types';

/** Visit interval in days and visits per month for each SVCD segment (the course's table). */
export const svcdVisitPlan: Record<SvcdSegment, { intervalDays: number; perMonth: number }> = {
  Star: { intervalDays: 7, perMonth: 4 },
  Cow: { intervalDays: 14, perMonth: 2 },
  Volcano: { intervalDays: 30, perMonth: 1 },
  Dog: { intervalDays: 60, perMonth: 0.5 },
};

/** Visit interval in days and visits per month for each ABC class. */
export const abcVisitPlan: Record<AbcClass, { intervalDays: number; perMonth: number }> = {
  A: { intervalDays: 15, perMonth: 2 },
  B: { intervalDays: 30, perMonth: 1 },
  C: { intervalDays: 60, perMonth: 0.5 },
};

/** Per customer: its segments and last contact (day number, null = never contacted). */
export interface VisitInput {
  svcd: SvcdSegment | null;
  abc: AbcClass;
  lastContact: number | null;
}

/** A customer's visit plan. */
export interface VisitPlan {
  intervalDays: number;
  perMonth: number;
  /** Day number the next visit is due. */
  nextVisitDue: number;
  overdue: boolean;
}

/**
 * Visit frequency from the chosen model: SVCD (Star weekly, Cow every 14 days, Volcano monthly, Dog every
 * 60 days; a customer without a segment is visited like ABC class C) or ABC (A every 15 days, B every 30,
 * C every 60). Next visit due = last contact + interval; a customer never contacted is due on the as-of
 * date. Overdue when due < as-of date.
 *
 * @example planVisits([{ svcd: 'Star', abc: 'A', lastContact: 100 }], 'svcd', 110)[0] // { intervalDays: 7, nextVisitDue: 107, overdue: true, … }
 */
export function planVisits(
  customers: readonly VisitInput[],
  model: 'svcd' | 'abc',
  asOf: number,
): VisitPlan[] {
  return customers.map((c) => visitPlanFor(c.svcd, c.abc, c.lastContact, model, asOf));
}

/** The visit rhythm of a customer: from its SVCD segment or ABC class as the model says (C without one). */
function visitRhythm(
  svcd: SvcdSegment | null,
  abc: AbcClass,
  model: 'svcd' | 'abc',
): { intervalDays: number; perMonth: number } {
  return model === 'svcd' && svcd !== null ? svcdVisitPlan[svcd] : abcVisitPlan[model === 'abc' ? abc : 'C'];
}

/** One customer's visit plan; see {@link planVisits}. */
export function visitPlanFor(
  svcd: SvcdSegment | null,
  abc: AbcClass,
  lastContact: number | null,
  model: 'svcd' | 'abc',
  asOf: number,
): VisitPlan {
  const plan = visitRhythm(svcd, abc, model);
  const nextVisitDue = lastContact === null ? asOf : lastContact + plan.intervalDays;
  return {
    intervalDays: plan.intervalDays,
    perMonth: plan.perMonth,
    nextVisitDue,
    overdue: nextVisitDue < asOf,
  };
}

/** Visit plans of many customers as columns (see {@link visitPlanFor}). */
export interface VisitPlanColumns {
  intervalDays: Float64Array;
  perMonth: Float64Array;
  nextVisitDue: Float64Array;
  /** 1 when overdue. */
  overdue: Uint8Array;
}

/**
 * {@link visitPlanFor} over columns of customers.
 *
 * @param svcd Segment codes ({@link svcdByCode}); `abc` class codes ({@link abcByCode}).
 * @param lastContact Day of each customer's last contact, NaN for never contacted.
 * @example visitPlanColumns(Uint8Array.of(1), Uint8Array.of(0), Float64Array.of(100), 'svcd', 120) // a Star: intervalDays [7], perMonth [4], nextVisitDue [107], overdue [1]
 */
export function visitPlanColumns(
  svcd: Uint8Array,
  abc: Uint8Array,
  lastContact: Float64Array,
  model: 'svcd' | 'abc',
  asOf: number,
): VisitPlanColumns {
  const count = lastContact.length;
  const plans: VisitPlanColumns = {
    intervalDays: new Float64Array(count),
    perMonth: new Float64Array(count),
    nextVisitDue: new Float64Array(count),
    overdue: new Uint8Array(count),
  };
  for (let i = 0; i < count; i++) {
    const plan = visitRhythm(svcdByCode[svcd[i]!] ?? null, abcByCode[abc[i]!] ?? 'C', model);
    const contact = lastContact[i]!;
    const due = Number.isNaN(contact) ? asOf : contact + plan.intervalDays;
    plans.intervalDays[i] = plan.intervalDays;
    plans.perMonth[i] = plan.perMonth;
    plans.nextVisitDue[i] = due;
    plans.overdue[i] = due < asOf ? 1 : 0;
  }
  return plans;
}
