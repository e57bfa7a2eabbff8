import type { Language, SourceTable } from '../engine/types';

/**
 * The language a workbook's own headers are written in, for the language of results when nobody chose
 * one: Chinese when any header of the tables found has a Chinese character (客户编号, 銷售額), else none.
 *
 * @returns `zh-CN`, or null when the headers say nothing (the pane's language applies).
 * @example languageOfHeaders([{ headers: ['客户编号', '金额'] } as SourceTable]) // 'zh-CN'
 */
export function languageOfHeaders(tables: readonly SourceTable[]): Language | null {
  return tables.some((table) => table.headers.some((header) => /\p{Script=Han}/u.test(header)))
    ? 'zh-CN'
    : null;
}
