import type { Language } from '../engine/types';

/**
 * The name the playground gives the analysed workbook, in the language of the results:
 * `sales.csv` → `sales (analysis).xlsx`, or `销售.csv` → `销售（分析）.xlsx` in Chinese.
 *
 * @example downloadName('shop.xlsx', 'zh-CN') // 'shop（分析）.xlsx'
 */
export function downloadName(inputName: string, language: Language): string {
  const base = inputName.replace(/\.(xlsx|xlsm|csv)$/i, '');
  return language === 'zh-CN' ? `${base}（分析）.xlsx` : `${base} (analysis).xlsx`;
}
