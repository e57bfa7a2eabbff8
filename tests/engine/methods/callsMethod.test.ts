import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze, type AnalysisInput, type AnalysisResult } from '../../../src/engine/analyze';
import { cellsOf } from '../../../src/engine/cellColumn';
import { computeAnalysis } from '../../../src/engine/computeAnalysis';
import { FileWorkbookHost } from '../../../src/host/file/FileWorkbookHost';
import { sampleWorkbookToXlsx } from '../../../src/host/file/sampleWorkbookToXlsx';
import { runAnalysis } from '../../../src/host/runAnalysis';
import { buildSampleWorkbook } from '../../../src/sample/buildSampleWorkbook';
import { sharedData } from '../../cli/sharedData';
import { buildReport } from '../../../src/engine/buildReport';
import type { Call } from '../../../src/engine/calls/Call';
import { callsReport } from '../../../src/engine/calls/callsReport';
import { chooseTables } from '../../../src/engine/chooseTables';
import { defaultSettings } from '../../../src/engine/defaultSettings';
import { columnHeader } from '../../../src/engine/methods/outputColumns';
import type { RawCell, SourceTable } from '../../../src/engine/types';
import { analysisErrorOf, analyzeScenario, day, iso, tableInput, type Scenario } from '../../helpers/tables';

/** The calls of a result as compact rows: ISO day, id, reasons. */
const rows = (result: AnalysisResult): [string | null, string, string][] =>
  result.outputs.calls.list.map((c) => [iso(c.day), c.customerId, c.reasons.join('+')]);

/** The calls with one reason. */
const withReason = (result: AnalysisResult, reason: Call['reasons'][number]): Call[] =>
  result.outputs.calls.list.filter((c) => c.reasons.includes(reason));

const customerHeaders = ['Customer ID', 'Name', 'Sales rep', 'Birthday', 'Phone'];

/** Sales that keep every customer recently served (no visit or win-back noise unless a test wants it). */
function scenario(asOf: string, customers: RawCell[][], extra: Partial<Scenario> = {}): Scenario {
  const sales = customers.map((c) => [c[0] ?? null, asOf, 100, 'Widget']);
  return {
    sales: { headers: ['Customer ID', 'Date', 'Amount', 'Product'], rows: sales },
    customers: { headers: customerHeaders, rows: customers },
    settings: { asOf },
    ...extra,
  };
}

describe('birthdays', () => {
  test('29 February: on the day in a leap year, on 28 February in other years (with the age)', () => {
    const people = [['C1', 'Ann', 'Kim', '1984-02-29', '555-0101']];
    const leap = analyzeScenario(scenario('2024-02-25', people));
    expect(withReason(leap, 'birthday').map((c) => [iso(c.day), c.detail])).toEqual([
      ['2024-02-29', 'Birthday (turns 40)'],
    ]);
    const plain = analyzeScenario(scenario('2025-02-25', people));
    expect(withReason(plain, 'birthday').map((c) => [iso(c.day), c.detail])).toEqual([
      ['2025-02-28', 'Birthday (turns 41; 29 Feb, called on 28 Feb)'],
    ]);
    const zh = analyzeScenario(
      scenario('2025-02-25', people, { settings: { asOf: '2025-02-25', language: 'zh-CN' } }),
    );
    expect(withReason(zh, 'birthday')[0]?.detail).toBe('生日（41 岁；2月29日，平年在2月28日）');
  });

  test('without a year: 03-15, 3月16日, 17 March, March 18th and an Excel serial are all read', () => {
    const people = [
      ['C1', 'A', 'Kim', '03-15'],
      ['C2', 'B', 'Kim', '3月16日'],
      ['C3', 'C', 'Kim', '17 March'],
      ['C4', 'D', 'Kim', 'March 18th'],
      ['C5', 'E', 'Kim', day('1990-03-19')],
      ['C6', 'F', 'Kim', '04-01'],
    ];
    const result = analyzeScenario(scenario('2024-03-14', people));
    expect(withReason(result, 'birthday').map((c) => [iso(c.day), c.customerId, c.detail])).toEqual([
      ['2024-03-15', 'C1', 'Birthday'],
      ['2024-03-16', 'C2', 'Birthday'],
      ['2024-03-17', 'C3', 'Birthday'],
      ['2024-03-18', 'C4', 'Birthday'],
      ['2024-03-19', 'C5', 'Birthday (turns 34)'],
    ]);
  });
});

