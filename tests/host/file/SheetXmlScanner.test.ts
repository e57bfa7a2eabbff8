/**
 * SheetXmlScanner reads worksheet XML bytes piece by piece: cells must come out the same wherever the
 * pieces are cut (inside tags, entities, multi-byte characters, `</row>` or `</sheetData>`), and they must
 * be the right cells. Also runsText and unescapeXml.
 */
import {
  runsText,
  SheetXmlScanner,
  unescapeXml,
  type CellSink,
} from '../../../src/host/file/SheetXmlScanner';
import { mulberry32 } from '../../../src/sample/mulberry32';

/** One cell as the sink received it. */
type Event =
  | ['number', number, number, number, number]
  | ['shared', number, number, number]
  | ['other', number, number, string | boolean];

/** A sink that records what it receives. */
function recorder(): { sink: CellSink; events: Event[] } {
  const events: Event[] = [];
  return {
    events,
    sink: {
      number: (row, column, value, style) => events.push(['number', row, column, value, style]),
      shared: (row, column, index) => events.push(['shared', row, column, index]),
      other: (row, column, value) => events.push(['other', row, column, value]),
    },
  };
}

/** Feeds `bytes` cut at the given (ascending) positions, then ends. */
function scan(bytes: Uint8Array, cuts: readonly number[] = []): Event[] {
  const { sink, events } = recorder();
  const scanner = new SheetXmlScanner(sink);
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    scanner.push(bytes.subarray(from, cut));
    from = cut;
  }
  scanner.end();
  expect(scanner.finished).toBe(true);
  return events;
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function worksheet(sheetData: string, after = ''): string {
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n',
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ',
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ',
    'xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">',
    '<dimension ref="A1:F10"/><sheetViews><sheetView workbookViewId="0"><selection activeCell="C3" sqref="C3"/>',
    '</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>',
    '<cols><col min="1" max="1" width="12" customWidth="1"/></cols>',
    sheetData,
    after,
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>',
  ].join('');
}

/** A sheet with one of everything, and the cells it holds. */
const richSheet = worksheet(
  [
    '<sheetData>',
    '<row r="1" spans="1:8" x14ac:dyDescent="0.25">',
    '<c r="A1" t="s"><v>0</v></c><c r="B1" t="s" s="4"><v>12</v></c><c r="C1" s="3"><v>-12.5</v></c>',
    '<c r="D1"><v>1.2E-3</v></c><c r="E1" t="n"><v>0.30000000000000004</v></c>',
    "<c r=\"F1\"><v>123456789012.345</v></c><c r='G1' t='s'><v>5</v></c>",
    '<c r="H1" cm="1"><f t="array" ref="H1">SUM(A1:B1)</f><v>2</v></c>',
    '</row>\n',
    '<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="b"><v>0</v></c><c r="C2" t="e"><v>#N/A</v></c>',
    '<c r="D2" t="e"><f>1/0</f><v>#DIV/0!</v></c>',
    '<c r="E2" t="str"><f>A1&amp;"x"</f><v>a &amp; b &lt;c&gt; line&#10;two_x000D_ end</v></c></row>',
    '<row r="3"><c r="A3" t="inlineStr"><is><t>plain inline</t></is></c>',
    '<c r="B3" t="inlineStr"><is><r><rPr><b/><sz val="11"/></rPr><t>rich </t></r><r><t xml:space="preserve">runs </t></r>',
    '<rPh sb="0" eb="1"><t>フリガナ</t></rPh><phoneticPr fontId="1"/></is></c>',
    '<c r="C3" s="7"/><c r="D3" t="s" s="2"/><c r="E3" t="str"><f>""</f><v></v></c>',
    '<c r="F3" t="inlineStr"><is><t/></is></c><c r="G3" t="e"><v/></c><c r="H3"><v></v></c></row>',
    '<row r="5" spans="1:6"><c><v>1</v></c><c t="s"><v>3</v></c><c r="E5"><v>5</v></c><c><v>6</v></c></row>',
    '<row><c r="B6"><v>7</v></c><c><v>8</v></c></row>',
    '<row r="7" customHeight="1" ht="20"/>',
    '<row/>',
    '<row><c><v>9</v></c></row>',
    '<row r="10"><c r="AB10" t="d"><v>2024-01-05T00:00:00</v></c><c r="XFD10" t="s"><v>2147483647</v></c>',
    '<c r="A10" t="str"><v>客户 中文 😀 é</v></c><c r="C10" t="inlineStr"><is><t>&#x1F600;&#169;</t></is></c></row>',
    '</sheetData>',
  ].join(''),
  // After the sheet data: nothing here is a cell of the sheet, even what looks like one.
  '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><conditionalFormatting sqref="A1">' +
    '<cfRule type="cellIs" dxfId="0" priority="1" operator="equal"><formula>1</formula></cfRule>' +
    '</conditionalFormatting><row r="99"><c r="A99"><v>99</v></c></row><c r="B99" t="s"><v>1</v></c>',
);

