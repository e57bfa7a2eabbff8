import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Language } from '../../../engine/types';
import { buildSampleWorkbook } from '../../../sample/buildSampleWorkbook';
import { sampleWorkbookToXlsx } from '../sampleWorkbookToXlsx';
import type { SampleXlsxOptions } from '../sampleWorkbookToXlsx';
import { writeFileAtomically } from './writeFileAtomically';

/**
 * Writes the sample workbook of the course as an .xlsx file (creating its folder), customers and sales
 * as Excel tables unless `tables` is false.
 *
 * @example await writeSampleWorkbook('zh-CN', 'samples/sample-workbook.zh-CN.xlsx', { tables: true });
 */
export async function writeSampleWorkbook(
  language: Language,
  filePath: string,
  options: SampleXlsxOptions = {},
): Promise<void> {
  await mkdir(path.dirname(path.resolve(filePath)), { recursive: true });
  await writeFileAtomically(filePath, await sampleWorkbookToXlsx(buildSampleWorkbook(language), options));
}
