import fc from 'fast-check';
import {
  blankDecimals,
  cellAt,
  cellsOf,
  columnOfLength,
  decimalText,
  isDecimal,
} from '../../src/engine/cellColumn';
import { parseNumberCell } from '../../src/engine/parseCell';
import { storePlainDecimal } from '../../src/engine/storePlainDecimal';

/** What storePlainDecimal must accept: no leading zero but that of `0.5`, at most 15 digits in all. */
function isPlain(text: string): boolean {
  return /^-?(0|[1-9]\d*)(\.\d+)?$/u.test(text) && text.replace(/[-.]/gu, '').length <= 15;
}

/** Stores `text` (between other characters, as in a file) and reads it back; null when refused. */
function roundTrip(text: string): { value: number; decimals: number; text: string } | null {
  const numbers = new Float64Array(3).fill(7);
  const decimals = new Uint8Array(3).fill(9);
  const line = `x,${text},y`;
  if (!storePlainDecimal(line, 2, 2 + text.length, numbers, decimals, 1)) {
    // Nothing stored for a refused field.
    expect([numbers[1], decimals[1]]).toEqual([7, 9]);
    return null;
  }
  expect([numbers[0], numbers[2], decimals[0], decimals[2]]).toEqual([7, 7, 9, 9]);
  return { value: numbers[1]!, decimals: decimals[1]!, text: decimalText(numbers[1]!, decimals[1]!) };
}

describe('storePlainDecimal and decimalText: plain decimal text kept as a number, losslessly', () => {
  const digits = (min: number, max: number): fc.Arbitrary<string> =>
    fc
      .array(fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'), {
        minLength: min,
        maxLength: max,
      })
      .map((d) => d.join(''));
  const decimalTexts = fc
    .tuple(fc.boolean(), digits(1, 17), fc.option(digits(0, 17)))
    .map(
      ([negative, whole, fraction]) =>
        `${negative ? '-' : ''}${whole}${fraction === null ? '' : `.${fraction}`}`,
    );

  it('accepts exactly the plain texts; each gives Number(text) and toFixed gives the text back', () => {
    fc.assert(
      fc.property(decimalTexts, (text) => {
        const stored = roundTrip(text);
        expect(stored !== null).toBe(isPlain(text));
        if (stored === null) return;
        expect(Object.is(stored.value, Number(text))).toBe(true);
        // The engine's reading of the text is the stored number (no setting reads plain text otherwise).
        expect(Object.is(parseNumberCell(text), stored.value)).toBe(true);
        expect(stored.text).toBe(text);
        expect(stored.decimals).toBe(text.includes('.') ? text.length - text.indexOf('.') - 1 : 0);
      }),
      { numRuns: 20_000 },
    );
  });

  it('keeps −0, trailing zeros and 15-digit values; refuses leading zeros, signs, exponents and spaces', () => {
    for (const text of [
      '0',
      '-0',
      '-0.00',
      '0.50',
      '12.50',
      '-12.50',
      '100',
      '999999999999999',
      '-999999999999999',
      '0.00000000000001',
      '12345678901234.5',
      '1234567890.12345',
      '900719925.474099',
      '-0.99999999999999',
    ]) {
      expect(roundTrip(text)?.text).toBe(text);
    }
    expect(Object.is(roundTrip('-0')?.value, -0)).toBe(true);
    for (const text of [
      '007',
      '00.5',
      '-007',
      '1234567890123456',
      '0.000000000000001',
      '+1',
      '1e5',
      ' 1',
      '1 ',
      '1.',
      '.5',
      '-',
      '',
      '1,5',
      '1.2.3',
      'N/A',
      '١٢',
    ]) {
      expect(roundTrip(text)).toBeNull();
    }
  });

  it('a decimal column reads as its texts (cellAt, cellsOf, columnOfLength), blanks as null', () => {
    const texts = ['12.50', null, '-0', '3', '0.125'];
    const numbers = new Float64Array(texts.length).fill(Number.NaN);
    const decimals = new Uint8Array(texts.length).fill(blankDecimals);
    texts.forEach((text, i) => {
      if (text !== null) expect(storePlainDecimal(text, 0, text.length, numbers, decimals, i)).toBe(true);
    });
    const column = { numbers, decimals };
    expect(texts.map((_, i) => cellAt(column, i))).toEqual(texts);
    expect(cellAt(column, 99)).toBeNull();
    expect(cellsOf(column)).toEqual(texts);
    expect(cellsOf(columnOfLength(column, 7))).toEqual([...texts, null, null]);
    expect(cellsOf(columnOfLength(column, 2))).toEqual(texts.slice(0, 2));
    // As the page's file worker posts it to the page (structured clone): still numbers, the same texts.
    const posted = structuredClone(column);
    expect(isDecimal(posted)).toBe(true);
    expect(cellsOf(posted)).toEqual(texts);
  });
});
