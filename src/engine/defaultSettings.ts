import { defaultPyramidCuts } from './assignPyramidTiers';
import type { ErrorReason } from './errorMessage';
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
  'previousTier',
  'tierChange',
  'valueTrend',
  'relationship',
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
    compareMonths: 3,
    trendGrowth: 0.1,
    trendDecline: 0.1,
  };
}

/**
 * Fills missing settings with defaults and checks them.
 *
 * @throws AnalysisError `BAD_SETTING` / `RFM_RULES_INCOMPLETE` with a sentence naming the setting.
 */
export function resolveSettings(partial: Partial<AnalysisSettings> = {}): AnalysisSettings {
  const settings: AnalysisSettings = { ...defaultSettings(), ...stripUndefined(partial) };
  // The sentence is in the chosen language when that setting itself is usable.
  const language = partial.language === 'zh-CN' ? 'zh-CN' : 'en';
  const bad = (reason: ErrorReason): never => {
    throw AnalysisError.of(reason, language);
  };
  if (!(settings.abcCut > 0 && settings.abcCut <= 1)) bad({ key: 'badAbcCut', value: settings.abcCut });
  const cuts = settings.pyramidCuts;
  if (
    (cuts as readonly number[]).length !== 5 ||
    cuts.some((c, i) => !(c > 0 && c <= 1) || (i > 0 && c < cuts[i - 1]!)) ||
    cuts[4] !== 1
  ) {
    bad({ key: 'badPyramidCuts' });
  }
  for (const [on, value] of [
    ['amount', settings.svcdAmountThreshold],
    ['frequency', settings.svcdFrequencyThreshold],
  ] as const) {
    if (value !== null && !Number.isFinite(value)) bad({ key: 'badSvcdThreshold', on });
  }
  // Settings come back from workbooks and the command line as untyped JSON: check what the types promise.
  const loose = settings as unknown as Record<string, unknown>;
  if (loose.language !== 'en' && loose.language !== 'zh-CN')
    bad({ key: 'badLanguage', value: String(loose.language) });
  if (loose.visitsFrom !== 'svcd' && loose.visitsFrom !== 'abc') bad({ key: 'badVisitsFrom' });
  if (
    settings.compareMonths !== null &&
    !(Number.isInteger(settings.compareMonths) && settings.compareMonths >= 1)
  )
    bad({ key: 'badCompareMonths', value: settings.compareMonths });
  for (const value of [settings.trendGrowth, settings.trendDecline]) {
    if (!(Number.isFinite(value) && value >= 0)) bad({ key: 'badTrendThreshold', value });
  }
  const unknown = settings.columns.filter((c) => !allOutputColumns.includes(c));
  if (unknown.length > 0) bad({ key: 'unknownColumns', columns: unknown });
  validateRfmRules(settings.rfmRules, language);
  return settings;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
