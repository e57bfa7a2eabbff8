import { createHash } from 'node:crypto';
import { Workbook, type CellValue } from 'exceljs';
import JSZip from 'jszip';

/** One sheet of a written workbook as golden data: every cell, or a digest per column for a large sheet. */
export interface SheetCells {
  name: string;
  state: string;
  rows: number;
  columns: number;
  /** `A1 → [value or =formula, number format]`, for sheets of up to {@link fullSheetCells} cells. */
  cells?: Record<string, [unknown, string]>;
  /** For larger sheets: each column's header and the sha-256 of its cells, in order. */
  columnDigests?: [unknown, string][];
}

/** Sheets with more cells than this are kept as column digests (the JSON report holds their values). */
export const fullSheetCells = 6000;

function cellOf(value: CellValue): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return `date:${value.toISOString()}`;
  if (typeof value === 'object') {
    if ('formula' in value) return `=${value.formula}`;
    if ('sharedFormula' in value) return `=shared:${value.sharedFormula}`;
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('error' in value) return value.error;
    if ('text' in value) return value.text;
  }
  return value;
}

/** exceljs types the format as a string but leaves it undefined on a General cell. */
const numberFormatOf = (format: string | undefined): string => format ?? '';

/** The cells of every sheet of an .xlsx, in sheet order, as golden data. */
export async function workbookCells(bytes: Uint8Array): Promise<SheetCells[]> {
  const workbook = new Workbook();
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook.worksheets.map((sheet) => {
    const grid: [unknown, string][][] = [];
    sheet.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        (grid[c - 1] ??= [])[r - 1] = [cellOf(cell.value), numberFormatOf(cell.numFmt)];
      });
    });
    const summary: SheetCells = {
      name: sheet.name,
      state: sheet.state,
      rows: sheet.rowCount,
      columns: sheet.columnCount,
    };
    if (sheet.rowCount * sheet.columnCount <= fullSheetCells) {
      const cells: Record<string, [unknown, string]> = {};
      sheet.eachRow({ includeEmpty: false }, (row) => {
        row.eachCell({ includeEmpty: false }, (cell) => {
          cells[cell.address] = [cellOf(cell.value), numberFormatOf(cell.numFmt)];
        });
      });
      summary.cells = cells;
    } else {
      summary.columnDigests = Array.from({ length: sheet.columnCount }, (_, c) => {
        const column = grid[c] ?? [];
        const digest = createHash('sha256').update(
          JSON.stringify(Array.from(column, (x) => (x as unknown) ?? null)),
        );
        return [column[0]?.[0] ?? null, digest.digest('hex')];
      });
    }
    return summary;
  });
}

/** The chart parts of an .xlsx (`xl/charts/chart1.xml` …) with the sha-256 of each part's XML. */
export async function chartDigests(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const digests: Record<string, string> = {};
  for (const name of Object.keys(zip.files).sort()) {
    if (!/^xl\/(charts|drawings)\/[^/]+\.xml$/u.test(name)) continue;
    const xml = await zip.file(name)!.async('string');
    digests[name] = createHash('sha256').update(xml).digest('hex');
  }
  return digests;
}
