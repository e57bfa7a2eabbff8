import { excelGrid } from '../excelGrid';

/**
 * Makes a text a valid sheet name: the characters Excel forbids (`[ ] : * ? / \`) become `_`, leading and
 * trailing apostrophes go, and the name is cut to 31 characters; an empty result becomes `Sheet`. Give it
 * to `uniqueName` for a name not yet taken.
 *
 * @example validSheetName('sales: 2024/Q1.csv') === 'sales_ 2024_Q1.csv'
 */
export function validSheetName(name: string): string {
  const cleaned = name
    .replace(/[[\]:*?/\\]/gu, '_')
    .replace(/^'+|'+$/gu, '')
    .slice(0, excelGrid.sheetNameLength)
    .trim();
  return cleaned === '' ? 'Sheet' : cleaned;
}
