/**
 * Decodes the bytes of a text file (a CSV) whatever Excel saved it as: UTF-8 with a byte-order mark
 * ("CSV UTF-8"), UTF-16 little- or big-endian with a byte-order mark ("Unicode text"), UTF-8 without a
 * mark, and otherwise GB18030 — what Excel set to Chinese saves as plain "CSV" (GB18030 contains GBK and
 * GB2312). Pure: runs in the browser, a worker and Node (Node needs its full ICU, the default build).
 *
 * @param bytes The whole file.
 * @returns The text without its byte-order mark, and the encoding it was read as (`utf-8`, `utf-16le`,
 *   `utf-16be` or `gb18030`). Empty input is UTF-8.
 * @example decodeText(new Uint8Array([0xbf, 0xcd, 0xbb, 0xa7])) // { text: '客户', encoding: 'gb18030' }
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    // ignoreBOM: a mark was handled above; any other U+FEFF is data.
    return {
      text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes),
      encoding: 'utf-8',
    };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}
