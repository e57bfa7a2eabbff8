import { decodeReference, type CellBlock } from '../decodeReference';
import type { ZipArchive } from './ZipArchive';
import { resolveTarget } from './resolveTarget';
import { xmlAttributes } from '../xmlAttributes';

/** One worksheet of a package: its name, its part and its Excel tables. */
export interface SheetEntry {
  name: string;
  /** Path of its worksheet part in the package. */
  part: string;
  tables: { name: string; block: CellBlock; headers: string[]; totalsRow: boolean }[];
}

/** The sheets of a package and its date system. */
interface PackageInfo {
  sheets: SheetEntry[];
  date1904: boolean;
}

function tags(xml: string, name: string): Map<string, string>[] {
  return [...xml.matchAll(new RegExp(`<(?:\\w+:)?${name}\\b[^>]*>`, 'gu'))].map((m) => xmlAttributes(m[0]));
}

/** What {@link readPackageInfo} finds. */
export interface PackageParts extends PackageInfo {
  sharedStringsPath: string;
  stylesPath: string;
}

/**
 * Sheet names, their parts, their Excel tables and the date system, from an .xlsx package's small parts
 * (workbook, relationships, tables), for the streaming reader to know what to stream.
 *
 * @example const { sheets, date1904 } = await readPackageInfo(await ZipArchive.open(path));
 */
export async function readPackageInfo(archive: ZipArchive): Promise<PackageParts> {
  const workbookXml = await archive.text('xl/workbook.xml');
  if (workbookXml === '') throw new Error('it has no xl/workbook.xml');
  const relationTags = tags(await archive.text('xl/_rels/workbook.xml.rels'), 'Relationship');
  const relations = new Map(
    relationTags.map((r) => [r.get('Id') ?? '', resolveTarget('xl', r.get('Target') ?? '')]),
  );
  const partOfType = (type: string, fallback: string): string =>
    relationTags
      .filter((r) => (r.get('Type') ?? '').endsWith(`/${type}`))
      .map((r) => resolveTarget('xl', r.get('Target') ?? ''))[0] ?? fallback;
  const flag = tags(workbookXml, 'workbookPr')[0]?.get('date1904') ?? '';
  const sheets: SheetEntry[] = [];
  for (const sheet of tags(workbookXml, 'sheet')) {
    const part = relations.get(sheet.get('r:id') ?? '') ?? '';
    if (!archive.has(part)) continue;
    const folder = part.slice(0, part.lastIndexOf('/'));
    const fileName = part.slice(part.lastIndexOf('/') + 1);
    const tables: SheetEntry['tables'] = [];
    const sheetRels = tags(await archive.text(`${folder}/_rels/${fileName}.rels`), 'Relationship');
    for (const relation of sheetRels) {
      if (!(relation.get('Type') ?? '').endsWith('/table')) continue;
      const tableXml = await archive.text(resolveTarget(folder, relation.get('Target') ?? ''));
      const table = tags(tableXml, 'table')[0];
      const block = decodeReference(table?.get('ref') ?? '');
      if (table === undefined || block === null) continue;
      tables.push({
        name: table.get('name') ?? '',
        block,
        headers: tags(tableXml, 'tableColumn').map((column) => column.get('name') ?? ''),
        totalsRow: (table.get('totalsRowCount') ?? '0') !== '0',
      });
    }
    sheets.push({ name: sheet.get('name') ?? '', part, tables });
  }
  return {
    sheets,
    date1904: flag === '1' || flag === 'true',
    sharedStringsPath: partOfType('sharedStrings', 'xl/sharedStrings.xml'),
    stylesPath: partOfType('styles', 'xl/styles.xml'),
  };
}
