import { excelGrid } from '../../src/host/excelGrid';
import { uniqueName } from '../../src/host/uniqueName';

describe('uniqueName', () => {
  it('keeps a free name as it is', () => {
    expect(uniqueName('Pyramid', ['Customers', 'Sales'])).toBe('Pyramid');
  });

  it('adds the first free suffix, comparing without case and surrounding spaces', () => {
    expect(uniqueName('SVCD segment', ['svcd segment'])).toBe('SVCD segment (2)');
    expect(uniqueName('Revenue', [' REVENUE ', 'revenue (2)'])).toBe('Revenue (3)');
  });

  it('cuts the base so the suffix fits a sheet name, without trailing spaces before the suffix', () => {
    const long = 'Customers by segment and tier 2024';
    const first = uniqueName(long, [], excelGrid.sheetNameLength);
    expect(first).toBe(long.slice(0, 31));
    const second = uniqueName(long, [first], excelGrid.sheetNameLength);
    expect(second).toBe('Customers by segment and ti (2)');
    expect(second.length).toBeLessThanOrEqual(excelGrid.sheetNameLength);
    expect(uniqueName('Pyramid of the year 2024 totals', ['pyramid of the year 2024 totals'], 31)).toBe(
      'Pyramid of the year 2024 to (2)',
    );
    expect(uniqueName('Abcdefghijklmnopqrstuvwxyz ABCD', ['abcdefghijklmnopqrstuvwxyz abcd'], 31)).toBe(
      'Abcdefghijklmnopqrstuvwxyz (2)',
    );
  });
});