const careRules = {
  headers: ['Product or category', 'Follow up after (days)', 'Note'],
  rows: [
    ['Fridge', 10, 'defrost reminder'],
    ['Skin care', 3, 'check the skin after treatment'],
    ['Oven', 'ten', 'clean the filter'],
  ] as RawCell[][],
};

describe('service follow-ups', () => {
  const sales = {
    headers: ['Customer ID', 'Date', 'Amount', 'Product', 'Category'],
    rows: [
      ['C1', '2024-03-01', 500, 'Fridge', 'Appliances'],
      ['C1', '2024-03-01', 20, 'fridge ', 'Appliances'],
      ['C2', '2024-03-09', 80, 'Face mask', 'Skin care'],
      ['C3', '2024-03-02', -500, 'Fridge', 'Appliances'],
      ['C4', '2024-02-01', 500, 'Fridge', 'Appliances'],
      ['C5', '2024-03-11', 500, 'Oven', 'Appliances'],
    ] as RawCell[][],
  };
  const run = (asOf = '2024-03-11') => analyzeScenario({ sales, careRules, settings: { asOf } });

  test('a purchase of a product named by a rule is followed up its days later, landing on the as-of date too', () => {
    const service = withReason(run(), 'service').map((c) => [iso(c.day), c.customerId, c.detail]);
    expect(service).toEqual([
      ['2024-03-11', 'C1', 'Follow-up: defrost reminder (Fridge, bought 2024-03-01)'],
      ['2024-03-12', 'C2', 'Follow-up: check the skin after treatment (Skin care, bought 2024-03-09)'],
    ]);
  });

  test('returns, purchases whose follow-up has passed and purchases after the as-of date give none', () => {
    const ids = withReason(run('2024-03-10'), 'service').map((c) => c.customerId);
    expect(ids).toEqual(['C1', 'C2']);
    expect(withReason(run('2024-03-10'), 'service').map((c) => iso(c.day))).toEqual([
      '2024-03-11',
      '2024-03-12',
    ]);
  });

  test('a rule whose days are not a number is left out and reported with sheet, row and column', () => {
    const notes = run().notes.filter((n) => n.code === 'careDaysNotNumber');
    expect(notes).toEqual([
      expect.objectContaining({ sheet: 'Care rules', row: 4, column: 'Follow up after (days)' }),
    ]);
    expect(run().outputs.calls.careRules).toBe(2);
  });
});

