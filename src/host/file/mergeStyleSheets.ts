import { PatchUnsupportedError } from './PatchUnsupportedError';

/** Where the styles of a second style sheet went in the merged one. */
export interface MergedStyles {
  /** The merged `styles.xml`: the first sheet's styles unchanged, the second's appended. */
  xml: string;
  /** Index in the merged `cellXfs` of the second sheet's cell format `index`. */
  cellFormat(index: number): number;
  /** Index in the merged `dxfs` of the second sheet's differential format `index`. */
  differentialFormat(index: number): number;
}

/** The sections of `styleSheet`, in schema order. */
const sectionOrder = [
  'numFmts',
  'fonts',
  'fills',
  'borders',
  'cellStyleXfs',
  'cellXfs',
  'cellStyles',
  'dxfs',
  'tableStyles',
  'colors',
  'extLst',
] as const;
type Section = (typeof sectionOrder)[number];

/** The element name of one item of each section that is merged. */
const itemOf: Partial<Record<Section, string>> = {
  numFmts: 'numFmt',
  fonts: 'font',
  fills: 'fill',
  borders: 'border',
  cellXfs: 'xf',
  dxfs: 'dxf',
};

/** The first custom number-format id (lower ids are Excel's built-in formats). */
const firstCustomFormat = 164;

interface Found {
  /** Where the whole section element starts and ends in the XML. */
  start: number;
  end: number;
  items: string[];
}

function sectionOf(xml: string, section: Section): Found | null {
  const match = new RegExp(`<${section}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${section}>)`, 'u').exec(xml);
  if (match === null) return null;
  const item = itemOf[section];
  const body = match[1] ?? '';
  const items =
    item === undefined
      ? []
      : [...body.matchAll(new RegExp(`<${item}\\b[^>]*?(?:/>|>[\\s\\S]*?</${item}>)`, 'gu'))].map(
          (m) => m[0],
        );
  return { start: match.index, end: match.index + match[0].length, items };
}

function attribute(tag: string, name: string): string | null {
  return new RegExp(`\\s${name}="([^"]*)"`, 'u').exec(tag)?.[1] ?? null;
}

/** `item` with integer attribute `name` mapped through `map` (left alone when absent). */
function mapAttribute(item: string, name: string, map: (value: number) => number): string {
  return item.replace(
    new RegExp(`(\\s${name}=")(\\d+)(")`, 'u'),
    (_, before: string, value: string, after: string) => `${before}${String(map(Number(value)))}${after}`,
  );
}

/**
 * Merges two `styles.xml` parts: every format of `first` keeps its index (so the `s=` of its sheets stay
 * valid), and the number formats, fonts, fills, borders, cell formats and differential formats of `second`
 * are appended after them, their references remapped (custom number formats get new ids, or the id of the
 * same format code in `first`; cell formats take `first`'s Normal style). The other sections of `first`
 * (cell styles, table styles, colours) are kept as they are.
 *
 * @throws PatchUnsupportedError when either sheet lacks a section the merge needs or writes its elements
 *   with a namespace prefix.
 * @example mergeStyleSheets(inputStylesXml, ourStylesXml).cellFormat(3); // → 3 + the input's count
 */
