import { useCallback, useMemo, useState } from 'react';
import { defaultSettings } from '../../engine/defaultSettings';
import type { AnalysisSettings, Language } from '../../engine/types';

/** The settings of the next run and ways to change them. */
export interface SettingsState {
  /** Complete settings: defaults, then those saved in the workbook, then the user's changes. */
  settings: AnalysisSettings;
  /** Changes some settings (kept while the pane shows this workbook). */
  update: (patch: Partial<AnalysisSettings>) => void;
  /** How many changes the user made (drives automatic re-analysis). */
  changeCount: number;
}

/**
 * The analysis settings: defaults, under the settings saved in the workbook by an earlier run (so every
 * co-author gets the same output), under the user's changes. The language of results follows the
 * workbook's headers when they are Chinese, else the UI language, until the workbook or the user sets one.
 *
 * @param headersLanguage The language of the workbook's headers (`languageOfHeaders`), null if unknown. The pane remounts this per workbook, so changes never
 * leak from one workbook to another.
 */
export function useSettings(
  saved: Partial<AnalysisSettings> | null,
  uiLanguage: Language,
  headersLanguage: Language | null = null,
): SettingsState {
  const [own, setOwn] = useState<{ patch: Partial<AnalysisSettings>; changes: number }>({
    patch: {},
    changes: 0,
  });
  const settings = useMemo<AnalysisSettings>(
    () => ({
      ...defaultSettings(),
      language: headersLanguage ?? uiLanguage,
      ...definedOnly(saved ?? {}),
      ...own.patch,
    }),
    [saved, own.patch, uiLanguage, headersLanguage],
  );
  const update = useCallback((patch: Partial<AnalysisSettings>) => {
    setOwn((s) => ({ patch: { ...s.patch, ...patch }, changes: s.changes + 1 }));
  }, []);
  return { settings, update, changeCount: own.changes };
}

function definedOnly(value: Partial<AnalysisSettings>): Partial<AnalysisSettings> {
  const entries: [string, unknown][] = Object.entries(value);
  return Object.fromEntries(entries.filter(([, v]) => v !== undefined));
}
