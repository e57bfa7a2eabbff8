import fc from 'fast-check';
import {
  cellAt,
  cellsOf,
  encodeColumn,
  isDecimal,
  isEncoded,
  isPrefixedNumber,
} from '../../../src/engine/cellColumn';
import type { CellColumn, RawCell } from '../../../src/engine/types';
import { parseCsv, parseCsvEncoded } from '../../../src/host/file/parseCsv';

/** A CSV field as written: plain, or quoted with delimiters, quotes and line breaks inside. */
function field(text: string): string {
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

function csvText(rows: readonly (readonly string[])[], lineEnd: string): string {
  return rows.map((row) => row.map(field).join(',')).join(lineEnd);
}

/** Both parses, the encoded one decoded to plain cells. */
function bothParses(text: string): { plain: unknown[][]; encoded: unknown[][]; kinds: boolean[] } {
  const plain = parseCsv(text);
  const encoded = parseCsvEncoded(text);
  expect(encoded.headers).toEqual(plain.headers);
  expect(encoded.rowCount).toBe(plain.rowCount);
  return {
    plain: plain.columns.map((column) => [...column]),
    encoded: encoded.columns.map((column) => [...cellsOf(column)]),
    kinds: encoded.columns.map(isEncoded),
  };
}

const words = [
  'C1',
  'C2',
  ' C1',
  'C1 ',
  '客户',
  '😀',
  'a,b',
  'say "hi"',
  'two\nlines',
  '',
  '00042',
  '=SUM(A1)',
];

describe('parseCsv with repeats encoded', () => {
  it('reads every field as the plain parse does (random tables with quotes, blanks, line breaks)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(
          fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 6 })), { maxLength: 7 }),
          {
            maxLength: 40,
          },
        ),
        fc.constantFrom('\n', '\r\n'),
        (width, body, lineEnd) => {
          const header = Array.from({ length: width }, (_, c) => `H${c}`);
          const { plain, encoded } = bothParses(csvText([header, ...body], lineEnd));
          expect(encoded).toEqual(plain);
        },
      ),
      { seed: 20_241_122, numRuns: 400 },
    );
  });

  it('keeps repeated ids as codes and turns a mostly distinct column into plain cells', () => {
    const rows = [['Customer ID', 'Amount', 'Date']];
    for (let i = 0; i < 20_000; i++) rows.push([`C${i % 500}`, String(i * 1.25), `2024-01-${1 + (i % 28)}`]);
    const { plain, encoded, kinds } = bothParses(csvText(rows, '\r\n'));
    expect(encoded).toEqual(plain);
    expect(kinds).toEqual([true, false, true]);
    const parsed = parseCsvEncoded(csvText(rows, '\n'));
    const ids = parsed.columns[0]!;
    expect(isEncoded(ids) && ids.values.length).toBe(500);
  });

  it('keeps ids coded when the table starts with every customer once (a first purchase each), then repeats', () => {
    // 12,000 customers over 100,000 rows: the first 12,000 rows are all new ids, more than half of the rows
    // seen so far, yet under an eighth of the table; the amounts stay mostly distinct.
    const rows = [['Customer ID', 'Amount']];
    for (let i = 0; i < 100_000; i++)
      rows.push([`C${(i < 12_000 ? i : (i * 7_919) % 12_000).toString()}`, String(i + 0.5)]);
    const { plain, encoded, kinds } = bothParses(csvText(rows, '\n'));
    expect(encoded).toEqual(plain);
    expect(kinds).toEqual([true, false]);
  });

  it('reads runs of repeated fields as the plain parse does (few distinct values, blanks between)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom('C1', 'C1 ', 'C10', '0', '-0', '0.0', '7', '7.5', '7.50', '', 'a"b', '客户'),
            fc.constantFrom('1', '2', '2.5', '-2.5', '', 'x'),
          ),
          { maxLength: 60 },
        ),
        (body) => {
          const { plain, encoded } = bothParses(csvText([['A', 'B'], ...body], '\n'));
          expect(encoded).toEqual(plain);
        },
      ),
      { seed: 20_261_207, numRuns: 300 },
    );
  });

  it('tells apart texts that differ only in a late character, at the 12-character edge, or past U+00FF', () => {
    // Up to 12 characters from U+0001 to U+00FF a text is found by its characters packed in the table's
    // slot; longer ones, and ones with U+0000 or a wider character, by their hash and the text itself.
    const base = 'ABCDEFGHIJK';
    const texts = [
      ...['1', '2', 'ÿ', 'Ā', '\u0000'].map((last) => base + last),
      `${base}12`,
      `${base}13`,
      base,
      `${base.slice(0, 7)}\u0000`,
      base.slice(0, 7),
      'é',
      'ée',
      '客户',
    ];
    const rows = [['Id']];
    for (let i = 0; i < 3000; i++) rows.push([texts[(i * 7) % texts.length]!]);
    const { plain, encoded, kinds } = bothParses(csvText(rows, '\n'));
    expect(encoded).toEqual(plain);
    expect(kinds).toEqual([true]);
    const ids = parseCsvEncoded(csvText(rows, '\n')).columns[0]!;
    expect(isEncoded(ids) && [...ids.values].sort()).toEqual([...texts].sort());
  });

  it('handles hash collisions and many distinct values below the judging point', () => {
    // 4,000 distinct ids of one shape, each repeated twice: every lookup must compare the text itself.
    const rows = [['Id']];
    for (let round = 0; round < 2; round++) for (let i = 0; i < 4_000; i++) rows.push([`X${i.toString(36)}`]);
    const { plain, encoded, kinds } = bothParses(csvText(rows, '\n'));
    expect(encoded).toEqual(plain);
    expect(kinds).toEqual([true]);
  });
});

