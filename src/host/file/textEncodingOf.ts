/** How many leading bytes {@link textEncodingOf} looks at when there is no byte-order mark. */
export const encodingSampleBytes = 64 * 1024;

/**
 * The encoding of a text file from its first bytes, as a `TextDecoder` label: a byte-order mark names
 * UTF-8, UTF-16 LE or UTF-16 BE; without one, UTF-16 LE/BE when every other byte is zero (ASCII text
 * saved as "Unicode" without a mark), UTF-8 when the sample is valid UTF-8 (a character cut at the end of
 * the sample is allowed), else GB18030 — what Excel in Chinese saves as CSV (a superset of GBK and
 * GB2312).
 *
 * @param bytes The file, or at least its first {@link encodingSampleBytes} bytes.
 * @example textEncodingOf(new Uint8Array([0xbf, 0xcd, 0xbb, 0xa7])) // 'gb18030' ("客户" in GBK)
 */
export function textEncodingOf(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const sample = bytes.subarray(0, encodingSampleBytes);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let at = 0; at + 1 < sample.length; at += 2) {
    if (sample[at] === 0) evenZeros++;
    if (sample[at + 1] === 0) oddZeros++;
  }
  const pairs = Math.floor(sample.length / 2);
  if (pairs >= 2 && oddZeros > pairs * 0.9 && evenZeros === 0) return 'utf-16le';
  if (pairs >= 2 && evenZeros > pairs * 0.9 && oddZeros === 0) return 'utf-16be';
  try {
    // `stream: true` lets a multi-byte character cut by the end of the sample pass.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: sample.length < bytes.length });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}
