import { resolveWindow } from '../../src/engine/resolveWindow';
import type { RawCell, SkipCode } from '../../src/engine/types';
import {
  analyzeScenario,
  analyzeSales,
  basicSales,
  customerOf,
  day,
  expectAnalysisError,
  fieldById,
  iso,
} from '../helpers/tables';

describe('skipped rows: counted and listed with sheet row, column and reason', () => {
  // Header on sheet row 3, so data row i is sheet row 4 + i.
  const rows: RawCell[][] = [
    ['C1', '2024-01-05', 100],
    [null, '2024-01-05', 100],
    ['   ', '2024-01-05', 100],
    ['C2', 'not a date', 100],
    ['C2', '2023-02-29', 100],
    ['C2', '2024-01-06', 'abc'],
    ['#N/A', '2024-01-06', 5],
    ['C2', '2024-01-06', null],
    ['C2', null, 7],
    ['C2', '2024-01-06', '$1,000.00'],
  ];
  const result = analyzeScenario({ sales: basicSales(rows, { headerRow: 3, sheet: 'Orders' }) });

  test.each<[number, SkipCode, string, string]>([
    [5, 'customerBlank', 'Customer ID', 'customer id is blank'],
    [6, 'customerBlank', 'Customer ID', 'customer id is blank'],
    [7, 'dateUnreadable', 'Date', 'date is not readable'],
    [8, 'dateUnreadable', 'Date', 'date is not readable'],
    [9, 'amountNotNumber', 'Amount', 'amount is not a number'],
    [10, 'customerError', 'Customer ID', 'customer id is an error value'],
    [11, 'amountNotNumber', 'Amount', 'amount is not a number'],
    [12, 'dateUnreadable', 'Date', 'date is not readable'],
  ])('sheet row %i: %s in column %s', (row, code, column, reason) => {
    const entry = result.input.skipped.find((s) => s.row === row);
    expect(entry).toMatchObject({ sheet: 'Orders', row, code, column });
    expect(entry?.reason.startsWith(reason)).toBe(true);
  });

  test('counts: 10 rows read, 8 skipped, 2 used, and the good rows still count', () => {
    expect(result.input.salesRows).toBe(10);
    expect(result.input.skippedCount).toBe(8);
    expect(result.input.skipped.map((s) => s.row)).toEqual([5, 6, 7, 8, 9, 10, 11, 12]);
    expect(result.input.usedRows).toBe(2);
    expect(fieldById(result, 'revenue')).toEqual({ C1: 100, C2: 1000 });
  });

  test('the reason shows the offending value', () => {
    expect(result.input.skipped.find((s) => s.row === 7)?.reason).toContain('"not a date"');
    expect(result.input.skipped.find((s) => s.row === 9)?.reason).toContain('"abc"');
    expect(result.input.skipped.find((s) => s.row === 10)?.reason).toContain('#N/A');
  });

  test('a table where every row is skipped is refused with the first reason (NO_USABLE_ROWS)', () => {
    const message = expectAnalysisError(
      () =>
        analyzeSales([
          [null, '2024-01-01', 1],
          ['C1', 'soon', 1],
        ]),
      'NO_USABLE_ROWS',
    );
    expect(message).toContain('row 2');
  });

  test('an empty sales table is refused (NO_USABLE_ROWS)', () => {
    expectAnalysisError(() => analyzeSales([]), 'NO_USABLE_ROWS');
  });

  test('a sales mapping without a date column is refused (MISSING_COLUMN) naming the headers', () => {
    const message = expectAnalysisError(
      () => analyzeScenario({ sales: { headers: ['Customer ID', 'When', 'Amount'], rows: [['C1', 1, 1]] } }),
      'MISSING_COLUMN',
    );
    expect(message).toContain('"When"');
  });

  test('a sales mapping with quantity but no unit price and no amount is refused (MISSING_COLUMN)', () => {
    expectAnalysisError(
      () =>
        analyzeScenario({
          sales: { headers: ['Customer ID', 'Date', 'Quantity'], rows: [['C1', '2024-01-01', 1]] },
        }),
      'MISSING_COLUMN',
    );
  });
});

