import type { Language } from '../../engine/types';

/**
 * The pane's language for Office's display language (or the browser's): any Chinese (`zh`, `zh-CN`,
 * `zh-Hans`, `zh-TW` …) gives 简体中文 — the only Chinese the pane has — and everything else English.
 *
 * @param displayLanguage BCP 47 tag such as `zh-CN`; null or empty = English.
 * @example languageFromDisplay('zh-TW') // 'zh-CN'
 */
export function languageFromDisplay(displayLanguage: string | null | undefined): Language {
  return /^zh\b/i.test(displayLanguage?.trim() ?? '') ? 'zh-CN' : 'en';
}