const richCells: Event[] = [
  ['shared', 1, 1, 0],
  ['shared', 1, 2, 12],
  ['number', 1, 3, -12.5, 3],
  ['number', 1, 4, 0.0012, 0],
  ['number', 1, 5, 0.30000000000000004, 0],
  ['number', 1, 6, 123456789012.345, 0],
  ['shared', 1, 7, 5],
  ['number', 1, 8, 2, 0],
  ['other', 2, 1, true],
  ['other', 2, 2, false],
  ['other', 2, 3, '#N/A'],
  ['other', 2, 4, '#DIV/0!'],
  ['other', 2, 5, 'a & b <c> line\ntwo\r end'],
  ['other', 3, 1, 'plain inline'],
  ['other', 3, 2, 'rich runs '],
  ['number', 5, 1, 1, 0],
  ['shared', 5, 2, 3],
  ['number', 5, 5, 5, 0],
  ['number', 5, 6, 6, 0],
  ['number', 6, 2, 7, 0],
  ['number', 6, 3, 8, 0],
  ['number', 9, 1, 9, 0],
  ['other', 10, 28, '2024-01-05T00:00:00'],
  ['shared', 10, 16_384, 2_147_483_647],
  ['other', 10, 1, '客户 中文 😀 é'],
  ['other', 10, 3, '😀©'],
];

describe('SheetXmlScanner: what it reads', () => {
  it('reads every kind of cell of a whole sheet', () => {
    expect(scan(utf8(richSheet))).toEqual(richCells);
  });

  it('reads numbers exactly as Number does', () => {
    const texts = [
      '0',
      '-0',
      '42',
      '-12.5',
      '1.2E-3',
      '1.2e+30',
      '-4.94065645841247E-324',
      '0.1',
      '0.30000000000000004',
      '123456789012345',
      '1234567890123456',
      '9007199254740993',
      '99999999999999.9',
      '0.000000000000001',
      '45296.354166666664',
      '.5',
      '5.',
      '+7',
      ' 8 ',
    ];
    const xml = worksheet(
      `<sheetData><row r="1">${texts.map((text) => `<c><v>${text}</v></c>`).join('')}</row></sheetData>`,
    );
    const values = scan(utf8(xml)).map((event) => event[3]);
    expect(values).toEqual(texts.map((text) => Number(text)));
    expect(Object.is(values[1], -0)).toBe(true);
  });

  it('reads random decimals as Number does (the digit fast path and the fallback)', () => {
    const random = mulberry32(5);
    const texts = Array.from({ length: 2_000 }, () => {
      const digits = String(Math.floor(random() * 10 ** (1 + Math.floor(random() * 15))));
      const point = Math.floor(random() * (digits.length + 1));
      const text = point === digits.length ? digits : `${digits.slice(0, point)}.${digits.slice(point)}`;
      return random() < 0.3 ? `-${text}` : text;
    });
    const xml = worksheet(
      `<sheetData><row r="1">${texts.map((text) => `<c><v>${text}</v></c>`).join('')}</row></sheetData>`,
    );
    expect(scan(utf8(xml)).map((event) => event[3])).toEqual(texts.map((text) => Number(text)));
  });

  it('skips cells whose number is not readable', () => {
    const xml = worksheet(
      '<sheetData><row r="1"><c><v>abc</v></c><c><v>1.2.3</v></c><c><v>7</v></c></row></sheetData>',
    );
    expect(scan(utf8(xml))).toEqual([['number', 1, 3, 7, 0]]);
  });

  it('reads an empty sheet (no rows, or a self-closing sheetData) as no cells', () => {
    expect(scan(utf8(worksheet('<sheetData></sheetData>')))).toEqual([]);
    expect(scan(utf8(worksheet('<sheetData/>')))).toEqual([]);
    expect(scan(new Uint8Array(0))).toEqual([]);
  });

  it('stops at </sheetData> and ignores pieces pushed after it', () => {
    const { sink, events } = recorder();
    const scanner = new SheetXmlScanner(sink);
    scanner.push(utf8('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>'));
    expect(scanner.finished).toBe(true);
    scanner.push(utf8('<sheetData><row r="2"><c r="A2"><v>2</v></c></row></sheetData>'));
    scanner.end();
    expect(events).toEqual([['number', 1, 1, 1, 0]]);
  });

  it('hands on complete rows as they arrive and keeps a partial row for the next piece', () => {
    const { sink, events } = recorder();
    const scanner = new SheetXmlScanner(sink);
    scanner.push(
      utf8('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2'),
    );
    expect(events).toEqual([['number', 1, 1, 1, 0]]);
    expect(scanner.finished).toBe(false);
    scanner.push(utf8('5</v></c></row>'));
    expect(events).toEqual([
      ['number', 1, 1, 1, 0],
      ['number', 2, 1, 25, 0],
    ]);
    scanner.end();
    expect(scanner.finished).toBe(true);
  });

  it('reads what is left at end() when </sheetData> never comes', () => {
    const { sink, events } = recorder();
    const scanner = new SheetXmlScanner(sink);
    scanner.push(utf8('<worksheet><sheetData><row r="3"><c r="B3" t="s"><v>4</v></c>'));
    expect(events).toEqual([]);
    scanner.end();
    expect(events).toEqual([['shared', 3, 2, 4]]);
  });

  it('reads rows and cells in a sheet written by another tool (tabs, line breaks, attributes in any order)', () => {
    const xml = worksheet(
      '<sheetData>\n\t<row\tspans="1:2" r="4">\n\t\t<c s="1" t="s" r="B4">\n\t\t\t<v>9</v>\n\t\t</c>\n' +
        '\t\t<c\nr="C4"\ns="2"><v>3.5</v></c>\n\t</row>\n</sheetData>',
    );
    expect(scan(utf8(xml))).toEqual([
      ['shared', 4, 2, 9],
      ['number', 4, 3, 3.5, 2],
    ]);
  });
});

