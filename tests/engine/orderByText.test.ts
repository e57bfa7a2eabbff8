/**
 * orderByText (already-sorted check, LSD radix over a dense alphabet, comparison fallback past 48 code
 * units) against a reference comparator sort in code-unit order (`a < b`), ties by position.
 */
import { compareIds } from '../../src/engine/compareIds';
import { orderByText } from '../../src/engine/orderByText';
import { mulberry32 } from '../../src/sample/mulberry32';

function reference(texts: readonly string[]): number[] {
  return texts
    .map((_, k) => k)
    .sort((a, b) => {
      const x = texts[a]!;
      const y = texts[b]!;
      return x < y ? -1 : x > y ? 1 : a - b;
    });
}

function expectSorted(texts: readonly string[]): void {
  const actual = orderByText(texts);
  expect(actual).toBeInstanceOf(Int32Array);
  expect(Array.from(actual)).toEqual(reference(texts));
}

/** Random text of `length` units drawn from `alphabet` (whole strings, so surrogate pairs stay pairs). */
function randomText(random: () => number, alphabet: readonly string[], length: number): string {
  let text = '';
  for (let k = 0; k < length; k++) text += alphabet[Math.floor(random() * alphabet.length)]!;
  return text;
}

const ascii = Array.from('ABCabc019 -_#');
const wide = [
  'a',
  'Z',
  '0',
  'é',
  'ß',
  '客',
  '户',
  '中',
  '文',
  '😀',
  '𝒜',
  '\uFF01',
  '\uE000',
  '\uFFFF',
  '\u0000',
];

type Generator = (random: () => number, n: number) => string[];

const generators: Record<string, Generator> = {
  'short ASCII texts of varying length (many duplicates)': (random, n) =>
    Array.from({ length: n }, () => randomText(random, ascii.slice(0, 4), Math.floor(random() * 4))),
  'ids with shared prefixes': (random, n) =>
    Array.from(
      { length: n },
      () => `CUST-00${randomText(random, Array.from('0123456789'), 1 + Math.floor(random() * 3))}`,
    ),
  'texts with empty strings': (random, n) =>
    Array.from({ length: n }, () =>
      random() < 0.2 ? '' : randomText(random, ascii, Math.floor(random() * 8)),
    ),
  'non-ASCII, CJK and surrogate pairs': (random, n) =>
    Array.from({ length: n }, () => randomText(random, wide, Math.floor(random() * 6))),
  'texts longer than 48 code units (comparison fallback)': (random, n) =>
    Array.from({ length: n }, () =>
      random() < 0.5
        ? randomText(random, ascii, Math.floor(random() * 10))
        : `${'x'.repeat(45)}${randomText(random, wide, Math.floor(random() * 10))}`,
    ),
  'texts of exactly 48 code units and shorter (radix limit)': (random, n) =>
    Array.from(
      { length: n },
      () => `${'k'.repeat(40)}${randomText(random, ascii, Math.floor(random() * 9))}`,
    ),
  'already sorted input with duplicates': (random, n) =>
    Array.from({ length: n }, () => randomText(random, ascii, 3)).sort(),
};

