import type { ThemeKind } from './PaneEnvironment';

/**
 * Picks the theme from Office's body background colour (`Office.context.officeTheme.bodyBackgroundColor`)
 * and whether the system forces colours (Windows high contrast).
 *
 * @param background `#RRGGBB` (or `RRGGBB`); undefined or unreadable = light.
 * @param forcedColors The `(forced-colors: active)` media query matches.
 * @returns `highContrast` when colours are forced, `dark` when the background's relative luminance is
 *   below 0.5, else `light`.
 * @example themeKindFromColors('#1F1F1F', false) // 'dark'
 */
export function themeKindFromColors(background: string | undefined, forcedColors: boolean): ThemeKind {
  if (forcedColors) return 'highContrast';
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(background?.trim() ?? '');
  if (match === null) return 'light';
  const [r, g, b] = [match[1], match[2], match[3]].map((hex) => parseInt(hex ?? '0', 16) / 255) as [
    number,
    number,
    number,
  ];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance < 0.5 ? 'dark' : 'light';
}
