import * as cellColumn from '../../src/engine/cellColumn';
import { blankDecimals, encodeColumn, isDecimal } from '../../src/engine/cellColumn';
import { orderCodesOf } from '../../src/engine/orderCodesOf';
import { parseSales } from '../../src/engine/parseSales';
import { storePlainDecimal } from '../../src/engine/storePlainDecimal';
import type { CellColumn, DecimalColumn, LoadedTable } from '../../src/engine/types';

/** Plain decimal texts (or blanks) as the CSV reader hands them over when they are mostly distinct. */
function decimalColumn(texts: readonly (string | null)[]): DecimalColumn {
  const numbers = new Float64Array(texts.length).fill(Number.NaN);
  const decimals = new Uint8Array(texts.length).fill(blankDecimals);
  texts.forEach((text, i) => {
    if (text !== null && !storePlainDecimal(text, 0, text.length, numbers, decimals, i)) {
      throw new Error(`not plain decimal text: ${text}`);
    }
  });
  return { numbers, decimals };
}

/** A deterministic pseudo-random sequence (so a failure can be replayed). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
}

const headers = ['Customer ID', 'Date', 'Amount', 'Cost', 'Order ID'];
const mapping = { customerId: 0, date: 1, amount: 2, cost: 3, orderId: 4 };

function table(columns: CellColumn[], rows: number): LoadedTable {
  return { sheet: 'Sales', tableName: null, headerRow: 1, firstColumn: 1, headers, rowCount: rows, columns };
}

/** Sales texts: amounts and costs with trailing zeros, −0, negatives and blanks; order ids with repeats. */
function salesTexts(rows: number, seed: number, sortedOrders: boolean): (string | null)[][] {
  const next = random(seed);
  const columns: (string | null)[][] = headers.map(() => []);
  let order = 1000;
  for (let i = 0; i < rows; i++) {
    const money = (): string | null => {
      const roll = next();
      if (roll < 0.01) return null;
      if (roll < 0.02) return '-0.00';
      if (roll < 0.03) return String(Math.floor(next() * 50));
      const cents = Math.floor(next() * 200_000) - 2_000;
      return `${cents < 0 ? '-' : ''}${String(Math.floor(Math.abs(cents) / 100))}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;
    };
    if (sortedOrders) order += next() < 0.7 ? 1 : 0;
    else order = 1000 + Math.floor(next() * rows);
    columns[0]!.push(`C${String(Math.floor(next() * 300))}`);
    columns[1]!.push(`2024-0${String(1 + Math.floor(next() * 9))}-1${String(Math.floor(next() * 10))}`);
    columns[2]!.push(money());
    columns[3]!.push(money());
    columns[4]!.push(next() < 0.02 ? null : next() < 0.05 ? `${String(order)}.5` : String(order));
  }
  return columns;
}

describe('decimal columns (plain decimal text kept as numbers)', () => {
  afterEach(() => jest.restoreAllMocks());

  it.each([
    ['orders sorted', true],
    ['orders in any order', false],
  ])(
    'parseSales gives the same sales from numbers as from their texts, without reading a text (%s)',
    (_, sorted) => {
      const rows = 40_000;
      const texts = salesTexts(rows, sorted ? 7 : 11, sorted);
      const asText = texts.map((column, c) => (c === 1 || c === 0 ? encodeColumn(column) : column));
      const asNumbers = texts.map((column, c) =>
        c >= 2 ? decimalColumn(column) : (asText[c] as CellColumn),
      );
      const options = { date1904: false, dateOrder: 'mdy' as const };
      const expected = parseSales(table(asText, rows), mapping, options, null, true);
      const cellAt = jest.spyOn(cellColumn, 'cellAt');
      const cellsOf = jest.spyOn(cellColumn, 'cellsOf');
      const actual = parseSales(table(asNumbers, rows), mapping, options, null, true);
      // No number column was turned back into text (a blank amount is described without its text).
      const readAsText = [...cellAt.mock.calls, ...cellsOf.mock.calls].filter(([column]) =>
        isDecimal(column),
      );
      // The spies see parseSales's reads: the blank amounts are described through cellAt.
      expect(readAsText.length).toBeGreaterThan(0);
      expect(readAsText.filter(([, row]) => typeof row !== 'number' || texts[2]![row] !== null)).toEqual([]);
      const withoutIndex = (sales: typeof actual): Omit<typeof actual, 'customerIndexOf'> => {
        const copy: Partial<typeof actual> = { ...sales };
        delete copy.customerIndexOf;
        return copy as Omit<typeof actual, 'customerIndexOf'>;
      };
      expect(withoutIndex(actual)).toEqual(withoutIndex(expected));
      expect(actual.customerIndexOf('C1')).toBe(expected.customerIndexOf('C1'));
      expect(actual.skipped.length).toBeGreaterThan(0);
      expect(actual.notes.map((note) => note.code)).toContain('missingProfit');
    },
  );

  it('orderCodesOf numbers (value, decimals) pairs exactly as it numbers their texts', () => {
    const next = random(3);
    const spellings = ['0', '-0', '1.5', '1.50', '2', '10', '10.0', '0.1', '-3.25', '999999999999999'];
    const cases: (string | null)[][] = [
      // Ascending ids, lines of an order together; then the same with −0 and 0 next to each other.
      Array.from({ length: 5000 }, (_, i) => String(1_000_000 + (i >> 2))),
      ['-0', '0', '0', '1', '1.0', '2'],
      ['1', '1.0', '1'],
      // Any order, repeats, blanks and different spellings of one number.
      Array.from({ length: 20_000 }, () =>
        next() < 0.05
          ? null
          : next() < 0.3
            ? spellings[Math.floor(next() * spellings.length)]!
            : String(Math.floor(next() * 5000)),
      ),
    ];
    for (const texts of cases) {
      for (const rows of [texts.length, texts.length + 3]) {
        const fromNumbers = orderCodesOf(decimalColumn(texts), rows);
        const fromTexts = orderCodesOf(texts, rows);
        expect(fromNumbers.count).toBe(fromTexts.count);
        expect(Array.from(fromNumbers.codes)).toEqual(Array.from(fromTexts.codes));
      }
    }
  });

  describe("kept rows share a decimal column's numbers while no row is left out", () => {
    const profitMapping = { customerId: 0, date: 1, amount: 2, profit: 3, orderId: 4 };
    const options = { date1904: false, dateOrder: 'mdy' as const };
    /** Rows without blanks, then `change` applied to the texts (a blank amount or profit somewhere). */
    function both(change: (texts: (string | null)[][]) => void) {
      const rows = 3000;
      const texts = salesTexts(rows, 5, true).map((column) =>
        column.map((text, i) => text ?? (i % 2 === 0 ? '7.25' : '12')),
      );
      change(texts);
      const asText = texts.map((column, c) => (c <= 1 ? encodeColumn(column) : column));
      const asNumbers = texts.map((column, c) => (c >= 2 && c <= 3 ? decimalColumn(column) : asText[c]!));
      const at = (columns: CellColumn[]) =>
        parseSales(
          { ...table(columns, rows), headers: ['Customer ID', 'Date', 'Amount', 'Profit', 'Order ID'] },
          profitMapping,
          options,
          null,
          true,
        );
      return { expected: at(asText), actual: at(asNumbers), numbers: asNumbers as DecimalColumn[] };
    }
    const keptOf = (sales: ReturnType<typeof parseSales>) => sales.rows!;

    it("every row kept: the amounts and profits are the columns' own arrays, equal to the texts' rows", () => {
      const { expected, actual, numbers } = both(() => undefined);
      expect(keptOf(actual)).toEqual(keptOf(expected));
      expect(keptOf(actual).amount.buffer).toBe(numbers[2]!.numbers.buffer);
      expect(keptOf(actual).profit!.buffer).toBe(numbers[3]!.numbers.buffer);
    });

    it.each([
      ['a row left out in the middle', (t: (string | null)[][]) => (t[2]![1500] = null)],
      ['rows left out at the end only', (t: (string | null)[][]) => (t[2]![2999] = t[2]![2998] = null)],
      ['a blank profit counted as 0', (t: (string | null)[][]) => (t[3]![10] = null)],
      ['the first row left out', (t: (string | null)[][]) => (t[0]![0] = null)],
    ])('%s: the kept rows equal those of the texts', (_, change) => {
      const { expected, actual, numbers } = both(change);
      expect(keptOf(actual)).toEqual(keptOf(expected));
      expect(keptOf(actual).count).toBe(keptOf(expected).count);
      // The columns themselves are never written to.
      expect(keptOf(actual).profit!.buffer === numbers[3]!.numbers.buffer).toBe(
        keptOf(actual).count === 3000 && numbers[3]!.numbers.every((x) => !Number.isNaN(x)),
      );
    });
  });
});
