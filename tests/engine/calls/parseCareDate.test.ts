import { careDaysIn } from '../../../src/engine/calls/careDaysIn';
import { parseCareDate } from '../../../src/engine/calls/parseCareDate';
import { readCareRules } from '../../../src/engine/calls/readCareRules';
import { day, iso, tableInput } from '../../helpers/tables';

describe('parseCareDate', () => {
  test.each([
    ['1984-02-29', 'mdy', { year: 1984, month: 2, day: 29 }],
    ['1990年3月15日', 'mdy', { year: 1990, month: 3, day: 15 }],
    ['03-15', 'mdy', { year: null, month: 3, day: 15 }],
    ['15/03', 'mdy', { year: null, month: 3, day: 15 }],
    ['04/03', 'dmy', { year: null, month: 3, day: 4 }],
    ['04/03', 'mdy', { year: null, month: 4, day: 3 }],
    ['--02-29', 'mdy', { year: null, month: 2, day: 29 }],
    ['3 月 5 日', 'mdy', { year: null, month: 3, day: 5 }],
    ['１２月２５日', 'mdy', { year: null, month: 12, day: 25 }],
    ['15 March', 'mdy', { year: null, month: 3, day: 15 }],
    ['Dec 1st', 'mdy', { year: null, month: 12, day: 1 }],
  ] as const)('%s (%s)', (text, order, expected) => {
    expect(parseCareDate(text, false, order)).toEqual(expected);
  });

  test('reads Excel serials (and 1904 workbooks) with their year', () => {
    expect(parseCareDate(day('1975-06-30'), false, 'mdy')).toEqual({ year: 1975, month: 6, day: 30 });
    expect(parseCareDate(day('1975-06-30') - 1462, true, 'mdy')).toEqual({ year: 1975, month: 6, day: 30 });
  });

  test.each(['02-30', '13-13', '0-5', 'soon', '1985年3月', '', '32 March'])('refuses %p', (text) => {
    expect(parseCareDate(text, false, 'mdy')).toBeNull();
  });
});

describe('careDaysIn', () => {
  const leap = { year: 1984, month: 2, day: 29 };
  test('29 February: itself in leap years, 28 February otherwise, with the age', () => {
    const found = (from: string, to: string) =>
      careDaysIn(leap, day(from), day(to)).map((d) => [iso(d.day), d.years, d.movedFromLeapDay]);
    expect(found('2024-02-01', '2024-03-31')).toEqual([['2024-02-29', 40, false]]);
    expect(found('2023-02-01', '2023-03-31')).toEqual([['2023-02-28', 39, true]]);
    expect(found('2100-02-01', '2100-03-31')).toEqual([['2100-02-28', 116, true]]);
    expect(found('1984-01-01', '1984-12-31')).toEqual([]);
  });

  test('a span across New Year finds the date in either year; a date without a year has no age', () => {
    const newYear = { year: null, month: 1, day: 2 };
    expect(
      careDaysIn(newYear, day('2024-12-30'), day('2025-01-05')).map((d) => [iso(d.day), d.years]),
    ).toEqual([['2025-01-02', null]]);
    expect(careDaysIn(newYear, day('2025-01-03'), day('2025-01-02'))).toEqual([]);
  });
});

describe('readCareRules', () => {
  test('keeps whole days of 0 or more and reports the rest with sheet, row and column', () => {
    const { rules, notes } = readCareRules(
      tableInput(
        {
          headers: ['Product', 'Category', 'Follow up after (days)', 'Note'],
          rows: [
            ['Fridge', null, 90, 'defrost reminder'],
            [null, 'Skin care', '7', null],
            ['Oven', null, -1, null],
            ['Kettle', null, 2.5, null],
            ['Lamp', null, null, null],
            [null, null, 5, 'no item: ignored'],
          ],
        },
        'Care rules',
      ),
    );
    expect(rules).toEqual([
      { item: 'Fridge', days: 90, note: 'defrost reminder', row: 2 },
      { item: 'Skin care', days: 7, note: null, row: 3 },
    ]);
    expect(notes.map((n) => [n.sheet, n.row, n.column, n.code])).toEqual([
      ['Care rules', 4, 'Follow up after (days)', 'careDaysNotNumber'],
      ['Care rules', 5, 'Follow up after (days)', 'careDaysNotNumber'],
      ['Care rules', 6, 'Follow up after (days)', 'careDaysNotNumber'],
    ]);
  });
});
