import type { AnalysisResult } from './analyze';
import type { AnyMethod, SummarySheet } from './methods/Method';
import { methods } from './methods/registry';
import type { SheetSpec } from './sheetSpec';
import { buildDataIssuesSheet } from './summary/buildDataIssuesSheet';

/** The run's own sheet, whatever the methods: Data issues, last. */
const dataIssues: SummarySheet = { key: 'dataIssues', tab: 90, build: buildDataIssuesSheet };

/**
 * Every summary sheet the methods contribute (`Method.sheets`) and Data issues, in tab order: Pyramid,
 * SVCD matrix, ABC Pareto, RFM, Movement, Loyalty, Visit plan, Data issues; a sheet whose `when` says no is
 * left out.
 */
export function buildSummarySheets(result: AnalysisResult): SheetSpec[] {
  const sheets = [...(methods as readonly AnyMethod[]).flatMap((m) => m.sheets ?? []), dataIssues];
  return sheets
    .filter((sheet) => sheet.when?.(result) ?? true)
    .sort((a, b) => a.tab - b.tab)
    .map((sheet) => sheet.build(result));
}
