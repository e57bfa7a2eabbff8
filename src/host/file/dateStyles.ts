import { unescapeXml } from './SheetXmlScanner';

/** Excel's built-in number formats that show dates or times. */
const builtInDateFormats = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/**
 * Whether a number format code shows a date or time: it has a d, m, y, h or s outside quoted text,
 * brackets (colours, conditions, locales) and escaped characters.
 *
 * @example isDateFormatCode('yyyy-mm-dd') === true; isDateFormatCode('#,##0.00 "days"') === false
 */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/gu, '')
    .replace(/\[[^\]]*\]/gu, '')
    .replace(/\\./gu, '')
    .replace(/_.|\*./gu, '');
  return /[dmyhs]/iu.test(bare) && !/^General$/iu.test(bare.trim());
}

/**
 * For each cell style (`s` attribute, the index into `cellXfs`) of a workbook's styles part: whether its
 * number format shows a date, so such numbers can be read back as dates.
 *
 * @param stylesXml The text of `xl/styles.xml` ('' when the package has none).
 */
export function dateStyles(stylesXml: string): boolean[] {
  const custom = new Map<number, string>();
  for (const match of stylesXml.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/gu)) {
    const id = /numFmtId\s*=\s*"(\d+)"/u.exec(match[0])?.[1];
    const code = /formatCode\s*=\s*"([^"]*)"/u.exec(match[0])?.[1];
    if (id !== undefined && code !== undefined) custom.set(Number(id), unescapeXml(code));
  }
  const start = stylesXml.search(/<(?:\w+:)?cellXfs\b/u);
  if (start < 0) return [];
  const end = stylesXml.indexOf('cellXfs>', start + 8);
  const section = stylesXml.slice(start, end < 0 ? undefined : end);
  const styles: boolean[] = [];
  for (const match of section.matchAll(/<(?:\w+:)?xf\b[^>]*>/gu)) {
    const id = Number(/numFmtId\s*=\s*"(\d+)"/u.exec(match[0])?.[1] ?? '0');
    const code = custom.get(id);
    styles.push(code === undefined ? builtInDateFormats.has(id) : isDateFormatCode(code));
  }
  return styles;
}