describe('one call list', () => {
  // As of 2024-03-10, a Sunday; the list runs to 2024-03-16.
  const asOf = '2024-03-10';
  const sales = {
    headers: ['Customer ID', 'Date', 'Amount', 'Product', 'Sales rep'],
    rows: [
      // Stars for Kim, bought on the as-of date: next visit 7 days later, off the list.
      ['S1', '2024-03-10', 1000, 'Widget', 'Kim'],
      ['S1', '2024-03-03', 1000, 'Widget', 'Kim'],
      // Due visits: V1 last bought long ago (overdue), V2 a little less long ago.
      ['V1', '2023-10-01', 10, 'Widget', 'Kim'],
      ['V2', '2024-01-05', 10, 'Widget', 'Kim'],
      // A fridge bought 10 days before the as-of date plus a birthday on the same day: one call.
      ['M1', '2024-03-01', 500, 'Fridge', 'Lee'],
      ['M1', '2024-03-10', 1, 'Widget', 'Lee'],
    ] as RawCell[][],
  };
  const customers = {
    headers: ['Customer ID', 'Name', 'Birthday', 'Phone', 'Wedding anniversary', 'Customer since'],
    rows: [
      ['S1', 'Star one', null, '555-0101', '2014-03-12', null],
      ['V1', 'Visit one', null, null, null, '2020-03-13'],
      ['V2', 'Visit two', null, 13800138000, null, null],
      ['M1', 'Merged', '03-11', '555-0199', null, null],
      ['N1', 'Never bought', null, null, null, null],
    ] as RawCell[][],
  };
  const result = analyzeScenario({ sales, customers, careRules, settings: { asOf } });

  test('holds visits (overdue on the as-of date), birthdays, anniversaries and follow-ups; per rep, most urgent first', () => {
    expect(rows(result)).toEqual([
      ['2024-03-10', 'V1', 'visit'],
      ['2024-03-10', 'V2', 'visit'],
      ['2024-03-12', 'S1', 'anniversary'],
      ['2024-03-13', 'V1', 'anniversary'],
      ['2024-03-11', 'M1', 'birthday+service'],
      ['2024-03-10', 'N1', 'visit'],
    ]);
    const [v1, v2] = result.outputs.calls.list;
    expect(v1?.overdueDays).toBeGreaterThan(v2?.overdueDays ?? Infinity);
    // A Dog (one small order) is visited every 60 days: 2023-10-01 + 60 = 2023-11-30, 101 days before.
    expect(v1?.detail).toBe('Visit overdue by 101 days (due 2023-11-30)');
  });

  test('one customer on one day is one call with every reason, its lines, phone, tier, segment and opener', () => {
    const merged = result.outputs.calls.list.find((c) => c.customerId === 'M1');
    expect(merged).toMatchObject({
      name: 'Merged',
      rep: 'Lee',
      phone: '555-0199',
      reasons: ['birthday', 'service'],
      detail: 'Birthday; Follow-up: defrost reminder (Fridge, bought 2024-03-01)',
    });
    expect(merged?.opener).toMatch(/^Happy birthday! /u);
    expect(merged?.tier).toBe(result.outputs.pyramid.tiers[result.roster.ids.indexOf('M1')]);
    expect(result.outputs.calls.list.find((c) => c.customerId === 'V2')?.phone).toBe('13800138000');
    const anniversaries = withReason(result, 'anniversary').map((c) => c.detail);
    expect(anniversaries).toEqual(['Wedding anniversary (10 years)', 'Anniversary as a customer (4 years)']);
  });

  test('the JSON form is sorted by date, then rep (none last), then customer id', () => {
    expect(
      callsReport(result.outputs.calls.list).map((c) => [c.date, c.rep, c.customerId, c.reasons]),
    ).toEqual([
      ['2024-03-10', 'Kim', 'V1', ['visit']],
      ['2024-03-10', 'Kim', 'V2', ['visit']],
      ['2024-03-10', null, 'N1', ['visit']],
      ['2024-03-11', 'Lee', 'M1', ['birthday', 'service']],
      ['2024-03-12', 'Kim', 'S1', ['anniversary']],
      ['2024-03-13', 'Kim', 'V1', ['anniversary']],
    ]);
    expect(Object.keys(buildReport(result))).not.toContain('calls');
  });

  test('callDays sets the span; the next call is an opt-in column', () => {
    const short = analyzeScenario({ sales, customers, careRules, settings: { asOf, callDays: 1 } });
    expect(new Set(short.outputs.calls.list.map((c) => iso(c.day)))).toEqual(new Set(['2024-03-10']));
    expect(analysisErrorOf(() => analyzeScenario({ sales, settings: { callDays: 0 } })).code).toBe(
      'BAD_SETTING',
    );
    expect(defaultSettings().columns).not.toContain('nextCall');
    expect(columnHeader('nextCall', 'zh-CN')).toBe('下次致电');
    const m1 = result.roster.ids.indexOf('M1');
    expect(iso(result.outputs.calls.nextCall[m1] ?? Number.NaN)).toBe('2024-03-11');
  });
});

