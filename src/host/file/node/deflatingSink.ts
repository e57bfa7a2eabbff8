import zlib from 'node:zlib';
import type { PartSink } from '../appendSheetRows';
import { crc32Of } from './crc32Of';

/** The last block of a raw deflate stream: an empty fixed-Huffman block marked final. */
const finalBlock = Uint8Array.of(0x03, 0x00);

/**
 * A {@link PartSink} for `appendRowsToPackage` that deflates each buffer as it comes (Node's zlib, level 1,
 * as `packZipNative` deflates a large part) and keeps only the deflated bytes: each buffer is deflated
 * on its own and ended with a sync flush (byte-aligned, not final), the pieces joined and closed by an
 * empty final block — one valid raw deflate stream, as parallel gzip tools build theirs.
 *
 * @example const parts = await appendRowsToPackage(zip, deferred, deflatingSink);
 */
export function deflatingSink(): PartSink {
  const pieces: Uint8Array[] = [];
  let crc = 0;
  let size = 0;
  return {
    write(bytes) {
      if (bytes.length === 0) return;
      crc = crc32Of(bytes, crc);
      size += bytes.length;
      pieces.push(zlib.deflateRawSync(bytes, { level: 1, finishFlush: zlib.constants.Z_SYNC_FLUSH }));
    },
    end() {
      pieces.push(finalBlock);
      return { deflated: pieces, crc32: crc, size };
    },
  };
}
