import type { Language } from './types';

const han = /\p{Script=Han}/u;

/**
 * The language results default to when the user chose none: 简体中文 when more than half of the
 * workbook's non-blank headers are written with Chinese characters (`客户编号`, `销售日期`, `金额(元)`),
 * else English. Hosts pass every header of every table they found.
 *
 * @example languageFromHeaders(['客户编号', '日期', 'Amount']) // 'zh-CN'
 */
export function languageFromHeaders(headers: readonly string[]): Language {
  let chinese = 0;
  let total = 0;
  for (const header of headers) {
    if (header.trim() === '') continue;
    total++;
    if (han.test(header)) chinese++;
  }
  return chinese * 2 > total ? 'zh-CN' : 'en';
}
