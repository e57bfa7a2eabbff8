/**
 * The pure parts of the Calls sheet (issue 16): its name and header in both languages, reading the reps'
 * outcomes back, the contacts they record, the calls they settle, and the stable placement of a re-run.
 */
import type { Call, CallOutcomeRow } from '../../../src/engine/calls/Call';
import { callContacts } from '../../../src/engine/calls/callContacts';
import { callsSheet } from '../../../src/engine/calls/callsSheet';
import { placeCallRows, type WantedCallRow } from '../../../src/engine/calls/placeCallRows';
import { readCallOutcomes } from '../../../src/engine/calls/readCallOutcomes';
import { callHistoryOf, callKey } from '../../../src/engine/calls/callHistoryOf';
import { openCallsOf } from '../../../src/engine/calls/openCallsOf';
import { dayFromIso } from '../../../src/engine/dayNumbers';
import type { RawCell } from '../../../src/engine/types';

const day = (iso: string): number => dayFromIso(iso) ?? Number.NaN;
const asOf = day('2026-12-06');

function call(customerId: string, iso: string, extra: Partial<Call> = {}): Call {
  return {
    day: day(iso),
    customerId,
    name: `Name of ${customerId}`,
    rep: 'Ann',
    reasons: ['visit'],
    detail: 'Visit due',
    phone: '555-0100',
    tier: 2,
    segment: 'Star',
    opener: 'Hello',
    overdueDays: 0,
    ...extra,
  };
}

const row = (c: Call, outcome: RawCell = null, note: RawCell = null): RawCell[] => [
  ...callsSheet.rowOf(c, 'en'),
  outcome,
  note,
];

describe('callsSheet', () => {
  it('names a sheet per as-of date in both languages and reads the date back', () => {
    expect(callsSheet.name(asOf, 'en')).toBe('Calls 2026-12-06');
    expect(callsSheet.name(asOf, 'zh-CN')).toBe('电话清单 2026-12-06');
    expect(callsSheet.asOfOfName('Calls 2026-12-06')).toBe(asOf);
    expect(callsSheet.asOfOfName('电话清单 2026-12-06')).toBe(asOf);
    expect(callsSheet.asOfOfName('Visit plan')).toBeNull();
  });

  it('recognises its header in either language and not another table', () => {
    expect(callsSheet.columnsOfHeader(callsSheet.headers('en'))).toMatchObject({ outcome: 10, note: 11 });
    expect(callsSheet.columnsOfHeader(callsSheet.headers('zh-CN'))).toMatchObject({ customerId: 2 });
    expect(callsSheet.columnsOfHeader(['Customer ID', 'Order Date', 'Amount'])).toBeNull();
  });

  it('reads outcome words in either language and any case; anything else is a note', () => {
    expect(['Done', ' DONE ', '已完成'].map((w) => callsSheet.outcomeOf(w))).toEqual([
      'done',
      'done',
      'done',
    ]);
    expect(['no answer', 'No Answer', '未接通'].map((w) => callsSheet.outcomeOf(w))).toEqual([
      'noAnswer',
      'noAnswer',
      'noAnswer',
    ]);
    expect(['Not interested', '不感兴趣'].map((w) => callsSheet.outcomeOf(w))).toEqual([
      'notInterested',
      'notInterested',
    ]);
    expect(callsSheet.outcomeOf('call back Monday')).toBe('note');
  });
});

describe('readCallOutcomes', () => {
  it('returns the filled rows only, with sheet row numbers, dates as text or serials', () => {
    const rows: RawCell[][] = [
      callsSheet.headers('zh-CN'),
      row(call('C1', '2026-12-06'), 'Done'),
      row(call('C2', '2026-12-07')),
      row(call('C3', '2026-12-08'), null, '=SUM(A1) is what she said'),
      row(call('C4', '2026-12-09'), '不感兴趣', 'moved away'),
      ['2026-12-10', 'Bob', '00042', null, null, null, null, null, null, null, 'no answer', null],
    ];
    const read = readCallOutcomes({ name: '电话清单 2026-12-06', rows }, false);
    expect(read.map((r) => [r.customerId, r.outcome, r.text, r.row, r.day])).toEqual([
      ['C1', 'done', 'Done', 2, day('2026-12-06')],
      ['C3', 'note', '=SUM(A1) is what she said', 4, day('2026-12-08')],
      ['C4', 'notInterested', '不感兴趣', 5, day('2026-12-09')],
      ['00042', 'noAnswer', 'no answer', 6, day('2026-12-10')],
    ]);
    expect(read[0]?.rep).toBe('Ann');
  });

  it('reads 1904-system serials and ignores a sheet that is not a Calls sheet', () => {
    const rows: RawCell[][] = [callsSheet.headers('en'), row(call('C1', '2026-12-06'), 'done')];
    rows[1]![0] = asOf - 1462;
    expect(readCallOutcomes({ name: 'x', rows }, true)[0]?.day).toBe(asOf);
    expect(
      readCallOutcomes(
        {
          name: 'x',
          rows: [
            ['Customer ID', 'Amount'],
            ['C1', 3],
          ],
        },
        false,
      ),
    ).toEqual([]);
  });
});

const outcome = (
  customerId: string,
  iso: string,
  o: CallOutcomeRow['outcome'],
  sheet = 'Calls 2026-12-06',
): CallOutcomeRow => ({
  customerId,
  day: day(iso),
  rep: null,
  outcome: o,
  text: o,
  sheet,
  row: 2,
});

