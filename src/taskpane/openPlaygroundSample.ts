import type { Language } from '../engine/types';
import { sampleWorkbookToXlsx } from '../host/file/sampleWorkbookToXlsx';
import { buildSampleWorkbook } from '../sample/buildSampleWorkbook';
import { sampleFileName } from './sampleFileName';

/**
 * The sample workbook (customers, sales and visits, in English or Chinese) as an .xlsx file, for the
 * playground's "Insert sample data": trainers without Excel get the same demo as inside Excel.
 */
export async function openPlaygroundSample(language: Language): Promise<File> {
  const bytes = await sampleWorkbookToXlsx(buildSampleWorkbook(language));
  return new File([bytes.slice().buffer], sampleFileName(language), {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
}
