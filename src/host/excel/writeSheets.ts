import type { WritePlan } from '../WorkbookHost';
import type { SheetBuild } from './planSheets';
import { renderSheet } from './renderSheet';
import { columnBlock } from './writeColumns';
import { writeGrids, type GridBlock, type GridWriteOptions } from './writeGrids';

/** Writes our customers sheet built from sales: text headers, the base and result columns, frozen and filtered. */
async function writeCustomersSheet(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  plan: WritePlan,
  date1904: boolean,
  options: GridWriteOptions,
): Promise<void> {
  if (plan.customers.kind !== 'new') return;
  const all = [...plan.customers.baseColumns, ...plan.columns];
  const header: GridBlock = {
    sheet,
    row0: 0,
    col0: 0,
    rows: 1,
    columns: all.length,
    value: (_r, c) => all[c]?.header ?? '',
    format: () => '@',
    columnFormats: all.map(() => '@'),
  };
  const rows = all.reduce((n, c) => Math.max(n, c.values.length), 0);
  await writeGrids(context, [header, columnBlock(sheet, 1, 0, all, rows, date1904)], options);
  sheet.freezePanes.freezeRows(1);
  sheet.autoFilter.apply(sheet.getRangeByIndexes(0, 0, rows + 1, all.length));
}

/**
 * A step of a run: adds each planned sheet under its name and in its place, and writes it (a summary sheet
 * by `renderSheet`, our customers sheet from the plan's columns), one sync per sheet besides those of its
 * chunks. Each build's `sheet` is set (its id loaded) for the record.
 */
export async function writeSheets(
  context: Excel.RequestContext,
  plan: WritePlan,
  builds: readonly SheetBuild[],
  date1904: boolean,
  options: GridWriteOptions,
): Promise<void> {
  for (const build of builds) {
    const sheet = context.workbook.worksheets.add(build.name);
    build.sheet = sheet.load('id');
    if (build.position !== null) sheet.position = build.position;
    if (build.spec !== null) await renderSheet(context, sheet, build.spec, date1904, options);
    else await writeCustomersSheet(context, sheet, plan, date1904, options);
    options.beforeSync();
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per summary sheet (a handful), not per row
    await context.sync();
  }
}