describe('callContacts', () => {
  it('counts done, not interested and notes as contacts on the call date, and on its sheet date when later', () => {
    const rows = [
      outcome('C2', '2026-12-01', 'done', 'Calls 2026-11-29'),
      outcome('C1', '2026-12-09', 'notInterested'),
      outcome('C3', '2026-12-02', 'noAnswer'),
      outcome('C4', '2026-11-30', 'note', '电话清单 2026-11-29'),
      outcome('C2', '2026-12-01', 'note', 'Calls 2026-11-29'),
    ];
    expect(callContacts(rows)).toEqual([
      { customerId: 'C1', day: asOf },
      { customerId: 'C1', day: day('2026-12-09') },
      { customerId: 'C2', day: day('2026-11-29') },
      { customerId: 'C2', day: day('2026-12-01') },
      { customerId: 'C4', day: day('2026-11-29') },
      { customerId: 'C4', day: day('2026-11-30') },
    ]);
  });
});

describe('openCallsOf and callHistoryOf', () => {
  const sheetOf = (
    name: string,
    rows: RawCell[][],
    language: 'en' | 'zh-CN' = 'en',
  ): { name: string; rows: RawCell[][] } => ({
    name,
    rows: [callsSheet.headers(language), ...rows],
  });
  const birthday = call('C2', '2026-12-07', {
    reasons: ['visit', 'birthday'],
    detail: 'Birthday (turns 40)',
  });

  it('lists the newest sheet’s rows with no outcome or no answer, reasons read back from labels', () => {
    const older = sheetOf('Calls 2026-11-29', [row(call('C9', '2026-11-30'))]);
    const newest = sheetOf(
      '电话清单 2026-12-06',
      [
        callsSheet.rowOf(birthday, 'zh-CN').concat(['未接通', null]),
        row(call('C3', '2026-12-08')),
        row(call('C4', '2026-12-08'), 'done'),
        row(call('C5', '2026-12-08'), null, 'called, all fine'),
        callsSheet
          .noLongerListedRow(callsSheet.rowOf(call('C6', '2026-12-09'), 'en'), 'en')
          .concat([null, null]),
      ],
      'zh-CN',
    );
    const open = openCallsOf([newest, older], false);
    expect(open.map((c) => c.customerId)).toEqual(['C2', 'C3']);
    expect(open[0]).toEqual({ ...birthday, overdueDays: 0 });
  });

  it('gathers contacts from every sheet and open calls from the newest; null without sheets', () => {
    const history = callHistoryOf(
      [
        sheetOf('Calls 2026-11-29', [row(call('C9', '2026-11-30'), 'Done')]),
        sheetOf('Calls 2026-12-06', [row(call('C3', '2026-12-08')), row(call('C4', '2026-12-06'), 'done')]),
      ],
      false,
    );
    expect(history?.contacts).toEqual([
      { customerId: 'C4', day: asOf },
      { customerId: 'C9', day: day('2026-11-29') },
      { customerId: 'C9', day: day('2026-11-30') },
    ]);
    expect(history?.open.map((c) => c.customerId)).toEqual(['C3']);
    expect(callHistoryOf([], false)).toBeNull();
  });
});

describe('placeCallRows', () => {
  const wanted = (c: Call, detail = c.detail): WantedCallRow => ({
    key: callKey(c.customerId, c.day),
    cells: callsSheet.rowOf({ ...c, detail }, 'en'),
  });
  const mark = (cells: readonly RawCell[]): (string | number | null)[] =>
    callsSheet.noLongerListedRow(
      cells.map((v) => (typeof v === 'boolean' ? String(v) : v)),
      'en',
    );
  const [a, b, c, d] = [
    call('A', '2026-12-06'),
    call('B', '2026-12-07'),
    call('C', '2026-12-08'),
    call('D', '2026-12-09'),
  ] as [Call, Call, Call, Call];

  it('writes every call on an empty sheet', () => {
    const placed = placeCallRows([], [wanted(a), wanted(b)], false, mark);
    expect(placed.writes.map((w) => w.row)).toEqual([0, 1]);
    expect(placed.rowCount).toBe(2);
  });

  it('keeps rows in place, never touches a filled row, marks calls gone, appends new ones', () => {
    const existing = [
      row(a),
      row(b, 'done'),
      row(c),
      [null, null, null, null, null, null, null, null, null, null, null, 'typed below'] as RawCell[],
    ];
    const placed = placeCallRows(existing, [wanted(b, 'changed'), wanted(a), wanted(d)], false, mark);
    // A unchanged: not written; B filled by a rep: not written although its detail changed; C gone: marked;
    // D new: appended under the rep's row 3, which is never reused.
    expect(placed.writes.map((w) => w.row)).toEqual([2, 4]);
    expect(placed.writes[0]?.cells[7]).toBe('— no longer on the list');
    expect(placed.writes[0]?.cells.slice(0, 3)).toEqual(row(c).slice(0, 3));
    expect(placed.writes[1]?.cells[2]).toBe('D');
    expect(placed.rowCount).toBe(5);
    expect(placed.repRows).toBe(2);
    expect(placed.writes.every((w) => w.cells.length === callsSheet.ourColumnCount)).toBe(true);
  });

  it('is idempotent: a second identical run writes nothing', () => {
    const first = placeCallRows([], [wanted(a), wanted(b)], false, mark);
    const sheet = first.writes.map((w) => [...w.cells, null, null]);
    expect(placeCallRows(sheet, [wanted(a), wanted(b)], false, mark).writes).toEqual([]);
  });
});
