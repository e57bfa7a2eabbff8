import { defaultPyramidCuts } from './assignPyramidTiers';
import { AnalysisError } from './errors';
import { defaultRfmRules, validateRfmRules } from './rfmRules';
import type { AnalysisSettings, OutputColumnKey } from './types';

/** Every customer column, in the order they are written. */
export const allOutputColumns: readonly OutputColumnKey[] = [
  'svcd',
  'abc',
  'pyramidTier',
  'visitsPerMonth',
  'nextVisitDue',
  'rfmScore',
  'rfmSegment',
  'churnRisk',
  'revenue',
  'profit',
  'orders',
  'lastPurchase',
  'recencyDays',
  'lossMaking',
  'amountPerOrder',
  'frequencyPerMonth',
  'rfmR',
  'rfmF',
  'rfmM',
  'lifetimeValue',
];

/** Settings of a first run: all data, median SVCD thresholds, 75 % ABC cut, visits from SVCD, English. */
export function defaultSettings(): AnalysisSettings {
  return {
    asOf: null,
    windowMonths: null,
    svcdAmountThreshold: null,
    svcdFrequencyThreshold: null,
    abcCut: 0.75,
    pyramidCuts: [...defaultPyramidCuts],
    visitsFrom: 'svcd',
    language: 'en',
    columns: [...allOutputColumns],
    rfmRules: defaultRfmRules.map((rule) => ({ ...rule, r: [...rule.r], f: [...rule.f], m: [...rule.m] })),
    dateOrder: 'mdy',
    mappingOverrides: {},
  };
}

/**
 * Fills missing settings with defaults and checks them.
 *
 * @throws AnalysisError `BAD_SETTING` / `RFM_RULES_INCOMPLETE` with a sentence naming the setting.
 */
export function resolveSettings(partial: Partial<AnalysisSettings> = {}): AnalysisSettings {
  const settings: AnalysisSettings = { ...defaultSettings(), ...stripUndefined(partial) };
  const bad = (message: string): never => {
    throw new AnalysisError('BAD_SETTING', message);
  };
  if (!(settings.abcCut > 0 && settings.abcCut <= 1))
    bad(`The ABC cut must be a share between 0 and 1 (got ${settings.abcCut}).`);
  const cuts = settings.pyramidCuts;
  if (
    (cuts as readonly number[]).length !== 5 ||
    cuts.some((c, i) => !(c > 0 && c <= 1) || (i > 0 && c < cuts[i - 1]!)) ||
    cuts[4] !== 1
  ) {
    bad('The pyramid cut-offs must be five ascending shares ending at 1 (100 %).');
  }
  for (const [name, value] of [
    ['amount per order', settings.svcdAmountThreshold],
    ['orders per month', settings.svcdFrequencyThreshold],
  ] as const) {
    if (value !== null && !Number.isFinite(value)) bad(`The SVCD threshold on ${name} must be a number.`);
  }
  // Settings come back from workbooks and the command line as untyped JSON: check what the types promise.
  const loose = settings as unknown as Record<string, unknown>;
  if (loose.language !== 'en' && loose.language !== 'zh-CN')
    bad(`Unknown language "${String(loose.language)}": use en or zh-CN.`);
  if (loose.visitsFrom !== 'svcd' && loose.visitsFrom !== 'abc') bad('Visits come from "svcd" or "abc".');
  const unknown = settings.columns.filter((c) => !allOutputColumns.includes(c));
  if (unknown.length > 0) bad(`Unknown column(s): ${unknown.join(', ')}.`);
  validateRfmRules(settings.rfmRules);
  return settings;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