describe('amount = quantity × unit price when there is no amount column', () => {
  const headers = ['CustomerID', 'InvoiceDate', 'Quantity', 'UnitPrice', 'InvoiceNo'];
  const result = analyzeScenario({
    sales: {
      headers,
      rows: [
        ['17850.0', '2010-12-01 08:26:00', 6, 2.55, '536365'],
        ['17850.0', '2010-12-01 08:26:00', 8, 3.39, '536365'],
        ['17850.0', '2010-12-02 09:00:00', -2, 2.55, 'C536379'],
        ['13047.0', '2010-12-01 08:34:00', 'x', 1, '536367'],
        ['13047.0', '2010-12-01 08:34:00', 3, '?', '536367'],
        ['13047.0', '2010-12-01 08:34:00', 4, 2.5, '536367'],
      ],
    },
  });

  test('revenue is the sum of quantity × unit price, returns included', () => {
    expect(customerOf(result, '17850.0').revenue).toBeCloseTo(6 * 2.55 + 8 * 3.39 - 2 * 2.55, 10);
    expect(customerOf(result, '13047.0').revenue).toBe(10);
  });

  test('one invoice of many lines is one order; the cancelled invoice is no order', () => {
    expect(customerOf(result, '17850.0').orders).toBe(1);
    expect(customerOf(result, '17850.0').purchaseDays).toBe(1);
  });

  test.each<[number, SkipCode, string]>([
    [5, 'quantityNotNumber', 'Quantity'],
    [6, 'unitPriceNotNumber', 'UnitPrice'],
  ])('row %i is skipped: %s in %s', (row, code, column) => {
    expect(result.input.skipped).toContainEqual(expect.objectContaining({ row, code, column }));
  });

  test('ids like 17850.0 stay as written', () => {
    expect(result.customers.map((c) => c.id)).toEqual(['13047.0', '17850.0']);
  });

  test('an amount column wins over quantity × unit price', () => {
    const withAmount = analyzeScenario({
      sales: {
        headers: ['Customer ID', 'Date', 'Quantity', 'Unit Price', 'Amount'],
        rows: [['C1', '2024-01-01', 3, 2.5, 10]],
      },
    });
    expect(customerOf(withAmount, 'C1').revenue).toBe(10);
  });
});

describe('per-customer aggregation over the window', () => {
  // As-of 2024-01-31 (the latest sale), window 2024-01-01 … 2024-01-31 = 31 days.
  const rows: RawCell[][] = [
    ['R', '2024-01-01', 100],
    ['R', '2024-01-01', 50],
    ['R', '2024-01-10', 30],
    ['R', '2024-01-20', -40],
    ['Z', '2024-01-15', 0],
    ['N', '2024-01-05', -25],
    ['S', '2024-01-31', 10],
  ];
  const result = analyzeSales(rows);
  const months = 31 / 30.4375;

  test('window and as-of date default to the earliest and latest sale', () => {
    expect(iso(result.asOf)).toBe('2024-01-31');
    expect(iso(result.window.start)).toBe('2024-01-01');
    expect(iso(result.window.end)).toBe('2024-01-31');
    expect(result.window.months).toBe(months);
  });

  test.each([
    // id, revenue, purchase days, orders, first, last, recency
    ['R', 140, 2, 2, '2024-01-01', '2024-01-10', 21],
    ['Z', 0, 0, 0, null, null, null],
    ['N', -25, 0, 0, null, null, null],
    ['S', 10, 1, 1, '2024-01-31', '2024-01-31', 0],
  ])(
    '%s: revenue %d, %i purchase day(s), %i order(s), first %s, last %s, recency %s',
    (id, revenue, days, orders, first, last, recency) => {
      const c = customerOf(result, id);
      expect(c.revenue).toBe(revenue);
      expect(c.purchaseDays).toBe(days);
      expect(c.orders).toBe(orders);
      expect(iso(c.firstPurchase)).toBe(first);
      expect(iso(c.lastPurchase)).toBe(last);
      expect(c.recencyDays).toBe(recency);
      expect(c.frequencyPerMonth).toBe(orders / months);
      expect(c.amountPerOrder).toBe(orders > 0 ? revenue / orders : null);
      expect(c.hasSalesInWindow).toBe(true);
    },
  );

  test('without profit or cost columns profit is null for everyone', () => {
    expect(result.customers.every((c) => c.profit === null)).toBe(true);
    expect(result.valueBasis).toBe('revenue');
  });
});

