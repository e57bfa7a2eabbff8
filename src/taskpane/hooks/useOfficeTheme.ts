import { useEffect, useState } from 'react';
import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import type { PaneEnvironment, ThemeKind } from '../PaneEnvironment';

const themes: Record<ThemeKind, Theme> = {
  light: webLightTheme,
  dark: webDarkTheme,
  highContrast: teamsHighContrastTheme,
};

/** The Fluent theme matching Office's theme (or the system's as a plain page), updated when it changes. */
export function useOfficeTheme(environment: PaneEnvironment): { kind: ThemeKind; theme: Theme } {
  const [kind, setKind] = useState<ThemeKind>(() => environment.theme());
  useEffect(
    () =>
      environment.onThemeChange(() => {
        setKind(environment.theme());
      }),
    [environment],
  );
  return { kind, theme: themes[kind] };
}
