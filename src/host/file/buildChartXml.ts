import { excelNumberFormat } from '../../engine/sheetSpec';
import type { CellSpec, ChartSeriesSpec, ChartSpec, RangeRef, ValueAxisSpec } from '../../engine/sheetSpec';
import { xmlText } from './xmlText';
import { columnLetters } from './columnLetters';

const defaultColors = ['4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47'];

/** `'My sheet'!$A$2:$A$6`: an absolute reference to a range of a sheet, the name quoted. */
export function rangeFormula(sheetName: string, range: RangeRef): string {
  const cell = (row: number, column: number): string => `$${columnLetters(column)}$${row + 1}`;
  return `'${sheetName.replace(/'/gu, "''")}'!${cell(range.firstRow, range.firstColumn)}:${cell(range.lastRow, range.lastColumn)}`;
}

function rangeValues(cells: readonly (readonly CellSpec[])[], range: RangeRef): (string | number | null)[] {
  const values: (string | number | null)[] = [];
  for (let row = range.firstRow; row <= range.lastRow; row++) {
    for (let column = range.firstColumn; column <= range.lastColumn; column++) {
      values.push(cells[row]?.[column]?.value ?? null);
    }
  }
  return values;
}

function categoryXml(sheetName: string, cells: readonly (readonly CellSpec[])[], range: RangeRef): string {
  const values = rangeValues(cells, range);
  const numeric = values.every((value) => typeof value === 'number' || value === null);
  const points = values
    .map((value, index) =>
      value === null ? '' : `<c:pt idx="${index}"><c:v>${xmlText(String(value))}</c:v></c:pt>`,
    )
    .join('');
  const formula = xmlText(rangeFormula(sheetName, range));
  return numeric
    ? `<c:cat><c:numRef><c:f>${formula}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache></c:numRef></c:cat>`
    : `<c:cat><c:strRef><c:f>${formula}</c:f><c:strCache><c:ptCount val="${values.length}"/>${points}</c:strCache></c:strRef></c:cat>`;
}

function numberXml(
  tag: 'val' | 'xVal' | 'yVal',
  sheetName: string,
  cells: readonly (readonly CellSpec[])[],
  range: RangeRef,
): string {
  const values = rangeValues(cells, range);
  const points = values
    .map((value, index) =>
      typeof value === 'number' ? `<c:pt idx="${index}"><c:v>${value}</c:v></c:pt>` : '',
    )
    .join('');
  return `<c:${tag}><c:numRef><c:f>${xmlText(rangeFormula(sheetName, range))}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache></c:numRef></c:${tag}>`;
}

function colorOf(series: ChartSeriesSpec, index: number): string {
  const color = series.color?.replace(/^#/u, '').toUpperCase();
  return color !== undefined && /^[0-9A-F]{6}$/u.test(color)
    ? color
    : (defaultColors[index % defaultColors.length] ?? '4472C4');
}

const noFillXml = '<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>';

function textPropertiesXml(size: number, bold: boolean, color: string | null): string {
  const fill = color === null ? '' : `<a:solidFill><a:srgbClr val="${color}"/></a:solidFill>`;
  return `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}">${fill}</a:defRPr></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>`;
}

/** Whether white text reads better than dark text on a fill (by its perceived brightness). */
function isDark(color: string): boolean {
  const [r, g, b] = [0, 2, 4].map((at) => parseInt(color.slice(at, at + 2), 16));
  return 0.299 * (r ?? 0) + 0.587 * (g ?? 0) + 0.114 * (b ?? 0) < 150;
}

/** Value labels on a series' points: inside the centre of a stacked bar, else outside its end. */
function dataLabelsXml(series: ChartSeriesSpec, stacked: boolean, color: string): string {
  if (series.dataLabels === undefined) return '';
  return (
    `<c:dLbls><c:numFmt formatCode="${xmlText(excelNumberFormat(series.dataLabels))}" sourceLinked="0"/>` +
    `<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>${textPropertiesXml(1000, true, stacked && isDark(color) ? 'FFFFFF' : '262626')}` +
    `<c:dLblPos val="${stacked ? 'ctr' : 'outEnd'}"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/>` +
    '<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>'
  );
}

function seriesXml(
  series: ChartSeriesSpec,
  index: number,
  chart: ChartSpec,
  sheetName: string,
  cells: readonly (readonly CellSpec[])[],
): string {
  const color = colorOf(series, index);
  const head = `<c:idx val="${index}"/><c:order val="${index}"/><c:tx><c:v>${xmlText(series.name)}</c:v></c:tx>`;
  if (chart.type === 'scatter') {
    const points =
      numberXml('xVal', sheetName, cells, series.xValues ?? chart.categories) +
      numberXml('yVal', sheetName, cells, series.values);
    if (series.type === 'line') {
      return `<c:ser>${head}<c:spPr><a:ln w="22225"><a:solidFill><a:srgbClr val="${color}"/></a:solidFill><a:prstDash val="dash"/></a:ln></c:spPr><c:marker><c:symbol val="none"/></c:marker>${points}<c:smooth val="0"/></c:ser>`;
    }
    return `<c:ser>${head}<c:spPr><a:ln w="19050"><a:noFill/></a:ln></c:spPr><c:marker><c:symbol val="circle"/><c:size val="5"/><c:spPr><a:solidFill><a:srgbClr val="${color}"><a:alpha val="70000"/></a:srgbClr></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr></c:marker>${points}<c:smooth val="0"/></c:ser>`;
  }
  const data =
    categoryXml(sheetName, cells, chart.categories) + numberXml('val', sheetName, cells, series.values);
  if (series.type === 'line') {
    return `<c:ser>${head}<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="${color}"/></a:solidFill><a:round/></a:ln></c:spPr><c:marker><c:symbol val="circle"/><c:size val="5"/><c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr></c:marker>${dataLabelsXml(series, false, color)}${data}<c:smooth val="0"/></c:ser>`;
  }
  const fill =
    series.noFill === true
      ? noFillXml
      : `<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr>`;
  return `<c:ser>${head}${fill}<c:invertIfNegative val="0"/>${dataLabelsXml(series, chart.grouping === 'stacked', color)}${data}</c:ser>`;
}

interface AxisOptions {
  id: number;
  crossId: number;
  position: 'l' | 'r' | 't' | 'b';
  reversed: boolean;
  deleted: boolean;
  /** Where the perpendicular axis crosses this one. */
  crosses: 'autoZero' | 'max';
}

function categoryAxisXml(axis: AxisOptions): string {
  return (
    `<c:catAx><c:axId val="${axis.id}"/><c:scaling><c:orientation val="${axis.reversed ? 'maxMin' : 'minMax'}"/></c:scaling>` +
    `<c:delete val="${axis.deleted ? 1 : 0}"/><c:axPos val="${axis.position}"/><c:numFmt formatCode="General" sourceLinked="1"/>` +
    `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/><c:crossAx val="${axis.crossId}"/>` +
    `<c:crosses val="${axis.crosses}"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`
  );
}

function axisTitleXml(title: string | undefined): string {
  if (title === undefined || title === '') return '';
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1000" b="0"/></a:pPr>` +
    `<a:r><a:rPr lang="en-US" sz="1000" b="0"/><a:t>${xmlText(title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`
  );
}

