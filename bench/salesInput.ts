import type { AnalysisInput } from '../src/engine/analyze';
import { chooseTables } from '../src/engine/chooseTables';
import { resolveSettings } from '../src/engine/defaultSettings';
import { encodeColumn } from '../src/engine/cellColumn';
import type { CellColumn, LoadedTable, SourceTable } from '../src/engine/types';
import type { SyntheticSales } from './generateSales';

/**
 * The engine's input for synthetic sales, built the way `runAnalysis` builds it from a host: a sales
 * table on sheet "Sales" with a header row, mapped by {@link chooseTables}, no customers table, no visits
 * log, the 1900 date system and default settings.
 *
 * @param encodeText Hand the text columns (order and customer ids) over encoded, as the .xlsx reader does
 *   with shared strings; otherwise every column is plain cells, as the CSV reader and Excel hand them over.
 */
export function salesInput(sales: SyntheticSales, encodeText = false): AnalysisInput {
  const source: SourceTable = {
    sheet: 'Sales',
    tableName: null,
    headerRow: 1,
    firstColumn: 1,
    headers: sales.headers,
    rowCount: sales.rows,
  };
  const chosen = chooseTables([source]);
  const columns: CellColumn[] = sales.columns.map((column) =>
    encodeText && column.some((cell) => typeof cell === 'string') ? encodeColumn(column) : column,
  );
  const table: LoadedTable = { ...source, columns };
  return {
    sales: { table, mapping: chosen.sales.mapping },
    customers: null,
    visits: null,
    date1904: false,
    settings: resolveSettings({}),
  };
}
