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
 * Whether the workbook uses the 1904 date system (`Workbook.use1904DateSystem`, ExcelApi 1.16). Costs
 * one sync of its own so that an Excel too old for the property only loses this answer (false: the 1900
 * system, which nearly every workbook uses), not the batch it would share. Any other error propagates.
 */
export async function loadDate1904(context: Excel.RequestContext): Promise<boolean> {
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
