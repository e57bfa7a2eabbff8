import type { AnalysisResult } from './analyze';
import type { SheetSpec } from './sheetSpec';
import { buildAbcSheet } from './summary/buildAbcSheet';
import { buildDataIssuesSheet } from './summary/buildDataIssuesSheet';
import { buildPyramidSheet } from './summary/buildPyramidSheet';
import { buildRfmSheet } from './summary/buildRfmSheet';
import { buildSvcdSheet } from './summary/buildSvcdSheet';
import { buildVisitPlanSheet } from './summary/buildVisitPlanSheet';

/** Every summary sheet, in tab order: Pyramid, SVCD matrix, ABC Pareto, RFM, Visit plan, Data issues. */
export function buildSummarySheets(result: AnalysisResult): SheetSpec[] {
  return [
    buildPyramidSheet(result),
    buildSvcdSheet(result),
    buildAbcSheet(result),
    buildRfmSheet(result),
    buildVisitPlanSheet(result),
    buildDataIssuesSheet(result),
  ];
}
