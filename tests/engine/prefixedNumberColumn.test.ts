import fc from 'fast-check';
import {
  cellAt,
  cellsOf,
  columnOfLength,
  isPrefixedNumber,
  prefixedNumberText,
} from '../../src/engine/cellColumn';
import { orderCodesOf } from '../../src/engine/orderCodesOf';
import { parseIdCell } from '../../src/engine/parseCell';
import { orderKey, parseSales } from '../../src/engine/parseSales';
import { prefixedNumberTail } from '../../src/engine/prefixedNumberTail';
import type { CellColumn, LoadedTable, PrefixedNumberColumn } from '../../src/engine/types';

/** What prefixedNumberTail must accept: an ASCII letter first, then anything, then 1–15 digits to the end. */
function isPrefixedNumberText(text: string): boolean {
  const match = /^(.*?)(\d+)$/su.exec(text);
  return match !== null && /^[A-Za-z]/u.test(match[1]!) && match[2]!.length <= 15;
}

/** Prefixed number ids (or blanks) as the CSV reader hands them over when they are mostly distinct. */
function prefixedColumn(texts: readonly (string | null)[]): PrefixedNumberColumn {
  const prefixes: string[] = [];
  const prefixCodes = new Uint8Array(texts.length);
  const tails = new Float64Array(texts.length);
  const widths = new Uint8Array(texts.length);
  texts.forEach((text, i) => {
    if (text === null) return;
    const tail = prefixedNumberTail(text, 0, text.length);
    if (tail < 0) throw new Error(`not a prefixed number id: ${text}`);
    const prefix = text.slice(0, tail);
    if (!prefixes.includes(prefix)) prefixes.push(prefix);
    prefixCodes[i] = prefixes.indexOf(prefix);
    tails[i] = Number(text.slice(tail));
    widths[i] = text.length - tail;
  });
  return { prefixes, prefixCodes, tails, widths };
}

