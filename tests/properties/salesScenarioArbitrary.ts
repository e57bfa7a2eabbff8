/**
 * fast-check generators of messy sales tables whose expected reading is known by construction: every
 * generated cell records whether the engine must accept it and, for dates and amounts, the value it must
 * read. Tests use that record as an oracle (which rows are used, which are skipped and why).
 */
import fc from 'fast-check';
import { dayFromIso, isoFromDay, ymdFromDay } from '../../src/engine/dayNumbers';
import type { AnalysisSettings, DateOrder, RawCell, SkipCode } from '../../src/engine/types';

/** A cell with what the engine must make of it. */
export interface OracleCell {
  value: RawCell;
  /** The cell is readable for its column. */
  valid: boolean;
  /** Day number (dates) or amount (amounts) the engine must read; ids: the id text. */
  read?: number | string;
  /** Why an invalid cell is skipped. */
  code?: SkipCode;
}

/** One generated sales row. */
export interface OracleRow {
  id: OracleCell;
  date: OracleCell;
  amount: OracleCell;
  orderId: RawCell;
  profit: RawCell;
  name: RawCell;
  rep: RawCell;
}

/** A generated sales table with its settings. */
export interface SalesScenario {
  rows: OracleRow[];
  dateOrder: DateOrder;
  settings: Partial<AnalysisSettings>;
  withProfit: boolean;
  withOrderId: boolean;
}

/** Headers of the generated sales table; columns absent from a scenario are still present but ignored. */
export const scenarioHeaders = [
  'Customer ID',
  'Order Date',
  'Amount',
  'Order ID',
  'Profit',
  'Customer Name',
  'Sales Rep',
];

const firstDay = dayFromIso('2020-01-01')!;
const lastDay = dayFromIso('2024-12-31')!;
const monthAbbreviations = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

/** Customer ids as users type them, with the id text the engine must keep (exactly as written, trimmed). */
const validIds: [RawCell, string][] = [
  ['C001', 'C001'],
  ['C002', 'C002'],
  ['c001', 'c001'],
  ['  C003 ', 'C003'],
  ['00042', '00042'],
  ['42', '42'],
  [42, '42'],
  ['1E5', '1E5'],
  ['17850.0', '17850.0'],
  [17850, '17850'],
  ['客户甲', '客户甲'],
  ['🙂 Ltd', '🙂 Ltd'],
  ['=HYPERLINK("http://x","y")', '=HYPERLINK("http://x","y")'],
  ['+SUM(A1)', '+SUM(A1)'],
  ['-2+3', '-2+3'],
  ['@cmd', '@cmd'],
  [true, 'TRUE'],
];

function idCell(idCount: number): fc.Arbitrary<OracleCell> {
  return fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .constantFrom(...validIds.slice(0, idCount))
        .map(([value, read]) => ({ value, valid: true, read })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom<RawCell>(null, '', '   ', '\t')
        .map((value) => ({ value, valid: false, code: 'customerBlank' as const })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom<RawCell>('#N/A', '#VALUE!', '#REF!', '#DIV/0!')
        .map((value) => ({ value, valid: false, code: 'customerError' as const })),
    },
  );
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** A readable date in one of the formats DESIGN.md lists, written for the scenario's date order. */
function validDate(order: DateOrder, days: number): fc.Arbitrary<OracleCell> {
  return fc
    .tuple(
      fc.integer({ min: lastDay - days + 1, max: lastDay }),
      fc.integer({ min: 0, max: 9 }),
      fc.double({ min: 0, max: 0.99, noNaN: true }),
    )
    .map(([day, format, time]): OracleCell => {
      const { year, month, day: d } = ymdFromDay(day);
      const texts: RawCell[] = [
        day,
        day + time,
        isoFromDay(day),
        `${isoFromDay(day)} 08:26:00`,
        `${year}/${month}/${d}`,
        `${year}年${month}月${d}日`,
        `${year}${two(month)}${two(d)}`,
        `${d} ${monthAbbreviations[month - 1]!} ${year}`,
        `${monthAbbreviations[month - 1]!} ${d}, ${year}`,
        order === 'dmy' ? `${two(d)}/${two(month)}/${year}` : `${two(month)}/${two(d)}/${year}`,
      ];
      return { value: texts[format] ?? day, valid: true, read: day };
    });
}

const invalidDate: fc.Arbitrary<OracleCell> = fc
  .constantFrom<RawCell>(
    null,
    '',
    'yesterday',
    '#N/A',
    '#VALUE!',
    true,
    false,
    '2023-02-29',
    '31/31/2024',
    0,
    -5,
    'N/A',
    '2024-13-01',
  )
  .map((value) => ({ value, valid: false, code: 'dateUnreadable' as const }));

function dateCell(order: DateOrder, days: number): fc.Arbitrary<OracleCell> {
  return fc.oneof({ weight: 8, arbitrary: validDate(order, days) }, { weight: 1, arbitrary: invalidDate });
}

const validAmount: fc.Arbitrary<OracleCell> = fc
  .tuple(fc.integer({ min: -200_000, max: 2_000_000 }), fc.integer({ min: 0, max: 6 }))
  .map(([cents, format]): OracleCell => {
    const amount = cents / 100;
    const grouped = Math.abs(amount).toLocaleString('en-US', { minimumFractionDigits: 2 });
    const sign = amount < 0 ? '-' : '';
    const texts: RawCell[] = [
      amount,
      amount,
      String(amount),
      `${sign}$${grouped}`,
      `${sign}¥${grouped}`,
      amount < 0 ? `(${grouped})` : `${grouped} 元`,
      `USD ${sign}${grouped}`,
    ];
    return { value: texts[format] ?? amount, valid: true, read: amount };
  });

const invalidAmount: fc.Arbitrary<OracleCell> = fc
  .constantFrom<RawCell>(null, '', 'n/a', '#VALUE!', '#N/A', true, false, 'abc', '--', '12 apples')
  .map((value) => ({ value, valid: false, code: 'amountNotNumber' as const }));

const amountCell: fc.Arbitrary<OracleCell> = fc.oneof(
  { weight: 8, arbitrary: validAmount },
  { weight: 1, arbitrary: invalidAmount },
);

/** Any cell value a host can hand over, including the awkward ones. */
export const anyRawCell: fc.Arbitrary<RawCell> = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('#N/A', '#VALUE!', '#REF!', '#NAME?', '', ' ', '0', '-', '1e309', 'NaN', 'Infinity'),
  fc.integer({ min: -1_000_000, max: 100_000_000 }),
  fc.double(),
  fc.boolean(),
);

