import type JSZip from 'jszip';
import { appendRowsToPackage, type DeferredRows } from '../appendSheetRows';
import { mergeStyleSheets, type MergedStyles } from '../mergeStyleSheets';
import { PatchUnsupportedError } from '../PatchUnsupportedError';
import { xmlText } from '../xmlText';
import { deflatingSink } from './deflatingSink';
import { inflateEntry, readRawZip, writeRawZip, type RawZipEntry, type ZipPart } from './rawZip';
import { resolveTarget } from './resolveTarget';
import { xmlAttributes } from '../xmlAttributes';

const transitionalMain = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const relationshipsNamespace = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const worksheetType = `${relationshipsNamespace}/worksheet`;
const contentTypesPart = '[Content_Types].xml';

interface Relation {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** The whole `<Relationship …/>` tag. */
  tag: string;
}

function attributeOf(tag: string, name: string): string | null {
  return xmlAttributes(tag).get(name) ?? null;
}

function relationsOf(xml: string): Relation[] {
  return [...xml.matchAll(/<Relationship\b[^>]*>/gu)].map(([tag]) => ({
    id: attributeOf(tag, 'Id') ?? '',
    type: attributeOf(tag, 'Type') ?? '',
    target: attributeOf(tag, 'Target') ?? '',
    external: attributeOf(tag, 'TargetMode') === 'External',
    tag,
  }));
}

const folderOf = (part: string): string => part.slice(0, Math.max(0, part.lastIndexOf('/')));

/** The relationships part of a part ('' is the package itself). */
function relationshipsPathOf(part: string): string {
  if (part === '') return '_rels/.rels';
  const folder = folderOf(part);
  const name = part.slice(part.lastIndexOf('/') + 1);
  return folder === '' ? `_rels/${name}.rels` : `${folder}/_rels/${name}.rels`;
}

/** The target of `to` written relative to the folder `from`. */
function relativeTarget(from: string, to: string): string {
  const base = from === '' ? [] : from.split('/');
  const path = to.split('/');
  let common = 0;
  while (common < base.length && common < path.length - 1 && base[common] === path[common]) common++;
  return [...base.slice(common).map(() => '..'), ...path.slice(common)].join('/');
}

/**
 * Every part reachable from the package's root relationships (relationships parts included), not
 * following the relationships `skip` names.
 */
function reachableParts(
  text: (part: string) => string | null,
  skip: (source: string, target: string) => boolean = () => false,
  roots: readonly string[] = [''],
): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  for (let part = queue.shift(); part !== undefined; part = queue.shift()) {
    const relsPath = relationshipsPathOf(part);
    const rels = text(relsPath);
    if (rels === null) continue;
    seen.add(relsPath);
    for (const relation of relationsOf(rels)) {
      if (relation.external) continue;
      const target = resolveTarget(folderOf(part), relation.target);
      if (seen.has(target) || skip(part, target)) continue;
      seen.add(target);
      queue.push(target);
    }
  }
  return seen;
}

/** The `<sheet>` tags of a workbook part, in order. */
function sheetTagsOf(workbookXml: string): { tag: string; name: string; id: string }[] {
  const sheets = /<sheets\b[^>]*>([\s\S]*?)<\/sheets>/u.exec(workbookXml);
  if (sheets === null) throw new PatchUnsupportedError('a workbook part without <sheets>');
  return [...(sheets[1] ?? '').matchAll(/<sheet\b[^>]*?\/>/gu)].map(([tag]) => ({
    tag,
    name: attributeOf(tag, 'name') ?? '',
    id: attributeOf(tag, 'r:id') ?? '',
  }));
}

function definedNamesOf(workbookXml: string): string[] {
  const section = /<definedNames\b[^>]*>([\s\S]*?)<\/definedNames>/u.exec(workbookXml);
  return [...(section?.[1] ?? '').matchAll(/<definedName\b[^>]*?(?:\/>|>[\s\S]*?<\/definedName>)/gu)].map(
    ([tag]) => tag,
  );
}