describe('orders = distinct order ids with amount > 0 when an order column is mapped', () => {
  const headers = ['Order ID', 'Customer ID', 'Order Date', 'Sales'];
  const result = analyzeScenario({
    sales: {
      headers,
      rows: [
        ['O1', 'A', '2024-01-01', 50],
        ['O1', 'A', '2024-01-01', 50],
        ['O2', 'A', '2024-01-01', 30],
        ['O3', 'A', '2024-01-05', -10],
        ['O4', 'A', '2024-01-05', 0],
        ['O1', 'B', '2024-01-02', 20],
        [null, 'B', '2024-01-03', 5],
        [null, 'C', '2024-01-04', 5],
      ],
    },
  });

  test.each([
    // two lines of one order count once; a return and a zero line are no order; the same id at B is B's own
    ['A', 120, 2, 1, 60],
    // a line without an order id adds revenue and a purchase day but no order
    ['B', 25, 1, 2, 25],
    ['C', 5, 0, 1, null],
  ])('%s: revenue %d, %i orders, %i purchase days, %s per order', (id, revenue, orders, days, perOrder) => {
    const c = customerOf(result, id);
    expect(c.revenue).toBe(revenue);
    expect(c.orders).toBe(orders);
    expect(c.purchaseDays).toBe(days);
    expect(c.amountPerOrder).toBe(perOrder);
  });

  test('lines without an order id are reported', () => {
    expect(result.hasOrderId).toBe(true);
    expect(result.notes.some((n) => n.message.startsWith('2 row(s) have no order id'))).toBe(true);
  });

  test('without an order column, orders = purchase days', () => {
    const plain = analyzeSales([
      ['A', '2024-01-01', 50],
      ['A', '2024-01-01', 50],
      ['A', '2024-01-03', 10],
      ['A', '2024-01-04', -10],
    ]);
    expect(customerOf(plain, 'A').orders).toBe(2);
    expect(plain.hasOrderId).toBe(false);
  });
});

describe('profit = Σ profit, else Σ (amount − cost), else null', () => {
  test.each<[string, string[], RawCell[][], number | null, 'profit' | 'cost' | null]>([
    [
      'profit column',
      ['Customer ID', 'Date', 'Amount', 'Profit'],
      [
        ['A', '2024-01-01', 100, 30],
        ['A', '2024-01-02', 50, -5],
      ],
      25,
      'profit',
    ],
    [
      'cost column',
      ['Customer ID', 'Date', 'Amount', 'Cost'],
      [
        ['A', '2024-01-01', 100, 70],
        ['A', '2024-01-02', 50, 55],
      ],
      25,
      'cost',
    ],
    [
      'profit wins over cost',
      ['Customer ID', 'Date', 'Amount', 'Cost', 'Profit'],
      [['A', '2024-01-01', 100, 10, 30]],
      30,
      'profit',
    ],
    ['Chinese 毛利', ['客户编号', '日期', '金额', '毛利'], [['A', '2024-01-01', 100, 40]], 40, 'profit'],
    ['Chinese 成本', ['客户编号', '日期', '金额', '成本'], [['A', '2024-01-01', 100, 40]], 60, 'cost'],
    ['neither', ['Customer ID', 'Date', 'Amount'], [['A', '2024-01-01', 100]], null, null],
  ])('%s', (_name, headers, rows, profit, source) => {
    const result = analyzeScenario({ sales: { headers, rows } });
    expect(customerOf(result, 'A').profit).toBe(profit);
    expect(result.profitSource).toBe(source);
    expect(result.valueBasis).toBe(source === null ? 'revenue' : 'profit');
  });

  test('a blank profit counts as 0 and is reported', () => {
    const result = analyzeScenario({
      sales: {
        headers: ['Customer ID', 'Date', 'Amount', 'Profit'],
        rows: [
          ['A', '2024-01-01', 100, null],
          ['A', '2024-01-02', 50, 5],
        ],
      },
    });
    expect(customerOf(result, 'A').profit).toBe(5);
    expect(
      result.notes.some(
        (n) => n.row === 2 && n.message.startsWith('1 row(s) have a blank or non-numeric profit'),
      ),
    ).toBe(true);
  });
});

