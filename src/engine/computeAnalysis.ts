import { analyze, type AnalysisInput, type AnalysisResult } from './analyze';
import { buildCustomerColumns } from './buildCustomerColumns';
import { buildSummarySheets } from './buildSummarySheets';
import type { ColumnSpec, SheetSpec } from './sheetSpec';

/** An analysis with its output described as data, ready for a host to write. */
export interface ComputedAnalysis {
  result: AnalysisResult;
  /** Our customer columns, one value per row of the target. */
  columns: ColumnSpec[];
  /** Id, name and rep columns that start a customers sheet built from sales (empty with a customers table). */
  baseColumns: ColumnSpec[];
  sheets: SheetSpec[];
}

/**
 * Analyses and describes the output: customer columns and summary sheets. Everything a Web Worker needs to
 * run so the task pane stays responsive; the result is plain data (structured-clone safe). With
 * `describeOutput: false` (a JSON report only) the columns and sheets are left empty. `onBuilding` is
 * called once the customers are analysed, before the output is described (the pane shows that stage).
 */
export function computeAnalysis(
  input: AnalysisInput,
  options: { describeOutput?: boolean; onBuilding?: () => void } = {},
): ComputedAnalysis {
  const result = analyze(input);
  if (options.describeOutput === false) return { result, columns: [], baseColumns: [], sheets: [] };
  options.onBuilding?.();
  const { columns, baseColumns } = buildCustomerColumns(result);
  return { result, columns, baseColumns, sheets: buildSummarySheets(result) };
}
