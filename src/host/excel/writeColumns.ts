import { excelNumberFormat, type ColumnSpec } from '../../engine/sheetSpec';
import { cellValue } from '../cellValue';
import { excelFormat } from './excelFormat';
import type { ColumnPlaces, Placement } from './placeColumns';
import type { WriteTarget } from './readWriteTarget';
import { writeGrids, type GridBlock, type GridWriteOptions } from './writeGrids';

/** The whole-column number format of a customer column, or null when its cells need formats of their own. */
function columnFormat(spec: ColumnSpec): string | null {
  const text = spec.format === 'text';
  const { values } = spec;
  // A loop, not `every`: this runs over every cell of every column before the first request goes out.
  for (let r = 0; r < values.length; r++) {
    const v = values[r];
    if (v !== null && (typeof v === 'string') !== text) return null;
  }
  return excelNumberFormat(spec.format);
}

/**
 * The cells of side-by-side customer columns from (`row0`, `col0`) (0-based), `rows` rows of each, as
 * `writeGrids` writes them: values as `cellValue` makes them (an empty cell for null), text cells as Text.
 *
 * @example writeGrids(context, [columnBlock(sheet, 1, 0, columns, rows, false)], options);
 */
export function columnBlock(
  sheet: Excel.Worksheet,
  row0: number,
  col0: number,
  specs: readonly ColumnSpec[],
  rows: number,
  date1904: boolean,
): GridBlock {
  return {
    sheet,
    row0,
    col0,
    rows,
    columns: specs.length,
    value: (r, c) => {
      const spec = specs[c];
      return spec === undefined ? '' : (cellValue(spec.values[r] ?? null, spec.format, date1904) ?? '');
    },
    format: (r, c) => {
      const spec = specs[c];
      return spec === undefined ? 'General' : excelFormat(spec.values[r] ?? null, spec.format);
    },
    columnFormats: specs.map(columnFormat),
  };
}

/**
 * A step of a run: writes the customer columns into the user's customers table — table columns added for
 * the new ones, headers written where new or renamed, rows an own column held below the table's end
 * cleared — in one sync, then the values of each run of adjacent columns as one block (`writeGrids`:
 * chunked under the byte budget, one sync per chunk).
 */
export async function writeColumns(
  context: Excel.RequestContext,
  target: WriteTarget,
  places: ColumnPlaces,
  options: GridWriteOptions,
): Promise<void> {
  const { placements, headerRow0, rowCount } = places;
  const sheet = target.targetSheet;
  const tablePart = target.tablePart;
  if (sheet === null || placements.length === 0) return;
  for (const p of placements) {
    if (p.previous === null && tablePart !== null) {
      p.tableColumn = tablePart.table.columns.add(undefined, undefined, p.header).load('id');
    } else if (p.previous === null || p.renamed) {
      const cell = sheet.getRangeByIndexes(headerRow0, p.column, 1, 1);
      // A table's header cells are text anyway, and keep the format the column got when it was added, so a
      // run in another language and back leaves the table as it was.
      if (tablePart === null) cell.numberFormat = [['@']];
      cell.values = [[p.header]];
    }
    if (p.previous !== null && p.previous.rows > rowCount) {
      sheet
        .getRangeByIndexes(headerRow0 + 1 + rowCount, p.column, p.previous.rows - rowCount, 1)
        .clear('All');
    }
  }
  options.beforeSync();
  await context.sync();
  const blocks: GridBlock[] = [];
  let run: Placement[] = [];
  const flushRun = (): void => {
    const first = run[0];
    if (first !== undefined) {
      const specs = run.map((p) => p.spec);
      blocks.push(columnBlock(sheet, headerRow0 + 1, first.column, specs, rowCount, target.date1904));
    }
    run = [];
  };
  for (const p of placements) {
    const last = run[run.length - 1];
    if (last !== undefined && last.column + 1 !== p.column) flushRun();
    run.push(p);
  }
  flushRun();
  await writeGrids(context, blocks, options);
}
