import { validSheetName } from '../../../src/host/file/validSheetName';

describe('validSheetName', () => {
  it('replaces the characters Excel forbids and cuts to 31 characters', () => {
    expect(validSheetName('sales: 2024/Q1.csv')).toBe('sales_ 2024_Q1.csv');
    expect(validSheetName("'quoted'")).toBe('quoted');
    expect(validSheetName('x'.repeat(40))).toHaveLength(31);
  });

  it('names an empty result Sheet', () => {
    expect(validSheetName("''")).toBe('Sheet');
  });
});
