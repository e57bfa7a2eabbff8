import type { AnalysisInput, TableInput } from '../engine/analyze';
import { callHistoryOf } from '../engine/calls/callHistoryOf';
import { chooseTables } from '../engine/chooseTables';
import { cellsOf } from '../engine/cellColumn';
import { computeAnalysis, type ComputedAnalysis } from '../engine/computeAnalysis';
import { resolveSettings } from '../engine/defaultSettings';
import { AnalysisError } from '../engine/errors';
import { sheetName } from '../engine/labels';
import { languageFromHeaders } from '../engine/languageFromHeaders';
import type { AnalysisSettings, CellColumn, MappedTable } from '../engine/types';
import { customerRowId } from './customerRowId';
import type { CustomersTarget, WorkbookHost, WorkbookInfo, WritePlan, WriteSummary } from './WorkbookHost';

/** Stages of a run, reported with the fraction done (0–1) of that stage. */
export type RunStage = 'reading' | 'computing' | 'writing';

/** Options of {@link runAnalysis}. */
export interface RunOptions {
  /** Write the results to the workbook (default true). */
  write?: boolean;
  onStage?: (stage: RunStage, fraction: number) => void;
  /** Cancels between stages and between read chunks; a cancelled run writes nothing. */
  signal?: AbortSignal;
  /**
   * Describe the output (customer columns and summary sheets) even when not writing; default true. The
   * command line turns it off for a JSON report alone.
   */
  describeOutput?: boolean;
  /**
   * Make the call list (default true). The command line turns it off for a JSON report without `--calls`:
   * nothing reads it (see `AnalysisInput.callList`).
   */
  callList?: boolean;
  /** Runs the engine elsewhere (a Web Worker); defaults to {@link computeAnalysis} in this thread. */
  compute?: (input: AnalysisInput) => Promise<ComputedAnalysis>;
  /**
   * What `host.inspect()` has just answered, when the caller needed it before the run (the command line
   * reads the language and row count from it): the run does not inspect the workbook again.
   */
  info?: WorkbookInfo;
}

/** What a run produced. */
export interface AnalysisRun extends ComputedAnalysis {
  plan: WritePlan;
  summary: WriteSummary | null;
  tables: {
    sales: MappedTable;
    customers: MappedTable | null;
    visits: MappedTable | null;
    careRules: MappedTable | null;
  };
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw AnalysisError.of({ key: 'cancelled' });
}

async function load(
  host: WorkbookHost,
  mapped: MappedTable,
  progress: (fraction: number) => void,
  signal: AbortSignal | undefined,
): Promise<TableInput> {
  const wanted = [...new Set(Object.values(mapped.mapping))].sort((a, b) => a - b);
  const read = await host.readColumns(mapped.source, wanted, (done, total) => {
    throwIfCancelled(signal);
    progress(total === 0 ? 1 : done / total);
  });
  const columns: CellColumn[] = mapped.source.headers.map(() => []);
  wanted.forEach((column, k) => {
    columns[column] = read[k] ?? [];
  });
  return { table: { ...mapped.source, columns }, mapping: mapped.mapping };
}

/** The user's customers table as the write target, with its ids as read so a host can spot a re-sort. */
function existingTarget(mapped: MappedTable, loaded: TableInput | null): CustomersTarget {
  const idColumn = mapped.mapping.customerId;
  const cells = idColumn === undefined ? undefined : loaded?.table.columns[idColumn];
  if (idColumn === undefined || cells === undefined) return { kind: 'existing', table: mapped.source };
  return { kind: 'existing', table: mapped.source, idColumn, rowIds: cellsOf(cells).map(customerRowId) };
}

/**
 * One analysis from start to finish on any host: inspect the workbook (unless `options.info` is given),
 * choose and map the tables, read only the mapped columns, compute, and (unless `write: false`) write
 * columns, summary sheets and settings.
 * Settings saved in the workbook apply first, then `settings` on top, so any co-author re-running gets the
 * same output. With no language chosen (neither saved nor given), the results are in Chinese when the
 * workbook's headers are ({@link languageFromHeaders}).
 *
 * @throws AnalysisError with a sentence the user can act on; host errors pass through.
 */
export async function runAnalysis(
  host: WorkbookHost,
  settings: Partial<AnalysisSettings> = {},
  options: RunOptions = {},
): Promise<AnalysisRun> {
  const { onStage, signal } = options;
  onStage?.('reading', 0);
  const info = options.info ?? (await host.inspect());
  const resolved = resolveSettings({
    dateOrder: info.localeDateOrder,
    language: languageFromHeaders(info.tables.flatMap((table) => table.headers)),
    ...(info.savedSettings ?? {}),
    ...settings,
  });
  const chosen = chooseTables(info.tables, resolved.mappingOverrides, resolved.language);
  throwIfCancelled(signal);
  const parts = [chosen.sales, chosen.customers, chosen.visits, chosen.careRules].filter(
    (t): t is MappedTable => t !== null,
  );
  const totalRows = parts.reduce((sum, t) => sum + t.source.rowCount, 0) || 1;
  let rowsBefore = 0;
  const loaded: TableInput[] = [];
  for (const part of parts) {
    const offset = rowsBefore;
    loaded.push(
      await load(
        host,
        part,
        (f) => onStage?.('reading', (offset + f * part.source.rowCount) / totalRows),
        signal,
      ),
    );
    rowsBefore += part.source.rowCount;
  }
  throwIfCancelled(signal);
  onStage?.('computing', 0);
  const byKind = (kind: MappedTable['kind']): TableInput | null =>
    loaded[parts.findIndex((p) => p.kind === kind)] ?? null;
  // The sales table is always chosen, so it was loaded first.
  const [sales] = loaded;
  if (sales === undefined)
    throw AnalysisError.of({ key: 'noSalesTable', found: info.tables }, resolved.language);
  const input: AnalysisInput = {
    sales,
    customers: chosen.customers === null ? null : byKind('customers'),
    visits: chosen.visits === null ? null : byKind('visits'),
    careRules: chosen.careRules === null ? null : byKind('careRules'),
    callHistory: callHistoryOf(info.callSheets ?? [], info.date1904),
    date1904: info.date1904,
    settings: resolved,
    history: info.history ?? null,
    ...(options.callList === false ? { callList: false } : {}),
  };
  const computed = await (
    options.compute ??
    ((i: AnalysisInput) =>
      Promise.resolve(
        computeAnalysis(i, { describeOutput: options.write !== false || options.describeOutput !== false }),
      ))
  )(input);
  onStage?.('computing', 1);
  throwIfCancelled(signal);
  const plan: WritePlan = {
    customers:
      chosen.customers === null
        ? {
            kind: 'new',
            sheetName: sheetName('customers', resolved.language),
            baseColumns: computed.baseColumns,
          }
        : existingTarget(chosen.customers, input.customers),
    columns: computed.columns,
    sheets: computed.sheets,
    settings: resolved,
    history: computed.history,
  };
  const calls = computed.result.outputs.calls;
  // The Calls sheet of the as-of date (`calls.from`); a host adds none for an empty list.
  if (calls.from > 0 && computed.sheets.length > 0)
    plan.calls = { asOf: calls.from, language: resolved.language, calls: calls.list };
  let summary: WriteSummary | null = null;
  if (options.write !== false) {
    // The host refuses a plan that does not fit Excel's grid before writing anything (WorkbookHost.write).
    onStage?.('writing', 0);
    summary = await host.write(plan, (done, total) => onStage?.('writing', total === 0 ? 1 : done / total));
    onStage?.('writing', 1);
  }
  return { ...computed, plan, summary, tables: chosen };
}