function setAttribute(tag: string, name: string, value: string): string {
  const pattern = new RegExp(`(\\s${name}=")[^"]*(")`, 'u');
  return pattern.test(tag) ? tag.replace(pattern, `$1${value}$2`) : tag;
}

/**
 * One of our worksheet parts made to fit the input's package: its cell, row and column style indexes
 * mapped into the merged style sheet (a cell without one gets our default format, as the library wrote it),
 * its shared-string indexes mapped into the input's table (see `patchXlsxPackage`), its
 * differential formats mapped.
 */
function adoptSheet(xml: string, styles: MergedStyles, stringIndex: (index: number) => number): string {
  const ourDefault = String(styles.cellFormat(0));
  return xml
    .replace(
      /<c\b([^>]*?)(\/?)>(?:<v>(\d+)<\/v>)?/gu,
      (_, attributes: string, close: string, value: string | undefined) => {
        const mapped = /\ss="\d+"/u.test(attributes)
          ? attributes.replace(/(\ss=")(\d+)(")/u, (__, a: string, s: string, b: string) => {
              return `${a}${String(styles.cellFormat(Number(s)))}${b}`;
            })
          : `${attributes} s="${ourDefault}"`;
        const shared = /\st="s"/u.test(mapped) && value !== undefined;
        const v = value === undefined ? '' : `<v>${shared ? String(stringIndex(Number(value))) : value}</v>`;
        return `<c${mapped}${close}>${v}`;
      },
    )
    .replace(/<row\b[^>]*>/gu, (tag) =>
      tag.replace(/(\ss=")(\d+)(")/u, (_, a: string, s: string, b: string) => {
        return `${a}${String(styles.cellFormat(Number(s)))}${b}`;
      }),
    )
    .replace(/<col\b[^>]*>/gu, (tag) =>
      tag.replace(/(\sstyle=")(\d+)(")/u, (_, a: string, s: string, b: string) => {
        return `${a}${String(styles.cellFormat(Number(s)))}${b}`;
      }),
    )
    .replace(/(\sdxfId=")(\d+)(")/gu, (_, a: string, s: string, b: string) => {
      return `${a}${String(styles.differentialFormat(Number(s)))}${b}`;
    });
}

/** The next free name like `part` (`xl/charts/chart3.xml` → the first free `xl/charts/chartN.xml`). */
function freeName(part: string, taken: ReadonlySet<string>): string {
  const numbered = /^(.*?)(\d+)(\.[^./]+)$/u.exec(part);
  if (numbered === null) {
    if (!taken.has(part)) return part;
    throw new PatchUnsupportedError(`a part name that cannot be renumbered: ${part}`);
  }
  for (let n = 1; ; n++) {
    const name = `${numbered[1] ?? ''}${String(n)}${numbered[3] ?? ''}`;
    if (!taken.has(name)) return name;
  }
}

/** The content type of a part in a `[Content_Types].xml`: its override, else its extension's default. */
function contentTypeOf(contentTypes: string, part: string): string | null {
  for (const [tag] of contentTypes.matchAll(/<Override\b[^>]*>/gu))
    if (attributeOf(tag, 'PartName') === `/${part}`) return attributeOf(tag, 'ContentType');
  const extension = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
  for (const [tag] of contentTypes.matchAll(/<Default\b[^>]*>/gu))
    if ((attributeOf(tag, 'Extension') ?? '').toLowerCase() === extension)
      return attributeOf(tag, 'ContentType');
  return null;
}

/**
 * The result workbook written by patching the input package instead of re-writing it: every part of the
 * input the run does not change is copied as its compressed bytes (the sales sheet is never inflated,
 * parsed or deflated), and only ours are added — the sheets of `ours` (a package the workbook library
 * wrote with a placeholder sheet for each input sheet, charts added) that are not in `inputSheets`, with
 * their drawings and charts renumbered after the input's, their styles appended to the input's style sheet
 * (`mergeStyleSheets`, so the input's `s=` stay valid) and their strings inline; `deferred` rows are
 * appended into them (`appendRowsToPackage`). The workbook part keeps the input's sheets (their tags,
 * states and ids) in the order of `ours`, drops the sheets `ours` removed (an earlier run's: their parts,
 * drawings and charts go too), adds ours, and maps the defined names (print areas) and the active tab to
 * the new sheet positions; its relationships and the content types follow.
 *
 * @param inputSheets Names of the sheets of `ours` that stand for the input's sheet of that name.
 * @throws PatchUnsupportedError when the input is not in a shape this writer handles (the caller then
 *   writes the result through the workbook library).
 * @example const bytes = await patchXlsxPackage(inputBytes, ours, new Set(['Orders']), []);
 */
