import type { AnalysisResult } from '../engine/analyze';
import type { Call } from '../engine/calls/Call';
import { callWords } from '../engine/calls/callWords';
import { isoFromDay } from '../engine/dayNumbers';
import type { Language } from '../engine/types';
import { displayWidth } from './displayWidth';

const words = {
  en: {
    title: (from: string, to: string, days: number, calls: number) =>
      `Calls ${from} – ${to} (${days} day${days === 1 ? '' : 's'}): ${calls} call${calls === 1 ? '' : 's'}`,
    noRep: 'No sales rep',
    rep: (rep: string, calls: number) => `${rep} — ${calls} call${calls === 1 ? '' : 's'}`,
    overdue: (days: number) => `${days} d overdue`,
    none: 'Nobody to call in these days.',
    say: 'Say:',
  },
  'zh-CN': {
    title: (from: string, to: string, days: number, calls: number) =>
      `通话清单 ${from} – ${to}（${days} 天）：${calls} 个电话`,
    noRep: '无业务员',
    rep: (rep: string, calls: number) => `${rep} — ${calls} 个电话`,
    overdue: (days: number) => `逾期 ${days} 天`,
    none: '这几天没有需要致电的客户。',
    say: '开场白：',
  },
} as const;

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/**
 * The call list as the command line prints it with `--calls`, in the results' language: a title with the
 * days covered, then per sales rep (as `outputs.calls.list` orders them: most urgent first) one line per
 * call — date, customer (and name), reasons, phone, detail — and the suggested opener under it.
 *
 * @example formatCallList(result) // "Calls 2024-03-10 – 2024-03-16 (7 days): 5 calls\n\nKim — 2 calls\n  2024-03-10  C1 …"
 */
export function formatCallList(result: AnalysisResult): string {
  const language: Language = result.settings.language;
  const text = words[language];
  const { list, from, to } = result.outputs.calls;
  const lines = [text.title(isoFromDay(from), isoFromDay(to), to - from + 1, list.length)];
  if (list.length === 0) return [...lines, text.none].join('\n');
  const byRep = new Map<string | null, Call[]>();
  for (const call of list) byRep.set(call.rep, [...(byRep.get(call.rep) ?? []), call]);
  const cellsOf = (call: Call): string[] => [
    isoFromDay(call.day),
    call.name === null ? call.customerId : `${call.customerId} ${call.name}`,
    call.reasons.map((reason) => callWords.reason(reason, language)).join(language === 'en' ? ', ' : '、') +
      (call.overdueDays > 0 ? ` (${text.overdue(call.overdueDays)})` : ''),
    call.phone ?? '',
  ];
  const widths = [0, 1, 2, 3].map((c) =>
    Math.max(...list.map((call) => displayWidth(cellsOf(call)[c] ?? ''))),
  );
  for (const [rep, calls] of byRep) {
    lines.push('', text.rep(rep ?? text.noRep, calls.length));
    for (const call of calls) {
      const cells = cellsOf(call).map((cell, c) => pad(cell, widths[c] ?? 0));
      lines.push(`  ${cells.join('  ')}  ${call.detail}`.trimEnd());
      lines.push(`  ${' '.repeat(widths[0] ?? 0)}  ${text.say} ${call.opener}`);
    }
  }
  return lines.join('\n');
}