describe('SheetXmlScanner: pieces', () => {
  const bytes = utf8(richSheet);

  it('reads the same cells when the sheet is cut in two at every position', () => {
    for (let cut = 0; cut <= bytes.length; cut++) {
      // The cut is part of what is compared, so a failure names it.
      expect({ cut, events: scan(bytes, [cut]) }).toEqual({ cut, events: richCells });
    }
  });

  it('reads the same cells when fed one byte at a time', () => {
    expect(
      scan(
        bytes,
        Array.from({ length: bytes.length - 1 }, (_, k) => k + 1),
      ),
    ).toEqual(richCells);
  });

  it('reads the same cells when cut at many random positions', () => {
    const random = mulberry32(11);
    for (let trial = 0; trial < 300; trial++) {
      const count = 1 + Math.floor(random() * 60);
      const cuts = [
        ...new Set(Array.from({ length: count }, () => Math.floor(random() * bytes.length))),
      ].sort((a, b) => a - b);
      expect(scan(bytes, cuts)).toEqual(richCells);
    }
  });

  it('reads the same cells when a piece is empty', () => {
    const middle = bytes.length >> 1;
    expect(scan(bytes, [0, 0, middle, middle, bytes.length])).toEqual(richCells);
  });
});

/** A generated sheet and the cells it must give. */
function generatedSheet(seed: number, rows: number): { xml: string; cells: Event[] } {
  const random = mulberry32(seed);
  const cells: Event[] = [];
  const parts: string[] = ['<sheetData>'];
  let row = 0;
  for (let r = 0; r < rows; r++) {
    // A row without r follows the one before; one with r may skip rows.
    const withR = random() < 0.7;
    row += 1 + (withR && random() < 0.1 ? Math.floor(random() * 3) : 0);
    if (random() < 0.05) {
      parts.push(withR ? `<row r="${row}"/>` : '<row/>');
      continue;
    }
    parts.push(withR ? `<row r="${row}" spans="1:9">` : '<row>');
    let column = 0;
    const cellCount = Math.floor(random() * 9);
    for (let k = 0; k < cellCount; k++) {
      // A cell without r takes the column after the one before; one with r may skip columns.
      const withRef = random() < 0.8;
      column += 1 + (withRef && random() < 0.2 ? Math.floor(random() * 30) : 0);
      const ref = withRef ? ` r="${columnName(column)}${row}"` : '';
      const kind = Math.floor(random() * 6);
      if (kind === 0) {
        const value = Math.round((random() - 0.5) * 1e8) / 10 ** Math.floor(random() * 6);
        const style = Math.floor(random() * 5);
        parts.push(`<c${ref}${style > 0 ? ` s="${style}"` : ''}><v>${value}</v></c>`);
        cells.push(['number', row, column, value, style]);
      } else if (kind === 1) {
        const index = Math.floor(random() * 5_000);
        parts.push(`<c${ref} t="s"><v>${index}</v></c>`);
        cells.push(['shared', row, column, index]);
      } else if (kind === 2) {
        const value = random() < 0.5;
        parts.push(`<c${ref} t="b"><v>${value ? 1 : 0}</v></c>`);
        cells.push(['other', row, column, value]);
      } else if (kind === 3) {
        const text = ['a&b', '<x>', '"q"', '客户', '😀', 'line\nbreak', 'tab\there'][
          Math.floor(random() * 7)
        ]!;
        const escaped = text
          .replace(/&/gu, '&amp;')
          .replace(/</gu, '&lt;')
          .replace(/>/gu, '&gt;')
          .replace(/\n/gu, '&#10;');
        if (random() < 0.5) parts.push(`<c${ref} t="str"><f>X</f><v>${escaped}</v></c>`);
        else parts.push(`<c${ref} t="inlineStr"><is><t xml:space="preserve">${escaped}</t></is></c>`);
        cells.push(['other', row, column, text]);
      } else if (kind === 4) {
        parts.push(`<c${ref} t="e"><v>#N/A</v></c>`);
        cells.push(['other', row, column, '#N/A']);
      } else {
        parts.push(`<c${ref} s="1"/>`);
      }
    }
    parts.push('</row>');
  }
  parts.push('</sheetData>');
  return { xml: worksheet(parts.join('')), cells };
}

