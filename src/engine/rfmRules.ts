import { AnalysisError } from './errors';
import type { Language, RfmRule, RfmSegment } from './types';

/**
 * The widely used RFM segment table, on recency and frequency scores (monetary refines only "Lost"),
 * first match wins. Together the rules cover all 125 score combinations:
 *
 * | segment | R | F | M |
 * | --- | --- | --- | --- |
 * | Champions | 5 | 4–5 | any |
 * | Loyal | 3–4 | 4–5 | any |
 * | Potential loyalist | 4–5 | 2–3 | any |
 * | New | 5 | 1 | any |
 * | Promising | 4 | 1 | any |
 * | Need attention | 3 | 3 | any |
 * | About to sleep | 3 | 1–2 | any |
 * | Can't lose them | 1–2 | 5 | any |
 * | At risk | 1–2 | 3–4 | any |
 * | Lost | 1 | 1 | 1–2 |
 * | Hibernating | 1–2 | 1–2 | any |
 */
export const defaultRfmRules: readonly RfmRule[] = [
  { segment: 'Champions', r: [5, 5], f: [4, 5], m: [1, 5] },
  { segment: 'Loyal', r: [3, 4], f: [4, 5], m: [1, 5] },
  { segment: 'Potential loyalist', r: [4, 5], f: [2, 3], m: [1, 5] },
  { segment: 'New', r: [5, 5], f: [1, 1], m: [1, 5] },
  { segment: 'Promising', r: [4, 4], f: [1, 1], m: [1, 5] },
  { segment: 'Need attention', r: [3, 3], f: [3, 3], m: [1, 5] },
  { segment: 'About to sleep', r: [3, 3], f: [1, 2], m: [1, 5] },
  { segment: "Can't lose them", r: [1, 2], f: [5, 5], m: [1, 5] },
  { segment: 'At risk', r: [1, 2], f: [3, 4], m: [1, 5] },
  { segment: 'Lost', r: [1, 1], f: [1, 1], m: [1, 2] },
  { segment: 'Hibernating', r: [1, 2], f: [1, 2], m: [1, 5] },
];

const inRange = (value: number, [lo, hi]: [number, number]): boolean => value >= lo && value <= hi;

/** The segment of a score combination: the first rule that matches, or null when none does. */
export function rfmSegmentFor(rules: readonly RfmRule[], r: number, f: number, m: number): RfmSegment | null {
  for (const rule of rules) {
    if (inRange(r, rule.r) && inRange(f, rule.f) && inRange(m, rule.m)) return rule.segment;
  }
  return null;
}

/**
 * Every score combination's segment at once, for scoring many customers: entry r × 36 + f × 6 + m (scores
 * 1–5) holds {@link rfmSegmentFor}'s answer.
 * @example rfmSegmentTable(defaultRfmRules)[5 * 36 + 5 * 6 + 5] // 'Champions'
 */
export function rfmSegmentTable(rules: readonly RfmRule[]): (RfmSegment | null)[] {
  const table = new Array<RfmSegment | null>(216).fill(null);
  for (let r = 1; r <= 5; r++)
    for (let f = 1; f <= 5; f++)
      for (let m = 1; m <= 5; m++) table[r * 36 + f * 6 + m] = rfmSegmentFor(rules, r, f, m);
  return table;
}

/** Score codes (`"RFM"`, e.g. `"315"`) that no rule matches. */
export function uncoveredRfmCodes(rules: readonly RfmRule[]): string[] {
  const missing: string[] = [];
  for (let r = 1; r <= 5; r++)
    for (let f = 1; f <= 5; f++)
      for (let m = 1; m <= 5; m++) if (rfmSegmentFor(rules, r, f, m) === null) missing.push(`${r}${f}${m}`);
  return missing;
}

/**
 * Checks an edited rule table before use.
 *
 * @param language Of the error's sentence.
 * @throws AnalysisError `RFM_RULES_INCOMPLETE` naming the score codes no rule covers.
 */
export function validateRfmRules(rules: readonly RfmRule[], language: Language = 'en'): void {
  const missing = uncoveredRfmCodes(rules);
  if (missing.length > 0) throw AnalysisError.of({ key: 'rfmRulesIncomplete', codes: missing }, language);
}
