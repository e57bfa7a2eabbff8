/** Characters a worksheet cell holds at most (Excel refuses longer text, and repairs files that have it). */
const maxCellChars = 32_767;

/**
 * Text as it may be written to a workbook cell: unchanged up to 32,767 characters (UTF-16 code units, as
 * Excel counts), else cut to that length with a final `…`, never inside a surrogate pair. Only cells are
 * cut; the JSON report keeps the full text.
 *
 * @example fitCellText('x'.repeat(40_000)).length === 32_767
 */
export function fitCellText(text: string): string {
  if (text.length <= maxCellChars) return text;
  let end = maxCellChars - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}