function valueAxisXml(
  axis: AxisOptions,
  formatCode: string | null,
  gridlines: boolean,
  options: ValueAxisSpec = {},
  crossBetween: 'between' | 'midCat' = 'between',
): string {
  const numFmt =
    formatCode === null
      ? '<c:numFmt formatCode="General" sourceLinked="1"/>'
      : `<c:numFmt formatCode="${xmlText(formatCode)}" sourceLinked="0"/>`;
  const hidden = options.hidden === true;
  const scaling =
    (options.logarithmic === true ? '<c:logBase val="10"/>' : '') +
    '<c:orientation val="minMax"/>' +
    (options.max === undefined ? '' : `<c:max val="${options.max}"/>`) +
    (options.min === undefined ? '' : `<c:min val="${options.min}"/>`);
  return (
    `<c:valAx><c:axId val="${axis.id}"/><c:scaling>${scaling}</c:scaling>` +
    `<c:delete val="${axis.deleted || hidden ? 1 : 0}"/><c:axPos val="${axis.position}"/>${gridlines && !hidden ? '<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>' : ''}` +
    `${axisTitleXml(options.title)}${numFmt}` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="${hidden ? 'none' : 'nextTo'}"/><c:crossAx val="${axis.crossId}"/>` +
    `<c:crosses val="${axis.crosses}"/><c:crossBetween val="${crossBetween}"/></c:valAx>`
  );
}

function scatterPlotXml(
  chart: ChartSpec,
  sheetName: string,
  cells: readonly (readonly CellSpec[])[],
): string {
  const ids = [50110, 50120] as const;
  const series = chart.series.map((s, index) => seriesXml(s, index, chart, sheetName, cells)).join('');
  const xFormat = chart.xAxis?.format === undefined ? null : excelNumberFormat(chart.xAxis.format);
  const yFormat = chart.valueFormat === undefined ? null : excelNumberFormat(chart.valueFormat);
  return (
    `<c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>${series}` +
    `<c:axId val="${ids[0]}"/><c:axId val="${ids[1]}"/></c:scatterChart>` +
    valueAxisXml(
      { id: ids[0], crossId: ids[1], position: 'b', reversed: false, deleted: false, crosses: 'autoZero' },
      xFormat,
      false,
      chart.xAxis,
      'midCat',
    ) +
    valueAxisXml(
      { id: ids[1], crossId: ids[0], position: 'l', reversed: false, deleted: false, crosses: 'autoZero' },
      yFormat,
      true,
      chart.valueAxis,
      'midCat',
    )
  );
}

/**
 * Builds the DrawingML part (`xl/charts/chartN.xml`) of one native chart: clustered or stacked bars or
 * columns, optionally with line series on a secondary value axis (a Pareto chart), or a scatter chart
 * (markers, and dashed lines for threshold series) on two value axes, linear or logarithmic. Series
 * colours or no fill at all (the padding that centres a stacked pyramid bar: stacked bars overlap 100 %),
 * value labels, a title, a reversed category axis (a pyramid with tier 1 on top), value-axis bounds,
 * titles and number formats. Series point at the sheet's cells and carry a cache of their values, so the
 * chart shows before any recalculation.
 *
 * @param sheetName Name of the sheet the ranges refer to.
 * @param cells The sheet's cells, for the caches.
 */
export function buildChartXml(
  chart: ChartSpec,
  sheetName: string,
  cells: readonly (readonly CellSpec[])[],
): string {
  if (chart.type === 'scatter') return chartSpaceXml(chart, scatterPlotXml(chart, sheetName, cells));
  const barDirection = chart.type === 'bar' ? 'bar' : 'col';
  const stacked = chart.grouping === 'stacked';
  const reversed = chart.reverseCategories === true;
  const indexed = chart.series.map((series, index) => ({ series, index }));
  // A secondary axis only makes sense beside a primary one: with no primary series, all go on the primary.
  const hasSecondary =
    indexed.some(({ series }) => series.secondaryAxis === true) &&
    indexed.some(({ series }) => series.secondaryAxis !== true);
  const group = (line: boolean, secondary: boolean): typeof indexed =>
    indexed.filter(
      ({ series }) =>
        (series.type === 'line') === line && (series.secondaryAxis === true && hasSecondary) === secondary,
    );
  const renderSeries = (list: typeof indexed): string =>
    list.map(({ series, index }) => seriesXml(series, index, chart, sheetName, cells)).join('');
  const barGroup = (list: typeof indexed, axisIds: readonly [number, number]): string =>
    list.length === 0
      ? ''
      : `<c:barChart><c:barDir val="${barDirection}"/><c:grouping val="${stacked ? 'stacked' : 'clustered'}"/><c:varyColors val="0"/>${renderSeries(list)}` +
        `<c:gapWidth val="${chart.gapWidth ?? 60}"/>${stacked ? '<c:overlap val="100"/>' : ''}<c:axId val="${axisIds[0]}"/><c:axId val="${axisIds[1]}"/></c:barChart>`;
  const lineGroup = (list: typeof indexed, axisIds: readonly [number, number]): string =>
    list.length === 0
      ? ''
      : `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${renderSeries(list)}` +
        `<c:marker val="1"/><c:axId val="${axisIds[0]}"/><c:axId val="${axisIds[1]}"/></c:lineChart>`;
  const primaryIds = [50010, 50020] as const;
  const secondaryIds = [50030, 50040] as const;
  const categoryPosition = barDirection === 'bar' ? 'l' : 'b';
  const valuePosition = barDirection === 'bar' ? 'b' : 'l';
  const formatCode = chart.valueFormat === undefined ? null : excelNumberFormat(chart.valueFormat);
  // With categories reversed, the value axis would jump to the far side; crossing at "max" keeps it put.
  const valueCrosses = reversed ? 'max' : 'autoZero';
  let plot = barGroup(group(false, false), primaryIds) + lineGroup(group(true, false), primaryIds);
  if (hasSecondary)
    plot += barGroup(group(false, true), secondaryIds) + lineGroup(group(true, true), secondaryIds);
  plot += categoryAxisXml({
    id: primaryIds[0],
    crossId: primaryIds[1],
    position: categoryPosition,
    reversed,
    deleted: false,
    crosses: 'autoZero',
  });
  plot += valueAxisXml(
    {
      id: primaryIds[1],
      crossId: primaryIds[0],
      position: valuePosition,
      reversed: false,
      deleted: false,
      crosses: valueCrosses,
    },
    formatCode,
    true,
    chart.valueAxis,
  );
  if (hasSecondary) {
    plot += categoryAxisXml({
      id: secondaryIds[0],
      crossId: secondaryIds[1],
      position: categoryPosition,
      reversed,
      deleted: true,
      crosses: 'autoZero',
    });
    plot += valueAxisXml(
      {
        id: secondaryIds[1],
        crossId: secondaryIds[0],
        position: barDirection === 'bar' ? 't' : 'r',
        reversed: false,
        deleted: false,
        crosses: reversed ? 'autoZero' : 'max',
      },
      chart.secondaryValueFormat === undefined ? null : excelNumberFormat(chart.secondaryValueFormat),
      false,
    );
  }
  return chartSpaceXml(chart, plot);
}

function chartSpaceXml(chart: ChartSpec, plot: string): string {
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1300" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="en-US" sz="1300" b="1"/><a:t>${xmlText(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  const legend =
    (chart.legend ?? chart.series.length > 1)
      ? '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>'
      : '';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ' +
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<c:roundedCorners val="0"/><c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}</c:plotArea>` +
    `${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}
