import { excelNumberFormat, type CellSpec, type RangeRef, type SheetSpec } from '../../engine/sheetSpec';
import { BatchBudget } from './BatchBudget';
import { excelFormat } from './excelFormat';
import { cellValue } from '../cellValue';
import { jsonSize } from './jsonSize';
import { writeGrids, type GridWriteOptions } from './writeGrids';

/** Points per character of column width (Calibri 11: 7 pixels a character plus padding, 0.75 pt a pixel). */
function widthPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

const plain = (cell: CellSpec): boolean =>
  cell.bold !== true &&
  cell.fill === undefined &&
  cell.size === undefined &&
  cell.wrap !== true &&
  cell.center !== true;

/** A cell's style as JSON (its size counts in a request), or `''` for an unstyled cell. */
function styleKey(cell: CellSpec): string {
  if (plain(cell)) return '';
  return JSON.stringify([
    cell.bold === true,
    cell.fill ?? null,
    cell.size ?? null,
    cell.wrap === true,
    cell.center === true,
  ]);
}

/**
 * Equal for cells of the same {@link styleKey}, and cheaper to make (it is made for every cell of a sheet):
 * the three flags, the size, then the fill (last, so any text it holds cannot run into another field).
 */
function styleId(cell: CellSpec): string {
  if (plain(cell)) return '';
  const flags = (cell.bold === true ? 4 : 0) + (cell.wrap === true ? 2 : 0) + (cell.center === true ? 1 : 0);
  return `${flags}${cell.size === undefined ? '' : cell.size}|${cell.fill === undefined ? '' : `#${cell.fill}`}`;
}

/** Cells of one style (rows `row0`–`row1`, columns `col0`–`col1`, inclusive) and its {@link styleKey}. */
interface StyledBlock {
  row0: number;
  row1: number;
  col0: number;
  col1: number;
  key: string;
}

/**
 * The styled cells of a sheet as few rectangles as runs allow: the runs of equal style in each row, each
 * stacked onto the same run (same columns, same style) of the row above. A long table whose rows repeat
 * their styles (a centred column, a wrapped one) takes one format command per column run, not one per
 * row. The blocks never overlap, so their order does not matter; they come in the order they start.
 * Rows are added in order, a range at a time (`add`), so a long sheet's are found while its cells are
 * being written.
 */
function styledBlocks(
  columns: number,
  cell: (r: number, c: number) => CellSpec,
): { blocks: StyledBlock[]; add(from: number, to: number): void } {
  const blocks: StyledBlock[] = [];
  let above = new Map<string, StyledBlock>();
  const add = (from: number, to: number): void => {
    for (let r = from; r < to; r++) {
      const here = new Map<string, StyledBlock>();
      let c = 0;
      while (c < columns) {
        const id = styleId(cell(r, c));
        let end = c + 1;
        while (end < columns && styleId(cell(r, end)) === id) end++;
        if (id !== '') {
          const run = `${c} ${end} ${id}`;
          let block = above.get(run);
          if (block === undefined) {
            block = { row0: r, row1: r, col0: c, col1: end - 1, key: styleKey(cell(r, c)) };
            blocks.push(block);
          } else block.row1 = r;
          here.set(run, block);
        }
        c = end;
      }
      above = here;
    }
  };
  return { blocks, add };
}

/**
 * Renders a summary sheet spec into an empty worksheet: cells (chunked, text kept as text, dates in the
 * workbook's date system), fonts, fills, wrapping and centring by runs of equal style, column widths, frozen header rows,
 * colour scales and native charts (clustered or stacked bars or columns, a series maybe a line on the
 * secondary axis as in a Pareto chart, or without fill as the padding of a centred pyramid; scatter charts
 * with threshold lines). Syncs as the byte budget requires; the last commands may stay queued for the
 * caller's next sync.
 */
