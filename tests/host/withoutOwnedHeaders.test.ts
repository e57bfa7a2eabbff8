import { withoutOwnedHeaders } from '../../src/host/withoutOwnedHeaders';

describe('withoutOwnedHeaders', () => {
  it('blanks our columns in place and drops them at the end', () => {
    const headers = ['Customer', 'Revenue', 'Notes', 'SVCD segment', 'ABC class'];
    // Columns counted from C (3): ours are the "Revenue" at D and the last two.
    const ours = new Set([4, 6, 7]);
    expect(withoutOwnedHeaders(headers, 3, (c) => ours.has(c))).toEqual(['Customer', '', 'Notes']);
  });

  it('leaves a table without our columns as it is', () => {
    expect(withoutOwnedHeaders(['Customer', 'Amount'], 1, () => false)).toEqual(['Customer', 'Amount']);
  });
});
