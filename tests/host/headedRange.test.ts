import { headedRange } from '../../src/host/headedRange';

const rows = [
  ['Sales report', null, null, null],
  [null, null, null, null],
  [null, 'Customer', 'Date', 'Amount'],
  [null, 'C1', 45292, 10],
];

describe('headedRange', () => {
  it('finds the header row and trims blank header cells at both ends', () => {
    expect(headedRange(rows, [])).toEqual({
      headerRow: 3,
      firstColumn: 2,
      headers: ['Customer', 'Date', 'Amount'],
      tableTop: Infinity,
    });
  });

  it('counts from the origin of the rows given', () => {
    const found = headedRange(rows, [], { origin: { row: 5, column: 3 } });
    expect(found).toMatchObject({ headerRow: 7, firstColumn: 4 });
  });

  it('ends above the first Excel table below the header in its columns, not beside them', () => {
    const tables = [
      { top: 20, left: 3, bottom: 30, right: 5 },
      { top: 10, left: 6, bottom: 12, right: 7 },
    ];
    expect(headedRange(rows, tables)?.tableTop).toBe(20);
  });

  it('reads our own header cells as blank before trimming', () => {
    const found = headedRange(rows, [], { blank: (row, column) => row === 3 && column === 4 });
    expect(found?.headers).toEqual(['Customer', 'Date']);
  });

  it('finds nothing in rows without a header', () => {
    expect(headedRange([[null], [null]], [])).toBeNull();
  });
});
