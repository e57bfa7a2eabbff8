/**
 * `wanted`, or `wanted (2)`, `wanted (3)`, … — the first not in `taken`, compared as Excel compares sheet
 * names and table column names: ignoring case and surrounding spaces. `maxLength` cuts the base so the
 * suffix fits (sheet names hold at most 31 characters, `excelGrid.sheetNameLength`); a cut base loses its
 * trailing spaces. Both hosts name their sheets and columns with it, so a re-run by either gives the same
 * names.
 *
 * @param taken Names already used, as written (any case).
 * @example
 * uniqueName('SVCD segment', ['svcd segment']); // 'SVCD segment (2)'
 * uniqueName('A sheet name of exactly 31 chars', ['a sheet name of exactly 31 chars'], 31); // 'A sheet name of exactly 31 (2)'
 */
export function uniqueName(wanted: string, taken: Iterable<string>, maxLength = Infinity): string {
  const used = new Set<string>();
  for (const name of taken) used.add(name.trim().toLowerCase());
  const fit = (suffix: string): string =>
    suffix === '' && wanted.length <= maxLength
      ? wanted
      : wanted.slice(0, Math.max(1, maxLength - suffix.length)).trimEnd() + suffix;
  let name = fit('');
  for (let n = 2; used.has(name.trim().toLowerCase()); n++) name = fit(` (${String(n)})`);
  return name;
}