describe('win-back calls', () => {
  // W1 bought big and often until 2023-12; its usual gap is 10 days, so by 2024-03-10 it is Lapsed and
  // in tier 1. F1 buys small, steadily, and is Active.
  const sales = {
    headers: ['Customer ID', 'Date', 'Amount'],
    rows: [
      ['W1', '2023-11-20', 5000],
      ['W1', '2023-11-30', 5000],
      ['W1', '2023-12-10', 5000],
      ...Array.from({ length: 10 }, (_, k) => ['F1', `2024-03-0${String((k % 9) + 1)}`, 10]),
      ...['A', 'B', 'C', 'D', 'E', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T'].map(
        (id) => [id, '2024-03-08', 50],
      ),
    ] as RawCell[][],
  };
  const run = (scenario: Partial<Scenario> = {}) =>
    analyzeScenario({ sales, settings: { asOf: '2024-03-10' }, ...scenario });

  test('a valuable customer (tier 1–2 or ABC A) At risk or Lapsed is called on the as-of date', () => {
    const result = run();
    const w1 = result.roster.ids.indexOf('W1');
    expect(result.outputs.pyramid.tiers[w1]).toBe(1);
    const winback = withReason(result, 'winback');
    expect(winback.map((c) => [iso(c.day), c.customerId, c.detail])).toEqual([
      [
        '2024-03-10',
        'W1',
        // A Star (big, frequent) is visited weekly: due 2023-12-17, 84 days before the as-of date.
        'Visit overdue by 84 days (due 2023-12-17); Win back: Lapsed, tier 1, last purchase 2023-12-10',
      ],
    ]);
    expect(winback[0]?.reasons).toEqual(['visit', 'winback']);
    expect(winback[0]?.opener).toMatch(/^We have missed you — what changed\? /u);
  });

  test('a contact after the last purchase in the 30 days before holds it back; an older one does not', () => {
    const recent = run({ visits: { headers: ['Customer ID', 'Visit date'], rows: [['W1', '2024-02-20']] } });
    expect(withReason(recent, 'winback')).toEqual([]);
    const old = run({ visits: { headers: ['Customer ID', 'Visit date'], rows: [['W1', '2024-02-01']] } });
    expect(withReason(old, 'winback').map((c) => c.customerId)).toEqual(['W1']);
  });
});

describe('Chinese headers and the care rules table', () => {
  const sales = {
    headers: ['客户编号', '销售日期', '金额', '产品', '类别', '业务员'],
    rows: [
      ['K1', '2024-03-01', 3000, '冰箱', '家电', '王芳'],
      ['K2', '2024-03-05', 200, '面膜', '护肤', '王芳'],
    ] as RawCell[][],
  };
  const customers = {
    headers: ['客户编号', '客户名称', '出生日期', '手机', '结婚纪念日'],
    rows: [
      ['K1', '张三', '3月12日', '13800138000', null],
      ['K2', '李四', '1990年3月13日', null, '2000-03-14'],
    ] as RawCell[][],
  };
  const rules = {
    headers: ['产品或类别', '回访天数', '备注'],
    rows: [
      ['冰箱', 10, '除霜提醒'],
      ['护肤', 7, '了解使用效果'],
    ] as RawCell[][],
  };

  test('are read: birthdays, anniversaries, phones, product and category rules, Chinese texts', () => {
    const result = analyzeScenario({
      sales,
      customers,
      careRules: rules,
      settings: { asOf: '2024-03-10', language: 'zh-CN' },
    });
    const care = result.outputs.calls.list.filter((c) => !c.reasons.includes('visit'));
    expect(care.map((c) => [iso(c.day), c.customerId, c.reasons.join('+'), c.detail])).toEqual([
      ['2024-03-11', 'K1', 'service', '回访：除霜提醒（冰箱，2024-03-01 购买）'],
      ['2024-03-12', 'K1', 'birthday', '生日'],
      ['2024-03-12', 'K2', 'service', '回访：了解使用效果（护肤，2024-03-05 购买）'],
      ['2024-03-13', 'K2', 'birthday', '生日（34 岁）'],
      ['2024-03-14', 'K2', 'anniversary', '结婚纪念日（24 周年）'],
    ]);
    expect(care[0]).toMatchObject({ rep: '王芳', phone: '13800138000', name: '张三' });
    // K1 bought once and big: a Volcano; Chinese sentences join without a space.
    expect(care[0]?.opener).toBe(
      '就您购买的产品做个简短回访。感谢您上次的大额订单——近期有什么需要我们帮忙的吗？',
    );
  });

  test('chooseTables tells the care rules table from sales and customers, in both languages', () => {
    const source = (sheet: string, headers: string[]): SourceTable => ({
      sheet,
      tableName: null,
      headerRow: 1,
      firstColumn: 1,
      headers,
      rowCount: 2,
    });
    const chosen = chooseTables([
      source('Sales', sales.headers),
      source('Customers', customers.headers),
      source('关怀规则', rules.headers),
    ]);
    expect(chosen.sales.source.sheet).toBe('Sales');
    expect(chosen.customers?.source.sheet).toBe('Customers');
    expect(chosen.careRules?.source.sheet).toBe('关怀规则');
    expect(chosen.careRules?.mapping).toEqual({ product: 0, followUpDays: 1, careNote: 2 });
    const english = chooseTables([
      source('Sales', ['Customer ID', 'Date', 'Amount']),
      source('Care rules', ['Category', 'Follow-up after (days)', 'Reminder']),
    ]);
    expect(english.careRules?.mapping).toEqual({ category: 0, followUpDays: 1, careNote: 2 });
    expect(english.customers).toBeNull();
  });
});

