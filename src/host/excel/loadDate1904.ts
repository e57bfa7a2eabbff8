import { excelApiSupported } from './excelApiSupported';
import { officeCode } from './ExcelHostError';

/** `Workbook` with `use1904DateSystem` (ExcelApi 1.16), which older typings lack. */
type WorkbookWith1904 = Excel.Workbook & { use1904DateSystem?: boolean };

/** What an Excel too old for the property answers. */
const unsupported = new Set([
  'ApiNotFound',
  'InvalidArgument',
  'PropertyNotLoaded',
  'NotImplemented',
  'UnsupportedOperation',
]);

/**
 * Whether the workbook uses the 1904 date system (`Workbook.use1904DateSystem`, ExcelApi 1.16). An Excel
 * without ExcelApi 1.16 (`excelApiSupported`) is not asked: the answer is false, the 1900 system, which
 * nearly every workbook uses. Otherwise costs one sync of its own, so that an Excel that claims the set but
 * lacks the property only loses this answer, not the batch it would share. Any other error propagates.
 */
export async function loadDate1904(context: Excel.RequestContext): Promise<boolean> {
  if (!excelApiSupported('1.16')) return false;
  const workbook = context.workbook as WorkbookWith1904;
  try {
    workbook.load('use1904DateSystem');
    await context.sync();
    return workbook.use1904DateSystem === true;
  } catch (error) {
    const code = officeCode(error);
    if (code !== null && unsupported.has(code)) return false;
    throw error;
  }
}
