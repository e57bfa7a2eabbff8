import { dayFromIso, isoFromDay } from '../dayNumbers';
import type { NumberFormatKey, OutputValue } from '../sheetSpec';
import { fitRowHeights } from '../summary/cells';
import type { Language, RawCell } from '../types';
import type { Call, CallOutcome, CallReason } from './Call';

/** The columns of a Calls sheet, in order: ten of ours, then the reps' two (`outcome`, `note`). */
export type CallsColumnKey =
  | 'date'
  | 'rep'
  | 'customerId'
  | 'customer'
  | 'phone'
  | 'tier'
  | 'segment'
  | 'reasons'
  | 'detail'
  | 'opener'
  | 'outcome'
  | 'note';

interface CallsColumn {
  key: CallsColumnKey;
  header: Record<Language, string>;
  format: NumberFormatKey;
  /** Column width in characters. */
  width: number;
  /** Data cells centred (a short number beside text: "5Volcano" otherwise). */
  center?: boolean;
  /** Data cells wrap their text (a merged detail is up to about 100 characters). */
  wrap?: boolean;
}

const columns: readonly CallsColumn[] = [
  { key: 'date', header: { en: 'Date', 'zh-CN': '日期' }, format: 'date', width: 12 },
  { key: 'rep', header: { en: 'Rep', 'zh-CN': '销售代表' }, format: 'text', width: 12 },
  { key: 'customerId', header: { en: 'Customer ID', 'zh-CN': '客户编号' }, format: 'text', width: 12 },
  { key: 'customer', header: { en: 'Customer', 'zh-CN': '客户' }, format: 'text', width: 20 },
  { key: 'phone', header: { en: 'Phone', 'zh-CN': '电话' }, format: 'text', width: 14 },
  { key: 'tier', header: { en: 'Tier', 'zh-CN': '层级' }, format: 'integer', width: 6, center: true },
  { key: 'segment', header: { en: 'Segment', 'zh-CN': '细分' }, format: 'text', width: 10 },
  { key: 'reasons', header: { en: 'Reasons', 'zh-CN': '原因' }, format: 'text', width: 22 },
  { key: 'detail', header: { en: 'Detail', 'zh-CN': '详情' }, format: 'text', width: 48, wrap: true },
  { key: 'opener', header: { en: 'Suggested opener', 'zh-CN': '建议开场白' }, format: 'text', width: 44 },
  { key: 'outcome', header: { en: 'Outcome', 'zh-CN': '结果' }, format: 'text', width: 14 },
  { key: 'note', header: { en: 'Note', 'zh-CN': '备注' }, format: 'text', width: 30 },
];

const reasonNames: Record<CallReason, Record<Language, string>> = {
  visit: { en: 'Visit due', 'zh-CN': '拜访到期' },
  birthday: { en: 'Birthday', 'zh-CN': '生日' },
  anniversary: { en: 'Anniversary', 'zh-CN': '纪念日' },
  service: { en: 'Service follow-up', 'zh-CN': '售后回访' },
  winback: { en: 'Win back', 'zh-CN': '挽回' },
};

/** The words a rep may type in Outcome (either language, any case), by outcome; anything else is a note. */
const outcomeWords: Record<Exclude<CallOutcome, 'note'>, { en: string; zh: string; more: string[] }> = {
  done: { en: 'done', zh: '已完成', more: ['完成', '已联系'] },
  noAnswer: { en: 'no answer', zh: '未接通', more: ['无人接听', '未接', 'noanswer', 'no-answer'] },
  notInterested: { en: 'not interested', zh: '不感兴趣', more: ['没兴趣', 'not-interested'] },
};

const widths = columns.map((c) => c.width);
/** The columns whose text wraps, and their widths. */
const wrapped = columns.flatMap((c, index) => (c.wrap === true ? [index] : []));
const wrappedWidths = wrapped.map((c) => widths[c] ?? 0);

const sheetPrefix: Record<Language, string> = { en: 'Calls', 'zh-CN': '电话清单' };

/** What `reasons` says of a call that is no longer on the list (its row is kept for the reps' cells). */
const noLongerListed: Record<Language, string> = {
  en: '— no longer on the list',
  'zh-CN': '— 已不在清单上',
};

/**
 * The layout of a "Calls" sheet (issue 16), shared by both hosts: one sheet per as-of date, named
 * `Calls 2026-12-06` (`电话清单 2026-12-06`), a header row, one row per call. The first ten columns are
 * ours; **Outcome** and **Note** belong to the reps: a host writes their header, never one of their cells.
 *
 * @example
 * callsSheet.name(46362, 'en'); // 'Calls 2026-12-06'
 * callsSheet.asOfOfName('电话清单 2026-12-06'); // 46362
 * callsSheet.outcomeOf('No Answer'); // 'noAnswer'
 */
