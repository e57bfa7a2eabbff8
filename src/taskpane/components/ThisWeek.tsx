import { Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Call, CallReason } from '../../engine/calls/Call';
import { callsSheet } from '../../engine/calls/callsSheet';
import { isoFromDay } from '../../engine/dayNumbers';
import type { Language } from '../../engine/types';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  rep: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  item: { overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Calls shown per rep; the Calls sheet has them all. */
const shownPerRep = 6;

const reasonOrder: readonly CallReason[] = ['birthday', 'anniversary', 'service', 'winback', 'visit'];
const englishReasons: Record<CallReason, readonly [string, string]> = {
  birthday: ['birthday', 'birthdays'],
  anniversary: ['anniversary', 'anniversaries'],
  service: ['follow-up', 'follow-ups'],
  winback: ['win-back', 'win-backs'],
  visit: ['visit', 'visits'],
};
const chineseReasons: Record<CallReason, string> = {
  birthday: '生日',
  anniversary: '纪念日',
  service: '回访',
  winback: '挽回',
  visit: '拜访',
};

/** How many of a rep's calls have each reason (a call with two reasons counts under both), as one line. */
export function reasonCounts(calls: readonly Call[], language: Language): string {
  const counts = new Map<CallReason, number>();
  for (const call of calls)
    for (const reason of call.reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return reasonOrder
    .flatMap((reason) => {
      const count = counts.get(reason);
      return count === undefined ? [] : [words.reasonCount[language](reason, count)];
    })
    .join(language === 'en' ? ' · ' : '，');
}

/**
 * The calls the pane shows first for a rep: those with a dated reason (birthday, anniversary, follow-up,
 * win-back) — a day that cannot be moved — then the visits, each group in the engine's order (most urgent
 * first). The Calls sheet keeps the engine's order.
 */
export function shownFirst(calls: readonly Call[], count: number): Call[] {
  const dated = calls.filter((call) => call.reasons.some((reason) => reason !== 'visit'));
  const visits = calls.filter((call) => call.reasons.every((reason) => reason === 'visit'));
  return [...dated, ...visits].slice(0, count);
}

const words = {
  summary: {
    en: (calls: number, from: string, to: string) => `${String(calls)} calls from ${from} to ${to}.`,
    'zh-CN': (calls: number, from: string, to: string) => `${from} 至 ${to} 共 ${String(calls)} 个电话。`,
  },
  none: { en: 'No calls this week.', 'zh-CN': '本周没有要打的电话。' },
  noRep: { en: 'No sales rep', 'zh-CN': '无销售代表' },
  repCount: {
    en: (rep: string, calls: number) => `${rep}: ${String(calls)} ${calls === 1 ? 'call' : 'calls'}`,
    'zh-CN': (rep: string, calls: number) => `${rep}：${String(calls)} 个电话`,
  },
  reasonCount: {
    en: (reason: CallReason, count: number): string => {
      const [one, many] = englishReasons[reason];
      return `${String(count)} ${count === 1 ? one : many}`;
    },
    'zh-CN': (reason: CallReason, count: number): string => `${chineseReasons[reason]} ${String(count)}`,
  },
  more: {
    en: (count: number, sheet: string) => `… and ${String(count)} more on the sheet "${sheet}".`,
    'zh-CN': (count: number, sheet: string) => `……另有 ${String(count)} 个，见"${sheet}"工作表。`,
  },
  outcome: {
    en: 'Reps note each call’s Outcome (done, no answer, not interested) on that sheet; the next run counts them as visits.',
    'zh-CN': '销售代表在该工作表的"结果"列填写（已完成、未接通、不感兴趣），下次分析时计为拜访。',
  },
} as const;

/**
 * "This week" in the pane: the call list per sales rep with how many calls each reason brings, then the
 * first few calls — those on a fixed day (birthday, anniversary, follow-up, win-back) before the visits, each
 * group most urgent first — with each call's day, customer and reasons; the rest on the Calls sheet.
 */
export function ThisWeek(props: { calls: readonly Call[]; from: number; to: number; language: Language }) {
  const styles = useStyles();
  const { calls, from, to, language } = props;
  if (calls.length === 0) return <Text>{words.none[language]}</Text>;
  const byRep = new Map<string | null, Call[]>();
  for (const call of calls) byRep.set(call.rep, [...(byRep.get(call.rep) ?? []), call]);
  const sheet = callsSheet.name(from, language);
  return (
    <div className={styles.root}>
      <Text>{words.summary[language](calls.length, isoFromDay(from), isoFromDay(to))}</Text>
      {[...byRep].map(([rep, list]) => (
        <div key={rep ?? ''} className={styles.rep} data-rep={rep ?? ''}>
          <Text weight="semibold">{words.repCount[language](rep ?? words.noRep[language], list.length)}</Text>
          <Caption1 className={styles.muted} data-reasons>
            {reasonCounts(list, language)}
          </Caption1>
          <ul className={styles.list}>
            {shownFirst(list, shownPerRep).map((call) => (
              <li
                key={`${call.customerId} ${String(call.day)}`}
                className={styles.item}
                data-call={call.customerId}
              >
                {isoFromDay(call.day).slice(5)} ·{' '}
                <Text weight="semibold">{call.name ?? call.customerId}</Text> —{' '}
                {call.reasons
                  .map((reason) => callsSheet.reasonLabel(reason, language))
                  .join(language === 'en' ? ', ' : '、')}
                <Caption1 className={styles.muted}> · {call.detail}</Caption1>
              </li>
            ))}
          </ul>
          {list.length > shownPerRep && (
            <Caption1 className={styles.muted}>
              {words.more[language](list.length - shownPerRep, sheet)}
            </Caption1>
          )}
        </div>
      ))}
      <Caption1>{words.outcome[language]}</Caption1>
    </div>
  );
}
