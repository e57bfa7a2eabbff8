import { Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Call } from '../../engine/calls/Call';
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
 * "This week" in the pane: the call list per sales rep, most urgent first (the order the engine gives), with
 * each call's day, customer and reasons; the first few per rep, the rest on the Calls sheet.
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
          <ul className={styles.list}>
            {list.slice(0, shownPerRep).map((call) => (
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
