import { analysisProgress } from '../../src/taskpane/analysisProgress';
import { describeError } from '../../src/taskpane/describeError';
import { AnalysisError } from '../../src/engine/errors';
import { messages } from '../../src/taskpane/i18n/messages';
import { languageFromDisplay } from '../../src/taskpane/i18n/languageFromDisplay';
import { formatShare } from '../../src/taskpane/formatShare';
import { summarizeCustomers, type SummaryInput } from '../../src/taskpane/summarizeCustomers';
import { themeKindFromColors } from '../../src/taskpane/themeKindFromColors';
import { UnsupportedFileError } from '../../src/taskpane/UnsupportedFileError';
import { downloadName } from '../../src/taskpane/downloadName';
import { languageOfHeaders } from '../../src/taskpane/languageOfHeaders';
import type { SourceTable } from '../../src/engine/types';
import type { CustomerResult } from '../../src/engine/types';
import { churnByCode } from '../../src/engine/assessChurn';
import { abcByCode } from '../../src/engine/assignAbc';
import { svcdByCode } from '../../src/engine/assignSvcd';

function customer(patch: Partial<CustomerResult>): CustomerResult {
  return {
    id: 'C',
    name: null,
    rep: null,
    inCustomersTable: false,
    hasSalesInWindow: true,
    revenue: 0,
    profit: null,
    orders: 1,
    purchaseDays: 1,
    firstPurchase: 100,
    lastPurchase: 100,
    recencyDays: 0,
    frequencyPerMonth: 1,
    amountPerOrder: 0,
    svcd: null,
    abc: 'C',
    pyramidTier: null,
    pyramidValue: null,
    visitIntervalDays: 30,
    visitsPerMonth: 1,
    lastContact: 100,
    nextVisitDue: 130,
    overdue: false,
    rfm: null,
    churnRisk: null,
    lifetimeValue: 0,
    visitsInWindow: 0,
    ...patch,
  };
}

/** Customers written as objects, as the columns the summary reads (profit data when any has profit). */
function columnsOf(customers: readonly CustomerResult[], asOf: number): SummaryInput {
  const rfmResults = customers.map((c) => c.rfm);
  return {
    asOf,
    valueBasis: customers.some((c) => c.profit !== null) ? 'profit' : 'revenue',
    roster: {
      count: customers.length,
      ids: customers.map((c) => c.id),
      names: customers.map((c) => c.name),
      reps: customers.map((c) => c.rep),
    },
    outputs: {
      measures: {
        revenue: Float64Array.from(customers, (c) => c.revenue),
        profit: Float64Array.from(customers, (c) => c.profit ?? 0),
        hasSalesInWindow: Uint8Array.from(customers, (c) => Number(c.hasSalesInWindow)),
      },
      pyramid: { tiers: Uint8Array.from(customers, (c) => c.pyramidTier ?? 0) },
      svcd: { codes: Uint8Array.from(customers, (c) => svcdByCode.indexOf(c.svcd)) },
      abc: { codes: Uint8Array.from(customers, (c) => abcByCode.indexOf(c.abc)) },
      visits: {
        overdue: Uint8Array.from(customers, (c) => Number(c.overdue)),
        nextVisitDue: Float64Array.from(customers, (c) => c.nextVisitDue),
      },
      rfm: { codes: Int16Array.from(customers, (c, i) => (c.rfm === null ? -1 : i)), results: rfmResults },
      churn: { codes: Uint8Array.from(customers, (c) => churnByCode.indexOf(c.churnRisk)) },
    },
  };
}

const summarize = (customers: readonly CustomerResult[], asOf: number) =>
  summarizeCustomers(columnsOf(customers, asOf));

