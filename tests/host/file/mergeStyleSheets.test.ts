import { mergeStyleSheets } from '../../../src/host/file/mergeStyleSheets';
import { PatchUnsupportedError } from '../../../src/host/file/PatchUnsupportedError';

const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="x">';

/** The input's style sheet: one custom format, two fonts, two fills, one border, three cell formats, no dxfs. */
const input =
  `${head}<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>` +
  '<fonts count="2" x14ac:knownFonts="1"><font><sz val="12"/></font><font><b/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<tableStyles count="0"/></styleSheet>';

/** Ours: the same date format, a new percent format, our own fonts and fills, a differential format. */
const ours =
  `${head}<numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd"/></numFmts>` +
  '<fonts count="2"><font><sz val="11"/></font><font><b/><sz val="14"/></font></fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/></patternFill></fill></fills>' +
  '<borders count="1"><border/></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="165" fontId="1" fillId="2" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0"><alignment wrapText="1"/></xf></cellXfs>' +
  '<dxfs count="1"><dxf><font><b/></font></dxf></dxfs></styleSheet>';

const section = (xml: string, name: string): string =>
  new RegExp(`<${name}\\b[^>]*>[\\s\\S]*?</${name}>`, 'u').exec(xml)?.[0] ?? '';

describe('mergeStyleSheets', () => {
  const merged = mergeStyleSheets(input, ours);

  it("keeps the input's formats at their indexes and appends ours after them", () => {
    expect(section(merged.xml, 'cellXfs')).toMatch(/^<cellXfs count="6">/u);
    // The input's three cell formats come first, unchanged.
    expect(section(merged.xml, 'cellXfs')).toContain(
      section(input, 'cellXfs').replace(/^<cellXfs count="3">|<\/cellXfs>$/gu, ''),
    );
    expect([0, 1, 2].map((k) => merged.cellFormat(k))).toEqual([3, 4, 5]);
    expect(section(merged.xml, 'fonts')).toMatch(/^<fonts count="4" x14ac:knownFonts="1">/u);
    expect(section(merged.xml, 'fills')).toMatch(/^<fills count="5">/u);
  });

  it('remaps our cell formats to the appended fonts, fills and number formats', () => {
    const xfs = [...section(merged.xml, 'cellXfs').matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/gu)].map(
      (m) => m[0],
    );
    // Our date format (165) is the input's 164, same code; our percent (164) gets the next free id, 165.
    expect(xfs[4]).toContain('numFmtId="164" fontId="3" fillId="4" borderId="1" xfId="0"');
    expect(xfs[5]).toContain('numFmtId="165" fontId="2" fillId="2" borderId="1" xfId="0"');
    expect(xfs[5]).toContain('<alignment wrapText="1"/>');
    expect(section(merged.xml, 'numFmts')).toBe(
      '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="0.0%"/></numFmts>',
    );
  });

  it('adds a section the input lacks in schema order (dxfs before tableStyles)', () => {
    expect(merged.xml).toMatch(
      /<\/cellStyles><dxfs count="1"><dxf><font><b\/><\/font><\/dxf><\/dxfs><tableStyles/u,
    );
    expect(merged.differentialFormat(0)).toBe(0);
  });

  it('refuses a style sheet it cannot read (prefixed elements)', () => {
    const prefixed = input.replace(/<(\/?)(fonts|font)\b/gu, '<$1x:$2');
    expect(() => mergeStyleSheets(prefixed, ours)).toThrow(PatchUnsupportedError);
  });
});
