import { columnDigest } from '../../src/host/columnDigest';

const written = ['Star', 45000, 100.5, null, 'Cow', 0, true];
const recorded = columnDigest.of(written);

describe('columnDigest', () => {
  it.each([
    ['the same cells', written],
    ['sorted', [0, 'Cow', null, 100.5, true, 45000, 'Star']],
    ['with rows inserted (empty in our column)', ['Star', '', 45000, null, 100.5, undefined, 'Cow', 0, true]],
    ['a date read back through a Date (last bits differ)', ['Star', 45000 + 4e-12, 100.5, 'Cow', 0, true]],
    ['with a customer row deleted', ['Star', 45000, 'Cow', 0, true]],
  ])('shows no user edit for %s', (_what, cells) => {
    expect(columnDigest.showsUserEdit(recorded, cells)).toBe(false);
  });

  it.each([
    ['a value changed', ['Star', 45000, 12345, null, 'Cow', 0, true]],
    ['text typed into an empty cell', ['Star', 45000, 100.5, 'mine', 'Cow', 0, true]],
    ['a number turned into the same digits as text', ['Star', '45000', 100.5, null, 'Cow', 0, true]],
    ['a value typed into a new row', [...written, 'note']],
  ])('shows a user edit for %s', (_what, cells) => {
    expect(columnDigest.showsUserEdit(recorded, cells)).toBe(true);
  });

  it('gives cells by position the fingerprint of the same cells in order', () => {
    expect(columnDigest.ofCells(written.length, (i) => written[i])).toBe(recorded);
    expect(columnDigest.ofCells(2, (i) => written[i])).toBe(columnDigest.of(written.slice(0, 2)));
    expect(columnDigest.ofCells(0, () => 'x')).toBe(columnDigest.of([]));
  });

  it('a fingerprint it cannot read shows nothing', () => {
    expect(columnDigest.showsUserEdit('not a digest', ['x'])).toBe(false);
  });
});