describe('orderByText', () => {
  it('sorts the documented example', () => {
    expect(orderByText(['b', 'a', 'ab'])).toEqual(Int32Array.from([1, 2, 0]));
  });

  it('sorts an empty list and one text', () => {
    expect(orderByText([])).toEqual(new Int32Array(0));
    expect(Array.from(orderByText(['only']))).toEqual([0]);
  });

  it('puts a prefix before its extensions and the empty text first', () => {
    const texts = ['abc', 'ab', '', 'a', 'abcd', 'b'];
    expect(Array.from(orderByText(texts))).toEqual([2, 3, 1, 0, 4, 5]);
  });

  it('orders by code unit: upper case before lower case, digits before letters', () => {
    const texts = ['b', 'B', 'a', 'A', '10', '9', '1'];
    expect(Array.from(orderByText(texts))).toEqual([6, 4, 5, 3, 1, 2, 0]);
  });

  it('orders by UTF-16 code unit, not by code point (a surrogate pair sorts below U+E000…U+FFFF)', () => {
    const texts = ['\uFF01', '😀', '\uE000', '客'];
    // Code units: FF01, D83D DE00, E000, 5BA2.
    expect(Array.from(orderByText(texts))).toEqual([3, 1, 2, 0]);
  });

  it('is stable for duplicates', () => {
    const texts = ['b', 'a', 'b', 'a', '', 'b', ''];
    expect(Array.from(orderByText(texts))).toEqual([4, 6, 1, 3, 0, 2, 5]);
  });

  it('is stable for duplicates longer than 48 code units', () => {
    const long = 'y'.repeat(60);
    const texts = [`${long}b`, `${long}a`, `${long}b`, 'short', `${long}a`];
    expect(Array.from(orderByText(texts))).toEqual([3, 1, 4, 0, 2]);
  });

  it('returns the identity for sorted input, ties included', () => {
    const texts = ['', 'a', 'a', 'ab', 'b', 'b'];
    expect(Array.from(orderByText(texts))).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('notices input that is sorted except for its last text', () => {
    expectSorted(['a', 'b', 'c', 'd', 'a']);
    expectSorted(['a', 'b', 'c', 'd', '']);
  });

  it('agrees with compareIds on ids a sales table holds', () => {
    const texts = ['C10', 'C2', 'c1', '00042', '42', ' C1', 'C1', '客户1', 'C1 '];
    const byCompare = texts.map((_, k) => k).sort((a, b) => compareIds(texts[a]!, texts[b]!) || a - b);
    expect(Array.from(orderByText(texts))).toEqual(byCompare);
  });

  it('sorts texts whose last code unit alone differs at the radix limit (48) and past it (49)', () => {
    for (const length of [47, 48, 49, 50]) {
      const prefix = 'p'.repeat(length - 1);
      const texts = [`${prefix}c`, `${prefix}a`, prefix, `${prefix}b`, `${prefix}a`];
      expect(Array.from(orderByText(texts))).toEqual([2, 1, 4, 3, 0]);
    }
  });

  it('sorts by one packed number when the varying positions fit 32 bits, and by characters when not', () => {
    // 15 symbols + "past the end" = base 16: 8 varying positions make exactly 2^32 keys, 9 are too many.
    const symbols = Array.from('0123456789ABCDE');
    for (const varying of [7, 8, 9]) {
      const random = mulberry32(varying);
      const texts = Array.from(
        { length: 3_000 },
        () => `ID-${randomText(random, symbols, varying - Math.floor(random() * 2))}`,
      );
      texts[0] = `ID-${'E'.repeat(varying)}`;
      texts[1] = 'ID-';
      expectSorted(texts);
    }
  });

  it('sorts texts that use every one of the 65,536 code units', () => {
    const random = mulberry32(65_536);
    const texts = Array.from({ length: 2_048 }, (_, k) =>
      String.fromCharCode(...Array.from({ length: 32 }, (_unused, p) => k * 32 + p)),
    );
    for (let k = texts.length - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      [texts[k], texts[j]] = [texts[j]!, texts[k]!];
    }
    expectSorted(['a\uFFFF', ...texts, 'a', texts[5]!.slice(0, 3), '', 'a\uFFFE']);
  });

  describe.each(Object.entries(generators))('random inputs: %s', (_name, generate) => {
    it.each([2, 3, 10, 200, 2_000])('n = %i', (n) => {
      for (let seed = 1; seed <= 5; seed++) expectSorted(generate(mulberry32(seed * 1_009 + n), n));
    });
  });

  it('sorts 50,000 shuffled customer ids as the reference does', () => {
    const random = mulberry32(7);
    const texts = Array.from(
      { length: 50_000 },
      () => `C${String(Math.floor(random() * 20_000)).padStart(5, '0')}`,
    );
    expectSorted(texts);
  });
});
