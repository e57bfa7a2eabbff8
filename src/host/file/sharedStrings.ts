import { runsText } from './SheetXmlScanner';

/** A workbook's shared strings, each distinct text once. */
export interface SharedStrings {
  /** Distinct non-empty texts. */
  values: string[];
  /** For each shared-string index of the file: its position in `values`, −1 for an empty text. */
  codeOf: Int32Array;
}

/**
 * Reads the shared-string part (`xl/sharedStrings.xml`): plain and rich text as plain text (phonetic runs
 * left out), repeated texts merged so that equal text has one code.
 */
export function readSharedStrings(xml: string): SharedStrings {
  const values: string[] = [];
  const codes: number[] = [];
  const seen = new Map<string, number>();
  let at = 0;
  for (;;) {
    const open = xml.indexOf('<si', at);
    if (open < 0) break;
    const after = xml.charCodeAt(open + 3);
    if (after !== 0x3e && after !== 0x20 && after !== 0x2f) {
      at = open + 3;
      continue;
    }
    const contentStart = xml.indexOf('>', open) + 1;
    if (xml.charCodeAt(contentStart - 2) === 0x2f) {
      codes.push(-1);
      at = contentStart;
      continue;
    }
    const close = xml.indexOf('</si>', contentStart);
    const end = close < 0 ? xml.length : close;
    const text = runsText(xml.slice(contentStart, end));
    if (text === '') codes.push(-1);
    else {
      let code = seen.get(text);
      if (code === undefined) {
        code = values.length;
        values.push(text);
        seen.set(text, code);
      }
      codes.push(code);
    }
    at = end + 5;
  }
  return { values, codeOf: Int32Array.from(codes) };
}
