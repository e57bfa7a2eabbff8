import { churnByCode } from '../assessChurn';
import { abcByCode } from '../assignAbc';
import { svcdByCode } from '../assignSvcd';
import type { Call, CallReason } from '../calls/Call';
import { callWords } from '../calls/callWords';
import { careDaysIn } from '../calls/careDaysIn';
import { findFollowUps } from '../calls/findFollowUps';
import { mergeCallEntries, type CallEntry } from '../calls/mergeCallEntries';
import { readCareRules } from '../calls/readCareRules';
import { readCustomerCare } from '../calls/readCustomerCare';
import { svcdLabel } from '../labels';
import type { PyramidTier } from '../types';
import { abcMethod } from './abcMethod';
import { churnMethod } from './churnMethod';
import { defineMethod, type MethodInput } from './Method';
import { pyramidMethod } from './pyramidMethod';
import { svcdMethod } from './svcdMethod';
import { visitsMethod } from './visitsMethod';

/** The call list's setting. */
export interface CallsSettings {
  /** Days the call list covers, from the as-of date (included): 1–366, default 7. */
  callDays: number;
}

/** The call list of a run and each customer's next call. */
export interface CallsOutput {
  /** Every call from `from` to `to`, per sales rep (reps in code-unit order, no rep last), most urgent first. */
  list: Call[];
  /** Each customer's first call day on the list (NaN when none), by customer index. */
  nextCall: Float64Array;
  /** First and last day of the list (day numbers, inclusive): the as-of date and as-of + callDays − 1. */
  from: number;
  to: number;
  /** Usable care rules read from the care rules table (0 without one). */
  careRules: number;
}

/** A contact after the last purchase within this many days up to the as-of date holds back a win-back call. */
export const winBackQuietDays = 30;

const careReasons: readonly CallReason[] = ['birthday', 'anniversary', 'service'];

/** One bit per reason, for the openers' cache key. */
const reasonBits: Readonly<Record<CallReason, number>> = {
  visit: 1,
  birthday: 2,
  anniversary: 4,
  service: 8,
  winback: 16,
};

/**
 * The call list (issue 16; the course's defrost call, birthday gift and after-sale follow-up): one dated
 * list of whom to call from the as-of date (included) to `callDays − 1` days after it, per sales rep, most
 * urgent first. Reasons:
 * - **visit**: the visit plan's next visit due (`outputs.visits`, SVCD or ABC cadence) on or before the
 *   last day; a visit already overdue is listed on the as-of date with its days overdue (most overdue first).
 * - **birthday** / **anniversary**: birthdays, (wedding) anniversaries and customer-since dates of the
 *   customers table falling in the span, with or without a year; 29 February falls on 28 February in
 *   other years (`careDaysIn`).
 * - **service**: each purchase (amount > 0, up to the as-of date) of a product or category named in the care
 *   rules table gives a follow-up on its date + the rule's days, when that day is in the span.
 * - **winback**: valuable customers (pyramid tier 1–2 or ABC class A, as the Visit plan's Win back first)
 *   whose churn risk (the run's, `churnFrom`) is At risk or Lapsed, on the as-of date — unless a contact
 *   after their last purchase lies within {@link winBackQuietDays} days up to the as-of date.
 * One customer's reasons on one day are one call. With a call history (`AnalysisInput.callHistory`), a
 * contact on a call's day drops that call; open calls carry their care reasons (see `CallHistory`).
 *
 * @example
 * analyze(input).outputs.calls.list[0]; // { day, customerId: 'C007', rep: 'Li Na', reasons: ['visit', 'birthday'], … }
 */
