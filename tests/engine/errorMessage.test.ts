import { chooseTables } from '../../src/engine/chooseTables';
import { resolveSettings } from '../../src/engine/defaultSettings';
import { errorMessage, type ErrorReason } from '../../src/engine/errorMessage';
import { AnalysisError } from '../../src/engine/errors';
import { resolveWindow } from '../../src/engine/resolveWindow';
import { dayFromIso } from '../../src/engine/dayNumbers';

const table = { sheet: 'Verkauf', tableName: 'tblSales', headers: ['Datum', 'Betrag', ''] };
/** One reason of every key (the type makes a missing key a compile error), with facts to look for. */
const reasons: { [K in ErrorReason['key']]: [Extract<ErrorReason, { key: K }>, string[]] } = {
  noTables: [{ key: 'noTables' }, []],
  noSalesTable: [{ key: 'noSalesTable', found: [table] }, ['Verkauf', 'tblSales', '"Datum"', '"Betrag"']],
  noCustomerColumn: [{ key: 'noCustomerColumn', table }, ['Verkauf', '"Datum"']],
  missingColumn: [
    { key: 'missingColumn', sheet: 'Verkauf', fields: ['amount', 'quantity'], headers: ['Kunde', 'Datum'] },
    ['Verkauf', '"Kunde"', '"Datum"'],
  ],
  noDataRows: [{ key: 'noDataRows', sheet: 'Verkauf' }, ['Verkauf']],
  allRowsSkipped: [
    { key: 'allRowsSkipped', sheet: 'Verkauf', row: 7, reason: 'date is not readable ("x")' },
    // The skip reason is the engine's row note, passed through as it is.
    ['Verkauf', '7', 'date is not readable ("x")'],
  ],
  asOfNotADate: [{ key: 'asOfNotADate', value: '31.12.2024' }, ['31.12.2024', 'YYYY-MM-DD']],
  asOfBeforeData: [
    { key: 'asOfBeforeData', asOf: '2023-06-30', earliest: '2024-01-05' },
    ['2023-06-30', '2024-01-05'],
  ],
  badWindowMonths: [{ key: 'badWindowMonths', value: 0 }, ['0']],
  badCompareMonths: [{ key: 'badCompareMonths', value: 1.5 }, ['1.5']],
  badCallDays: [{ key: 'badCallDays', value: 0 }, ['0']],
  badTrendThreshold: [{ key: 'badTrendThreshold', value: -1 }, ['-1']],
  badAbcCut: [{ key: 'badAbcCut', value: 1.5 }, ['1.5']],
  badPyramidCuts: [{ key: 'badPyramidCuts' }, []],
  badSvcdThreshold: [{ key: 'badSvcdThreshold', on: 'frequency' }, []],
  badLanguage: [{ key: 'badLanguage', value: 'fr' }, ['fr', 'zh-CN']],
  badVisitsFrom: [{ key: 'badVisitsFrom' }, ['svcd', 'abc']],
  badValueHorizon: [{ key: 'badValueHorizon', value: '0' }, ['0', '3650']],
  badValueDiscount: [{ key: 'badValueDiscount', value: '5' }, ['5', '0.01']],
  badHoldoutStart: [{ key: 'badHoldoutStart', value: 'soon' }, ['soon']],
  badChurnFrom: [{ key: 'badChurnFrom', value: 'rfm' }, ['gap', 'model', 'rfm']],
  unknownColumns: [{ key: 'unknownColumns', columns: ['colour'] }, ['colour']],
  rfmRulesIncomplete: [{ key: 'rfmRulesIncomplete', codes: ['111', '112'] }, ['2', '111', '112']],
  customersSheetTooLong: [
    { key: 'customersSheetTooLong', customers: 2_000_000, limit: 1_048_576 },
    ['2,000,001', '2,000,000', '1,048,576'],
  ],
  customersTableTooLong: [
    { key: 'customersTableTooLong', sheet: 'Kunden', rows: 2_000_000, limit: 1_048_576 },
    ['Kunden', '2,000,000'],
  ],
  summarySheetTooLong: [
    { key: 'summarySheetTooLong', sheet: 'RFM', rows: 2_000_000, limit: 1_048_576 },
    ['RFM', '2,000,000'],
  ],
  sheetTooWide: [{ key: 'sheetTooWide', sheet: 'RFM', columns: 20_000, limit: 16_384 }, ['20,000', '16,384']],
  columnsPastXfd: [
    { key: 'columnsPastXfd', sheet: 'Kunden', column: 16_390, limit: 16_384 },
    ['Kunden', '16,390', 'XFD'],
  ],
  csvTooLarge: [
    { key: 'csvTooLarge', file: 'big.csv', megabytes: 1600, limitMegabytes: 1536 },
    ['big.csv', '1,600', '1,536'],
  ],
  xlsxTooLarge: [
    { key: 'xlsxTooLarge', file: 'big.xlsx', megabytes: 400, limitMegabytes: 300 },
    ['big.xlsx', '400', '300'],
  ],
  csvNeedsMemory: [
    {
      key: 'csvNeedsMemory',
      file: 'big.csv',
      megabytes: 400,
      neededMegabytes: 2400,
      availableMegabytes: 200,
      suggestedMegabytes: 4096,
    },
    ['big.csv', '2,400', '200', '--max-old-space-size=4096'],
  ],
  cancelled: [{ key: 'cancelled' }, []],
};

