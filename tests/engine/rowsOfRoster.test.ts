import { parseSales } from '../../src/engine/parseSales';
import { rowsOfRoster } from '../../src/engine/rowsOfRoster';
import { basicSales, day, tableInput } from '../helpers/tables';

describe('sales rows kept for methods that fit on rows', () => {
  const { table, mapping } = tableInput(
    basicSales([
      ['B', '2024-01-02', 5],
      [null, '2024-01-03', 7],
      ['A', '2024-01-04', 2.5],
      ['B', 'not a date', 1],
      ['Z', '2024-02-01', 3],
    ]),
  );
  const options = { date1904: false, dateOrder: 'mdy' as const };

  test('parseSales keeps every usable row (skipped ones left out) only when asked', () => {
    expect(parseSales(table, mapping, options).rows).toBeNull();
    const parsed = parseSales(table, mapping, options, null, true);
    expect(parsed.customerIds).toEqual(['A', 'B', 'Z']);
    const rows = parsed.rows!;
    expect(rows.count).toBe(3);
    expect(Array.from(rows.customer.subarray(0, 3))).toEqual([1, 0, 2]);
    expect(Array.from(rows.day.subarray(0, 3))).toEqual([
      day('2024-01-02'),
      day('2024-01-04'),
      day('2024-02-01'),
    ]);
    expect(Array.from(rows.amount.subarray(0, 3))).toEqual([5, 2.5, 3]);
  });

  test("rowsOfRoster numbers each row's customer as the results do, −1 for one not among them", () => {
    const rows = rowsOfRoster(parseSales(table, mapping, options, null, true), ['P', 'B', 'A']);
    expect(rows.count).toBe(3);
    expect(Array.from(rows.customer)).toEqual([1, 2, -1]);
    expect(Array.from(rows.amount)).toEqual([5, 2.5, 3]);
  });
});
