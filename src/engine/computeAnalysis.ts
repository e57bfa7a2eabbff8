import { analyze, type AnalysisInput, type AnalysisResult } from './analyze';
import { buildCustomerColumns } from './buildCustomerColumns';
import { buildSummarySheets } from './buildSummarySheets';
import { isoFromDay } from './dayNumbers';
import { runHistory, type RunHistory } from './movement/runHistory';
import type { ColumnSpec, SheetSpec } from './sheetSpec';

/** An analysis with its output described as data, ready for a host to write. */
export interface ComputedAnalysis {
  result: AnalysisResult;
  /** Our customer columns, one value per row of the target. */
  columns: ColumnSpec[];
  /** Id, name and rep columns that start a customers sheet built from sales (empty with a customers table). */
  baseColumns: ColumnSpec[];
  sheets: SheetSpec[];
  /**
   * The run history to save with this run: the input's (`AnalysisInput.history`) with this run's tiers,
   * segments and classes recorded (`runHistory.record`); null with `describeOutput: false` (nothing is written).
   */
  history: RunHistory | null;
}

/**
 * Analyses and describes the output: customer columns and summary sheets. Everything a Web Worker needs to
 * run so the task pane stays responsive; the result is plain data (structured-clone safe). With
 * `describeOutput: false` (a JSON report only) the columns and sheets are left empty. `onBuilding` is
 * called once the customers are analysed, before the output is described (the pane shows that stage).
 * `analyzed` is `analyze(input)` when the caller has it already (the command line drives the analysis in
 * steps, `analysisSteps`, to fit the value model on another thread): only the output is described then.
 */
export function computeAnalysis(
  input: AnalysisInput,
  options: { describeOutput?: boolean; onBuilding?: () => void; analyzed?: AnalysisResult } = {},
): ComputedAnalysis {
  const result = options.analyzed ?? analyze(input);
  if (options.describeOutput === false)
    return { result, columns: [], baseColumns: [], sheets: [], history: null };
  options.onBuilding?.();
  const { columns, baseColumns } = buildCustomerColumns(result);
  const history = runHistory.record(input.history ?? null, isoFromDay(result.asOf), result.customers);
  return { result, columns, baseColumns, sheets: buildSummarySheets(result), history };
}
