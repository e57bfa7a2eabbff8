import type { ErrorReason } from './errorMessage';
import { AnalysisError } from './errors';
import type { AnyMethod, MethodSettings } from './methods/Method';
import { allOutputColumns, defaultOutputColumns } from './methods/outputColumns';
import { methods } from './methods/registry';
import { validateMethodSettings } from './methods/runMethods';
import type { AnalysisSettings, RunSettings } from './types';

/**
 * Settings of a first run: all data, English, month-first dates, the default columns, and each method's
 * defaults (`Method.settings`): median SVCD thresholds, 75 % ABC cut, visits from SVCD, the RFM table…
 */
export function defaultSettings(): AnalysisSettings {
  const run: RunSettings = {
    asOf: null,
    windowMonths: null,
    language: 'en',
    columns: [...defaultOutputColumns],
    dateOrder: 'mdy',
    mappingOverrides: {},
  };
  const all: Record<string, unknown> = { ...run };
  for (const method of methods as readonly AnyMethod[]) Object.assign(all, defaultsOf(method));
  // Keys in the order run records have always stored them (their JSON stays byte-identical); later
  // methods' settings follow.
  const ordered: Record<string, unknown> = {};
  for (const key of storedOrder) if (key in all) ordered[key] = all[key];
  return Object.assign(ordered, all) as AnalysisSettings;
}

/** A method's default settings (none: an empty object). */
const defaultsOf = (method: AnyMethod): object =>
  (method.settings as MethodSettings<object> | undefined)?.defaults() ?? {};

const storedOrder = [
  'asOf',
  'windowMonths',
  'svcdAmountThreshold',
  'svcdFrequencyThreshold',
  'abcCut',
  'pyramidCuts',
  'visitsFrom',
  'language',
  'columns',
  'rfmRules',
  'dateOrder',
  'mappingOverrides',
];

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
  // Settings come back from workbooks and the command line as untyped JSON: check what the types promise.
  const loose = settings as unknown as Record<string, unknown>;
  if (loose.language !== 'en' && loose.language !== 'zh-CN')
    bad({ key: 'badLanguage', value: String(loose.language) });
  const unknown = settings.columns.filter((c) => !allOutputColumns.includes(c));
  if (unknown.length > 0) bad({ key: 'unknownColumns', columns: unknown });
  validateMethodSettings(settings, language);
  return settings;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
