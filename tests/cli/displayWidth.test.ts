import { displayWidth } from '../../src/cli/displayWidth';

describe('displayWidth', () => {
  test.each([
    ['', 0],
    ['Tier', 4],
    ['赔钱', 4],
    ['1 最赚钱', 8],
    ['客户数', 6],
    ['ＡＢ', 4], // fullwidth Latin
    ['한국', 4],
    ['ｶﾅ', 2], // halfwidth katakana stay narrow
    ['e\u0301', 1], // e + combining acute accent
    ['🙂', 2],
    ['a\u200bb', 2], // a zero-width space takes no column
    ['𠀀', 2], // a CJK ideograph outside the Basic Multilingual Plane
    ['—', 1],
    ['％', 2],
  ])('%s is %i columns', (text, columns) => {
    expect(displayWidth(text)).toBe(columns);
  });
});