describe('call history (outcomes read back from earlier Calls sheets)', () => {
  const asOf = '2024-03-10';
  const sales = {
    headers: ['Customer ID', 'Date', 'Amount', 'Product'],
    rows: [
      ['H1', '2023-10-01', 10, 'Widget'],
      ['H2', '2024-03-10', 10, 'Widget'],
      ['H3', '2024-03-10', 10, 'Widget'],
    ] as RawCell[][],
  };
  const customers = {
    headers: ['Customer ID', 'Birthday'],
    rows: [
      ['H1', null],
      ['H2', '03-12'],
      ['H3', null],
    ] as RawCell[][],
  };
  const call = (customerId: string, isoDay: string, reasons: Call['reasons'], detail: string): Call => ({
    day: day(isoDay),
    customerId,
    name: null,
    rep: null,
    reasons,
    detail,
    phone: null,
    tier: null,
    segment: null,
    opener: '',
    overdueDays: 0,
  });

  test('a contact counts as the last contact: the visit is due from it, not from the old purchase', () => {
    const before = analyzeScenario({ sales, customers, settings: { asOf } });
    expect(rows(before).filter(([, id]) => id === 'H1')).toEqual([['2024-03-10', 'H1', 'visit']]);
    const after = analyzeScenario({
      sales,
      customers,
      settings: { asOf },
      callHistory: { contacts: [{ customerId: 'H1', day: day('2024-03-01') }], open: [] },
    });
    const h1 = after.roster.ids.indexOf('H1');
    expect(iso(after.outputs.measures.lastContact[h1] ?? 0)).toBe('2024-03-01');
    expect(iso(after.outputs.visits.nextVisitDue[h1] ?? 0)).toBe('2024-04-30');
    expect(rows(after).filter(([, id]) => id === 'H1')).toEqual([]);
  });

  test('a done call is not listed again; an open care call stays, overdue on the as-of date when its day passed', () => {
    const result = analyzeScenario({
      sales,
      customers,
      settings: { asOf },
      callHistory: {
        contacts: [{ customerId: 'H2', day: day('2024-03-12') }],
        open: [
          call('H3', '2024-03-07', ['service'], 'Follow-up: defrost reminder (Fridge, bought 2024-02-26)'),
          call('H3', '2024-03-05', ['visit'], 'Visit due'),
        ],
      },
    });
    expect(withReason(result, 'birthday')).toEqual([]);
    const carried = withReason(result, 'service');
    expect(carried.map((c) => [iso(c.day), c.customerId, c.detail, c.overdueDays])).toEqual([
      ['2024-03-10', 'H3', 'Follow-up: defrost reminder (Fridge, bought 2024-02-26)', 3],
    ]);
    expect(carried[0]?.reasons).toEqual(['service']);
  });

  test('an open call is dropped once the customer was contacted on or after its day', () => {
    const result = analyzeScenario({
      sales,
      customers,
      settings: { asOf },
      callHistory: {
        contacts: [{ customerId: 'H3', day: day('2024-03-08') }],
        open: [call('H3', '2024-03-07', ['service'], 'Follow-up')],
      },
    });
    expect(withReason(result, 'service')).toEqual([]);
  });
});

/** What runAnalysis hands the engine for a workbook on disk, read as the command line reads it. */
async function inputOf(file: string): Promise<AnalysisInput> {
  const host = await FileWorkbookHost.fromXlsx(readFileSync(file), path.basename(file));
  let captured: AnalysisInput | null = null;
  await runAnalysis(
    host,
    {},
    {
      write: false,
      describeOutput: false,
      compute: (input) => {
        captured = input;
        return Promise.resolve(computeAnalysis(input, { describeOutput: false }));
      },
    },
  );
  return captured!;
}

