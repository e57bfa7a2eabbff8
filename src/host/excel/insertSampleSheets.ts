import type { SampleWorkbook } from '../../sample/buildSampleWorkbook';
import { excelGrid } from '../excelGrid';
import { uniqueName } from '../uniqueName';
import { writeGrids } from './writeGrids';

/**
 * Adds the sample workbook's sheets (header row, data rows) to the open workbook: new sheets only, named
 * after the sample's (with a suffix when a sheet of that name exists), so nothing of the user's is touched.
 * Date columns get a date format, text columns the Text format (ids like `00042` stay text).
 *
 * @returns The names of the sheets added.
 */
export async function insertSampleSheets(
  context: Excel.RequestContext,
  sample: SampleWorkbook,
  budgetBytes: number,
): Promise<string[]> {
  const sheets = context.workbook.worksheets.load('items/name');
  await context.sync();
  const taken = new Set(sheets.items.map((s) => s.name.toLowerCase()));
  const added = sample.sheets.map((sampleSheet) => {
    const name = uniqueName(sampleSheet.name, taken, excelGrid.sheetNameLength);
    taken.add(name.toLowerCase());
    return { name, sheet: context.workbook.worksheets.add(name), sampleSheet };
  });
  const blocks = added.map(({ sheet, sampleSheet }) => {
    const { headers, rows, dateColumns } = sampleSheet;
    const columnFormats = headers.map((_, c) => {
      if (dateColumns.includes(c)) return null;
      return rows.some((row) => typeof row[c] === 'string') ? '@' : 'General';
    });
    return {
      sheet,
      row0: 0,
      col0: 0,
      rows: rows.length + 1,
      columns: headers.length,
      value: (r: number, c: number): string | number | boolean =>
        r === 0 ? (headers[c] ?? '') : (rows[r - 1]?.[c] ?? ''),
      format: (r: number, c: number): string =>
        r === 0 || typeof rows[r - 1]?.[c] === 'string' ? '@' : 'yyyy-mm-dd',
      columnFormats,
    };
  });
  await writeGrids(context, blocks, { budgetBytes, beforeSync: () => undefined });
  added[0]?.sheet.activate();
  await context.sync();
  return added.map((a) => a.name);
}
