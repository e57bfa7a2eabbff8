import fc from 'fast-check';
import { addMonths, dayFromYmd, isoFromDay } from '../../src/engine/dayNumbers';
import {
  isBlank,
  isErrorValue,
  parseDateCell,
  parseIdCell,
  parseNumberCell,
} from '../../src/engine/parseCell';
import type { DateOrder, RawCell } from '../../src/engine/types';
import { day, iso } from '../helpers/tables';

describe('day numbers are Excel 1900-system serials', () => {
  test.each([
    ['1900-03-01', 61],
    ['1970-01-01', 25569],
    ['2010-12-01', 40513],
    ['2024-01-05', 45296],
    ['2024-02-29', 45351],
    ['9999-12-31', 2958465],
  ])('%s is serial %i', (text, serial) => {
    expect(day(text)).toBe(serial);
    expect(isoFromDay(serial)).toBe(text);
  });

  test.each([
    [2023, 2, 29],
    [2024, 2, 30],
    [2024, 4, 31],
    [2024, 13, 1],
    [2024, 0, 1],
    [2024, 1, 0],
    [1899, 12, 31],
  ])('%i-%i-%i does not exist', (y, m, d) => {
    expect(dayFromYmd(y, m, d)).toBeNull();
  });

  test.each([
    ['2024-03-31', -1, '2024-02-29'],
    ['2023-03-31', -1, '2023-02-28'],
    ['2024-05-31', -3, '2024-02-29'],
    ['2024-01-15', -1, '2023-12-15'],
    ['2024-12-31', -12, '2023-12-31'],
    ['2024-08-31', -6, '2024-02-29'],
    ['2024-01-31', 1, '2024-02-29'],
  ])('%s plus %i calendar month(s) is %s (month-end clamped)', (from, months, expected) => {
    expect(iso(addMonths(day(from), months))).toBe(expected);
  });
});

describe('parseDateCell', () => {
  test.each<[string, RawCell, boolean, string]>([
    ['a 1900-system serial', 45296, false, '2024-01-05'],
    ['a serial with a time of day', 45296.75, false, '2024-01-05'],
    ['a 1904-system serial (1462 days smaller)', 43834, true, '2024-01-05'],
    ['a 1904-system serial with a time of day', 43834.5, true, '2024-01-05'],
    ['the same number read as 1900 system', 43834, false, '2020-01-04'],
    ['ISO date', '2024-01-05', false, '2024-01-05'],
    ['ISO timestamp (Online Retail)', '2010-12-01 08:26:00', false, '2010-12-01'],
    ['ISO timestamp with T and Z', '2024-01-05T23:59:59Z', false, '2024-01-05'],
    ['ISO with single digits', '2024-1-5', false, '2024-01-05'],
    ['slashes year first', '2024/1/5', false, '2024-01-05'],
    ['dots year first', '2024.01.05', false, '2024-01-05'],
    ['Chinese', '2024年1月5日', false, '2024-01-05'],
    ['Chinese with 号 and spaces', '2024 年 1 月 5 号', false, '2024-01-05'],
    ['compact text', '20240105', false, '2024-01-05'],
    ['compact number', 20240105, false, '2024-01-05'],
    ['compact number in a 1904 workbook is still a date, not a serial', 20240105, true, '2024-01-05'],
    ['serial as text', '45296', false, '2024-01-05'],
    ['day first because 13 > 12', '13/04/2024', false, '2024-04-13'],
    ['month first because 13 > 12', '04/13/2024', false, '2024-04-13'],
    ['surrounding spaces', '  2024-01-05  ', false, '2024-01-05'],
    ['leap day', '2024-02-29', false, '2024-02-29'],
    ['day name', '5 Jan 2024', false, '2024-01-05'],
    ['month name first', 'Jan 5, 2024', false, '2024-01-05'],
  ])('%s: %j', (_name, cell, date1904, expected) => {
    const parsed = parseDateCell(cell, date1904, 'mdy');
    expect(parsed).not.toBeNull();
    expect(iso(parsed!.day)).toBe(expected);
    expect(parsed!.ambiguous).toBe(false);
  });

  test.each<[string, DateOrder, string]>([
    ['03/04/2024', 'mdy', '2024-03-04'],
    ['03/04/2024', 'dmy', '2024-04-03'],
    ['3/4/2024', 'dmy', '2024-04-03'],
    ['12/1/2010 8:26', 'mdy', '2010-12-01'],
    ['12/1/2010 8:26', 'dmy', '2010-01-12'],
  ])('ambiguous %j read as %s → %s and flagged', (text, order, expected) => {
    const parsed = parseDateCell(text, false, order);
    expect(iso(parsed?.day ?? null)).toBe(expected);
    expect(parsed?.ambiguous).toBe(true);
  });

  test.each<DateOrder>(['mdy', 'dmy'])(
    '13/04/2024 is the same whatever the order (%s) and not flagged',
    (order) => {
      expect(parseDateCell('13/04/2024', false, order)).toEqual({ day: day('2024-04-13'), ambiguous: false });
    },
  );

  test('the same day and month (05/05/2024) cannot be misread and is not flagged', () => {
    expect(parseDateCell('05/05/2024', false, 'dmy')).toEqual({ day: day('2024-05-05'), ambiguous: false });
  });

  test.each<[string, RawCell]>([
    ['29 Feb in a common year', '2023-02-29'],
    ['29 Feb in Chinese', '2023年2月29日'],
    ['29 Feb compact', '20230229'],
    ['29 Feb compact number', 20230229],
    ['31 April, day first', '31/04/2024'],
    ['month 13 both ways', '13/13/2024'],
    ['a word', 'yesterday'],
    ['blank text', '   '],
    ['null', null],
    ['a boolean', true],
    ['an error value', '#N/A'],
    ['a negative serial', -5],
    ['a serial beyond 9999-12-31', 3_000_000],
    ['not a number', Number.NaN],
    ['a date with trailing words', '2024-01-05 approx.'],
  ])('%s (%j) is unreadable', (_name, cell) => {
    expect(parseDateCell(cell, false, 'mdy')).toBeNull();
  });
});

