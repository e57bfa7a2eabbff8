import { dayFromIso } from '../dayNumbers';
import type { AbcClass, PyramidTier, SvcdSegment } from '../types';

/** One recorded run: its as-of date and three characters per customer of {@link RunHistory.ids}. */
export interface HistoryRun {
  /** The run's as-of date, ISO `YYYY-MM-DD`. */
  asOf: string;
  /**
   * Three characters per customer, in the order of `ids`: pyramid tier `1`–`5`, SVCD segment `S` `C` `V`
   * `D`, ABC class `A` `B` `C`; `-` where the customer had none (or was not in that run).
   */
  codes: string;
}

/**
 * The pyramid tier, SVCD segment and ABC class of every customer in the last runs, saved in the workbook's
 * run record so "moved since the last run" survives archived sales rows. Compact: the customer ids once,
 * then one code string per run. Runs newest first, as-of dates distinct.
 */
export interface RunHistory {
  ids: string[];
  runs: HistoryRun[];
}

/** One customer's categories in a recorded run. */
export interface RecordedCategories {
  tier: PyramidTier | null;
  svcd: SvcdSegment | null;
  abc: AbcClass | null;
}

/** A customer of the run being recorded. */
export interface HistoryCustomer {
  id: string;
  pyramidTier: PyramidTier | null;
  svcd: SvcdSegment | null;
  abc: AbcClass | null;
}

/** A recorded run read back: its as-of date (day number) and each customer's categories by id. */
export interface RecordedRun {
  asOf: number;
  customers: ReadonlyMap<string, RecordedCategories>;
}

/** How much history is kept: runs (distinct as-of dates) and bytes of JSON at most. */
export interface HistoryBound {
  maxRuns: number;
  maxBytes: number;
}

const defaultBound: HistoryBound = { maxRuns: 6, maxBytes: 1_000_000 };

const svcdCodes: Record<SvcdSegment, string> = { Star: 'S', Cow: 'C', Volcano: 'V', Dog: 'D' };
const svcdOf: Record<string, SvcdSegment> = { S: 'Star', C: 'Cow', V: 'Volcano', D: 'Dog' };
const tierOf: Record<string, PyramidTier> = { '1': 1, '2': 2, '3': 3, '4': 4, '5': 5 };
const abcOf: Record<string, AbcClass> = { A: 'A', B: 'B', C: 'C' };

/** Bytes of a text in UTF-8 as JSON holds it (quotes and separators ignored). */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes += code < 0x80 ? 1 : code < 0x800 || (code >= 0xd800 && code < 0xe000) ? 2 : 3;
  }
  return bytes;
}

/** Approximate size of a history's JSON in UTF-8 bytes. */
function sizeOf(ids: readonly string[], runs: readonly HistoryRun[]): number {
  let size = 32;
  for (const id of ids) size += utf8Bytes(id) + 3;
  for (const run of runs) size += run.codes.length + 32;
  return size;
}

/**
 * The run history (see {@link RunHistory}): recording a run and reading the one to compare with. Pure.
 *
 * **Bound.** At most {@link runHistory.maxRuns} runs, one per as-of date (a run with an as-of already
 * recorded replaces it), and at most {@link runHistory.maxBytes} bytes of JSON (ids + codes); the oldest
 * runs go first, and ids no kept run has are dropped. A run too large alone (about 70,000 customers with
 * 8-character ids) keeps no history. The Excel host saves the record twice during a run (the history and the
 * undo record's copy), so this keeps its state well under the 5 MB request limit; every cell holds at most
 * 30,000 characters (`runRecord.encode`).
 *
 * @example
 * const h = runHistory.record(null, '2024-03-31', [{ id: 'C1', pyramidTier: 2, svcd: 'Star', abc: 'A' }]);
 * h; // { ids: ['C1'], runs: [{ asOf: '2024-03-31', codes: '2SA' }] }
 * runHistory.before(h, dayFromIso('2024-06-30')!)?.customers.get('C1'); // { tier: 2, svcd: 'Star', abc: 'A' }
 */