/**
 * A row of seven loose cells under {@link scenarioHeaders}: each column mostly holds anything at all,
 * sometimes a plausible id, date or amount (so some rows are usable and the analysis runs).
 */
export const looseRow: fc.Arbitrary<RawCell[]> = fc.tuple(
  fc.oneof(anyRawCell, fc.constantFrom(...validIds.map(([value]) => value))),
  fc.oneof(
    anyRawCell,
    fc.integer({ min: firstDay, max: lastDay }),
    fc.integer({ min: firstDay, max: lastDay }).map(isoFromDay),
  ),
  fc.oneof(anyRawCell, fc.double({ min: -1e9, max: 1e9, noNaN: true })),
  anyRawCell,
  anyRawCell,
  anyRawCell,
  anyRawCell,
);

function salesRow(order: DateOrder, days: number, idCount: number): fc.Arbitrary<OracleRow> {
  return fc.record({
    id: idCell(idCount),
    date: dateCell(order, days),
    amount: amountCell,
    orderId: fc.oneof(
      fc.constantFrom<RawCell>(null, 'SO1', 'SO2', 'SO3', 'SO4', 536365),
      fc.string({ maxLength: 3 }),
    ),
    profit: fc.oneof(
      fc.integer({ min: -5000, max: 5000 }).map((c) => c / 100),
      fc.constantFrom<RawCell>(null, '#N/A', 'x'),
    ),
    name: fc.constantFrom<RawCell>(null, 'Acme', 'Bolt', '=1+1'),
    rep: fc.constantFrom<RawCell>(null, 'Li', 'Wang', 'Smith'),
  });
}

/** Shape of the generated tables. */
export interface ScenarioShape {
  /** Fewest and most data rows (default 0 and 40). */
  minRows?: number;
  maxRows?: number;
  /** Sale dates fall in the last `days` days of 2020–2024 (few days make same-day rows common). */
  days?: number;
  /** Customer ids are drawn from the first `idCount` of the id list (few ids make repeats common). */
  idCount?: number;
}

/**
 * A sales table with settings (date order, an optional as-of date and window, language, visit model,
 * ABC cut) drawn at random.
 */
export function salesScenarioArbitrary(shape: ScenarioShape = {}): fc.Arbitrary<SalesScenario> {
  const { minRows = 0, maxRows = 40, days = lastDay - firstDay + 1, idCount = validIds.length } = shape;
  return fc.constantFrom<DateOrder>('mdy', 'dmy').chain((dateOrder) =>
    fc.record({
      rows: fc.array(salesRow(dateOrder, days, idCount), { minLength: minRows, maxLength: maxRows }),
      dateOrder: fc.constant(dateOrder),
      withProfit: fc.boolean(),
      withOrderId: fc.boolean(),
      settings: fc.record({
        asOf: fc.option(fc.integer({ min: lastDay - days - 30, max: lastDay + 30 }).map(isoFromDay), {
          freq: 3,
        }),
        windowMonths: fc.option(fc.integer({ min: 1, max: 70 }), { freq: 3 }),
        language: fc.constantFrom('en' as const, 'zh-CN' as const),
        visitsFrom: fc.constantFrom('svcd' as const, 'abc' as const),
        abcCut: fc.constantFrom(0.75, 0.5, 0.8, 1),
        dateOrder: fc.constant(dateOrder),
      }),
    }),
  );
}

/**
 * The scenario as the column-major cells of {@link scenarioHeaders}, with the profit and order-id
 * columns blanked out of their headers when the scenario has none (so they are not mapped).
 */
export function scenarioTable(scenario: SalesScenario): { headers: string[]; rows: RawCell[][] } {
  const headers = scenarioHeaders.map((h) =>
    (h === 'Profit' && !scenario.withProfit) || (h === 'Order ID' && !scenario.withOrderId) ? 'Notes' : h,
  );
  const rows = scenario.rows.map((r) => [
    r.id.value,
    r.date.value,
    r.amount.value,
    r.orderId,
    r.profit,
    r.name,
    r.rep,
  ]);
  return { headers, rows };
}
