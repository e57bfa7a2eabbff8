import type { Language } from '../engine/types';
import { sampleWorkbookToXlsx } from '../host/file/sampleWorkbookToXlsx';
import { buildSampleWorkbook } from '../sample/buildSampleWorkbook';

/**
 * The sample workbook (customers, sales and visits, in English or Chinese) as an .xlsx file, for the
 * playground's "Insert sample data": trainers without Excel get the same demo as inside Excel.
 */
export async function openPlaygroundSample(language: Language): Promise<File> {
  const bytes = await sampleWorkbookToXlsx(buildSampleWorkbook(language));
  const name = language === 'zh-CN' ? '示例工作簿.xlsx' : 'Sample workbook.xlsx';
  return new File([bytes.slice().buffer], name, {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
}