describe('as-of date: default the latest sale date; rows after it are ignored and counted', () => {
  const rows: RawCell[][] = [
    ['A', '2024-01-01', 100],
    ['A', '2024-02-01', 40],
    ['B', '2024-02-15', 70],
    ['C', '2024-01-20', 10],
  ];

  test('default as-of is the latest sale', () => {
    const result = analyzeSales(rows);
    expect(iso(result.asOf)).toBe('2024-02-15');
    expect(result.input.afterAsOfRows).toBe(0);
  });

  test('with as-of 2024-01-31, later rows are ignored and counted', () => {
    const result = analyzeSales(rows, { asOf: '2024-01-31' });
    expect(iso(result.asOf)).toBe('2024-01-31');
    expect(iso(result.window.end)).toBe('2024-01-31');
    expect(result.input.afterAsOfRows).toBe(2);
    expect(result.input.usedRows).toBe(2);
    expect(customerOf(result, 'A').revenue).toBe(100);
    expect(customerOf(result, 'A').recencyDays).toBe(30);
    // B has sales only after the as-of date: not a customer of this analysis.
    expect(result.customers.map((c) => c.id)).toEqual(['A', 'C']);
  });

  test('an as-of date on the day of a sale includes that sale', () => {
    expect(customerOf(analyzeSales(rows, { asOf: '2024-02-01' }), 'A').revenue).toBe(140);
  });

  test('an as-of date after the data keeps every row and measures recency from it', () => {
    const result = analyzeSales(rows, { asOf: '2024-03-01' });
    expect(result.input.afterAsOfRows).toBe(0);
    expect(customerOf(result, 'B').recencyDays).toBe(15);
    expect(result.window.months).toBe((day('2024-03-01') - day('2024-01-01') + 1) / 30.4375);
  });

  test('an as-of date before every sale is refused (NO_USABLE_ROWS)', () => {
    expectAnalysisError(() => analyzeSales(rows, { asOf: '2023-12-31' }), 'NO_USABLE_ROWS');
  });

  test.each(['2024-02-30', '31/01/2024', 'soon'])(
    'an unreadable as-of date %j is refused (BAD_SETTING)',
    (asOf) => {
      expectAnalysisError(() => analyzeSales(rows, { asOf }), 'BAD_SETTING');
    },
  );
});

