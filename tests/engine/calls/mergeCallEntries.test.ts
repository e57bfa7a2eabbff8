import type { CallReason } from '../../../src/engine/calls/Call';
import { mergeCallEntries, type CallEntry } from '../../../src/engine/calls/mergeCallEntries';
import { compareIds } from '../../../src/engine/compareIds';
import { orderByText } from '../../../src/engine/orderByText';

const reasons: readonly CallReason[] = ['visit', 'birthday', 'anniversary', 'service', 'winback'];

describe('mergeCallEntries', () => {
  // 400 customers of ids that sort differently as text and as numbers, three reps and none, several
  // reasons on a day, equal days and overdue days: every tie-break is needed.
  const ids = Array.from({ length: 400 }, (_, i) => `C${(i * 37) % 400}`);
  const repOf = (i: number): string | null => [null, 'Li Na', 'Ann', 'Zoe'][i % 4]!;
  let seed = 11;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const entries: CallEntry[] = [];
  for (let k = 0; k < 1500; k++) {
    const customer = next(400);
    const reason = reasons[next(5)]!;
    const overdueDays = reason === 'visit' ? next(3) * 10 : 0;
    entries.push({ customer, day: 100 + next(3), reason, line: `${reason} ${next(2)}`, overdueDays });
  }
  const idRank = new Int32Array(ids.length);
  orderByText(ids).forEach((i, k) => (idRank[i] = k));
  const calls = mergeCallEntries(
    entries,
    (i) => ({
      customerId: ids[i]!,
      name: null,
      rep: repOf(i),
      phone: null,
      tier: i % 7 === 0 ? null : (i % 5) + 1,
      segment: null,
    }),
    (i, merged) => `${merged.join('+')} ${i}`,
    'en',
    idRank,
  );

  test('one call per customer and day, with each reason once in reason order and the largest overdue', () => {
    const groups = new Map<string, CallEntry[]>();
    for (const entry of entries) {
      const key = `${entry.customer} ${entry.day}`;
      groups.set(key, [...(groups.get(key) ?? []), entry]);
    }
    expect(calls).toHaveLength(groups.size);
    for (const call of calls) {
      const i = ids.indexOf(call.customerId);
      const group = groups.get(`${i} ${call.day}`)!;
      const ordered = [...group].sort((a, b) => reasons.indexOf(a.reason) - reasons.indexOf(b.reason));
      expect(call.reasons).toEqual([...new Set(ordered.map((e) => e.reason))]);
      expect(call.detail).toBe([...new Set(ordered.map((e) => e.line))].join('; '));
      expect(call.overdueDays).toBe(Math.max(0, ...group.map((e) => e.overdueDays)));
      expect(call.opener).toBe(`${call.reasons.join('+')} ${i}`);
    }
  });

  test('sorted per rep (code-unit order, none last), then day, more overdue, more reasons, tier, id', () => {
    const rep = (r: string | null): string => (r === null ? '\uffff' : r);
    const expected = [...calls].sort(
      (a, b) =>
        compareIds(rep(a.rep), rep(b.rep)) ||
        a.day - b.day ||
        b.overdueDays - a.overdueDays ||
        b.reasons.length - a.reasons.length ||
        (a.tier ?? 6) - (b.tier ?? 6) ||
        compareIds(a.customerId, b.customerId),
    );
    expect(calls.map((c) => `${c.customerId} ${c.day}`)).toEqual(
      expected.map((c) => `${c.customerId} ${c.day}`),
    );
    expect(calls[calls.length - 1]!.rep).toBeNull();
  });
});
