import zlib from 'node:zlib';

let crcTable: Uint32Array | null = null;

/**
 * CRC-32 of the bytes, continuing from the CRC of the bytes before them: zlib's (Node 20.15 and later),
 * else a table-driven one for older Node 20 releases.
 *
 * @example crc32Of(b, crc32Of(a)) === crc32Of(Buffer.concat([a, b]))
 */
export function crc32Of(data: Uint8Array, previous = 0): number {
  if (typeof zlib.crc32 === 'function') return zlib.crc32(data, previous);
  if (crcTable === null) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = (previous ^ 0xffffffff) >>> 0;
  for (const byte of data) crc = (crcTable[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
