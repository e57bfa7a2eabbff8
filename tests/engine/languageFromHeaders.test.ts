import { languageFromHeaders } from '../../src/engine/languageFromHeaders';

describe('languageFromHeaders', () => {
  test.each([
    [['客户编号', '销售日期', '金额'], 'zh-CN'],
    [['客户编号', '日期', 'Amount'], 'zh-CN'],
    [['金额(元)', 'ID', '数量', ''], 'zh-CN'],
    [['Customer ID', 'Date', 'Amount'], 'en'],
    [['客户编号', 'Date', 'Amount', 'Region'], 'en'],
    [['客户', 'Date'], 'en'], // a tie stays English
    [[], 'en'],
    [['', '  '], 'en'],
  ] as const)('%j → %s', (headers, language) => {
    expect(languageFromHeaders(headers)).toBe(language);
  });
});
