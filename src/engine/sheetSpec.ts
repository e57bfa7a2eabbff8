/**
 * Output described as data: what each host renders. The engine never touches a workbook; it says which
 * cells, number formats, charts and conditional formats a summary sheet has, and which values each customer
 * column holds.
 */

/**
 * Number formats used by outputs, by meaning. Hosts map them with {@link excelNumberFormat}. Counts and
 * amounts have thousands separators; `rowNumber` (a sheet's row number, an id) has none; `decimal` shows four
 * decimals (a model's parameters).
 */
export type NumberFormatKey =
  'text' | 'date' | 'integer' | 'number' | 'money' | 'percent' | 'rowNumber' | 'decimal';

/** Excel number-format code for a {@link NumberFormatKey}. */
export function excelNumberFormat(key: NumberFormatKey): string {
  switch (key) {
    case 'text':
      return '@';
    case 'date':
      return 'yyyy-mm-dd';
    case 'integer':
      return '#,##0';
    case 'number':
      return '#,##0.00';
    case 'money':
      return '#,##0.00';
    case 'percent':
      return '0.0%';
    case 'rowNumber':
      return '0';
    case 'decimal':
      return '#,##0.0000';
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
  /** Centred in its cell: a short number that would touch the text of the cell to its right. */
  center?: boolean;
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
  /** The values: bar lengths, or y values of a scatter chart. */
  values: RangeRef;
  /** x values of a scatter series (the chart's categories are ignored by scatter charts). */
  xValues?: RangeRef;
  /** Plot on the secondary value axis (Pareto cumulative %). */
  secondaryAxis?: boolean;
  /**
   * Series type when it differs from the chart's: a line over columns, or, in a scatter chart, `line` = a
   * straight line through the points without markers (a threshold line) instead of markers only.
   */
  type?: 'line';
  /** Fill colour, `#RRGGBB`. */
  color?: string;
  /** Drawn with no fill and no line: the invisible padding that centres a stacked pyramid bar. */
  noFill?: boolean;
  /** Label each point with its value in this format (inside the bar's end); no labels when absent. */
  dataLabels?: NumberFormatKey;
}

/** Value axis settings beyond its number format. */
export interface ValueAxisSpec {
  /** Fixed minimum and maximum (a centred pyramid needs a fixed maximum). */
  min?: number;
  max?: number;
  /** Hide the axis and its gridlines (a pyramid's padding makes its scale meaningless). */
  hidden?: boolean;
  /** Axis title. */
  title?: string;
  /** Logarithmic scale, base 10 (skewed amounts in a scatter chart). */
  logarithmic?: boolean;
}

/** A native chart to draw on a summary sheet. */
export interface ChartSpec {
  /** `bar` = horizontal bars, `column` = vertical columns, `scatter` = points on two value axes. */
  type: 'bar' | 'column' | 'scatter';
  /** Bars side by side (default) or stacked end to end (a centred pyramid: padding + bar). */
  grouping?: 'clustered' | 'stacked';
  /** Gap between bars as a percentage of a bar's width (DrawingML gapWidth); default 60. */
  gapWidth?: number;
  title: string;
  categories: RangeRef;
  series: ChartSeriesSpec[];
  /** Top-left cell (0-based) and size in cells. */
  anchor: { row: number; column: number; widthColumns: number; heightRows: number };
  /** Reverse the category axis (a pyramid drawn with tier 1 on top). */
  reverseCategories?: boolean;
  /** Value-axis number format (the y axis of a scatter chart). */
  valueFormat?: NumberFormatKey;
  /** Value axis (the y axis of a scatter chart). */
  valueAxis?: ValueAxisSpec;
  /** Number format of the secondary value axis (a Pareto chart's cumulative share). */
  secondaryValueFormat?: NumberFormatKey;
  /** The x axis of a scatter chart, with its number format. */
  xAxis?: ValueAxisSpec & { format?: NumberFormatKey };
  /** Show the legend (default: when there is more than one series). */
  legend?: boolean;
}

/** A three-colour scale over a range (the RFM heat map). */
export interface ColorScaleSpec {
  range: RangeRef;
  minColor: string;
  midColor: string;
  maxColor: string;
}

/** Summary sheets, by stable key (names are localised). */
export type SummaryKey =
  'pyramid' | 'svcd' | 'abc' | 'rfm' | 'visitPlan' | 'dataIssues' | 'valueOutlook' | 'movement' | 'loyalty';

/** A summary sheet as data. `cells[r][c]` is the cell at row r, column c (0-based from A1). */
export interface SheetSpec {
  /** A `SummaryKey`, or the key of a sheet a later method contributes (`SummarySheet.key`). */
  key: string;
  name: string;
  cells: CellSpec[][];
  /** Column widths in characters. */
  columnWidths: number[];
  /** Rows frozen at the top (a header), 0 for none. */
  frozenRows: number;
  charts: ChartSpec[];
  colorScales: ColorScaleSpec[];
  /** Row heights in points by 0-based row (rows with wrapped text), so wrapped text never overlaps. */
  rowHeights?: Record<number, number>;
  /**
   * Page setup: the sheet prints one page wide (fit to width, any number of pages tall) on A4, landscape
   * for wide tables; `breaksBefore` are 0-based rows that start a new page (manual page breaks), placed
   * before charts so a chart never splits across two pages.
   */
  print?: {
    landscape: boolean;
    breaksBefore: number[];
    /** Print only rows up to this 0-based row (the charts' data below it is for the charts, not for reading). */
    lastRow?: number;
  };
}

/** One column written to the customers table: a header and one value per customer row. */
export interface ColumnSpec {
  key: string;
  header: string;
  format: NumberFormatKey;
  /** One value per data row of the customers table (or of the new customers sheet). */
  values: OutputValue[];
}
