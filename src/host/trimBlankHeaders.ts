/**
 * Headers without the blank ones at the end: a table ends at its last named column. Blank means empty or
 * spaces only. Every host trims the headers it reports this way (Excel tables, plain ranges, streamed
 * tables, and after our own columns are blanked out of them).
 *
 * @example trimBlankHeaders(['Customer', 'Amount', ' ', '']); // ['Customer', 'Amount']
 */
export function trimBlankHeaders(headers: readonly string[]): string[] {
  let end = headers.length;
  while (end > 0 && (headers[end - 1] ?? '').trim() === '') end--;
  return headers.slice(0, end);
}
