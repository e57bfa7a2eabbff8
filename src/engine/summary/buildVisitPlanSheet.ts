import type { AnalysisResult } from '../analyze';
import { compareIds } from '../compareIds';
import { abcLabel, sheetName, svcdLabel, t } from '../labels';
import type { CellSpec, SheetSpec } from '../sheetSpec';
import type { CustomerResult } from '../types';
import { cell, fitRowHeights, headerCell, titleCell } from './cells';

/** Customers due for a visit (due on or before the as-of date), grouped by sales rep, most overdue first. */
export function dueCustomers(result: AnalysisResult): CustomerResult[] {
  return result.customers
    .filter((c) => c.nextVisitDue <= result.asOf)
    .sort(
      (a, b) =>
        (a.rep === null ? 1 : 0) - (b.rep === null ? 1 : 0) ||
        compareIds(a.rep ?? '', b.rep ?? '') ||
        a.nextVisitDue - b.nextVisitDue ||
        compareIds(a.id, b.id),
    );
}

/**
 * The Visit plan sheet: a count of due and overdue customers per sales rep, then per rep the customers
 * due, most overdue first, with their segment, interval, last contact, due date and days overdue.
 */
export function buildVisitPlanSheet(result: AnalysisResult): SheetSpec {
  const lang = result.settings.language;
  const due = dueCustomers(result);
  const perRep = new Map<string, { due: number; overdue: number }>();
  for (const c of due) {
    const key = c.rep ?? t('unassigned', lang);
    const s = perRep.get(key) ?? { due: 0, overdue: 0 };
    s.due++;
    if (c.overdue) s.overdue++;
    perRep.set(key, s);
  }
  const model = result.settings.visitsFrom;
  const cells: CellSpec[][] = [
    [titleCell(t('visitTitle', lang))],
    [cell(t('asOf', lang)), cell(result.asOf, 'date')],
    [headerCell(t('rep', lang)), headerCell(t('dueCount', lang)), headerCell(t('overdue', lang))],
  ];
  for (const [rep, s] of perRep)
    cells.push([cell(rep, 'text'), cell(s.due, 'integer'), cell(s.overdue, 'integer')]);
  cells.push([]);
  const headerRow = cells.length;
  cells.push(
    [
      'rep',
      'customerId',
      'customerName',
      'segment',
      'visitEvery',
      'lastContact',
      'nextVisitDue',
      'daysOverdue',
      'status',
    ].map((k) => headerCell(t(k as Parameters<typeof t>[0], lang))),
  );
  for (const c of due) {
    const segment =
      model === 'svcd' && c.svcd !== null
        ? svcdLabel(c.svcd, lang)
        : abcLabel(model === 'abc' ? c.abc : 'C', lang);
    cells.push([
      cell(c.rep ?? t('unassigned', lang), 'text'),
      cell(c.id, 'text'),
      cell(c.name, 'text'),
      cell(segment),
      cell(c.visitIntervalDays, 'integer'),
      cell(c.lastContact, 'date'),
      cell(c.nextVisitDue, 'date'),
      cell(result.asOf - c.nextVisitDue, 'integer'),
      cell(t(c.overdue ? 'overdue' : 'due', lang)),
    ]);
  }
  const widths = [18, 14, 28, 14, 12, 14, 14, 12, 12];
  return {
    key: 'visitPlan',
    name: sheetName('visitPlan', lang),
    cells,
    columnWidths: widths,
    rowHeights: fitRowHeights(cells, widths),
    frozenRows: headerRow + 1,
    charts: [],
    colorScales: [],
    print: { landscape: true, breaksBefore: [] },
  };
}