describe('without a call list (callList: false, a JSON report without --calls)', () => {
  test.each(['en', 'zh-CN'] as const)(
    'the %s sample: no call is listed, and the report and notes are those of the run with the list',
    async (language) => {
      const bytes = await sampleWorkbookToXlsx(buildSampleWorkbook(language));
      const run = async (callList: boolean) => {
        const host = await FileWorkbookHost.fromXlsx(bytes, 'sample.xlsx');
        return (await runAnalysis(host, {}, { write: false, describeOutput: false, callList })).result;
      };
      const [listed, unlisted] = [await run(true), await run(false)];
      expect(listed.outputs.calls.list.length).toBeGreaterThan(10);
      expect(listed.perCustomer.count).toBeGreaterThan(10);
      expect(unlisted.outputs.calls.list).toEqual([]);
      expect([...unlisted.outputs.calls.nextCall].every(Number.isNaN)).toBe(true);
      expect(unlisted.outputs.calls.careRules).toBe(listed.outputs.calls.careRules);
      expect(unlisted.notes).toEqual(listed.notes);
      expect(buildReport(unlisted)).toEqual(buildReport(listed));
    },
  );
});

describe('real data and the sample workbook', () => {
  test('superstore: a care rule on a category follows up every purchase in it (recomputed from the cells)', async () => {
    const input = await inputOf(sharedData('superstore.xlsx'));
    const { table, mapping } = input.sales;
    expect(table.headers[mapping.category ?? -1]).toBe('Category');
    const rules = tableInput(
      {
        headers: ['Category', 'Follow up after (days)', 'Note'],
        rows: [['Furniture', 30, 'check the delivery']],
      },
      'Care rules',
    );
    const result = analyze({ ...input, careRules: rules });
    const cells = (field: 'customerId' | 'date' | 'amount' | 'category') =>
      cellsOf(table.columns[mapping[field] ?? -1] ?? []);
    const [ids, dates, amounts, categories] = [
      cells('customerId'),
      cells('date'),
      cells('amount'),
      cells('category'),
    ];
    const expected = new Set<string>();
    for (let r = 0; r < table.rowCount; r++) {
      const bought = Math.floor(Number(dates[r]));
      const due = bought + 30;
      if (categories[r] !== 'Furniture' || !(Number(amounts[r]) > 0) || bought > result.asOf) continue;
      if (due >= result.asOf && due <= result.asOf + 6) expected.add(`${String(ids[r])} ${iso(due) ?? ''}`);
    }
    const service = withReason(result, 'service');
    expect(expected.size).toBeGreaterThan(5);
    expect(new Set(service.map((c) => `${c.customerId} ${iso(c.day) ?? ''}`))).toEqual(expected);
    expect(service.every((c) => c.detail.includes('Follow-up: check the delivery (Furniture, bought '))).toBe(
      true,
    );
  });

  test.each(['en', 'zh-CN'] as const)(
    'the %s sample shows every kind of call in the first 7 days, birthdays without a year and on 29 February',
    async (language) => {
      const sample = buildSampleWorkbook(language);
      const bytes = await sampleWorkbookToXlsx(sample);
      const host = await FileWorkbookHost.fromXlsx(bytes, 'sample.xlsx');
      const { result } = await runAnalysis(host, {}, { write: false, describeOutput: false });
      const reasons = new Set(result.outputs.calls.list.flatMap((c) => c.reasons));
      expect([...reasons].sort()).toEqual(['anniversary', 'birthday', 'service', 'visit', 'winback']);
      expect(result.outputs.calls.list.some((c) => c.reasons.length > 1)).toBe(true);
      const birthdays = (sample.sheets[0]?.rows ?? []).map((row) => row[4]);
      expect(birthdays.filter((b) => typeof b === 'string').length).toBeGreaterThan(10);
      expect(birthdays).toContain(day('1988-02-29'));
      expect(result.outputs.calls.list.every((c) => c.phone !== null)).toBe(true);
    },
  );
});
