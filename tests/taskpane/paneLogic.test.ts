import { analysisProgress } from '../../src/taskpane/analysisProgress';
import { describeError } from '../../src/taskpane/describeError';
import { AnalysisError } from '../../src/engine/errors';
import { messages } from '../../src/taskpane/i18n/messages';
import { languageFromDisplay } from '../../src/taskpane/i18n/languageFromDisplay';
import { formatShare } from '../../src/taskpane/formatShare';
import { summarizeCustomers } from '../../src/taskpane/summarizeCustomers';
import { themeKindFromColors } from '../../src/taskpane/themeKindFromColors';
import { UnsupportedFileError } from '../../src/taskpane/UnsupportedFileError';
import type { CustomerResult } from '../../src/engine/types';

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

describe('summarizeCustomers', () => {
  const asOf = 1000;
  test('tier shares are of the pyramid totals; customers off the pyramid count for neither', () => {
    const s = summarizeCustomers(
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
    const noProfit = summarizeCustomers([customer({ pyramidTier: 1, revenue: 10 })], asOf);
    expect(noProfit.tiers[0]!.profitShare).toBeNull();
    const loss = summarizeCustomers([customer({ pyramidTier: 1, revenue: 10, profit: -5 })], asOf);
    expect(loss.tiers[0]!.profitShare).toBeNull();
  });

  test('SVCD segments count customers and share the revenue of segmented customers', () => {
    const s = summarizeCustomers(
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
    const s = summarizeCustomers(
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