/** Latin words left in a Chinese sentence once its facts and the names a user types are taken out. */
const latinWords = (text: string, facts: readonly string[]): string[] => {
  let rest = text;
  for (const fact of facts) rest = rest.split(fact).join(' ');
  rest = rest.replace(/[“"][^”"]*[”"]/gu, ' ');
  const allowed = /^(Excel|XFD|CSV|xlsx|SVCD|ABC|RFM|Node|NODE_OPTIONS|MB|YYYY|MM|DD|Customer|ID|en|zh|CN)$/u;
  return (rest.match(/[A-Za-z_]{2,}/gu) ?? []).filter((word) => !allowed.test(word));
};

describe('errorMessage: every reason in English and 简体中文', () => {
  test.each(Object.entries(reasons))('%s', (_key, [reason, facts]) => {
    const en = errorMessage(reason, 'en');
    const zh = errorMessage(reason, 'zh-CN');
    expect(zh).not.toBe(en);
    expect(zh).toMatch(/\p{Script=Han}/u);
    // English names the Chinese header it accepts, in quotes; no other Chinese.
    expect(en.replace(/"[^"]*"/gu, '')).not.toMatch(/\p{Script=Han}/u);
    for (const fact of facts) {
      expect([fact, en]).toEqual([fact, expect.stringContaining(fact)]);
      expect([fact, zh]).toEqual([fact, expect.stringContaining(fact)]);
    }
    expect(latinWords(zh, facts)).toEqual([]);
    expect(zh).toMatch(/[。）]$/u);
  });

  test('the error keeps its reason: its code by kind, its message as raised, any language on demand', () => {
    const error = AnalysisError.of(
      { key: 'asOfBeforeData', asOf: '2023-06-30', earliest: '2024-01-05' },
      'zh-CN',
    );
    expect(error.code).toBe('NO_USABLE_ROWS');
    expect(error.message).toBe(errorMessage(error.reason!, 'zh-CN'));
    expect(error.messageIn('en')).toMatch(/^No sale is dated on or before the as-of date 2023-06-30/u);
    const plain = new AnalysisError('CANCELLED', 'Stopped.');
    expect([plain.reason, plain.messageIn('zh-CN')]).toEqual([null, 'Stopped.']);
  });
});

describe('the engine raises its errors in the chosen language', () => {
  test('no tables, a bad setting, an as-of date before every sale', () => {
    expect(() => chooseTables([], {}, 'zh-CN')).toThrow('工作簿中没有可识别表头的表格');
    expect(() => resolveSettings({ language: 'zh-CN', abcCut: 2 })).toThrow(
      'ABC 分界必须是 0 到 1 之间的比例（收到 2）',
    );
    expect(() => resolveSettings({ abcCut: 2 })).toThrow(
      'The ABC cut must be a share between 0 and 1 (got 2).',
    );
    const day = (iso: string): number => dayFromIso(iso)!;
    expect(() =>
      resolveWindow(day('2024-01-05'), day('2024-03-01'), {
        asOf: '2023-12-31',
        windowMonths: null,
        language: 'zh-CN',
      }),
    ).toThrow('截止日期 2023-12-31 当天及之前没有销售：最早的销售在 2024-01-05。');
  });
});
