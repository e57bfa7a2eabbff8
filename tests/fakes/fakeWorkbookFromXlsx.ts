import { Workbook } from 'exceljs';
import type { RawCell } from '../../src/engine/types';
import { tableModelsOf } from '../../src/host/file/tableModelsOf';
import { toRawCell } from '../../src/host/file/toRawCell';
import { buildFakeWorkbook } from './buildFakeWorkbook';
import { parseAddress } from './cellAddress';
import type { FakeWorkbook } from './FakeWorkbook';

/**
 * A fake workbook holding what Excel would show for an .xlsx file: each sheet's cell values (dates as
 * serials of the file's date system, formulas as their cached results) and its Excel tables. Lets the
 * Excel host and the file host run on the same real workbook.
 */
export async function fakeWorkbookFromXlsx(bytes: Uint8Array): Promise<FakeWorkbook> {
  const source = new Workbook();
  await source.xlsx.load(bytes as unknown as Parameters<typeof source.xlsx.load>[0]);
  const date1904 = source.properties.date1904;
  const sheets = source.worksheets.map((sheet) => {
    const columns: { header: string; values: RawCell[] }[] = [];
    const width = sheet.columnCount;
    const height = sheet.rowCount;
    for (let c = 1; c <= width; c++)
      columns.push({ header: '', values: new Array<RawCell>(Math.max(0, height - 1)).fill(null) });
    sheet.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const column = columns[c - 1];
        if (column === undefined) return;
        const value = toRawCell(cell.value, date1904);
        if (r === 1) column.header = value === null ? '' : String(value);
        else column.values[r - 2] = value;
      });
    });
    return { name: sheet.name, columns };
  });
  const workbook = buildFakeWorkbook({ sheets, date1904 });
  for (const sheet of source.worksheets) {
    for (const table of tableModelsOf(sheet)) {
      if (table.tableRef === undefined) continue;
      const block = parseAddress(table.tableRef);
      workbook.addTable(
        table.name,
        workbook.sheet(sheet.name),
        block.row0,
        block.col0,
        block.col1 - block.col0 + 1,
        block.row1 - block.row0,
      );
    }
  }
  return workbook;
}
