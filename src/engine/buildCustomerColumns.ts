import type { AnalysisResult } from './analyze';
import { t } from './labels';
import { outputColumn } from './methods/outputColumns';
import { runViewOf } from './methods/runMethods';
import type { ColumnSpec, OutputValue } from './sheetSpec';

/**
 * The customer columns to write, one value per data row of the target, from the methods' outputs (each
 * column's writer looks its labels up once per code, then reads the typed arrays per row). With a
 * customers table, rows follow the table (a repeated id gets the same values, a blank id gets blanks);
 * without one, rows are the analysed customers in result order, and `baseColumns` (id, name, sales rep)
 * start the new sheet. Columns marked `profitOnly` are left out when the sales have no profit or cost, and
 * a column whose `when` says no for its method's output is left out (movement's, without a comparison).
 */
export function buildCustomerColumns(result: AnalysisResult): {
  columns: ColumnSpec[];
  baseColumns: ColumnSpec[];
} {
  const language = result.settings.language;
  const run = runViewOf(result);
  const rows = result.customersTableRows;
  const count = result.roster.count;
  const columns: ColumnSpec[] = [];
  for (const key of result.settings.columns) {
    const entry = outputColumn(key);
    if (entry === undefined) continue;
    const { column, method } = entry;
    if (column.profitOnly === true && result.valueBasis !== 'profit') continue;
    const out: unknown = run.output(method);
    if (column.when !== undefined && !column.when(out)) continue;
    const cellOf = column.cells(out, run, language);
    let values: OutputValue[];
    if (rows === null) {
      values = new Array<OutputValue>(count);
      for (let i = 0; i < count; i++) values[i] = cellOf(i);
    } else {
      values = rows.map((index) => (index === null ? null : cellOf(index)));
    }
    columns.push({ key, header: column.header[language], format: column.format, values });
  }
  const { ids, names, reps } = result.roster;
  const baseColumns: ColumnSpec[] =
    rows === null
      ? [
          { key: 'customerId', header: t('customerId', language), format: 'text', values: [...ids] },
          {
            key: 'customerName',
            header: t('customerName', language),
            format: 'text',
            values: Array.from({ length: count }, (_, i) => names[i] ?? null),
          },
          {
            key: 'rep',
            header: t('rep', language),
            format: 'text',
            values: Array.from({ length: count }, (_, i) => reps[i] ?? null),
          },
        ]
      : [];
  return { columns, baseColumns };
}