export const callsMethod = defineMethod({
  id: 'calls',
  needs: [svcdMethod, abcMethod, pyramidMethod, visitsMethod, churnMethod],
  settings: {
    defaults: (): CallsSettings => ({ callDays: 7 }),
    validate(settings, bad) {
      const days: unknown = settings.callDays;
      if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > 366)
        bad({ key: 'badCallDays', value: Number(days) });
    },
  },
  compute(input: MethodInput<CallsSettings>): CallsOutput {
    const { asOf, customers, tables, settings } = input;
    const from = asOf;
    const to = asOf + settings.callDays - 1;
    const nextCall = new Float64Array(customers.count).fill(Number.NaN);
    if (input.comparison) return { list: [], nextCall, from, to, careRules: 0 };
    const language = settings.language;
    const rules = readCareRules(tables.careRules);
    const history = tables.callHistory;
    // Customer ids to indices, for the tables that name customers (none in a run on sales alone).
    const position =
      tables.customers === null && rules.rules.length === 0 && history === null
        ? new Map<string, number>()
        : new Map(customers.ids.map((id, index) => [id, index]));
    const care = readCustomerCare(tables.customers, position, tables.date1904, tables.dateOrder);
    for (const note of [...care.notes, ...rules.notes]) input.note(note);
    // No host reads the list: its notes and rule count are the run's all the same.
    if (!input.callList) return { list: [], nextCall, from, to, careRules: rules.rules.length };
    const entries: CallEntry[] = [];

    const { nextVisitDue } = input.output(visitsMethod);
    // Many customers share a due day: its line is made once.
    const visitLines = new Map<number, string>();
    for (let i = 0; i < customers.count; i++) {
      const due = nextVisitDue[i]!;
      if (due > to) continue;
      const overdueDays = Math.max(0, asOf - due);
      let line = visitLines.get(due);
      if (line === undefined) {
        line = callWords.visit(due, overdueDays, language);
        visitLines.set(due, line);
      }
      entries.push({ customer: i, day: Math.max(due, asOf), reason: 'visit', line, overdueDays });
    }

    for (const { customer, kind, date } of care.dates) {
      for (const found of careDaysIn(date, from, to)) {
        const line = callWords.careDate(kind, found.years, found.movedFromLeapDay, language);
        const reason = kind === 'birthday' ? 'birthday' : 'anniversary';
        entries.push({ customer, day: found.day, reason, line, overdueDays: 0 });
      }
    }

    const followUps = findFollowUps(
      tables.sales,
      rules.rules,
      position,
      asOf,
      from,
      to,
      tables.date1904,
      tables.dateOrder,
    );
    for (const f of followUps) {
      const line = callWords.service(f.rule.note, f.item, f.purchaseDay, language);
      entries.push({ customer: f.customer, day: f.day, reason: 'service', line, overdueDays: 0 });
    }

    const tiers = input.output(pyramidMethod).tiers;
    const abc = input.output(abcMethod).codes;
    const churn = input.output(churnMethod).codes;
    const { lastContact, lastPurchase } = input.measures;
    for (let i = 0; i < customers.count; i++) {
      const risk = churnByCode[churn[i]!] ?? null;
      if (risk !== 'At risk' && risk !== 'Lapsed') continue;
      const valuable = tiers[i] === 1 || tiers[i] === 2 || abcByCode[abc[i]!] === 'A';
      if (!valuable) continue;
      const contact = lastContact[i]!;
      if (contact > lastPurchase[i]! && asOf - contact < winBackQuietDays) continue;
      const tier = tiers[i]! === 0 ? null : tiers[i]!;
      const line = callWords.winback(risk, tier, lastPurchase[i]!, language);
      entries.push({ customer: i, day: asOf, reason: 'winback', line, overdueDays: 0 });
    }

    const contacted = new Set<string>();
    const lastContactOf = new Map<number, number>();
    for (const contact of history?.contacts ?? []) {
      const i = position.get(contact.customerId);
      if (i === undefined) continue;
      contacted.add(`${i}\u0000${contact.day}`);
      lastContactOf.set(i, Math.max(lastContactOf.get(i) ?? -Infinity, contact.day));
    }
    for (const open of history?.open ?? []) {
      const i = position.get(open.customerId);
      if (i === undefined || (lastContactOf.get(i) ?? -Infinity) >= open.day) continue;
      const day = Math.max(open.day, asOf);
      if (day > to) continue;
      const overdueDays = Math.max(0, asOf - open.day);
      for (const reason of open.reasons.filter((r) => careReasons.includes(r)))
        entries.push({ customer: i, day, reason, line: open.detail, overdueDays });
    }
    const kept =
      contacted.size === 0
        ? entries
        : entries.filter((entry) => !contacted.has(`${entry.customer}\u0000${entry.day}`));

    const svcd = input.output(svcdMethod).codes;
    const idRank = new Int32Array(customers.count);
    const byId = input.rankings.byId;
    for (let k = 0; k < byId.length; k++) idRank[byId[k]!] = k;
    const segmentLabels = svcdByCode.map((segment) =>
      segment === null ? null : svcdLabel(segment, language),
    );
    // Openers repeat (a few reasons × segments × tiers): make each once. The opener depends on the set
    // of reasons (merged calls list them in one order), the segment and the tier.
    const openers = new Map<number, string>();
    const list = mergeCallEntries(
      kept,
      (i) => {
        const tier = tiers[i]!;
        return {
          customerId: customers.ids[i]!,
          name: customers.names[i] ?? null,
          rep: customers.reps[i] ?? null,
          phone: care.phones[i] ?? null,
          tier: tier === 0 ? null : tier,
          segment: segmentLabels[svcd[i]!] ?? null,
        };
      },
      (i, reasons) => {
        let set = 0;
        for (const reason of reasons) set |= reasonBits[reason];
        const key = (set * 256 + svcd[i]!) * 8 + tiers[i]!;
        let opener = openers.get(key);
        if (opener === undefined) {
          const tier = tiers[i]!;
          const segment = svcdByCode[svcd[i]!] ?? null;
          opener = callWords.opener(reasons, segment, tier === 0 ? null : (tier as PyramidTier), language);
          openers.set(key, opener);
        }
        return opener;
      },
      language,
      idRank,
    );
    // Each kept entry is in the call of its customer and day.
    for (const entry of kept) {
      const i = entry.customer;
      if (!(nextCall[i]! <= entry.day)) nextCall[i] = entry.day;
    }
    return { list, nextCall, from, to, careRules: rules.rules.length };
  },
  columns: [
    {
      key: 'nextCall',
      header: { en: 'Next call', 'zh-CN': '下次致电' },
      explanation: {
        en: "The customer's first day on the call list (visit, birthday, anniversary, follow-up or win-back).",
        'zh-CN': '客户在通话清单上的第一天（拜访、生日、纪念日、回访或挽回）。',
      },
      format: 'date',
      // Opt-in and placed with the later methods' columns, so the default columns keep their places.
      group: 'explanation',
      byDefault: false,
      cells: (out) => (i) => {
        const day = out.nextCall[i]!;
        return Number.isNaN(day) ? null : day;
      },
    },
  ],
  report: {
    method: (out) => ({ callDays: out.to - out.from + 1, careRules: out.careRules }),
  },
});
