import JSZip from 'jszip';
import type { CellSpec, ChartSpec } from '../../engine/sheetSpec';
import type { PackagePart } from './appendSheetRows';
import { buildChartXml } from './buildChartXml';
import { buildDrawingXml } from './buildDrawingXml';
import { xmlAttributes } from './xmlAttributes';

/** The charts of one sheet, with the sheet's cells (for the charts' value caches). */
export interface SheetCharts {
  sheetName: string;
  charts: readonly ChartSpec[];
  cells: readonly (readonly CellSpec[])[];
}

const relationshipTypes = {
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
};
const contentTypes = {
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
};
const relationshipsNamespace = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const packageRelationshipsNamespace = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Elements that follow `<drawing>` in a worksheet, in schema order: the drawing goes before the first. */
const elementsAfterDrawing = [
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

function relationshipsOf(xml: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const match of xml.matchAll(/<Relationship\b[^>]*>/gu)) {
    const attributes = xmlAttributes(match[0]);
    const id = attributes.get('Id');
    const target = attributes.get('Target');
    if (id !== undefined && target !== undefined) targets.set(id, target);
  }
  return targets;
}

/** Resolves a relationship target against the folder of the part that holds the relationship. */
function resolvePart(folder: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = folder === '' ? [] : folder.split('/');
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.') parts.push(piece);
  }
  return parts.join('/');
}

async function readText(zip: JSZip, path: string): Promise<string | null> {
  const file = zip.file(path);
  return file === null ? null : file.async('string');
}

function nextNumber(zip: JSZip, pattern: RegExp): number {
  let highest = 0;
  zip.forEach((path) => {
    const match = pattern.exec(path);
    if (match !== null) highest = Math.max(highest, Number(match[1]));
  });
  return highest + 1;
}

function nextRelationshipId(relationshipsXml: string): string {
  let highest = 0;
  for (const match of relationshipsXml.matchAll(/\bId="rId(\d+)"/gu))
    highest = Math.max(highest, Number(match[1]));
  return `rId${highest + 1}`;
}

function addOverride(contentTypesXml: string, partName: string, contentType: string): string {
  if (contentTypesXml.includes(`PartName="${partName}"`)) return contentTypesXml;
  return contentTypesXml.replace(
    '</Types>',
    `<Override PartName="${partName}" ContentType="${contentType}"/></Types>`,
  );
}

function insertDrawingElement(sheetXml: string, relationshipId: string): string {
  const root = /<worksheet\b[^>]*>/u.exec(sheetXml);
  if (root === null) throw new Error('The written sheet has no <worksheet> element.');
  let xml = sheetXml;
  if (!/\sxmlns:r=/u.test(root[0])) {
    xml = xml.replace(
      root[0],
      root[0].replace(/^<worksheet/u, `<worksheet xmlns:r="${relationshipsNamespace}"`),
    );
  }
  let at = xml.lastIndexOf('</worksheet>');
  for (const name of elementsAfterDrawing) {
    const match = new RegExp(`<${name}[\\s/>]`, 'u').exec(xml);
    if (match !== null && match.index < at) at = match.index;
  }
  if (at < 0) throw new Error('The written sheet has no closing </worksheet> tag.');
  return `${xml.slice(0, at)}<drawing r:id="${relationshipId}"/>${xml.slice(at)}`;
}

/**
 * The worksheet part of each sheet of a package, by sheet name (through the workbook's relationships).
 *
 * @throws Error when the package lacks its workbook part or relationships.
 */
export async function sheetPartsByName(zip: JSZip): Promise<Map<string, string>> {
  const workbookXml = await readText(zip, 'xl/workbook.xml');
  const workbookRelationships = await readText(zip, 'xl/_rels/workbook.xml.rels');
  if (workbookXml === null || workbookRelationships === null) {
    throw new Error('The written file is not a complete .xlsx package.');
  }
  const sheetTargets = relationshipsOf(workbookRelationships);
  const sheetPaths = new Map<string, string>();
  for (const match of workbookXml.matchAll(/<sheet\b[^>]*>/gu)) {
    const attributes = xmlAttributes(match[0]);
    const target = sheetTargets.get(attributes.get('r:id') ?? '');
    const name = attributes.get('name');
    if (name !== undefined && target !== undefined) sheetPaths.set(name, resolvePart('xl', target));
  }
  return sheetPaths;
}

/**
 * Adds native Excel charts to an .xlsx file that a library without chart support wrote; see
 * {@link addChartsToPackage}.
 *
 * @param bytes The .xlsx file (a zip package).
 * @param sheets Charts by sheet name; sheets without charts are left alone.
 * @returns The new package's bytes; the input array is not modified.
 */
