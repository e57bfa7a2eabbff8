import type { AnalysisResult } from '../analyze';
import { abcByCode } from '../assignAbc';
import { svcdByCode } from '../assignSvcd';
import { compareIds } from '../compareIds';
import { abcLabel, sheetName, svcdLabel, t } from '../labels';
import type { CellSpec, SheetSpec } from '../sheetSpec';
import { cell, fitRowHeights, headerCell, titleCell } from './cells';

/** The indexes of the customers due for a visit (due on or before the as-of date), by rep, most overdue first. */
function dueCustomers(result: AnalysisResult): number[] {
  const { nextVisitDue } = result.outputs.visits;
  const { ids, reps } = result.roster;
  const rep = (i: number): string | null => reps[i] ?? null;
  const due: number[] = [];
  for (let i = 0; i < nextVisitDue.length; i++) if (nextVisitDue[i]! <= result.asOf) due.push(i);
  return due.sort(
    (a, b) =>
      (rep(a) === null ? 1 : 0) - (rep(b) === null ? 1 : 0) ||
      compareIds(rep(a) ?? '', rep(b) ?? '') ||
      nextVisitDue[a]! - nextVisitDue[b]! ||
      compareIds(ids[a]!, ids[b]!),
  );
}

/**
 * The Visit plan sheet: a count of due and overdue customers per sales rep, then per rep the customers
 * due, most overdue first, with their segment, interval, last contact, due date and days overdue.
 */
export function buildVisitPlanSheet(result: AnalysisResult): SheetSpec {
  const lang = result.settings.language;
  const due = dueCustomers(result);
  const { ids, names, reps } = result.roster;
  const { intervalDays, nextVisitDue, overdue } = result.outputs.visits;
  const { lastContact } = result.outputs.measures;
  const perRep = new Map<string, { due: number; overdue: number }>();
  for (const c of due) {
    const key = reps[c] ?? t('unassigned', lang);
    const s = perRep.get(key) ?? { due: 0, overdue: 0 };
    s.due++;
    if (overdue[c] === 1) s.overdue++;
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
  const svcdOf = result.outputs.svcd.codes;
  const abcOf = result.outputs.abc.codes;
  for (const c of due) {
    const svcd = svcdByCode[svcdOf[c]!] ?? null;
    const segment =
      model === 'svcd' && svcd !== null
        ? svcdLabel(svcd, lang)
        : abcLabel(model === 'abc' ? (abcByCode[abcOf[c]!] ?? 'C') : 'C', lang);
    const contact = lastContact[c]!;
    cells.push([
      cell(reps[c] ?? t('unassigned', lang), 'text'),
      cell(ids[c]!, 'text'),
      cell(names[c] ?? null, 'text'),
      cell(segment),
      cell(intervalDays[c]!, 'integer'),
      cell(Number.isNaN(contact) ? null : contact, 'date'),
      cell(nextVisitDue[c]!, 'date'),
      cell(result.asOf - nextVisitDue[c]!, 'integer'),
      cell(t(overdue[c] === 1 ? 'overdue' : 'due', lang)),
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