export const runHistory = {
  /** Runs kept at most (distinct as-of dates). */
  maxRuns: defaultBound.maxRuns,
  /** Bytes of the history's JSON at most (UTF-8). */
  maxBytes: defaultBound.maxBytes,

  /**
   * The history after a run as of `asOf` (ISO) with these customers: this run first, then the earlier
   * runs of other as-of dates, within the bound.
   */
  record(
    previous: RunHistory | null,
    asOf: string,
    customers: readonly HistoryCustomer[],
    bound: HistoryBound = defaultBound,
  ): RunHistory {
    const current = {
      asOf,
      customers: new Map(customers.map((c) => [c.id, { tier: c.pyramidTier, svcd: c.svcd, abc: c.abc }])),
    };
    const earlier =
      previous === null
        ? []
        : previous.runs
            .filter((run) => run.asOf !== asOf)
            .map((run) => ({ asOf: run.asOf, customers: runHistory.read(previous, run).customers }));
    const all = [current, ...earlier].slice(0, bound.maxRuns);
    for (let count = all.length; count > 0; count--) {
      const kept = all.slice(0, count);
      const ids = [...new Set(kept.flatMap((run) => [...run.customers.keys()]))];
      const runs = kept.map((run) => ({ asOf: run.asOf, codes: encodeRun(ids, run.customers) }));
      if (sizeOf(ids, runs) <= bound.maxBytes) return { ids, runs };
    }
    return { ids: [], runs: [] };
  },

  /** A recorded run's categories by customer id (the as-of date as a day number). */
  read(history: RunHistory, run: HistoryRun): RecordedRun {
    const customers = new Map<string, RecordedCategories>();
    history.ids.forEach((id, i) => {
      const tier = tierOf[run.codes[3 * i] ?? '-'] ?? null;
      const svcd = svcdOf[run.codes[3 * i + 1] ?? '-'] ?? null;
      const abc = abcOf[run.codes[3 * i + 2] ?? '-'] ?? null;
      if (tier !== null || svcd !== null || abc !== null) customers.set(id, { tier, svcd, abc });
    });
    return { asOf: dayFromIso(run.asOf) ?? Number.NaN, customers };
  },

  /** The latest recorded run with an as-of date before `asOf` (a day number), or null. */
  before(history: RunHistory | null, asOf: number): RecordedRun | null {
    let best: HistoryRun | null = null;
    let bestDay = Number.NEGATIVE_INFINITY;
    for (const run of history?.runs ?? []) {
      const day = dayFromIso(run.asOf);
      if (day !== null && day < asOf && day > bestDay) {
        best = run;
        bestDay = day;
      }
    }
    return best === null || history === null ? null : runHistory.read(history, best);
  },

  /**
   * A history from saved JSON, or null when it does not make sense (runs whose codes do not fit the ids, or
   * whose as-of is not a date, are dropped).
   */
  parse(value: unknown): RunHistory | null {
    if (typeof value !== 'object' || value === null) return null;
    const { ids, runs } = value as { ids?: unknown; runs?: unknown };
    if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string') || !Array.isArray(runs))
      return null;
    const valid = runs.filter(
      (run): run is HistoryRun =>
        typeof run === 'object' &&
        run !== null &&
        typeof (run as HistoryRun).asOf === 'string' &&
        dayFromIso((run as HistoryRun).asOf) !== null &&
        typeof (run as HistoryRun).codes === 'string' &&
        (run as HistoryRun).codes.length === 3 * ids.length,
    );
    return { ids: ids, runs: valid.map((run) => ({ asOf: run.asOf, codes: run.codes })) };
  },
};

function encodeRun(ids: readonly string[], customers: ReadonlyMap<string, RecordedCategories>): string {
  const parts: string[] = [];
  for (const id of ids) {
    const c = customers.get(id);
    parts.push(
      c === undefined ? '---' : `${c.tier ?? '-'}${c.svcd === null ? '-' : svcdCodes[c.svcd]}${c.abc ?? '-'}`,
    );
  }
  return parts.join('');
}
