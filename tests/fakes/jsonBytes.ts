/** UTF-8 size of a value's JSON, the way an Office.js request or response would carry it. */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value === undefined ? null : value), 'utf8');
}
