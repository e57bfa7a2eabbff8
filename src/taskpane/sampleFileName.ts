import type { Language } from '../engine/types';

/** The sample workbook's file name in a language (the playground's "Insert sample data"). */
export function sampleFileName(language: Language): string {
  return language === 'zh-CN' ? '示例工作簿.xlsx' : 'Sample workbook.xlsx';
}