/** A deterministic pseudo-random sequence (so a failure can be replayed). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
}

describe('prefixed number ids (SO0000001) kept as prefix, number and width, losslessly', () => {
  const ids = fc
    .tuple(
      fc.constantFrom('S', 'SO', 'a', 'INV-2024-', 'Nx', 'i', 'Z 9 ', '客', '1', '-', ' S', '#N/A', ''),
      fc.string({ unit: fc.constantFrom('0', '1', '9', '0', '5'), maxLength: 18 }),
      fc.constantFrom('', '', '', 'x', ' ', '.'),
    )
    .map(([prefix, digits, end]) => prefix + digits + end);

  it('accepts exactly the prefixed number texts; each comes back whole, and is its own id and order key', () => {
    fc.assert(
      fc.property(ids, (text) => {
        const line = `x,${text},y`;
        const tail = prefixedNumberTail(line, 2, 2 + text.length);
        expect(tail >= 0).toBe(isPrefixedNumberText(text));
        if (tail < 0) return;
        const prefix = line.slice(2, tail);
        const digits = line.slice(tail, 2 + text.length);
        expect(prefixedNumberText(prefix, Number(digits), digits.length)).toBe(text);
        // orderCodesOf's fast path rests on these: the text is its own key, so equal keys are equal texts.
        expect(orderKey(text)).toBe(text);
        expect(parseIdCell(text)).toBe(text);
      }),
      { numRuns: 20_000 },
    );
  });

  it('keeps leading zeros and 15-digit tails; refuses texts without a letter first or with 16 digits', () => {
    for (const text of ['SO0000001', 'A0', 'x000', 'INV-2024-0042', 'S999999999999999', 'In1', 'NaN1']) {
      const tail = prefixedNumberTail(text, 0, text.length);
      expect(tail).toBeGreaterThan(0);
      expect(prefixedNumberText(text.slice(0, tail), Number(text.slice(tail)), text.length - tail)).toBe(
        text,
      );
    }
    for (const text of ['42', 'SO', 'S1234567890123456', '-1', ' SO1', 'SO1 ', '#N/A1', '', '1SO1', 'SO1x']) {
      expect(prefixedNumberTail(text, 0, text.length)).toBe(-1);
    }
  });

  it('a prefixed number column reads as its texts (cellAt, cellsOf, columnOfLength, structured clone)', () => {
    const texts = ['SO0000001', null, 'SO0000002', 'INV-7', 'SO10', null];
    const column = prefixedColumn(texts);
    expect(texts.map((_, i) => cellAt(column, i))).toEqual(texts);
    expect(cellAt(column, 99)).toBeNull();
    expect(cellsOf(column)).toEqual(texts);
    expect(cellsOf(columnOfLength(column, 8))).toEqual([...texts, null, null]);
    expect(cellsOf(columnOfLength(column, 3))).toEqual(texts.slice(0, 3));
    // As the page's file worker posts it to the page: still prefixes and numbers, the same texts.
    const posted = structuredClone(column);
    expect(isPrefixedNumber(posted)).toBe(true);
    expect(cellsOf(posted)).toEqual(texts);
  });

  it('orderCodesOf numbers (prefix, width, tail) triples exactly as it numbers their texts', () => {
    const next = random(7);
    const odd = ['SO1', 'SO01', 'SO001', 'SO10', 'A1', 'B1', 'A01', 'SO0000001'];
    const cases: (string | null)[][] = [
      // One line per order, ascending: the one-line shape.
      Array.from({ length: 5000 }, (_, i) => `SO${String(i + 1).padStart(7, '0')}`),
      // Lines of an order together, ascending, a blank now and then, a second prefix after the first.
      Array.from({ length: 5000 }, (_, i) =>
        i % 97 === 5 ? null : `${i < 2500 ? 'SO' : 'SP'}${String(i >> 2).padStart(6, '0')}`,
      ),
      // Ascending as texts but not as numbers of one width: SO9 then SO10 then SO1…
      ['SO9', 'SO10', 'SO1', 'SO10', 'SO01', 'SO1'],
      // Widths apart: SO1, SO01 and SO001 are three orders.
      ['SO1', 'SO01', 'SO001', 'SO1', 'SO01'],
      // Any order, repeats and blanks.
      Array.from({ length: 20_000 }, () =>
        next() < 0.05
          ? null
          : next() < 0.2
            ? odd[Math.floor(next() * odd.length)]!
            : `SO${String(Math.floor(next() * 5000)).padStart(7, '0')}`,
      ),
    ];
    for (const texts of cases) {
      for (const rows of [texts.length, texts.length + 3]) {
        const fromNumbers = orderCodesOf(prefixedColumn(texts), rows);
        const fromTexts = orderCodesOf(texts, rows);
        expect(fromNumbers.count).toBe(fromTexts.count);
        expect(Array.from(fromNumbers.codes)).toEqual(Array.from(fromTexts.codes));
      }
    }
  });

  it('parseSales gives the same sales, skipped rows and messages from prefixed number columns as from their texts', () => {
    const next = random(11);
    const rows = 30_000;
    const texts: (string | null)[][] = [[], [], [], []];
    for (let i = 0; i < rows; i++) {
      // Customer ids mostly new (a customers-like sales table), some blank; order ids one per line.
      texts[0]!.push(next() < 0.02 ? null : `C${String(Math.floor(next() * 1_000_000)).padStart(7, '0')}`);
      texts[1]!.push(next() < 0.01 ? 'not a date' : `2024-0${String(1 + Math.floor(next() * 9))}-15`);
      texts[2]!.push(next() < 0.01 ? null : String(Math.floor(next() * 10_000) / 100));
      texts[3]!.push(
        next() < 0.02 ? null : `SO${String(next() < 0.9 ? i : Math.floor(next() * i)).padStart(7, '0')}`,
      );
    }
    const headers = ['Customer ID', 'Date', 'Amount', 'Order ID'];
    const table = (columns: CellColumn[]): LoadedTable => ({
      sheet: 'Sales',
      tableName: null,
      headerRow: 1,
      firstColumn: 1,
      headers,
      rowCount: rows,
      columns,
    });
    const mapping = { customerId: 0, date: 1, amount: 2, orderId: 3 };
    const options = { date1904: false, dateOrder: 'mdy' as const };
    const expected = parseSales(table(texts), mapping, options, null, true);
    const actual = parseSales(
      table(texts.map((column, c) => (c === 0 || c === 3 ? prefixedColumn(column) : column))),
      mapping,
      options,
      null,
      true,
    );
    const { customerIndexOf: expectedIndex, ...expectedRest } = expected;
    const { customerIndexOf: actualIndex, ...actualRest } = actual;
    expect(actualRest).toEqual(expectedRest);
    expect(actualIndex(texts[0]![5] ?? 'C0000001')).toBe(expectedIndex(texts[0]![5] ?? 'C0000001'));
    expect(actual.skipped.length).toBeGreaterThan(0);
  });
});
