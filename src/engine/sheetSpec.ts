/**
 * Output described as data: what each host renders. The engine never touches a workbook; it says which
 * cells, number formats, charts and conditional formats a summary sheet has, and which values each customer
 * column holds.
 */

/** Number formats used by outputs, by meaning. Hosts map them with {@link excelNumberFormat}. */
export type NumberFormatKey = 'text' | 'date' | 'integer' | 'number' | 'money' | 'percent';

/** Excel number-format code for a {@link NumberFormatKey}. */
export function excelNumberFormat(key: NumberFormatKey): string {
  switch (key) {
    case 'text':
      return '@';
    case 'date':
      return 'yyyy-mm-dd';
    case 'integer':
      return '0';
    case 'number':
      return '0.00';
    case 'money':
      return '#,##0.00';
    case 'percent':
      return '0.0%';
  }
}

/** A value a host writes. Text is always written as text (never as a formula), numbers as numbers. */
export type OutputValue = string | number | null;

/** One cell of a summary sheet. */
export interface CellSpec {
  value: OutputValue;
  format?: NumberFormatKey;
  bold?: boolean;
  /** Background colour, `#RRGGBB`. */
  fill?: string;
  /** Font size in points (titles). */
  size?: number;
  wrap?: boolean;
}

/** A block of cells, 0-based and inclusive, relative to the sheet's A1. */
export interface RangeRef {
  firstRow: number;
  firstColumn: number;
  lastRow: number;
  lastColumn: number;
}

/** A chart series: values (and optionally its own axis and type) over the chart's categories. */
export interface ChartSeriesSpec {
  name: string;
  values: RangeRef;
  /** Plot on the secondary value axis (Pareto cumulative %). */
  secondaryAxis?: boolean;
  /** Series type when it differs from the chart's (a line over columns). */
  type?: 'line';
  /** Fill colour, `#RRGGBB`. */
  color?: string;
}

/** A native chart to draw on a summary sheet. */
export interface ChartSpec {
  /** `bar` = horizontal bars, `column` = vertical columns. */
  type: 'bar' | 'column';
  title: string;
  categories: RangeRef;
  series: ChartSeriesSpec[];
  /** Top-left cell (0-based) and size in cells. */
  anchor: { row: number; column: number; widthColumns: number; heightRows: number };
  /** Reverse the category axis (a pyramid drawn with tier 1 on top). */
  reverseCategories?: boolean;
  /** Value-axis number format. */
  valueFormat?: NumberFormatKey;
}

/** A three-colour scale over a range (the RFM heat map). */
export interface ColorScaleSpec {
  range: RangeRef;
  minColor: string;
  midColor: string;
  maxColor: string;
}

/** Summary sheets, by stable key (names are localised). */
export type SummaryKey = 'pyramid' | 'svcd' | 'abc' | 'rfm' | 'visitPlan' | 'dataIssues';

/** A summary sheet as data. `cells[r][c]` is the cell at row r, column c (0-based from A1). */
export interface SheetSpec {
  key: SummaryKey;
  name: string;
  cells: CellSpec[][];
  /** Column widths in characters. */
  columnWidths: number[];
  /** Rows frozen at the top (a header), 0 for none. */
  frozenRows: number;
  charts: ChartSpec[];
  colorScales: ColorScaleSpec[];
}

/** One column written to the customers table: a header and one value per customer row. */
export interface ColumnSpec {
  key: string;
  header: string;
  format: NumberFormatKey;
  /** One value per data row of the customers table (or of the new customers sheet). */
  values: OutputValue[];
}
