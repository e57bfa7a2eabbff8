import fc from 'fast-check';
import { cellsOf } from '../../../src/engine/cellColumn';
import { detectDelimiter, parseCsv, parseCsvEncoded } from '../../../src/host/file/parseCsv';

/** Rows of a parsed table, header first, for readable expectations. */
function rowsOf(text: string | string[], options = {}): (string | null)[][] {
  const table = parseCsv(text, options);
  const rows: (string | null)[][] = [table.headers];
  for (let r = 0; r < table.rowCount; r++)
    rows.push(table.columns.map((column) => column[r] as string | null));
  return rows;
}

describe('parseCsv', () => {
  it.each([
    [
      'LF line ends',
      'a,b\n1,2\n3,4\n',
      [
        ['a', 'b'],
        ['1', '2'],
        ['3', '4'],
      ],
    ],
    [
      'CRLF line ends',
      'a,b\r\n1,2\r\n3,4\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
        ['3', '4'],
      ],
    ],
    [
      'no final line break',
      'a,b\r\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'a UTF-8 byte-order mark',
      '\uFEFFid,amount\n1,2\n',
      [
        ['id', 'amount'],
        ['1', '2'],
      ],
    ],
    [
      'quoted delimiters',
      'a,b\n"x,y",2\n',
      [
        ['a', 'b'],
        ['x,y', '2'],
      ],
    ],
    [
      'doubled quotes',
      'a,b\n"say ""hi""",2\n',
      [
        ['a', 'b'],
        ['say "hi"', '2'],
      ],
    ],
    [
      'line breaks inside quotes',
      'a,b\n"line 1\r\nline 2",2\n',
      [
        ['a', 'b'],
        ['line 1\r\nline 2', '2'],
      ],
    ],
    [
      'a quoted field last on a CRLF line',
      'a,b\r\n1,"x"\r\n',
      [
        ['a', 'b'],
        ['1', 'x'],
      ],
    ],
    [
      'blank fields as null',
      'a,b,c\n,2,\n',
      [
        ['a', 'b', 'c'],
        [null, '2', null],
      ],
    ],
    [
      'quoted empty fields as null',
      'a,b\n"",2\n',
      [
        ['a', 'b'],
        [null, '2'],
      ],
    ],
    [
      'short rows padded with null',
      'a,b,c\n1\n',
      [
        ['a', 'b', 'c'],
        ['1', null, null],
      ],
    ],
    [
      'long rows adding columns',
      'a,b\n1,2,3\n4,5\n',
      [
        ['a', 'b', ''],
        ['1', '2', '3'],
        ['4', '5', null],
      ],
    ],
    [
      'blank records in between kept, trailing ones dropped',
      'a,b\n1,2\n\n3,4\n\n\n',
      [
        ['a', 'b'],
        ['1', '2'],
        [null, null],
        ['3', '4'],
      ],
    ],
    [
      'numbers and leading zeros kept as text',
      'id,amount\n00042,1.50\n',
      [
        ['id', 'amount'],
        ['00042', '1.50'],
      ],
    ],
    ['formula-like text kept as text', 'a\n=SUM(A1)\n', [['a'], ['=SUM(A1)']]],
    [
      'spaces kept as written',
      ' Sales ,b\n 1 ,2\n',
      [
        [' Sales ', 'b'],
        [' 1 ', '2'],
      ],
    ],
    [
      'text after a closing quote kept',
      'a,b\n"x"y,2\n',
      [
        ['a', 'b'],
        ['xy', '2'],
      ],
    ],
    [
      'an unterminated quote running to the end',
      'a,b\n"x,2\n',
      [
        ['a', 'b'],
        ['x,2\n', null],
      ],
    ],
  ])('reads %s', (_name, text, expected) => {
    expect(rowsOf(text)).toEqual(expected);
  });

  it('detects semicolons and tabs as delimiters, ignoring those inside quotes', () => {
    expect(detectDelimiter('a;b;c\n1;2;3')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n')).toBe('\t');
    expect(detectDelimiter('"x;y;z",b,c\n')).toBe(',');
    expect(detectDelimiter('single')).toBe(',');
    expect(rowsOf('a;b\n"1,5";2\n')).toEqual([
      ['a', 'b'],
      ['1,5', '2'],
    ]);
  });

  it('skips records above the header and stops after maxRows', () => {
    expect(rowsOf('Sales report\n\nid,amount\n1,2\n3,4\n', { skipRows: 2 })).toEqual([
      ['id', 'amount'],
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(rowsOf('id,amount\n1,2\n3,4\n5,6\n', { maxRows: 2 })).toEqual([
      ['id', 'amount'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('reads a file given in pieces that end at record boundaries like the whole file', () => {
    const whole = '\uFEFFid,name\n1,"a\nb"\n2,c\n3,d\n';
    expect(rowsOf(['\uFEFFid,name\n1,"a\nb"\n', '2,c\n', '3,d\n'])).toEqual(rowsOf(whole));
  });

  // A quadratic search for a delimiter that is not there would not finish within the test's timeout; the
  // speed itself is measured in `npm run bench`, never here.
  it('reads a one-column file (no delimiter to find) of 200,000 rows', () => {
    const text = `id\n${Array.from({ length: 200_000 }, (_, i) => `C${i}`).join('\n')}\n`;
    const table = parseCsv(text);
    expect(table.rowCount).toBe(200_000);
    expect(table.columns[0]?.[199_999]).toBe('C199999');
  });

  it('round-trips any table written with RFC 4180 quoting', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r\n', ' ', '中', '0') });
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 8 }),
        (rows) => {
          const quoteField = (value: string): string => `"${value.replace(/"/g, '""')}"`;
          const text = ['h1,h2,h3', ...rows.map((row) => row.map(quoteField).join(','))].join('\r\n');
          const table = parseCsv(text, { delimiter: ',' });
          const blankTail = [...rows].reverse().findIndex((row) => row.some((value) => value !== ''));
          const expectedCount = blankTail < 0 ? 0 : rows.length - blankTail;
          expect(table.rowCount).toBe(expectedCount);
          rows.slice(0, expectedCount).forEach((row, r) => {
            row.forEach((value, c) => {
              expect(table.columns[c]?.[r]).toBe(value === '' ? null : value);
            });
          });
        },
      ),
    );
  });

  it('parses 1,000,000 rows × 8 columns (speed: npm run bench)', () => {
    const lines = ['InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country'];
    for (let i = 0; i < 1_000_000; i++) {
      lines.push(
        `${536365 + (i >> 3)},85123A,"HEART, WHITE",${i % 12},2010-12-01 08:26:00,2.55,${17850 + (i % 4000)}.0,United Kingdom`,
      );
    }
    const text = lines.join('\r\n');
    const table = parseCsv(text);
    expect(table.rowCount).toBe(1_000_000);
    expect(table.columns[2]?.[999_999]).toBe('HEART, WHITE');
    expect(table.columns[7]?.[999_999]).toBe('United Kingdom');
  });

  it('widens past blank fields when a row is longer than the header by more than one field', () => {
    for (const encodeRepeats of [false, true]) {
      const table = (encodeRepeats ? parseCsvEncoded : parseCsv)('A\nC1,, x\n');
      expect(table.headers).toEqual(['A', '', '']);
      expect(table.columns.map((column) => [...cellsOf(column)])).toEqual([['C1'], [null], [' x']]);
    }
  });
});