describe('parseCsv with plain decimal columns kept as numbers', () => {
  /** A CSV of one column `x` with these fields (quoted when they need it). */
  const oneColumn = (fields: readonly string[]): string => ['x', ...fields.map(field)].join('\n');
  /** Mostly distinct amounts with trailing zeros, negatives and −0. */
  const amount = (i: number): string =>
    i % 997 === 0 ? '-0.00' : `${i % 7 === 0 ? '-' : ''}${String(i)}.${String(i % 100).padStart(2, '0')}`;

  /** The column as the parse hands it over, with what a text-only column of the same fields holds. */
  function parsed(fields: readonly string[]): { column: CellColumn; texts: unknown[] } {
    const text = oneColumn(fields);
    const column = parseCsvEncoded(text).columns[0]!;
    const texts = [...parseCsv(text).columns[0]!];
    expect([...cellsOf(column)]).toEqual(texts);
    return { column, texts };
  }

  it('a mostly distinct column of plain decimal text becomes numbers, read back as its exact texts', () => {
    const fields = Array.from({ length: 6000 }, (_, i) => (i % 500 === 3 ? '' : amount(i)));
    const { column } = parsed(fields);
    expect(isDecimal(column)).toBe(true);
    if (!isDecimal(column)) return;
    expect(cellAt(column, 0)).toBe('-0.00');
    expect(Object.is(column.numbers[0], -0)).toBe(true);
    expect(cellAt(column, 3)).toBeNull();
    expect(cellAt(column, 10)).toBe('10.10');
    expect(column.numbers[7]).toBe(-7.07);
  });

  it.each([['N/A'], ['1,234.50'], ['007'], ['1e5'], ['-'], [' 12.50']])(
    'after 5,000 numeric rows, %j turns the column into the plain cells it would have been',
    (odd) => {
      const fields = Array.from({ length: 8000 }, (_, i) => (i === 5000 ? odd : amount(i)));
      const { column } = parsed(fields);
      expect(Array.isArray(column)).toBe(true);
    },
  );

  it('a repeating column of plain decimal text keeps codes into the same texts, in the same order', () => {
    // Quantities and numeric ids: few distinct values; "1.5" and "1.50", "0" and "-0" are different texts.
    const values = ['1', '2', '1.5', '1.50', '0', '-0', '10', '0.25'];
    const fields = Array.from({ length: 6000 }, (_, i) => values[(i * 7 + (i >> 4)) % values.length]!);
    const { column, texts } = parsed(fields);
    expect(isEncoded(column)).toBe(true);
    expect(column).toEqual(encodeColumn(texts as RawCell[]));
    // A later odd field (a text, or a leading zero) keeps the codes and adds its text.
    for (const odd of ['N/A', '007']) {
      const { column: mixed, texts: mixedTexts } = parsed([...fields, odd, '2', odd]);
      expect(mixed).toEqual(encodeColumn(mixedTexts as RawCell[]));
    }
  });

  it('a repeating column of amounts becomes numbers past 4,096 distinct values; integer ids stay codes', () => {
    // Each value on four rows in a row (an order's lines): never mostly distinct, yet amounts (with
    // decimals) are read as numbers anyway, and only ids keep codes.
    const rows = [['Id', 'Amount']];
    for (let i = 0; i < 24_000; i++) {
      const v = i >> 2;
      rows.push([
        String(1000 + v),
        v % 10 === 0 ? String(v) : `${String(v)}.${String(v % 100).padStart(2, '0')}`,
      ]);
    }
    const { plain, encoded, kinds } = bothParses(csvText(rows, '\n'));
    expect(encoded).toEqual(plain);
    expect(kinds).toEqual([true, false]);
    const amounts = parseCsvEncoded(csvText(rows, '\n')).columns[1]!;
    expect(isDecimal(amounts)).toBe(true);
    // Under 4,096 distinct amounts the column keeps its codes.
    const few = parseCsvEncoded(csvText(rows.slice(0, 16_000), '\n')).columns[1]!;
    expect(isEncoded(few)).toBe(true);
  });

  it('tells a field from the same field on the row above by every character, decimal and sign', () => {
    // Fields that repeat the row above are not looked up: near repeats must still get their own codes.
    const fields = ['0', '0', '-0', '-0', '0', '1.5', '1.50', '1.50', '1.5', '15', '15', '1', '-1', '-1'];
    const { column, texts } = parsed([...fields, ...fields]);
    expect(column).toEqual(encodeColumn(texts as RawCell[]));
    expect(isEncoded(column) && column.values).toEqual(['0', '-0', '1.5', '1.50', '15', '1', '-1']);
    const words = ['ab', 'ab', 'abc', 'abd', 'abd', 'ab', 'b', 'b', 'ba', 'N/A', 'N/A', '1', '1'];
    const mixed = parsed([...words, ...words]);
    expect(mixed.column).toEqual(encodeColumn(mixed.texts as RawCell[]));
  });

  it('ids that rise down the rows (sequential invoices), then one seen before: the codes of the texts', () => {
    // A larger value than the last distinct one is new without a lookup; the first that is not larger is
    // looked up among all so far.
    const rising = Array.from({ length: 3000 }, (_, i) => String(1000 + (i >> 1)));
    for (const later of [
      ['1500', '1001', '2600'],
      ['999', '1000'],
      ['2499', '2499.0', '2499.00'],
      ['0', '-0'],
    ]) {
      const { column, texts } = parsed([...rising, ...later, ...rising.slice(0, 50)]);
      expect(isEncoded(column)).toBe(true);
      expect(column).toEqual(encodeColumn(texts as RawCell[]));
    }
    // −0 then 0, 1.5 then 1.50: equal values, different texts.
    const signs = parsed(['-0', '0', '1.5', '1.50', '2', '-0', '1.50', '3']);
    expect(signs.column).toEqual(encodeColumn(signs.texts as RawCell[]));
    expect(isEncoded(signs.column) && signs.column.values).toEqual(['-0', '0', '1.5', '1.50', '2', '3']);
    const zeros = parsed(['0', '-0', '0', '5', '-0', '6']);
    expect(isEncoded(zeros.column) && zeros.column.values).toEqual(['0', '-0', '5', '6']);
    // Every row a new, larger id: mostly distinct, numbers, as before.
    const orders = parsed(Array.from({ length: 40_000 }, (_, i) => String(1_000_001 + i)));
    expect(isDecimal(orders.column)).toBe(true);
  });

  it('judges a numeric column mostly distinct at the same row as its texts, then keeps numbers', () => {
    // Repeats first, then only new values: the switch comes where the text column would turn into cells.
    const fields = [
      ...Array.from({ length: 20_000 }, (_, i) => String(i % 3000)),
      ...Array.from({ length: 60_000 }, (_, i) => amount(i + 5000)),
    ];
    const { column } = parsed(fields);
    expect(isDecimal(column)).toBe(true);
    const withText = parsed([...fields, 'N/A']);
    expect(Array.isArray(withText.column)).toBe(true);
  });
});

