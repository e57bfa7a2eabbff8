import { xmlText } from './xmlText';

/** Bytes of each buffer the writer fills before starting the next. */
const chunkBytes = 4 * 1024 ** 2;
/** Pieces shorter than this are copied byte by byte (quicker than `set` for a handful of bytes). */
const shortPiece = 24;

let encoder: TextEncoder | null = null;

/** The platform's UTF-8 encoder, made on first use (a module that merely imports this one needs none). */
function utf8(): TextEncoder {
  encoder ??= new TextEncoder();
  return encoder;
}

/** Whether a UTF-16 code unit is an ASCII character that XML text may hold as it is. */
const plainAscii = new Uint8Array(128);
for (let code = 0x20; code < 0x80; code++) plainAscii[code] = 1;
for (const char of '&<>"\'') plainAscii[char.charCodeAt(0)] = 0;
plainAscii[0x09] = 1;
plainAscii[0x0a] = 1;
plainAscii[0x0d] = 1;
/** The entity of each character `xmlText` escapes. */
const entities = new Map<number, Uint8Array>(
  [
    ['&', '&amp;'],
    ['<', '&lt;'],
    ['>', '&gt;'],
    ['"', '&quot;'],
    ["'", '&apos;'],
  ].map(([char = '', entity = '']) => [char.charCodeAt(0), Uint8Array.from(entity, (c) => c.charCodeAt(0))]),
);

/**
 * Builds a large UTF-8 XML part (a worksheet of millions of cells) straight into byte buffers, with no
 * string per row or cell: pieces that repeat are encoded once (`XmlByteWriter.encode`) and copied, numbers
 * and ASCII text are written byte by byte, other text through the platform's `TextEncoder.encodeInto`.
 * Callers reserve room for what they write next with {@link XmlByteWriter.reserve}.
 *
 * @example
 * const out = new XmlByteWriter();
 * out.reserve(64);
 * out.piece(XmlByteWriter.encode('<v>'));
 * out.number(42);
 * const bytes = out.finish(); // '<v>42' as UTF-8
 */
export class XmlByteWriter {
  private readonly chunks: Uint8Array[] = [];
  private buffer = new Uint8Array(chunkBytes);
  /** Where the next byte goes in the current buffer. */
  at = 0;

  /**
   * @param sink Takes each filled buffer, after which the buffer is written over (one buffer of a few
   *   megabytes for the whole part: fresh memory is slow to touch); without it the writer keeps them all.
   */
  constructor(private readonly sink?: (bytes: Uint8Array) => void) {}

  /** A string's UTF-8 bytes, to be written many times with {@link XmlByteWriter.piece}. */
  static encode(text: string): Uint8Array {
    let ascii = true;
    for (let k = 0; k < text.length && ascii; k++) ascii = text.charCodeAt(k) < 0x80;
    // ASCII needs no encoder (module constants are made where the platform may lack one: jsdom).
    return ascii ? Uint8Array.from(text, (char) => char.charCodeAt(0)) : utf8().encode(text);
  }

  /**
   * Makes sure the current buffer has room for `bytes` more bytes (a new buffer is started otherwise), so a
   * caller may go back to a position it took after this call (`at`) while writing what it reserved.
   */
  reserve(bytes: number): void {
    if (this.at + bytes <= this.buffer.length) return;
    if (this.sink === undefined) {
      this.chunks.push(this.buffer.subarray(0, this.at));
      this.buffer = new Uint8Array(Math.max(chunkBytes, bytes));
    } else {
      this.sink(this.buffer.subarray(0, this.at));
      if (bytes > this.buffer.length) this.buffer = new Uint8Array(bytes);
    }
    this.at = 0;
  }

  /** Copies encoded bytes (room reserved). */
  piece(bytes: Uint8Array): void {
    const buffer = this.buffer;
    let at = this.at;
    if (bytes.length < shortPiece) {
      for (let k = 0; k < bytes.length; k++) buffer[at++] = bytes[k]!;
    } else {
      buffer.set(bytes, at);
      at += bytes.length;
    }
    this.at = at;
  }

  /** Writes a finite number as `String(value)` writes it (room reserved: 32 bytes). */
  number(value: number): void {
    if (Number.isInteger(value) && value > -2_147_483_648 && value < 2_147_483_648) {
      this.integer(value);
      return;
    }
    this.ascii(String(value));
  }

  /** Writes an integer between -2³¹ and 2³¹ in decimal digits (room reserved: 12 bytes). */
  integer(value: number): void {
    const buffer = this.buffer;
    let n = value | 0;
    if (n < 0) {
      buffer[this.at++] = 0x2d;
      n = -n;
    }
    let digits = 1;
    for (let rest = n; rest >= 10; rest = (rest / 10) | 0) digits++;
    let at = this.at + digits;
    this.at = at;
    do {
      buffer[--at] = 0x30 + (n % 10);
      n = (n / 10) | 0;
    } while (n > 0);
  }

  /** Writes ASCII text as it is, no escaping (room reserved: its length). */
  ascii(text: string): void {
    const buffer = this.buffer;
    let at = this.at;
    for (let k = 0; k < text.length; k++) buffer[at++] = text.charCodeAt(k);
    this.at = at;
  }

  /**
   * Writes text as XML element content, escaped as `xmlText` escapes it (forbidden characters dropped),
   * UTF-8 (room reserved: {@link XmlByteWriter.textRoom}).
   */
  text(text: string): void {
    const start = this.at;
    const buffer = this.buffer;
    let at = start;
    for (let k = 0; k < text.length; k++) {
      const code = text.charCodeAt(k);
      if (code < 0x80 && plainAscii[code] === 1) {
        buffer[at++] = code;
        continue;
      }
      const entity = entities.get(code);
      if (entity === undefined) {
        // Not plain ASCII: the whole text through the escaper and the platform's encoder.
        this.at = start;
        this.encoded(xmlText(text));
        return;
      }
      for (let e = 0; e < entity.length; e++) buffer[at++] = entity[e]!;
    }
    this.at = at;
  }

  /** Room {@link XmlByteWriter.text} may take for a text: six bytes per UTF-16 unit (`&quot;`). */
  static textRoom(text: string): number {
    return text.length * 6;
  }

  /**
   * Whether text needs `xml:space="preserve"` (a space at either end), or null when only the escaped text
   * can tell (`/^\s|\s$/u` on `xmlText(text)`): a control, non-ASCII or other white-space character at either
   * end.
   */
  static edgeSpace(text: string): boolean | null {
    if (text === '') return false;
    const first = text.charCodeAt(0);
    const last = text.charCodeAt(text.length - 1);
    if (first < 0x20 || first > 0x7e || last < 0x20 || last > 0x7e) return null;
    return first === 0x20 || last === 0x20;
  }

  /** Writes text that is already escaped (room reserved: three bytes per UTF-16 unit). */
  encoded(text: string): void {
    const { written } = utf8().encodeInto(text, this.buffer.subarray(this.at));
    this.at += written;
  }

  /** Every byte written, in one array (empty when a sink took them); the writer is spent. */
  finish(): Uint8Array {
    if (this.sink !== undefined) {
      this.sink(this.buffer.subarray(0, this.at));
      this.buffer = new Uint8Array(0);
      this.at = 0;
      return this.buffer;
    }
    this.chunks.push(this.buffer.subarray(0, this.at));
    const total = this.chunks.reduce((sum, chunk) => sum + chunk.length, 0);
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const chunk of this.chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    this.chunks.length = 0;
    this.buffer = new Uint8Array(0);
    this.at = 0;
    return bytes;
  }
}
