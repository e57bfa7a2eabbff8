import { parseSales } from '../../../src/engine/parseSales';
import { day, tableInput } from '../../helpers/tables';

const options = { date1904: false, dateOrder: 'mdy' as const };

describe('parseSales keeps every usable row for the value model when asked', () => {
  // Ids out of order, a spelling variant of an id, a zero amount, a return, a skipped row, a row after the
  // as-of date: the kept rows are the usable rows in table order, customers numbered like customerIds.
  const sales = tableInput({
    headers: ['Customer ID', 'Date', 'Quantity', 'Unit price'],
    rows: [
      ['B', '2024-01-05', 2, 10],
      ['A', '2024-01-06', 1, 0],
      [null, '2024-01-07', 1, 5],
      ['B', '2024-02-01', -1, 10],
      [' A ', '2024-03-01', 3, 2.5],
      ['C', '2024-09-01', 1, 7],
    ],
  });

  test('customer, day and amount (quantity × unit price) of each usable row', () => {
    const parsed = parseSales(sales.table, sales.mapping, { ...options, keepRows: true });
    expect(parsed.customerIds).toEqual(['A', 'B', 'C']);
    const rows = parsed.rows!;
    expect(Array.from(rows.customer, (c) => parsed.customerIds[c])).toEqual(['B', 'A', 'B', 'A', 'C']);
    expect(Array.from(rows.day)).toEqual(
      ['2024-01-05', '2024-01-06', '2024-02-01', '2024-03-01', '2024-09-01'].map(day),
    );
    expect(Array.from(rows.amount)).toEqual([20, 0, -10, 7.5, 7]);
  });

  test('with bounds the rows are still every usable row; a customer seen only after the as-of date has index −1', () => {
    const parsed = parseSales(
      sales.table,
      sales.mapping,
      { ...options, keepRows: true },
      { asOf: day('2024-06-30'), start: day('2024-02-01') },
    );
    expect(parsed.rows!.customer.length).toBe(5);
    const named = Array.from(parsed.rows!.customer, (c) => (c < 0 ? null : parsed.customerIds[c]));
    expect(named).toEqual(['B', 'A', 'B', 'A', parsed.customerIds.includes('C') ? 'C' : null]);
  });

  test('not kept by default (no per-row arrays in an ordinary run)', () => {
    expect(parseSales(sales.table, sales.mapping, options).rows).toBeNull();
  });
});
