/** The colour scheme the pane follows. */
export type ThemeKind = 'light' | 'dark' | 'highContrast';

/**
 * What the pane knows about where it runs, gathered once by the startup (`index.tsx`): inside Excel from
 * `Office.context`, as a plain page from the browser. Components and hooks read it instead of touching
 * Office globals, so tests can hand them a fake.
 */
export interface PaneEnvironment {
  /** `excel` inside Excel (host = the open workbook); `playground` as a plain web page (host = a file). */
  mode: 'excel' | 'playground';
  /** Office's display language (`Office.context.displayLanguage`, e.g. `zh-CN`), else the browser's. */
  displayLanguage: string | null;
  /** The current theme (Office's theme inside Excel, the system's as a page). */
  theme(): ThemeKind;
  /** Calls `listener` when the theme may have changed; returns the unsubscribe function. */
  onThemeChange(listener: () => void): () => void;
}
