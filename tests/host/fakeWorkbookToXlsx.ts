import { Workbook } from 'exceljs';
import type { CellValue } from 'exceljs';
import { columnLetters } from '../fakes/cellAddress';
import type { FakeWorkbook } from '../fakes/FakeWorkbook';

const visibility = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' } as const;

/**
 * Saves a fake Excel workbook as .xlsx bytes, as Excel would save the workbook it shows: every sheet in
 * order with its visibility, each cell's value (formulas as formulas) and number format, the Excel tables
 * over their blocks, the date system. Charts, styles and conditional formats are left out (the hosts do
 * not read them). The reverse of `fakeWorkbookFromXlsx`, so a workbook can go from the Excel add-in to
 * the command line.
 */
export async function fakeWorkbookToXlsx(fake: FakeWorkbook): Promise<Uint8Array> {
  const workbook = new Workbook();
  workbook.properties.date1904 = fake.use1904DateSystem;
  for (const fakeSheet of fake.sheets) {
    const sheet = workbook.addWorksheet(fakeSheet.name, { state: visibility[fakeSheet.visibility] });
    const block = fakeSheet.cells.usedBlock(false);
    if (block === null) continue;
    for (let r = block.row0; r <= block.row1; r++) {
      for (let c = block.col0; c <= block.col1; c++) {
        const value = fakeSheet.cells.value(r, c);
        const format = fakeSheet.cells.numberFormat(r, c);
        if (value === null && format === 'General') continue;
        const cell = sheet.getCell(r + 1, c + 1);
        if (format !== 'General') cell.numFmt = format;
        const formula = fakeSheet.cells.formula(r, c);
        cell.value = formula === null ? value : { formula: formula.slice(1) };
      }
    }
  }
  for (const table of fake.tables) {
    const sheet = workbook.getWorksheet(table.sheet.name);
    if (sheet === undefined) continue;
    const { row0, col0, row1, col1 } = table.block;
    const rows: CellValue[][] = [];
    for (let r = row0 + 1; r <= row1; r++) {
      const row: CellValue[] = [];
      for (let c = col0; c <= col1; c++) row.push(sheet.getCell(r + 1, c + 1).value);
      rows.push(row);
    }
    sheet.addTable({
      name: table.name,
      ref: `${columnLetters(col0)}${row0 + 1}`,
      headerRow: true,
      columns: table.columnIds.map((_, i) => ({ name: table.columnName(i), filterButton: true })),
      rows,
    });
  }
  const written: unknown = await workbook.xlsx.writeBuffer();
  return written instanceof Uint8Array ? written : new Uint8Array(written as ArrayBuffer);
}
