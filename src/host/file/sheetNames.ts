/** Longest sheet name Excel accepts. */
export const maxSheetNameLength = 31;

/**
 * Makes a text a valid sheet name: the characters Excel forbids (`[ ] : * ? / \`) become `_`, leading and
 * trailing apostrophes go, and the name is cut to 31 characters; an empty result becomes `Sheet`.
 */
export function validSheetName(name: string): string {
  const cleaned = name
    .replace(/[[\]:*?/\\]/gu, '_')
    .replace(/^'+|'+$/gu, '')
    .slice(0, maxSheetNameLength)
    .trim();
  return cleaned === '' ? 'Sheet' : cleaned;
}

/**
 * A valid sheet name not yet taken (Excel compares names without regard to case): the name itself, else
 * `Name (2)`, `Name (3)`, … cut to fit 31 characters.
 *
 * @example uniqueSheetName('Pyramid', ['pyramid']) === 'Pyramid (2)'
 */
export function uniqueSheetName(name: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((existing) => existing.toLowerCase()));
  const base = validSheetName(name);
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${base.slice(0, maxSheetNameLength - suffix.length).trimEnd()}${suffix}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * A header not clashing (trimmed, case-insensitively) with those taken: the header, else `Header (2)`, …
 *
 * @example uniqueHeader('Revenue', ['revenue']) === 'Revenue (2)'
 */
export function uniqueHeader(header: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((existing) => existing.trim().toLowerCase()));
  if (!used.has(header.trim().toLowerCase())) return header;
  for (let n = 2; ; n++) {
    const candidate = `${header} (${n})`;
    if (!used.has(candidate.trim().toLowerCase())) return candidate;
  }
}