export async function addChartsToXlsx(
  bytes: Uint8Array,
  sheets: readonly SheetCharts[],
): Promise<Uint8Array> {
  if (sheets.every((sheet) => sheet.charts.length === 0)) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  await addChartsToPackage(zip, sheets);
  return packageBytes(zip);
}

/**
 * The bytes of a package changed in memory, compressed as Excel does; `parts` (path → bytes) replace or
 * add parts first, at the fastest level (large sheets written by `appendRowsToPackage`).
 *
 * @throws Error for a part deflated ahead (`deflatingSink`, which only goes with Node's `packZipNative`).
 */
export function packageBytes(
  zip: JSZip,
  parts: ReadonlyMap<string, PackagePart> = new Map(),
): Promise<Uint8Array> {
  for (const [path, bytes] of parts) {
    if (!(bytes instanceof Uint8Array)) throw new Error(`The part ${path} was deflated for another packer.`);
    zip.file(path, bytes, { compression: 'DEFLATE', compressionOptions: { level: 1 } });
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/**
 * Adds native Excel charts to an opened .xlsx package: for each sheet, a drawing part with one graphic
 * frame per chart, a chart part per chart, the sheet → drawing → chart relationships and the content types.
 * Sheets are found by name through the workbook's relationships.
 *
 * @param sheets Charts by sheet name; sheets without charts are left alone.
 * @throws Error when a named sheet does not exist or already has a drawing (pictures) of its own.
 */
export async function addChartsToPackage(zip: JSZip, sheets: readonly SheetCharts[]): Promise<void> {
  const withCharts = sheets.filter((sheet) => sheet.charts.length > 0);
  if (withCharts.length === 0) return;
  let contentTypesXml = await readText(zip, '[Content_Types].xml');
  if (contentTypesXml === null) throw new Error('The written file is not a complete .xlsx package.');
  const sheetPaths = await sheetPartsByName(zip);
  let drawingNumber = nextNumber(zip, /^xl\/drawings\/drawing(\d+)\.xml$/u);
  let chartNumber = nextNumber(zip, /^xl\/charts\/chart(\d+)\.xml$/u);
  for (const sheet of withCharts) {
    const sheetPath = sheetPaths.get(sheet.sheetName);
    if (sheetPath === undefined)
      throw new Error(`Charts were asked for on a sheet that was not written: "${sheet.sheetName}".`);
    const sheetXml = await readText(zip, sheetPath);
    if (sheetXml === null) throw new Error(`The sheet part ${sheetPath} is missing.`);
    if (/<drawing[\s/>]/u.test(sheetXml))
      throw new Error(`The sheet "${sheet.sheetName}" already has a drawing.`);
    const slash = sheetPath.lastIndexOf('/');
    const sheetRelationshipsPath = `${sheetPath.slice(0, slash)}/_rels/${sheetPath.slice(slash + 1)}.rels`;
    const sheetRelationships =
      (await readText(zip, sheetRelationshipsPath)) ??
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${packageRelationshipsNamespace}"></Relationships>`;
    const drawingRelationshipId = nextRelationshipId(sheetRelationships);
    const drawingPath = `xl/drawings/drawing${drawingNumber}.xml`;
    zip.file(
      sheetRelationshipsPath,
      sheetRelationships.replace(
        '</Relationships>',
        `<Relationship Id="${drawingRelationshipId}" Type="${relationshipTypes.drawing}" Target="../drawings/drawing${drawingNumber}.xml"/></Relationships>`,
      ),
    );
    zip.file(sheetPath, insertDrawingElement(sheetXml, drawingRelationshipId));
    const drawingCharts: { chart: ChartSpec; relationshipId: string }[] = [];
    let drawingRelationships = '';
    sheet.charts.forEach((chart, index) => {
      const relationshipId = `rId${index + 1}`;
      drawingCharts.push({ chart, relationshipId });
      drawingRelationships += `<Relationship Id="${relationshipId}" Type="${relationshipTypes.chart}" Target="../charts/chart${chartNumber}.xml"/>`;
      zip.file(`xl/charts/chart${chartNumber}.xml`, buildChartXml(chart, sheet.sheetName, sheet.cells));
      contentTypesXml = addOverride(
        contentTypesXml ?? '',
        `/xl/charts/chart${chartNumber}.xml`,
        contentTypes.chart,
      );
      chartNumber++;
    });
    zip.file(drawingPath, buildDrawingXml(drawingCharts));
    zip.file(
      `xl/drawings/_rels/drawing${drawingNumber}.xml.rels`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${packageRelationshipsNamespace}">${drawingRelationships}</Relationships>`,
    );
    contentTypesXml = addOverride(contentTypesXml, `/${drawingPath}`, contentTypes.drawing);
    drawingNumber++;
  }
  zip.file('[Content_Types].xml', contentTypesXml);
}
