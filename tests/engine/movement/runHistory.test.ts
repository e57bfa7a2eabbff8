import { dayFromIso } from '../../../src/engine/dayNumbers';
import { runHistory, type HistoryCustomer, type RunHistory } from '../../../src/engine/movement/runHistory';

const day = (iso: string): number => dayFromIso(iso) ?? Number.NaN;

const first: HistoryCustomer[] = [
  { id: 'C1', pyramidTier: 1, svcd: 'Star', abc: 'A' },
  { id: 'C2', pyramidTier: null, svcd: null, abc: 'C' },
  { id: '客户3', pyramidTier: 5, svcd: 'Dog', abc: 'B' },
];

describe('runHistory', () => {
  it('records one code string per run over one id list, three characters per customer', () => {
    const h = runHistory.record(null, '2024-03-31', first);
    expect(h).toEqual({ ids: ['C1', 'C2', '客户3'], runs: [{ asOf: '2024-03-31', codes: '1SA--C5DB' }] });
    // A later run with a new customer and one gone: ids are the union, the missing one is '---'.
    const h2 = runHistory.record(h, '2024-06-30', [
      { id: 'C4', pyramidTier: 2, svcd: 'Cow', abc: 'A' },
      { id: 'C1', pyramidTier: 3, svcd: 'Volcano', abc: 'B' },
    ]);
    expect(h2.ids).toEqual(['C4', 'C1', 'C2', '客户3']);
    expect(h2.runs).toEqual([
      { asOf: '2024-06-30', codes: '2CA3VB------' },
      { asOf: '2024-03-31', codes: '---1SA--C5DB' },
    ]);
  });

  it('finds the latest run before an as-of date and reads its categories back', () => {
    let h = runHistory.record(null, '2024-03-31', first);
    h = runHistory.record(h, '2024-06-30', [{ id: 'C1', pyramidTier: 4, svcd: 'Dog', abc: 'B' }]);
    expect(runHistory.before(h, day('2024-03-31'))).toBeNull();
    const march = runHistory.before(h, day('2024-06-30'));
    expect(march?.asOf).toBe(day('2024-03-31'));
    expect(Object.fromEntries(march!.customers)).toEqual({
      C1: { tier: 1, svcd: 'Star', abc: 'A' },
      C2: { tier: null, svcd: null, abc: 'C' },
      客户3: { tier: 5, svcd: 'Dog', abc: 'B' },
    });
    const june = runHistory.before(h, day('2024-07-01'));
    expect(june?.asOf).toBe(day('2024-06-30'));
    expect([...june!.customers.keys()]).toEqual(['C1']);
    expect(runHistory.before(null, day('2024-07-01'))).toBeNull();
  });

  it('keeps one run per as-of date: a re-run on the same date replaces it', () => {
    let h = runHistory.record(null, '2024-03-31', first);
    h = runHistory.record(h, '2024-03-31', [{ id: 'C9', pyramidTier: 2, svcd: 'Star', abc: 'A' }]);
    expect(h).toEqual({ ids: ['C9'], runs: [{ asOf: '2024-03-31', codes: '2SA' }] });
  });

  it(`keeps at most ${runHistory.maxRuns} runs, dropping the oldest`, () => {
    let h: RunHistory | null = null;
    for (let m = 1; m <= 8; m++) {
      h = runHistory.record(h, `2024-0${m}-01`, [{ id: `C${m}`, pyramidTier: 1, svcd: 'Star', abc: 'A' }]);
    }
    expect(h?.runs.map((r) => r.asOf)).toEqual([
      '2024-08-01',
      '2024-07-01',
      '2024-06-01',
      '2024-05-01',
      '2024-04-01',
      '2024-03-01',
    ]);
    // Ids only the dropped runs had are gone.
    expect(h?.ids).toEqual(['C8', 'C7', 'C6', 'C5', 'C4', 'C3']);
  });

  it('keeps within the byte bound: older runs go first, a run too large alone keeps nothing', () => {
    const many = (n: number): HistoryCustomer[] =>
      Array.from({ length: n }, (_, i) => ({ id: `C${1000 + i}`, pyramidTier: 3, svcd: 'Cow', abc: 'B' }));
    // 100 ids of 5 characters: 100 × (5 + 3) = 800 bytes of ids, 300 of codes per run, 32 + 32 per run.
    const bound = { maxRuns: 6, maxBytes: 2000 };
    let h = runHistory.record(null, '2024-01-31', many(100), bound);
    h = runHistory.record(h, '2024-02-29', many(100), bound);
    h = runHistory.record(h, '2024-03-31', many(100), bound);
    // 32 + 800 + 3 × 332 = 1828 ≤ 2000; a fourth run would make 2160.
    expect(h.runs.map((r) => r.asOf)).toEqual(['2024-03-31', '2024-02-29', '2024-01-31']);
    h = runHistory.record(h, '2024-04-30', many(100), bound);
    expect(h.runs.map((r) => r.asOf)).toEqual(['2024-04-30', '2024-03-31', '2024-02-29']);
    expect(JSON.stringify(h).length).toBeLessThanOrEqual(bound.maxBytes);
    expect(runHistory.record(h, '2024-05-31', many(300), bound)).toEqual({ ids: [], runs: [] });
    // The default bound fits the saved record under Excel's limits (see runRecord and HostStateSheet).
    expect(runHistory.maxBytes).toBe(1_000_000);
  });

  it('parses saved JSON, dropping runs that do not fit the ids', () => {
    expect(runHistory.parse(null)).toBeNull();
    expect(runHistory.parse({ ids: [1], runs: [] })).toBeNull();
    expect(
      runHistory.parse({
        ids: ['C1'],
        runs: [
          { asOf: '2024-01-31', codes: '1SA' },
          { asOf: '2024-01-30', codes: '1SAX' },
          { asOf: 'soon', codes: '1SA' },
        ],
      }),
    ).toEqual({ ids: ['C1'], runs: [{ asOf: '2024-01-31', codes: '1SA' }] });
  });
});