describe('window "last N months": as-of minus N calendar months, plus one day', () => {
  test.each([
    ['2024-03-31', 1, '2024-03-01', 31],
    ['2024-03-15', 1, '2024-02-16', 29],
    ['2023-03-31', 1, '2023-03-01', 31],
    ['2024-05-31', 3, '2024-03-01', 92],
    ['2024-01-15', 1, '2023-12-16', 31],
    ['2024-12-31', 12, '2024-01-01', 366],
    ['2025-02-28', 12, '2024-02-29', 366],
    ['2024-02-29', 12, '2023-03-01', 366],
  ])('as-of %s, last %i month(s) → from %s, %i days', (asOf, n, start, days) => {
    const { window } = resolveWindow(day('2020-01-01'), day(asOf), { asOf, windowMonths: n });
    expect(iso(window.start)).toBe(start);
    expect(iso(window.end)).toBe(asOf);
    expect(window.months).toBe(days / 30.4375);
  });

  test.each([0, -1, 1.5])('%d months is refused (BAD_SETTING)', (n) => {
    expectAnalysisError(
      () => resolveWindow(day('2024-01-01'), day('2024-03-31'), { asOf: null, windowMonths: n }),
      'BAD_SETTING',
    );
  });

  describe('rows before the window', () => {
    const rows: RawCell[][] = [
      ['A', '2024-01-10', 500],
      ['A', '2024-03-05', 20],
      ['B', '2024-02-29', 80],
      ['B', '2024-03-31', 10],
      ['C', '2024-02-01', 60],
    ];
    const result = analyzeSales(rows, { windowMonths: 1 });

    test('are counted, not analysed', () => {
      expect(iso(result.window.start)).toBe('2024-03-01');
      expect(result.input.beforeWindowRows).toBe(3);
      expect(result.input.usedRows).toBe(2);
      expect(fieldById(result, 'revenue')).toEqual({ A: 20, B: 10, C: 0 });
      expect(fieldById(result, 'orders')).toEqual({ A: 1, B: 1, C: 0 });
      expect(customerOf(result, 'A').frequencyPerMonth).toBe(1 / (31 / 30.4375));
    });

    test('a customer seen only before the window is listed with no sales in the window', () => {
      const c = customerOf(result, 'C');
      expect(c.hasSalesInWindow).toBe(false);
      expect(c.lastPurchase).toBeNull();
      expect(c.svcd).toBeNull();
      expect(c.abc).toBe('C');
      expect(c.pyramidTier).toBeNull();
      expect(c.rfm).toBeNull();
      expect(c.churnRisk).toBeNull();
    });

    test('they still count towards lifetime value and last contact (documented choice)', () => {
      expect(customerOf(result, 'A').lifetimeValue).toBe(520);
      expect(iso(customerOf(result, 'C').lastContact)).toBe('2024-02-01');
    });
  });
});

describe('date order and ambiguous dates', () => {
  const rows: RawCell[][] = [
    ['A', '03/04/2024', 10],
    ['A', '05/04/2024', 10],
    ['B', '13/04/2024', 10],
  ];

  test.each([
    ['mdy', ['2024-03-04', '2024-05-04'], 'month/day/year'],
    ['dmy', ['2024-04-03', '2024-04-05'], 'day/month/year'],
  ] as const)(
    '%s: read as the setting says and reported once with the count',
    (order, [first, last], words) => {
      const result = analyzeSales(rows, { dateOrder: order });
      expect(iso(customerOf(result, 'A').firstPurchase)).toBe(first);
      expect(iso(customerOf(result, 'A').lastPurchase)).toBe(last);
      expect(iso(customerOf(result, 'B').lastPurchase)).toBe('2024-04-13');
      const notes = result.notes.filter((n) => n.message.includes('could be read either way'));
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatchObject({ sheet: 'Sales', row: 2, column: 'Date' });
      expect(notes[0]!.message).toContain('2 date(s)');
      expect(notes[0]!.message).toContain(words);
    },
  );

  test('unambiguous dates raise no note', () => {
    const result = analyzeSales([
      ['B', '13/04/2024', 10],
      ['B', '2024-04-14', 10],
    ]);
    expect(result.notes.some((n) => n.message.includes('either way'))).toBe(false);
  });

  test('a 1904-system workbook shifts serial dates by 1462 days', () => {
    const rows1904: RawCell[][] = [
      ['A', 43834, 10],
      ['A', 43844, 10],
    ];
    const result = analyzeScenario({ sales: basicSales(rows1904), date1904: true });
    expect(iso(customerOf(result, 'A').firstPurchase)).toBe('2024-01-05');
    expect(iso(result.asOf)).toBe('2024-01-15');
  });
});

describe('customer ids are kept exactly as written', () => {
  const result = analyzeSales([
    ['00042', '2024-01-01', 10],
    ['42', '2024-01-01', 20],
    [42, '2024-01-02', 5],
    [' 00042 ', '2024-01-03', 1],
    ['c1', '2024-01-01', 1],
    ['C1', '2024-01-01', 2],
  ]);

  test('00042 and 42 are different customers; the number 42 is "42"; case matters', () => {
    expect(fieldById(result, 'revenue')).toEqual({ '00042': 11, '42': 25, C1: 2, c1: 1 });
  });
});
