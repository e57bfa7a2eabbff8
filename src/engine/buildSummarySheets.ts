import type { AnalysisResult } from './analyze';
import type { SheetSpec } from './sheetSpec';
import { buildAbcSheet } from './summary/buildAbcSheet';
import { buildDataIssuesSheet } from './summary/buildDataIssuesSheet';
import { buildLoyaltySheet } from './summary/buildLoyaltySheet';
import { buildMovementSheet } from './summary/buildMovementSheet';
import { buildPyramidSheet } from './summary/buildPyramidSheet';
import { buildRfmSheet } from './summary/buildRfmSheet';
import { buildSvcdSheet } from './summary/buildSvcdSheet';
import { buildVisitPlanSheet } from './summary/buildVisitPlanSheet';

/**
 * Every summary sheet, in tab order: Pyramid, SVCD matrix, ABC Pareto, RFM, Movement and Loyalty (with a
 * comparison only), Visit plan, Data issues.
 */
export function buildSummarySheets(result: AnalysisResult): SheetSpec[] {
  const movement = result.movement;
  return [
    buildPyramidSheet(result),
    buildSvcdSheet(result),
    buildAbcSheet(result),
    buildRfmSheet(result),
    ...(movement === null ? [] : [buildMovementSheet(result, movement), buildLoyaltySheet(result, movement)]),
    buildVisitPlanSheet(result),
    buildDataIssuesSheet(result),
  ];
}
