import type { Worksheet } from 'exceljs';

/**
 * The parts of an Excel table's model (as exceljs keeps it after reading a file) that we read and change.
 * exceljs types tables for building new ones; a table read from a file keeps its range in `tableRef`.
 */
export interface TableModel {
  name: string;
  /** Range of the whole table, header and totals rows included, such as `A1:U9995`. */
  tableRef?: string;
  autoFilterRef?: string;
  columns: { name: string; filterButton?: boolean }[];
  headerRow?: boolean;
  totalsRow?: boolean;
}

function isTableModel(value: unknown): value is TableModel {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<TableModel>;
  return typeof candidate.name === 'string' && Array.isArray(candidate.columns);
}

/**
 * The Excel tables of a worksheet, as mutable models.
 *
 * exceljs reads a table's header row flag from an attribute Excel leaves out when it has its default
 * (a header row), so read tables look header-less, and writing them back would tell Excel so; the flag is
 * set here, as Excel meant it.
 */
export function tableModelsOf(sheet: Worksheet): TableModel[] {
  const models: TableModel[] = [];
  for (const entry of sheet.getTables() as unknown[]) {
    const model: unknown =
      typeof entry === 'object' && entry !== null ? (entry as { model?: unknown }).model : undefined;
    if (isTableModel(model)) {
      model.headerRow = true;
      models.push(model);
    }
  }
  return models;
}