describe('parseNumberCell', () => {
  test.each<[RawCell, number]>([
    [1234.5, 1234.5],
    [-12, -12],
    [0, 0],
    ['1234.5', 1234.5],
    ['1,234.50', 1234.5],
    ['$1,234.50', 1234.5],
    ['¥1,234', 1234],
    ['￥1,234', 1234],
    ['1.234,50 €', 1234.5],
    ['€ 1.234.567,89', 1234567.89],
    ['(12.00)', -12],
    ['($1,234.50)', -1234.5],
    ['-12', -12],
    ['+12', 12],
    ['12,5', 12.5],
    ['1,234', 1234],
    ['1,234,567', 1234567],
    ['1 234,50', 1234.5],
    ['100元', 100],
    ['USD 50', 50],
    ['RMB 1,000.00', 1000],
    ['.5', 0.5],
    ['1e3', 1000],
    ['  42  ', 42],
  ])('%j → %d', (cell, expected) => {
    expect(parseNumberCell(cell)).toBeCloseTo(expected, 10);
  });

  test.each<RawCell>([
    'abc',
    '',
    '   ',
    '12abc',
    'N/A',
    '#N/A',
    '#VALUE!',
    '--',
    '1.2.3',
    '$',
    null,
    true,
    false,
    Number.NaN,
    Number.POSITIVE_INFINITY,
  ])('%j is not a number', (cell) => {
    expect(parseNumberCell(cell)).toBeNull();
  });
});

describe('parseNumberCell on plain decimal text (read without a regular expression)', () => {
  const digits = (min: number, max: number) =>
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((d) => d.join(''));

  test('gives exactly what Number gives, -0 included, up to 15 digits on each side of the point', () => {
    fc.assert(
      fc.property(fc.boolean(), digits(1, 17), fc.option(digits(0, 17)), (negative, whole, fraction) => {
        const text = `${negative ? '-' : ''}${whole}${fraction === null ? '' : `.${fraction}`}`;
        // Past 15 digits on one side, or a point without digits after it, the general reading applies.
        expect(Object.is(parseNumberCell(text), Number(text))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  test.each([
    ['0.1', 0.1],
    ['-0', -0],
    ['-0.00', -0],
    ['00042', 42],
    ['123456789012345', 123456789012345],
    ['12345678.12345678', 12345678.12345678],
    ['0.000000000000001', 1e-15],
    ['9007199254740993', 9007199254740992],
  ])('%s is %d', (text, expected) => {
    expect(Object.is(parseNumberCell(text), expected)).toBe(true);
  });

  test.each<[string, number | null]>([
    ['', null],
    ['-', null],
    ['.5', 0.5],
    ['5.', 5],
    ['1.2.3', null],
    ['1-2', null],
    ['5x', null],
    ['١٢', null],
  ])('%j is read by the general rules: %p', (text, expected) => {
    expect(parseNumberCell(text)).toBe(expected);
  });
});

describe('parseIdCell: ids are text kept exactly as written', () => {
  test.each<[RawCell, string | null]>([
    ['00042', '00042'],
    ['17850.0', '17850.0'],
    [42, '42'],
    [17850, '17850'],
    [42.5, '42.5'],
    ['C001', 'C001'],
    ['  C001  ', 'C001'],
    ['c001', 'c001'],
    ['客户A', '客户A'],
    ['=HYPERLINK("x")', '=HYPERLINK("x")'],
    ['', null],
    ['   ', null],
    [null, null],
    ['#N/A', null],
    [' #REF! ', null],
    ['#DIV/0!', null],
  ])('%j → %j', (cell, expected) => {
    expect(parseIdCell(cell)).toBe(expected);
  });

  test.each<[RawCell, boolean, boolean]>([
    ['#N/A', true, false],
    ['#VALUE!', true, false],
    ['#hashtag', false, false],
    ['', false, true],
    ['  ', false, true],
    [null, false, true],
    [0, false, false],
  ])('%j: error value %s, blank %s', (cell, error, blank) => {
    expect(isErrorValue(cell)).toBe(error);
    expect(isBlank(cell)).toBe(blank);
  });
});
