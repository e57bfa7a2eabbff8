/**
 * Approximate bytes a value adds to an Office.js request (its JSON, UTF-8, plus a separator). Used to
 * keep each batch under the 5 MB request limit without serialising it.
 *
 * @example jsonSize('明星') // 9: two 3-byte characters, two quotes, one comma
 */
export function jsonSize(value: unknown): number {
  if (value === null || value === undefined) return 5;
  if (typeof value === 'number') return String(value).length + 1;
  if (typeof value === 'boolean') return 6;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  let size = text.length + 3;
  // Printable ASCII other than quote and backslash costs one byte; count the rest only when present.
  if (/[^\x20\x21\x23-\x5b\x5d-\x7e]/.test(text)) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code > 0x7ff) size += 2;
      else if (code > 0x7f || code === 0x22 || code === 0x5c) size += 1;
      else if (code < 0x20) size += 5;
    }
  }
  return size;
}
