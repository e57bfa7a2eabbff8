/**
 * `wanted`, or `wanted (2)`, `wanted (3)`, … — the first not in `taken` (compared case-insensitively, as
 * Excel compares sheet names and table column names). `maxLength` trims the base so the suffix fits
 * (sheet names hold at most 31 characters).
 *
 * @example uniqueName('SVCD segment', new Set(['svcd segment'])) // 'SVCD segment (2)'
 */
export function uniqueName(wanted: string, taken: ReadonlySet<string>, maxLength = Infinity): string {
  const fit = (base: string, suffix: string): string =>
    base.slice(0, Math.max(1, maxLength - suffix.length)) + suffix;
  let name = fit(wanted, '');
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = fit(wanted, ` (${n})`);
  return name;
}
