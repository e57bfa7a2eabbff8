import { columnLetters } from '../../../src/host/file/columnLetters';
import { decodeReference } from '../../../src/host/file/decodeReference';

describe('columnLetters', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16_383, 'XFD'],
  ])('writes column %i as %s, which decodeReference reads back', (column, letters) => {
    expect(columnLetters(column)).toBe(letters);
    expect(decodeReference(`${letters}1`)?.left).toBe(column + 1);
  });
});
