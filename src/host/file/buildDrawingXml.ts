import type { ChartSpec } from '../../engine/sheetSpec';
import { xmlText } from './xmlText';

/**
 * Builds a sheet drawing part (`xl/drawings/drawingN.xml`) holding one graphic frame per chart, each
 * anchored from its top-left cell over `widthColumns` × `heightRows` cells (moves and sizes with cells).
 *
 * @param charts The charts, each with the relationship id (in the drawing's rels) of its chart part.
 */
export function buildDrawingXml(charts: readonly { chart: ChartSpec; relationshipId: string }[]): string {
  const anchors = charts
    .map(({ chart, relationshipId }, index) => {
      const { row, column, widthColumns, heightRows } = chart.anchor;
      const marker = (tag: string, r: number, c: number): string =>
        `<xdr:${tag}><xdr:col>${c}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
      return (
        `<xdr:twoCellAnchor>${marker('from', row, column)}${marker('to', row + Math.max(1, heightRows), column + Math.max(1, widthColumns))}` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="${xmlText(`Chart ${index + 1}`)}" descr="${xmlText(chart.title)}"/>` +
        '<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
        '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ' +
        `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${relationshipId}"/>` +
        '</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
      );
    })
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ' +
    `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">${anchors}</xdr:wsDr>`
  );
}
