/**
 * readSharedStrings: the shared-string part as distinct texts, with a code for each index of the file.
 */
import { readSharedStrings } from '../../../src/host/file/sharedStrings';
import { mulberry32 } from '../../../src/sample/mulberry32';

function sst(items: readonly string[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${items.length}" ` +
    `uniqueCount="${items.length}">${items.join('')}</sst>`
  );
}

/** The text of shared-string index `index`, or null for an empty one. */
function textAt(strings: ReturnType<typeof readSharedStrings>, index: number): string | null {
  const code = strings.codeOf[index]!;
  return code < 0 ? null : strings.values[code]!;
}

describe('readSharedStrings', () => {
  const xml = sst([
    '<si><t>C1</t></si>',
    '<si><t xml:space="preserve"> padded </t></si>',
    '<si><r><rPr><b/><sz val="11"/><color rgb="FFFF0000"/><rFont val="Calibri"/></rPr><t>Ri</t></r><r><t>ch</t></r></si>',
    '<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1" type="noConversion"/></si>',
    '<si/>',
    '<si><t/></si>',
    '<si><t></t></si>',
    '<si><t>C1</t></si>',
    '<si><r><t>C</t></r><r><t>1</t></r></si>',
    '<si><t>a &amp; b_x000D_&#10;</t></si>',
    '<si ><t>spaced tag</t></si>',
    '<si><r><t>Ri</t></r><rPh sb="0" eb="1"><t>リ</t></rPh><r><t>ch</t></r></si>',
    '<si><t>#N/A</t></si>',
    '<si><t> </t></si>',
  ]);
  const strings = readSharedStrings(xml);

  it('gives each index of the file a code', () => {
    expect(strings.codeOf).toBeInstanceOf(Int32Array);
    expect(strings.codeOf).toHaveLength(14);
  });

  it('reads plain, rich and escaped text, phonetic runs left out, spaces kept', () => {
    expect(Array.from({ length: 14 }, (_, index) => textAt(strings, index))).toEqual([
      'C1',
      ' padded ',
      'Rich',
      '漢字',
      null,
      null,
      null,
      'C1',
      'C1',
      'a & b\r\n',
      'spaced tag',
      'Rich',
      '#N/A',
      ' ',
    ]);
  });

  it('keeps each text once, in order of first appearance', () => {
    expect(strings.values).toEqual([
      'C1',
      ' padded ',
      'Rich',
      '漢字',
      'a & b\r\n',
      'spaced tag',
      '#N/A',
      ' ',
    ]);
    expect(Array.from(strings.codeOf)).toEqual([0, 1, 2, 3, -1, -1, -1, 0, 0, 4, 5, 2, 6, 7]);
  });

  it('points duplicates, plain or rich, at the same value', () => {
    expect(strings.codeOf[0]).toBe(strings.codeOf[7]);
    expect(strings.codeOf[0]).toBe(strings.codeOf[8]);
    expect(strings.codeOf[2]).toBe(strings.codeOf[11]);
  });

  it('reads a part with no strings, and no part at all', () => {
    expect(readSharedStrings(sst([]))).toEqual({ values: [], codeOf: new Int32Array(0) });
    expect(readSharedStrings('')).toEqual({ values: [], codeOf: new Int32Array(0) });
  });

  it('does not take other elements starting with "si" for strings', () => {
    const strange = readSharedStrings('<sst><size>9</size><si><t>x</t></si><sig/></sst>');
    expect(strange.values).toEqual(['x']);
    expect(Array.from(strange.codeOf)).toEqual([0]);
  });

  it('reads the last string of a part that ends early', () => {
    const cut = readSharedStrings('<sst><si><t>a</t></si><si><t>b</t>');
    expect(cut.values).toEqual(['a', 'b']);
  });

  it('merges duplicates among many random strings and keeps every index', () => {
    const random = mulberry32(3);
    const texts = Array.from({ length: 5_000 }, () =>
      random() < 0.05
        ? ''
        : `${['id', 'A&B', '<客户>', 'x_x000D_'][Math.floor(random() * 4)]!}${Math.floor(random() * 700)}`,
    );
    const escape = (text: string): string =>
      text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
    const items = texts.map((text, k) =>
      text === ''
        ? '<si><t/></si>'
        : k % 3 === 0
          ? `<si><r><t>${escape(text.slice(0, 2))}</t></r><r><t>${escape(text.slice(2))}</t></r></si>`
          : `<si><t>${escape(text)}</t></si>`,
    );
    const read = readSharedStrings(sst(items));
    const unescaped = texts.map((text) => (text === '' ? null : text.replace(/_x000D_/gu, '\r')));
    expect(Array.from({ length: texts.length }, (_, index) => textAt(read, index))).toEqual(unescaped);
    expect(new Set(read.values).size).toBe(read.values.length);
    expect(read.values.length).toBe(new Set(unescaped.filter((text) => text !== null)).size);
  });
});