function columnName(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

describe('SheetXmlScanner: generated sheets', () => {
  it('names columns as Excel does (checks the generator)', () => {
    expect([1, 26, 27, 28, 52, 703, 16_384].map(columnName)).toEqual([
      'A',
      'Z',
      'AA',
      'AB',
      'AZ',
      'AAA',
      'XFD',
    ]);
  });

  it.each([1, 2, 3, 4, 5])('reads generated sheet %i whole and in random pieces', (seed) => {
    const { xml, cells } = generatedSheet(seed, 400);
    const bytes = utf8(xml);
    expect(scan(bytes)).toEqual(cells);
    const random = mulberry32(seed * 31);
    for (let trial = 0; trial < 40; trial++) {
      const size = 1 + Math.floor(random() * 4_096);
      const cuts: number[] = [];
      for (let at = size; at < bytes.length; at += 1 + Math.floor(random() * size)) cuts.push(at);
      expect(scan(bytes, cuts)).toEqual(cells);
    }
  });
});

describe('runsText', () => {
  it.each([
    ['<t>plain</t>', 'plain'],
    ['<t xml:space="preserve">  spaced  </t>', '  spaced  '],
    [
      '<r><rPr><b/><sz val="11"/><color theme="1"/><rFont val="Calibri"/></rPr><t>Ri</t></r><r><t>ch</t></r>',
      'Rich',
    ],
    ['<t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1" type="noConversion"/>', '漢字'],
    [
      '<r><t>a</t></r><rPh sb="0" eb="1"><t>x</t></rPh><r><t>b</t></r><rPh sb="1" eb="2"><t>y</t></rPh>',
      'ab',
    ],
    ['<t/>', ''],
    ['<t />', ''],
    ['<t></t>', ''],
    ['', ''],
    ['<rPr><b/></rPr>', ''],
    ['<tx>no</tx><t>yes</t>', 'yes'],
    ['<t>a &amp;amp; b</t>', 'a &amp; b'],
    ['<t>&lt;_x0041_&gt;</t>', '<A>'],
    ['<t>one</t><t>two</t>', 'onetwo'],
  ])('%j → %j', (xml, text) => {
    expect(runsText(xml)).toBe(text);
  });
});

describe('unescapeXml', () => {
  it.each([
    ['plain', 'plain'],
    ['&amp;&lt;&gt;&quot;&apos;', '&<>"\''],
    ['&#10;&#13;&#9;', '\n\r\t'],
    ['&#x41;&#X42;&#x1F600;&#128512;', 'A&#X42;😀😀'],
    ['&amp;lt;', '&lt;'],
    ['&amp;#10;', '&#10;'],
    ['&nbsp; &unknown; & alone', '&nbsp; &unknown; & alone'],
    ['_x000D_', '\r'],
    ['_x000d__x000A_', '\r\n'],
    ['_x005F_x000D_', '_x000D_'],
    ['_x00_ and _xZZZZ_ and x000D_', '_x00_ and _xZZZZ_ and x000D_'],
    ['a_x0009_b', 'a\tb'],
    ['&#95;x0041_', 'A'],
    // XML's line-end normalisation: a carriage return written as it is reads as a line feed.
    ['\r=2+2', '\n=2+2'],
    ['a\r\nb\rc', 'a\nb\nc'],
    ['&#13;\r\n', '\r\n'],
  ])('%j → %j', (escaped, text) => {
    expect(unescapeXml(escaped)).toBe(text);
  });
});
