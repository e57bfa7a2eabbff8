import fc from 'fast-check';
import { cellsOf, isEncoded } from '../../../src/engine/cellColumn';
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

  it('handles hash collisions and many distinct values below the judging point', () => {
    // 4,000 distinct ids of one shape, each repeated twice: every lookup must compare the text itself.
    const rows = [['Id']];
    for (let round = 0; round < 2; round++) for (let i = 0; i < 4_000; i++) rows.push([`X${i.toString(36)}`]);
    const { plain, encoded, kinds } = bothParses(csvText(rows, '\n'));
    expect(encoded).toEqual(plain);
    expect(kinds).toEqual([true]);
  });
});