export function mergeStyleSheets(first: string, second: string): MergedStyles {
  const ours = new Map<Section, Found | null>();
  const theirs = new Map<Section, Found | null>();
  for (const section of sectionOrder) {
    ours.set(section, sectionOf(second, section));
    theirs.set(section, sectionOf(first, section));
  }
  for (const section of ['fonts', 'fills', 'borders', 'cellXfs'] as const) {
    if (theirs.get(section) === null || ours.get(section) === null)
      throw new PatchUnsupportedError(`a style sheet without <${section}>`);
  }
  const counts = (section: Section): number => theirs.get(section)?.items.length ?? 0;
  // Custom number formats: the same code keeps the first sheet's id, a new code gets the next free id.
  const formatIds = new Map<number, number>();
  const codes = new Map<string, number>();
  let nextFormat = firstCustomFormat;
  for (const item of theirs.get('numFmts')?.items ?? []) {
    const id = Number(attribute(item, 'numFmtId') ?? -1);
    const code = attribute(item, 'formatCode');
    if (code !== null) codes.set(code, id);
    nextFormat = Math.max(nextFormat, id + 1);
  }
  const addedFormats: string[] = [];
  for (const item of ours.get('numFmts')?.items ?? []) {
    const id = Number(attribute(item, 'numFmtId') ?? -1);
    const code = attribute(item, 'formatCode') ?? '';
    const existing = codes.get(code);
    if (existing !== undefined) {
      formatIds.set(id, existing);
      continue;
    }
    formatIds.set(id, nextFormat);
    codes.set(code, nextFormat);
    addedFormats.push(mapAttribute(item, 'numFmtId', () => nextFormat));
    nextFormat++;
  }
  const mapFormat = (id: number): number => (id < firstCustomFormat ? id : (formatIds.get(id) ?? id));
  const offsets = {
    fontId: counts('fonts'),
    fillId: counts('fills'),
    borderId: counts('borders'),
  };
  const cellFormatOffset = counts('cellXfs');
  const differentialOffset = counts('dxfs');
  const added = new Map<Section, string[]>();
  added.set('numFmts', addedFormats);
  added.set('fonts', ours.get('fonts')?.items ?? []);
  added.set('fills', ours.get('fills')?.items ?? []);
  added.set('borders', ours.get('borders')?.items ?? []);
  added.set(
    'cellXfs',
    (ours.get('cellXfs')?.items ?? []).map((xf) => {
      let mapped = mapAttribute(xf, 'numFmtId', mapFormat);
      for (const [name, offset] of Object.entries(offsets))
        mapped = mapAttribute(mapped, name, (id) => id + offset);
      return mapAttribute(mapped, 'xfId', () => 0);
    }),
  );
  added.set(
    'dxfs',
    (ours.get('dxfs')?.items ?? []).map((dxf) =>
      // A differential format's own number format carries its code; its id only has to be unique.
      dxf.replace(/<numFmt\b[^>]*\/>/gu, (tag) => mapAttribute(tag, 'numFmtId', mapFormat)),
    ),
  );
  // Rewrite from the last section to the first, so earlier positions stay valid.
  let xml = first;
  for (const section of [...sectionOrder].reverse()) {
    const items = added.get(section);
    if (items === undefined || items.length === 0) continue;
    const found = theirs.get(section) ?? null;
    const element = itemOf[section] ?? '';
    const all = [...(found?.items ?? []), ...items];
    const rebuilt = `<${section} count="${String(all.length)}">${all.join('')}</${section}>`;
    if (found !== null) {
      const open = /^<[^>]*?\/?>/u.exec(xml.slice(found.start, found.end))?.[0] ?? '';
      // Keep the section's other attributes (x14ac:knownFonts…), with the new count.
      const attributes = open
        .replace(/^<\S+/u, '')
        .replace(/\/?>$/u, '')
        .replace(/\scount="\d*"/u, '');
      xml = `${xml.slice(0, found.start)}<${section} count="${String(all.length)}"${attributes}>${all.join('')}</${section}>${xml.slice(found.end)}`;
      continue;
    }
    if (element === '') continue;
    // A section the first sheet lacks goes before the first later section it has, else at the end.
    const later = sectionOrder.slice(sectionOrder.indexOf(section) + 1);
    const before = later.map((s) => theirs.get(s)).find((f): f is Found => f !== null && f !== undefined);
    const at = before?.start ?? xml.lastIndexOf('</styleSheet>');
    if (at < 0) throw new PatchUnsupportedError('a style sheet without </styleSheet>');
    xml = `${xml.slice(0, at)}${rebuilt}${xml.slice(at)}`;
  }
  return {
    xml,
    cellFormat: (index) => index + cellFormatOffset,
    differentialFormat: (index) => index + differentialOffset,
  };
}