describe('parseCsv with prefixed number ids kept as prefixes and numbers', () => {
  const oneColumn = (fields: readonly string[]): string => ['x', ...fields.map(field)].join('\n');
  /** One line per order: a new order id on every row, now and then another prefix or a blank. */
  const orderId = (i: number): string =>
    i % 500 === 3 ? '' : i % 301 === 0 ? `INV-2024-${String(i)}` : `SO${String(i).padStart(7, '0')}`;

  function parsed(fields: readonly string[]): { column: CellColumn; texts: unknown[] } {
    const text = oneColumn(fields);
    const column = parseCsvEncoded(text).columns[0]!;
    const texts = [...parseCsv(text).columns[0]!];
    expect([...cellsOf(column)]).toEqual(texts);
    return { column, texts };
  }

  it('a mostly distinct column of prefixed number ids becomes prefixes and numbers, read back exactly', () => {
    const { column } = parsed(Array.from({ length: 20_000 }, (_, i) => orderId(i)));
    expect(isPrefixedNumber(column)).toBe(true);
    if (!isPrefixedNumber(column)) return;
    expect(column.prefixes).toEqual(['INV-2024-', 'SO']);
    expect(cellAt(column, 1)).toBe('SO0000001');
    expect(cellAt(column, 3)).toBeNull();
    expect(cellAt(column, 602)).toBe('INV-2024-602');
    // Quoted fields are read the same way.
    const quoted = parseCsvEncoded(
      ['x', ...Array.from({ length: 20_000 }, (_, i) => `"SO${String(i)}"`)].join('\n'),
    );
    expect(isPrefixedNumber(quoted.columns[0]!)).toBe(true);
    expect(cellAt(quoted.columns[0]!, 7)).toBe('SO7');
  });

  it.each([
    ['42'],
    ['SO'],
    ['SO12 '],
    [' SO12'],
    ['#N/A'],
    ['SO1234567890123456'],
    ['1SO'],
    ['a,b'],
    ['客户'],
  ])(
    'after 5,000 ids past the judging point, %j turns the column into the plain cells it would have been',
    (odd) => {
      const fields = Array.from({ length: 20_000 }, (_, i) => (i === 15_000 ? odd : orderId(i)));
      const { column } = parsed(fields);
      expect(Array.isArray(column)).toBe(true);
      // Until then the column was prefixes and numbers.
      expect(isPrefixedNumber(parsed(fields.slice(0, 15_000)).column)).toBe(true);
    },
  );

  it('a 33rd prefix turns the column into plain cells; so does an odd text before the judging point', () => {
    const manyPrefixes = Array.from({ length: 20_000 }, (_, i) =>
      i === 15_000 ? 'Q1' : `${'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef'[i % 32]!}x${String(i)}`,
    );
    expect(Array.isArray(parsed(manyPrefixes).column)).toBe(true);
    expect(isPrefixedNumber(parsed(manyPrefixes.slice(0, 15_000)).column)).toBe(true);
    const early = Array.from({ length: 20_000 }, (_, i) => (i === 100 ? 'N/A' : orderId(i)));
    expect(Array.isArray(parsed(early).column)).toBe(true);
  });

  it('repeating ids stay codes into the same texts', () => {
    const fields = Array.from({ length: 20_000 }, (_, i) => `SO${String(i >> 2)}`);
    const { column, texts } = parsed(fields);
    expect(column).toEqual(encodeColumn(texts as RawCell[]));
  });
});