describe('summarizeCustomers', () => {
  const asOf = 1000;
  test('tier shares are of the pyramid totals; customers off the pyramid count for neither', () => {
    const s = summarize(
      [
        customer({ pyramidTier: 1, revenue: 60, profit: 30 }),
        customer({ pyramidTier: 5, revenue: 40, profit: -10 }),
        customer({ pyramidTier: null, revenue: 500, profit: 500, hasSalesInWindow: false }),
      ],
      asOf,
    );
    expect(s.customers).toBe(3);
    expect(s.tiers.map((t) => t.customers)).toEqual([1, 0, 0, 0, 1]);
    expect(s.tiers[0]!.customerShare).toBe(0.5);
    expect(s.tiers[0]!.revenueShare).toBeCloseTo(0.6);
    expect(s.tiers[0]!.profitShare).toBeCloseTo(1.5);
    expect(s.tiers[4]!.profitShare).toBeCloseTo(-0.5);
  });

  test('profit shares are null without profit data or when the pyramid makes no profit overall', () => {
    const noProfit = summarize([customer({ pyramidTier: 1, revenue: 10 })], asOf);
    expect(noProfit.tiers[0]!.profitShare).toBeNull();
    const loss = summarize([customer({ pyramidTier: 1, revenue: 10, profit: -5 })], asOf);
    expect(loss.tiers[0]!.profitShare).toBeNull();
  });

  test('SVCD segments count customers and share the revenue of segmented customers', () => {
    const s = summarize(
      [
        customer({ svcd: 'Star', revenue: 300 }),
        customer({ svcd: 'Star', revenue: 100 }),
        customer({ svcd: 'Dog', revenue: 100 }),
        customer({ svcd: null, revenue: 1000 }),
      ],
      asOf,
    );
    expect(s.segments.Star).toEqual({ segment: 'Star', customers: 2, revenue: 400, revenueShare: 0.8 });
    expect(s.segments.Dog.revenueShare).toBeCloseTo(0.2);
    expect(s.segments.Cow.customers).toBe(0);
  });

  test('visits: overdue as the engine flags it; due soon = not overdue and due within 7 days of the as-of date', () => {
    const s = summarize(
      [
        customer({ overdue: true, nextVisitDue: asOf - 1 }),
        customer({ nextVisitDue: asOf }),
        customer({ nextVisitDue: asOf + 7 }),
        customer({ nextVisitDue: asOf + 8 }),
      ],
      asOf,
    );
    expect(s.overdue).toBe(1);
    expect(s.dueSoon).toBe(2);
  });

  test('customers without sales in the window are counted apart from the pyramid (120 listed, 112 on it)', () => {
    const onIt = Array.from({ length: 112 }, (_, i) => customer({ id: `S${String(i)}`, pyramidTier: 5 }));
    const off = Array.from({ length: 8 }, (_, i) =>
      customer({ id: `P${String(i)}`, hasSalesInWindow: false, inCustomersTable: true }),
    );
    const s = summarize([...onIt, ...off], asOf);
    expect(s.customers).toBe(120);
    expect(s.onPyramid).toBe(112);
    expect(s.withoutSalesInWindow).toBe(8);
    expect(sumOf(s.tiers.map((t) => t.customers)) + s.withoutSalesInWindow).toBe(s.customers);
  });

  test('ABC: customers per class; A and B share the revenue of A and B, C has none', () => {
    const s = summarize(
      [
        customer({ abc: 'A', revenue: 75 }),
        customer({ abc: 'B', revenue: 20 }),
        customer({ abc: 'B', revenue: 5 }),
        customer({ abc: 'C', revenue: -3 }),
        customer({ abc: 'C', revenue: 0 }),
      ],
      asOf,
    );
    expect([s.abc.A.customers, s.abc.B.customers, s.abc.C.customers]).toEqual([1, 2, 2]);
    expect(s.abc.A.revenueShare).toBeCloseTo(0.75);
    expect(s.abc.B.revenueShare).toBeCloseTo(0.25);
    expect(s.abc.C.revenueShare).toBe(0);
  });

  test('RFM segments and churn risks are counted; customers without an order in the window count for neither', () => {
    const s = summarize(
      [
        customer({ rfm: { r: 5, f: 5, m: 5, segment: 'Champions' }, churnRisk: 'Active' }),
        customer({ rfm: { r: 5, f: 4, m: 1, segment: 'Champions' }, churnRisk: 'At risk' }),
        customer({ rfm: { r: 1, f: 1, m: 1, segment: 'Lost' }, churnRisk: 'Lapsed' }),
        customer({ rfm: null, churnRisk: null, hasSalesInWindow: false }),
      ],
      asOf,
    );
    expect(s.rfm.Champions).toBe(2);
    expect(s.rfm.Lost).toBe(1);
    expect(s.rfm.Loyal).toBe(0);
    expect(Object.keys(s.rfm)).toHaveLength(11);
    expect(s.churn).toEqual({ Active: 1, 'At risk': 1, Lapsed: 1 });
  });

  test('visits per sales rep: most overdue rep first, no rep last, the most overdue names first', () => {
    const s = summarize(
      [
        customer({ id: 'A1', rep: 'Ann', overdue: true, nextVisitDue: asOf - 3 }),
        customer({ id: 'B1', rep: 'Bob', name: 'Shop B1', overdue: true, nextVisitDue: asOf - 5 }),
        customer({ id: 'B2', rep: 'Bob', overdue: true, nextVisitDue: asOf - 40 }),
        customer({ id: 'B3', rep: 'Bob', overdue: true, nextVisitDue: asOf - 5 }),
        customer({ id: 'B4', rep: 'Bob', overdue: true, nextVisitDue: asOf - 1 }),
        customer({ id: 'B5', rep: 'Bob', nextVisitDue: asOf + 3 }),
        customer({ id: 'N1', rep: null, overdue: true, nextVisitDue: asOf - 100 }),
        customer({ id: 'N2', rep: null, overdue: true, nextVisitDue: asOf - 100 }),
        customer({ id: 'N3', rep: null, overdue: true, nextVisitDue: asOf - 100 }),
      ],
      asOf,
    );
    expect(s.reps.map((r) => r.rep)).toEqual(['Bob', 'Ann', null]);
    const bob = s.reps[0]!;
    expect([bob.customers, bob.overdue, bob.dueSoon]).toEqual([5, 4, 1]);
    expect(bob.mostOverdue).toEqual([
      { id: 'B2', name: null, daysOverdue: 40 },
      { id: 'B1', name: 'Shop B1', daysOverdue: 5 },
      { id: 'B3', name: null, daysOverdue: 5 },
    ]);
  });
});

