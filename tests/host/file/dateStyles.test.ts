/**
 * Which number formats show dates, and which cell styles of a styles part use one.
 */
import { dateStyles, isDateFormatCode } from '../../../src/host/file/dateStyles';

describe('isDateFormatCode', () => {
  it.each([
    'yyyy-mm-dd',
    'd-mmm-yy',
    '[$-409]d-mmm-yy;@',
    '[$-409]d-mmm-yy',
    'm/d/yyyy h:mm',
    'h:mm:ss AM/PM',
    'mm:ss',
    '[h]:mm:ss',
    'dd/mm/yyyy',
    'DD.MM.YYYY',
    'yyyy"年"m"月"d"日"',
    '[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy',
    'ss.0',
    '[Red][<=100]yyyy-mm-dd',
    'mmm yyyy',
  ])('%j shows a date or time', (code) => {
    expect(isDateFormatCode(code)).toBe(true);
  });

  it.each([
    'General',
    'general',
    '[$-409]General',
    '0',
    '0.00',
    '#,##0',
    '#,##0.00 "days"',
    '"Date "0',
    '0%',
    '0.00E+00',
    '@',
    '[Red]#,##0',
    '[$$-409]#,##0.00',
    '[$€-2] #,##0.00',
    '\\d0',
    '0.00"元"',
    '_(* #,##0_);_(* \\(#,##0\\);_(* "-"??_);_(@_)',
    '#,##0.00_);[Red](#,##0.00)',
    '0 "hours"',
    '',
  ])('%j does not show a date', (code) => {
    expect(isDateFormatCode(code)).toBe(false);
  });
});

function styles(numFmts: string, cellXfs: string, extra = ''): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    numFmts +
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
    '<cellStyleXfs count="2"><xf numFmtId="14" fontId="0"/><xf numFmtId="0" fontId="0"/></cellStyleXfs>' +
    cellXfs +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    extra +
    '</styleSheet>'
  );
}

describe('dateStyles', () => {
  const builtInDates = [
    14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47,
  ];
  const builtInDates2 = [50, 51, 52, 53, 54, 55, 56, 57, 58];
  const builtInOthers = [
    0, 1, 2, 3, 4, 9, 10, 11, 12, 13, 23, 24, 25, 26, 37, 38, 39, 40, 44, 48, 49, 59, 163,
  ];

  it('knows the built-in date and time formats by id', () => {
    const ids = [...builtInDates, ...builtInDates2, ...builtInOthers];
    const xfs = ids.map((id) => `<xf numFmtId="${id}" fontId="0" applyNumberFormat="1"/>`).join('');
    const result = dateStyles(styles('', `<cellXfs count="${ids.length}">${xfs}</cellXfs>`));
    expect(result).toEqual(ids.map((id) => builtInDates.includes(id) || builtInDates2.includes(id)));
  });

  it('reads custom formats by their code, escapes undone, and lets them override built-in ids', () => {
    const numFmts =
      '<numFmts count="6">' +
      '<numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>' +
      '<numFmt numFmtId="165" formatCode="#,##0.00 &quot;days&quot;"/>' +
      '<numFmt numFmtId="166" formatCode="[$-409]d-mmm-yy;@"/>' +
      '<numFmt numFmtId="167" formatCode="General"/>' +
      '<numFmt formatCode="0.00" numFmtId="14"/>' +
      '<numFmt numFmtId="168" formatCode="&quot;d&quot;0"/>' +
      '</numFmts>';
    const cellXfs =
      '<cellXfs count="8">' +
      '<xf numFmtId="0" fontId="0" xfId="0"/>' +
      '<xf numFmtId="164" fontId="0" xfId="0" applyNumberFormat="1"/>' +
      '<xf numFmtId="165" fontId="0" xfId="0" applyNumberFormat="1"/>' +
      '<xf numFmtId="166" fontId="0" xfId="0" applyNumberFormat="1"><alignment horizontal="left"/></xf>' +
      '<xf numFmtId="167" fontId="0" xfId="0"/>' +
      '<xf numFmtId="14" fontId="0" xfId="0"/>' +
      '<xf numFmtId="168" fontId="0" xfId="0"/>' +
      '<xf fontId="1" xfId="0"/>' +
      '</cellXfs>';
    expect(dateStyles(styles(numFmts, cellXfs))).toEqual([
      false,
      true,
      false,
      true,
      false,
      false,
      false,
      false,
    ]);
  });

  it('counts only cellXfs, not cellStyleXfs or the formats of differential styles', () => {
    const cellXfs = '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="22"/></cellXfs>';
    const dxfs = '<dxfs count="1"><dxf><numFmt numFmtId="170" formatCode="yyyy"/></dxf></dxfs>';
    expect(dateStyles(styles('', cellXfs, dxfs))).toEqual([false, true]);
  });

  it('reads a styles part with namespace prefixes', () => {
    const xml =
      '<x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<x:numFmts count="1"><x:numFmt numFmtId="200" formatCode="dd/mm/yyyy"/></x:numFmts>' +
      '<x:cellStyleXfs count="1"><x:xf numFmtId="14"/></x:cellStyleXfs>' +
      '<x:cellXfs count="3"><x:xf numFmtId="0"/><x:xf numFmtId="200"/><x:xf numFmtId="4"/></x:cellXfs>' +
      '</x:styleSheet>';
    expect(dateStyles(xml)).toEqual([false, true, false]);
  });

  it('gives no styles for a missing styles part or one without cellXfs', () => {
    expect(dateStyles('')).toEqual([]);
    expect(dateStyles(styles('', ''))).toEqual([]);
  });
});
