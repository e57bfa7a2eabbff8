import { textEncodingOf } from './textEncodingOf';

/**
 * Decodes the bytes of a text file (a CSV) whatever Excel saved it as: UTF-8 with or without a
 * byte-order mark, UTF-16 LE or BE ("Unicode text"), or GB18030/GBK (Excel in Chinese saving "CSV").
 * The byte-order mark is dropped. Bytes that are not valid UTF-8 anywhere in the file are read as
 * GB18030, even when the first part looked like UTF-8.
 *
 * @returns The text and the encoding it was read with (a `TextDecoder` label).
 * @example decodeText(new Uint8Array([0xbf, 0xcd, 0xbb, 0xa7])) // { text: '客户', encoding: 'gb18030' }
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  const encoding = textEncodingOf(bytes);
  if (encoding === 'utf-8') {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding };
    } catch {
      return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
    }
  }
  return { text: new TextDecoder(encoding).decode(bytes), encoding };
}