export const callsSheet = {
  /** Column keys in sheet order. */
  keys: columns.map((c) => c.key),
  /** How many leading columns are ours (Date … Suggested opener). */
  ourColumnCount: 10,
  /** 0-based column of Outcome and of Note. */
  outcomeColumn: 10,
  noteColumn: 11,

  /** The sheet's name for an as-of date (a day number). */
  name(asOf: number, language: Language): string {
    return `${sheetPrefix[language]} ${isoFromDay(asOf)}`;
  },

  /** The as-of date a Calls sheet's name gives (either language), or null when it is not such a name. */
  asOfOfName(name: string): number | null {
    const match = /^(?:calls|电话清单)\s+(\d{4}-\d{2}-\d{2})(?:\s*\(\d+\))?$/iu.exec(name.trim());
    return match?.[1] === undefined ? null : dayFromIso(match[1]);
  },

  /** The header row in a language. */
  headers(language: Language): string[] {
    return columns.map((c) => c.header[language]);
  },

  /** Column widths in characters, in sheet order. */
  widths,

  /** Number formats, in sheet order (`date` for Date, `integer` for Tier, text otherwise). */
  formats: columns.map((c) => c.format),

  /**
   * Alignment of each column's data cells, in sheet order: all at the top (a wrapped Detail makes a row
   * taller), Tier centred, Detail wrapped.
   */
  alignments: columns.map((c) => ({ center: c.center === true, wrap: c.wrap === true })),

  /**
   * Height in points of a row whose wrapped Detail takes more than one line (as the summary sheets fit
   * theirs: programs do not grow a row written without a height), else null for the default height.
   *
   * @param cells Our cells of the row, in sheet order.
   */
  rowHeight(cells: readonly OutputValue[]): number | null {
    // Only the wrapped columns count: one cell each, in a row as wide as they are.
    const row = wrapped.map((c) => ({ value: cells[c] ?? null, wrap: true }));
    return fitRowHeights([row], wrappedWidths)[0] ?? null;
  },

  /**
   * Where each column is in a header row (either language, any case, surrounding spaces ignored), or null
   * when the row is not a Calls sheet's header (Date, Customer ID, Outcome and Note are required).
   */
  columnsOfHeader(row: readonly RawCell[]): Partial<Record<CallsColumnKey, number>> | null {
    const found: Partial<Record<CallsColumnKey, number>> = {};
    row.forEach((cell, index) => {
      if (typeof cell !== 'string') return;
      const text = cell.trim().toLowerCase();
      const column = columns.find((c) => c.header.en.toLowerCase() === text || c.header['zh-CN'] === text);
      if (column !== undefined && found[column.key] === undefined) found[column.key] = index;
    });
    const required: CallsColumnKey[] = ['date', 'customerId', 'outcome', 'note'];
    return required.every((key) => found[key] !== undefined) ? found : null;
  },

  /** The outcome a typed word means (either language, any case); `note` for any other text. */
  outcomeOf(text: string): CallOutcome {
    const typed = text.trim().toLowerCase();
    for (const [outcome, words] of Object.entries(outcomeWords)) {
      if (typed === words.en || typed === words.zh || words.more.includes(typed))
        return outcome as CallOutcome;
    }
    return 'note';
  },

  /** The words offered in Outcome's drop-down list, in a language. */
  outcomeChoices(language: Language): string[] {
    return Object.values(outcomeWords).map((w) => (language === 'en' ? w.en : w.zh));
  },

  /** A reason's label in a language. */
  reasonLabel(reason: CallReason, language: Language): string {
    return reasonNames[reason][language];
  },

  /** The reason a label means (either language, any case), or null. */
  reasonOf(label: string): CallReason | null {
    const text = label.trim().toLowerCase();
    for (const [reason, names] of Object.entries(reasonNames)) {
      if (names.en.toLowerCase() === text || names['zh-CN'] === text) return reason as CallReason;
    }
    return null;
  },

  /** Our ten cells of a call's row (dates as day numbers, 1900 system). */
  rowOf(call: Call, language: Language): OutputValue[] {
    return [
      call.day,
      call.rep,
      call.customerId,
      call.name,
      call.phone,
      call.tier,
      call.segment,
      call.reasons.map((r) => reasonNames[r][language]).join(', '),
      call.detail,
      call.opener,
    ];
  },

  /** Our ten cells of a row whose call is no longer on the list: who and when kept, the reason says so. */
  noLongerListedRow(row: readonly OutputValue[], language: Language): OutputValue[] {
    return [...Array.from({ length: 7 }, (_, c) => row[c] ?? null), noLongerListed[language], null, null];
  },

  /** Whether a Reasons cell marks a call that is no longer on the list. */
  isNoLongerListed(reasons: RawCell): boolean {
    return typeof reasons === 'string' && reasons.startsWith('— ');
  },
};
