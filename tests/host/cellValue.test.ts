import { date1904Offset } from '../../src/engine/dayNumbers';
import { cellValue } from '../../src/host/cellValue';

describe('cellValue', () => {
  it('shifts dates to the 1904 system in a 1904 workbook only', () => {
    expect(cellValue(45292, 'date', false)).toBe(45292);
    expect(cellValue(45292, 'date', true)).toBe(45292 - date1904Offset);
    expect(cellValue(45292, 'integer', true)).toBe(45292);
  });

  it('keeps empty cells empty and cuts text that does not fit a cell', () => {
    expect(cellValue(null, 'text', false)).toBeNull();
    expect(cellValue('Star', 'text', false)).toBe('Star');
    const long = cellValue('x'.repeat(40_000), 'text', false);
    expect(typeof long === 'string' && long.length).toBe(32_767);
    expect(typeof long === 'string' && long.endsWith('…')).toBe(true);
  });
});
