/**
 * Orders customer ids for tie-breaking: plain code-unit order (`C10` < `C9`, `00042` < `42`), the same on
 * every machine and locale.
 */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
