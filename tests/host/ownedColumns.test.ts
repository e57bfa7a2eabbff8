import { ownedColumns, type HeaderRowView } from '../../src/host/ownedColumns';

const row: HeaderRowView = {
  sheet: 'Customers',
  headerRow: 1,
  headerAt: (column) => ['Customer', 'Revenue', 'SVCD segment', 'Mine'][column - 1],
};

describe('ownedColumns', () => {
  it('keeps a column while its header cell still holds the header written, on its sheet and row', () => {
    const segment = { sheet: 'customers', headerRow: 1, column: 3, header: 'SVCD segment' };
    expect(ownedColumns([segment], row)).toEqual([segment]);
  });

  it('keeps a column whose record cannot name its sheet', () => {
    expect(
      ownedColumns([{ sheet: null, headerRow: 1, column: 3, header: 'SVCD segment' }], row),
    ).toHaveLength(1);
  });

  it.each([
    ['renamed by the user', { sheet: 'Customers', headerRow: 1, column: 4, header: 'ABC class' }],
    ['on another sheet', { sheet: 'Sales', headerRow: 1, column: 3, header: 'SVCD segment' }],
    ['at another header row', { sheet: 'Customers', headerRow: 2, column: 3, header: 'SVCD segment' }],
    [
      'moved (our header is elsewhere)',
      { sheet: 'Customers', headerRow: 1, column: 2, header: 'SVCD segment' },
    ],
  ])('drops a column %s', (_what, recorded) => {
    expect(ownedColumns([recorded], row)).toEqual([]);
  });
});