function sumOf(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

describe('languageOfHeaders', () => {
  const table = (headers: string[]) => ({ headers }) as unknown as SourceTable;
  test.each<[string[][], string | null]>([
    [[['客户编号', '日期', '金额']], 'zh-CN'],
    [
      [
        ['Customer ID', 'Date'],
        ['客戶編號', '銷售額'],
      ],
      'zh-CN',
    ],
    [[['Customer ID', 'Date', 'Amount']], null],
    [[['Kunde', 'Datum', 'Betrag (€)']], null],
  ])('%j → %s', (headers, expected) => {
    expect(languageOfHeaders(headers.map(table))).toBe(expected);
  });
});

describe('downloadName', () => {
  test.each([
    ['sales.csv', 'en', 'sales (analysis).xlsx'],
    ['销售.csv', 'zh-CN', '销售（分析）.xlsx'],
    ['Book1.XLSX', 'zh-CN', 'Book1（分析）.xlsx'],
    ['Book1.xlsx', 'en', 'Book1 (analysis).xlsx'],
  ] as const)('%s in %s → %s', (input, language, expected) => {
    expect(downloadName(input, language)).toBe(expected);
  });
});

describe('themeKindFromColors', () => {
  test.each([
    ['#FFFFFF', false, 'light'],
    ['#1F1F1F', false, 'dark'],
    ['262626', false, 'dark'],
    ['#E6E6E6', false, 'light'],
    [undefined, false, 'light'],
    ['not a colour', false, 'light'],
    ['#FFFFFF', true, 'highContrast'],
  ] as const)('%s, forced colours %s → %s', (background, forced, kind) => {
    expect(themeKindFromColors(background, forced)).toBe(kind);
  });
});

describe('languageFromDisplay', () => {
  test.each([
    ['zh-CN', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['ZH', 'zh-CN'],
    ['en-US', 'en'],
    ['fr-FR', 'en'],
    ['', 'en'],
    [null, 'en'],
  ] as const)('%s → %s', (display, language) => {
    expect(languageFromDisplay(display)).toBe(language);
  });
});

describe('analysisProgress', () => {
  test('stages follow each other on the bar and a reported fraction fills its stage', () => {
    expect(analysisProgress('reading', 0, 0)).toBe(0);
    expect(analysisProgress('reading', 1, 0)).toBeCloseTo(analysisProgress('computing', 0, 0));
    expect(analysisProgress('writing', 0.5, 0)).toBeCloseTo(0.85);
    expect(analysisProgress('writing', 1, 0)).toBe(1);
  });

  test('without a fraction the bar creeps with time and never leaves its stage', () => {
    const early = analysisProgress('computing', null, 100);
    const later = analysisProgress('computing', null, 2000);
    const much = analysisProgress('computing', null, 600_000);
    expect(early).toBeGreaterThan(analysisProgress('computing', 0, 0));
    expect(later).toBeGreaterThan(early);
    expect(much).toBeLessThanOrEqual(analysisProgress('building', 0, 0));
  });
});

describe('describeError', () => {
  const t = messages.en;
  test('engine errors keep their sentence and get the next step for their code', () => {
    const text = describeError(new AnalysisError('NO_USABLE_ROWS', 'Every row was skipped.'), t);
    expect(text).toEqual({ what: 'Every row was skipped.', next: t.errorNoUsableRows });
  });
  test('a cancelled run is not an error', () => {
    expect(describeError(new AnalysisError('CANCELLED', 'cancelled'), t)).toBeNull();
  });
  test('other errors: their message, and a next step depending on what failed', () => {
    expect(describeError(new Error('boom'), t)).toEqual({ what: 'boom', next: t.errorUnexpected });
    expect(describeError(new Error('bad zip'), t, 'file')).toEqual({ what: 'bad zip', next: t.errorFile });
    expect(describeError(new UnsupportedFileError('a.pdf'), messages['zh-CN'])?.what).toBe(
      messages['zh-CN'].unsupportedFile('a.pdf'),
    );
  });
});

describe('formatShare', () => {
  test('whole percent from 10 % up, one decimal below, a dash for none', () => {
    expect(formatShare(0.456, 'en')).toBe('46%');
    expect(formatShare(0.0512, 'en')).toBe('5.1%');
    expect(formatShare(-0.21, 'en')).toBe('-21%');
    expect(formatShare(null, 'zh-CN')).toBe('–');
  });
});

describe('messages', () => {
  test('every Chinese text is Chinese (has CJK characters) unless it is a name, a number pattern or an empty string', () => {
    const zh = messages['zh-CN'];
    const plain: [string, unknown][] = Object.entries(zh);
    const exempt = new Set(['languageNames', 'referenceProfile']);
    for (const [key, value] of plain) {
      if (exempt.has(key)) continue;
      const samples =
        typeof value === 'string'
          ? [value]
          : typeof value === 'function'
            ? [String((value as (...args: unknown[]) => unknown)(3, 3, 3))]
            : Object.values(value as Record<string, string>);
      for (const sample of samples) expect([key, /[\u4e00-\u9fff]/.test(sample)]).toEqual([key, true]);
    }
  });
});