export async function patchXlsxPackage(
  input: Uint8Array,
  ours: JSZip,
  inputSheets: ReadonlySet<string>,
  deferred: readonly DeferredRows[],
): Promise<Uint8Array> {
  let entries: RawZipEntry[];
  try {
    entries = readRawZip(input);
  } catch (error) {
    throw new PatchUnsupportedError(error instanceof Error ? error.message : String(error));
  }
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  const decoder = new TextDecoder();
  const texts = new Map<string, string>();
  const inputText = (part: string): string | null => {
    const known = texts.get(part);
    if (known !== undefined) return known;
    const entry = byName.get(part);
    if (entry === undefined) return null;
    const text = decoder.decode(inflateEntry(entry));
    texts.set(part, text);
    return text;
  };
  const oursText = async (part: string): Promise<string | null> =>
    (await ours.file(part)?.async('string')) ?? null;

  // The input's workbook, its sheets and the parts that change.
  const rootRelations = relationsOf(inputText('_rels/.rels') ?? '');
  const office = rootRelations.find((r) => r.type.endsWith('/officeDocument') && !r.external);
  const workbookPart = office === undefined ? '' : resolveTarget('', office.target);
  const workbookXml = inputText(workbookPart);
  const contentTypes = inputText(contentTypesPart);
  if (workbookXml === null || contentTypes === null) throw new PatchUnsupportedError('no workbook part');
  if (
    !workbookXml.includes(`"${transitionalMain}"`) ||
    !workbookXml.includes(`xmlns:r="${relationshipsNamespace}"`)
  )
    throw new PatchUnsupportedError('a workbook part in another namespace or with prefixed elements');
  const workbookFolder = folderOf(workbookPart);
  const workbookRelsPath = relationshipsPathOf(workbookPart);
  const workbookRelsXml = inputText(workbookRelsPath) ?? '';
  const workbookRelations = relationsOf(workbookRelsXml);
  const targetOf = (relation: Relation): string => resolveTarget(workbookFolder, relation.target);
  const stylesRelation = workbookRelations.find((r) => r.type === `${relationshipsNamespace}/styles`);
  const stylesPart = stylesRelation === undefined ? null : targetOf(stylesRelation);
  const inputStyles = stylesPart === null ? null : inputText(stylesPart);
  if (stylesPart === null || inputStyles === null) throw new PatchUnsupportedError('no style sheet');
  const inputSheetTags = sheetTagsOf(workbookXml);
  const partOfRelation = new Map(workbookRelations.map((r) => [r.id, targetOf(r)]));
  const removedSheetParts = new Set(
    inputSheetTags
      .filter((sheet) => !inputSheets.has(sheet.name))
      .map((sheet) => partOfRelation.get(sheet.id) ?? ''),
  );

  // Our package: its sheets in order, their parts, styles and strings.
  const oursWorkbook = (await oursText('xl/workbook.xml')) ?? '';
  const oursRelations = relationsOf((await oursText('xl/_rels/workbook.xml.rels')) ?? '');
  const oursPartOf = new Map(oursRelations.map((r) => [r.id, resolveTarget('xl', r.target)]));
  const oursSheets = sheetTagsOf(oursWorkbook).map((sheet) => ({
    ...sheet,
    part: oursPartOf.get(sheet.id) ?? '',
    ours: !inputSheets.has(sheet.name),
  }));
  const inputTagOf = new Map(inputSheetTags.map((sheet) => [sheet.name, sheet]));
  if (oursSheets.some((sheet) => !sheet.ours && !inputTagOf.has(sheet.name)))
    throw new PatchUnsupportedError('a placeholder sheet the input does not have');
  const styles = mergeStyleSheets(inputStyles, (await oursText('xl/styles.xml')) ?? '');
  // Our strings go after the input's in its shared-string table (a new table when it has none).
  const ourStrings = [
    ...((await oursText('xl/sharedStrings.xml')) ?? '').matchAll(/<si\b[^>]*?(?:\/>|>[\s\S]*?<\/si>)/gu),
  ].map(([item]) => item);
  const stringsRelation = workbookRelations.find((r) => r.type === `${relationshipsNamespace}/sharedStrings`);
  const stringsPart = stringsRelation === undefined ? null : targetOf(stringsRelation);
  const inputStrings = stringsPart === null ? null : inputText(stringsPart);
  if (inputStrings !== null && !/<sst\b[\s\S]*<\/sst>\s*$/u.test(inputStrings))
    throw new PatchUnsupportedError('a shared-string table in another shape');
  // A string the table already holds (an earlier run's) is reused, so re-runs do not grow the table.
  const known = new Map<string, number>();
  const inputItems = [...(inputStrings ?? '').matchAll(/<si\b[^>]*?(?:\/>|>[\s\S]*?<\/si>)/gu)];
  inputItems.forEach(([item], index) => {
    if (!known.has(item)) known.set(item, index);
  });
  const stringOffset = inputItems.length;
  const newStrings: string[] = [];
  const stringIndexes = ourStrings.map((item) => {
    const index = known.get(item);
    if (index !== undefined) return index;
    known.set(item, stringOffset + newStrings.length);
    newStrings.push(item);
    return stringOffset + newStrings.length - 1;
  });
  const stringIndex = (index: number): number => {
    const mapped = stringIndexes[index];
    if (mapped === undefined) throw new PatchUnsupportedError('a shared-string index past our table');
    return mapped;
  };
  for (const sheet of oursSheets.filter((s) => s.ours)) {
    const xml = await oursText(sheet.part);
    if (xml === null) throw new Error(`Our sheet part ${sheet.part} is missing.`);
    ours.file(sheet.part, adoptSheet(xml, styles, stringIndex));
  }
  const appended = await appendRowsToPackage(ours, deferred, deflatingSink);

  // What stays of the input: every part still reachable once the removed sheets are cut off.
  const before = reachableParts(inputText);
  const after = reachableParts(
    inputText,
    (source, target) => source === workbookPart && removedSheetParts.has(target),
  );
  const dropped = new Set([...before].filter((part) => !after.has(part)));
  const kept = entries.filter((entry) => !dropped.has(entry.name));
  const taken = new Set(kept.map((entry) => entry.name));

  // Our parts, renamed to be free in the input's package, with their relationships rewritten.
  const oursFiles = new Set(Object.keys(ours.files));
  const oursExisting = (part: string): string | null => (oursFiles.has(part) ? part : null);
  const renamed = new Map<string, string>();
  const order: string[] = [];
  for (const sheet of oursSheets.filter((s) => s.ours)) {
    const reach = [sheet.part];
    const queue = [sheet.part];
    for (let part = queue.shift(); part !== undefined; part = queue.shift()) {
      const rels = oursExisting(relationshipsPathOf(part));
      if (rels === null) continue;
      for (const relation of relationsOf((await oursText(rels)) ?? '')) {
        if (relation.external) continue;
        const target = resolveTarget(folderOf(part), relation.target);
        if (reach.includes(target) || renamed.has(target)) continue;
        reach.push(target);
        queue.push(target);
      }
    }
    for (const part of reach) {
      const name = freeName(part, taken);
      taken.add(name);
      renamed.set(part, name);
      order.push(part);
    }
  }
  const oursContentTypes = (await oursText(contentTypesPart)) ?? '';
  // Table ids are unique in a workbook: ours (the user's customers table, re-written) follow the input's.
  let nextTableId =
    Math.max(
      0,
      ...kept
        .filter((entry) => /^xl\/tables\/[^/]+\.xml$/u.test(entry.name))
        .map((entry) =>
          Number(attributeOf(/<table\b[^>]*>/u.exec(inputText(entry.name) ?? '')?.[0] ?? '', 'id') ?? 0),
        ),
    ) + 1;
  const newParts: ZipPart[] = [];
  const encoder = new TextEncoder();
  const contentOverrides: string[] = [];
  for (const part of order) {
    const name = renamed.get(part) ?? part;
    // A part with rows appended may come deflated already (`deflatingSink`); it is never a table.
    let bytes = appended.get(part) ?? (await ours.file(part)?.async('uint8array'));
    if (bytes === undefined) throw new Error(`Our part ${part} is missing.`);
    if (/^xl\/tables\/[^/]+\.xml$/u.test(part) && bytes instanceof Uint8Array) {
      const xml = new TextDecoder().decode(bytes);
      const id = String(nextTableId++);
      bytes = encoder.encode(xml.replace(/<table\b[^>]*>/u, (tag) => setAttribute(tag, 'id', id)));
    }
    newParts.push({ name, bytes });
    const type = contentTypeOf(oursContentTypes, part);
    if (type !== null && contentTypeOf(contentTypes, name) !== type)
      contentOverrides.push(`<Override PartName="/${xmlText(name)}" ContentType="${xmlText(type)}"/>`);
    const relsPath = relationshipsPathOf(part);
    const rels = oursExisting(relsPath) === null ? null : await oursText(relsPath);
    if (rels === null) continue;
    const rewritten = rels.replace(/<Relationship\b[^>]*>/gu, (tag) => {
      if (attributeOf(tag, 'TargetMode') === 'External') return tag;
      const target = renamed.get(resolveTarget(folderOf(part), attributeOf(tag, 'Target') ?? ''));
      if (target === undefined) throw new PatchUnsupportedError(`our part ${part} points outside our parts`);
      return setAttribute(tag, 'Target', xmlText(relativeTarget(folderOf(name), target)));
    });
    const relsName = relationshipsPathOf(name);
    if (taken.has(relsName)) throw new PatchUnsupportedError(`a relationships part in the way: ${relsName}`);
    taken.add(relsName);
    newParts.push({ name: relsName, bytes: encoder.encode(rewritten) });
  }

  // The workbook part: the input's sheets and ours, in the order of ours.
  let nextSheetId = Math.max(0, ...inputSheetTags.map((s) => Number(attributeOf(s.tag, 'sheetId') ?? 0))) + 1;
  let nextRelation =
    Math.max(0, ...workbookRelations.map((r) => Number(/^rId(\d+)$/u.exec(r.id)?.[1] ?? 0))) + 1;
  const newRelations: string[] = [];
  const sheetTags = oursSheets.map((sheet) => {
    if (!sheet.ours) return inputTagOf.get(sheet.name)?.tag ?? '';
    const id = `rId${String(nextRelation++)}`;
    const part = renamed.get(sheet.part) ?? sheet.part;
    newRelations.push(
      `<Relationship Id="${id}" Type="${worksheetType}" Target="${xmlText(relativeTarget(workbookFolder, part))}"/>`,
    );
    const state = attributeOf(sheet.tag, 'state');
    const stateAttribute = state === null || state === 'visible' ? '' : ` state="${xmlText(state)}"`;
    return `<sheet name="${xmlText(sheet.name)}" sheetId="${String(nextSheetId++)}"${stateAttribute} r:id="${id}"/>`;
  });
  const newIndex = new Map(oursSheets.map((sheet, index) => [sheet.name, index]));
  const fromInputIndex = (index: string | null): number | undefined =>
    index === null ? undefined : newIndex.get(inputSheetTags[Number(index)]?.name ?? '');
  const names: string[] = [];
  for (const tag of definedNamesOf(workbookXml)) {
    const local = attributeOf(tag, 'localSheetId');
    if (local === null) {
      names.push(tag);
      continue;
    }
    const index = fromInputIndex(local);
    if (index !== undefined && inputSheets.has(oursSheets[index]?.name ?? ''))
      names.push(setAttribute(tag, 'localSheetId', String(index)));
  }
  for (const tag of definedNamesOf(oursWorkbook)) {
    const local = attributeOf(tag, 'localSheetId');
    if (local !== null && oursSheets[Number(local)]?.ours === true) names.push(tag);
  }
  let workbook = workbookXml.replace(
    /<sheets\b[^>]*>[\s\S]*?<\/sheets>/u,
    (open) => `${/^<sheets\b[^>]*>/u.exec(open)?.[0] ?? '<sheets>'}${sheetTags.join('')}</sheets>`,
  );
  const namesXml = names.length === 0 ? '' : `<definedNames>${names.join('')}</definedNames>`;
  if (/<definedNames\b/u.test(workbook))
    workbook = workbook.replace(
      /<definedNames\b[^>]*>[\s\S]*?<\/definedNames>|<definedNames\s*\/>/u,
      namesXml,
    );
  else {
    const after = ['</externalReferences>', '</functionGroups>', '<functionGroups/>', '</sheets>']
      .map((tag) => ({ tag, at: workbook.indexOf(tag) }))
      .find(({ at }) => at >= 0);
    if (after !== undefined) {
      const at = after.at + after.tag.length;
      workbook = `${workbook.slice(0, at)}${namesXml}${workbook.slice(at)}`;
    }
  }
  workbook = workbook.replace(/<workbookView\b[^>]*>/gu, (tag) => {
    let view = tag;
    for (const name of ['activeTab', 'firstSheet']) {
      const index = fromInputIndex(attributeOf(view, name));
      view = setAttribute(view, name, String(index ?? 0));
    }
    return view;
  });
  const removedRelationIds = new Set(
    workbookRelations.filter((r) => removedSheetParts.has(targetOf(r))).map((r) => r.id),
  );
  let workbookRels = workbookRelsXml;
  for (const relation of workbookRelations)
    if (removedRelationIds.has(relation.id)) workbookRels = workbookRels.replace(relation.tag, '');
  const replaced = new Map<string, string>();
  const added: ZipPart[] = [];
  if (newStrings.length > 0) {
    const total = stringOffset + newStrings.length;
    if (stringsPart !== null && inputStrings !== null) {
      replaced.set(
        stringsPart,
        inputStrings
          .replace(/<sst\b[^>]*>/u, (tag) => {
            const count = Number(attributeOf(tag, 'count') ?? stringOffset) + newStrings.length;
            return setAttribute(setAttribute(tag, 'count', String(count)), 'uniqueCount', String(total));
          })
          .replace(/<\/sst>\s*$/u, `${newStrings.join('')}</sst>`),
      );
    } else {
      const part = freeName(`${workbookFolder === '' ? '' : `${workbookFolder}/`}sharedStrings.xml`, taken);
      taken.add(part);
      added.push({
        name: part,
        bytes: encoder.encode(
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${transitionalMain}" count="${String(total)}" uniqueCount="${String(total)}">${newStrings.join('')}</sst>`,
        ),
      });
      newRelations.push(
        `<Relationship Id="rId${String(nextRelation++)}" Type="${relationshipsNamespace}/sharedStrings" Target="${xmlText(relativeTarget(workbookFolder, part))}"/>`,
      );
      contentOverrides.push(
        `<Override PartName="/${xmlText(part)}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`,
      );
    }
  }
  workbookRels = workbookRels.replace('</Relationships>', `${newRelations.join('')}</Relationships>`);

  // Content types: no override for a dropped part, one for each of ours the defaults do not cover.
  const types = contentTypes
    .replace(/<Override\b[^>]*>/gu, (tag) =>
      dropped.has((attributeOf(tag, 'PartName') ?? '').replace(/^\//u, '')) ? '' : tag,
    )
    .replace('</Types>', `${contentOverrides.join('')}</Types>`);

  replaced.set(workbookPart, workbook);
  replaced.set(workbookRelsPath, workbookRels);
  replaced.set(stylesPart, styles.xml);
  replaced.set(contentTypesPart, types);
  const parts: ZipPart[] = kept.map((entry) => {
    const text = replaced.get(entry.name);
    return text === undefined ? entry : { name: entry.name, bytes: encoder.encode(text) };
  });
  return writeRawZip([...parts, ...added, ...newParts]);
}
