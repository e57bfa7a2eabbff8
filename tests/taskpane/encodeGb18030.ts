import { TextDecoder } from 'node:util';

let table: Map<string, number[]> | null = null;

/**
 * Text as GB18030 bytes — what Excel set to Chinese saves as "CSV" — for test files. Node can decode
 * GB18030 but not encode it, so the two-byte table is built once by decoding every two-byte code.
 *
 * @throws Error for a character outside ASCII and the two-byte table (not needed by the tests).
 */
export function encodeGb18030(text: string): Uint8Array {
  if (table === null) {
    table = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++)
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
      }
  }
  const known = table;
  return new Uint8Array(
    Array.from(text).flatMap((ch) => {
      const code = ch.charCodeAt(0);
      if (code < 0x80) return [code];
      const bytes = known.get(ch);
      if (bytes === undefined) throw new Error(`No two-byte GB18030 code for "${ch}"`);
      return bytes;
    }),
  );
}