export async function renderSheet(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  spec: SheetSpec,
  date1904: boolean,
  options: GridWriteOptions,
): Promise<void> {
  const columns = spec.cells.reduce((max, row) => Math.max(max, row.length), 1);
  const cell = (r: number, c: number): CellSpec => spec.cells[r]?.[c] ?? { value: null };
  // The styles of each chunk's rows are found once its request is sent and its progress reported, while the
  // next chunk is being made: not all after the last chunk, which would hold the progress back.
  const styles = styledBlocks(columns, cell);
  let styled = 0;
  const onRows = (rows: number): void => {
    options.onRows?.(rows);
    styles.add(styled, styled + rows);
    styled += rows;
  };
  await writeGrids(
    context,
    [
      {
        sheet,
        row0: 0,
        col0: 0,
        rows: spec.cells.length,
        columns,
        value: (r, c) => cellValue(cell(r, c).value, cell(r, c).format, date1904) ?? '',
        format: (r, c) => excelFormat(cell(r, c).value, cell(r, c).format),
        columnFormats: Array.from({ length: columns }, () => null),
      },
    ],
    { ...options, onRows },
  );
  styles.add(styled, spec.cells.length);
  const budget = new BatchBudget(context, options.budgetBytes, options.beforeSync);
  const range = (ref: RangeRef): Excel.Range =>
    sheet.getRangeByIndexes(
      ref.firstRow,
      ref.firstColumn,
      ref.lastRow - ref.firstRow + 1,
      ref.lastColumn - ref.firstColumn + 1,
    );
  for (const block of styles.blocks) {
    const style = cell(block.row0, block.col0);
    await budget.reserve(jsonSize(block.key) + 200);
    const format = sheet.getRangeByIndexes(
      block.row0,
      block.col0,
      block.row1 - block.row0 + 1,
      block.col1 - block.col0 + 1,
    ).format;
    if (style.bold === true) format.font.bold = true;
    if (style.size !== undefined) format.font.size = style.size;
    if (style.fill !== undefined) format.fill.color = style.fill;
    if (style.wrap === true) format.wrapText = true;
    if (style.center === true) format.horizontalAlignment = 'Center';
  }
  for (const [c, characters] of spec.columnWidths.entries()) {
    sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = widthPoints(characters);
  }
  if (spec.frozenRows > 0) sheet.freezePanes.freezeRows(spec.frozenRows);
  if (spec.print !== undefined) {
    // As the file host writes it: A4, one page wide and as many tall as needed, charts on pages of their
    // own, the charts' data rows left out of the print area (PageLayout is ExcelApi 1.9, the manifest's own).
    const layout = sheet.pageLayout;
    layout.orientation = spec.print.landscape ? 'Landscape' : 'Portrait';
    layout.paperSize = 'A4';
    layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    if (spec.print.lastRow !== undefined) {
      const lastColumn = Math.max(spec.columnWidths.length, columns);
      layout.setPrintArea(sheet.getRangeByIndexes(0, 0, spec.print.lastRow + 1, lastColumn));
    }
    for (const row of spec.print.breaksBefore)
      if (row > 0) sheet.horizontalPageBreaks.add(sheet.getRangeByIndexes(row, 0, 1, 1));
  }
  for (const scale of spec.colorScales) {
    const conditional = range(scale.range).conditionalFormats.add('ColorScale');
    conditional.colorScale.criteria = {
      minimum: { type: 'LowestValue', color: scale.minColor },
      midpoint: { formula: '50', type: 'Percentile', color: scale.midColor },
      maximum: { type: 'HighestValue', color: scale.maxColor },
    };
  }
  for (const chartSpec of spec.charts) {
    const [first, ...rest] = chartSpec.series;
    if (first === undefined) continue;
    const categories = range(chartSpec.categories);
    const stacked = chartSpec.grouping === 'stacked';
    const chart = sheet.charts.add(chartTypeOf(chartSpec.type, stacked), range(first.values), 'Columns');
    chart.title.text = chartSpec.title;
    const series = [chart.series.getItemAt(0), ...rest.map((s) => chart.series.add(s.name))];
    chartSpec.series.forEach((s, i) => {
      const target = series[i];
      if (target === undefined) return;
      if (i === 0) target.name = s.name;
      else target.setValues(range(s.values));
      target.setXAxisValues(s.xValues === undefined ? categories : range(s.xValues));
      if (s.type === 'line')
        target.chartType = chartSpec.type === 'scatter' ? 'XYScatterLinesNoMarkers' : 'Line';
      if (s.secondaryAxis === true) target.axisGroup = 'Secondary';
      if (s.noFill === true) target.format.fill.clear();
      else if (s.color !== undefined && s.type !== 'line') target.format.fill.setSolidColor(s.color);
      if (chartSpec.gapWidth !== undefined && chartSpec.type !== 'scatter')
        target.gapWidth = chartSpec.gapWidth;
      if (stacked) target.overlap = 100;
      if (s.dataLabels !== undefined) {
        target.hasDataLabels = true;
        target.dataLabels.showValue = true;
        target.dataLabels.numberFormat = excelNumberFormat(s.dataLabels);
      }
    });
    const a = chartSpec.anchor;
    chart.setPosition(
      sheet.getRangeByIndexes(a.row, a.column, 1, 1),
      sheet.getRangeByIndexes(a.row + a.heightRows - 1, a.column + a.widthColumns - 1, 1, 1),
    );
    if (chartSpec.legend === false) chart.legend.visible = false;
    if (chartSpec.reverseCategories === true) chart.axes.categoryAxis.reversePlotOrder = true;
    const valueAxis = chart.axes.valueAxis;
    if (chartSpec.valueFormat !== undefined)
      valueAxis.numberFormat = excelNumberFormat(chartSpec.valueFormat);
    const bounds = chartSpec.valueAxis;
    if (bounds?.min !== undefined) valueAxis.minimum = bounds.min;
    if (bounds?.max !== undefined) valueAxis.maximum = bounds.max;
    if (bounds?.hidden === true) valueAxis.visible = false;
    if (bounds?.logarithmic === true) valueAxis.scaleType = 'Logarithmic';
    if (chartSpec.xAxis?.logarithmic === true) chart.axes.categoryAxis.scaleType = 'Logarithmic';
  }
}

/** The Excel chart type of a chart description. */
function chartTypeOf(
  type: 'bar' | 'column' | 'scatter',
  stacked: boolean,
): 'XYScatter' | 'BarStacked' | 'BarClustered' | 'ColumnStacked' | 'ColumnClustered' {
  if (type === 'scatter') return 'XYScatter';
  if (type === 'bar') return stacked ? 'BarStacked' : 'BarClustered';
  return stacked ? 'ColumnStacked' : 'ColumnClustered';
}
