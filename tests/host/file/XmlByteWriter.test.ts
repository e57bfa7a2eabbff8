import { XmlByteWriter } from '../../../src/host/file/XmlByteWriter';
import { xmlText } from '../../../src/host/file/xmlText';

const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

describe('XmlByteWriter', () => {
  it('writes numbers as String() does', () => {
    const values = [
      0,
      7,
      -7,
      42,
      2_147_483_647,
      -2_147_483_647,
      2 ** 31,
      -(2 ** 31),
      1e21,
      0.1 + 0.2,
      -0.5,
      1234.5678,
      5e-7,
    ];
    const out = new XmlByteWriter();
    for (const value of values) {
      out.reserve(40);
      out.number(value);
      out.ascii('|');
    }
    expect(decode(out.finish())).toBe(values.map((v) => `${String(v)}|`).join(''));
  });

  it('escapes text as xmlText does, ASCII or not, and tells when white space must be preserved', () => {
    const texts = [
      'plain',
      'a < b & c > "d" \'e\'',
      '客户 明星',
      'emoji 😀',
      'line\nbreak',
      'bell\u0007gone',
      ' padded ',
      '',
    ];
    const out = new XmlByteWriter();
    for (const text of texts) {
      out.reserve(XmlByteWriter.textRoom(text) + 1);
      out.text(text);
      out.ascii('|');
    }
    expect(decode(out.finish())).toBe(texts.map((t) => `${xmlText(t)}|`).join(''));
    expect(texts.map((t) => XmlByteWriter.edgeSpace(t))).toEqual([
      false,
      false,
      null,
      null,
      false,
      false,
      true,
      false,
    ]);
  });

  it('hands full buffers to its sink and writes over them, or keeps them all', () => {
    const seen: string[] = [];
    const piece = XmlByteWriter.encode('<row/>');
    const withSink = new XmlByteWriter((bytes) => seen.push(decode(bytes)));
    const kept = new XmlByteWriter();
    for (let k = 0; k < 1_000_000; k++) {
      for (const out of [withSink, kept]) {
        out.reserve(piece.length);
        out.piece(piece);
      }
    }
    expect(withSink.finish()).toHaveLength(0);
    expect(seen.length).toBeGreaterThan(1);
    const all = decode(kept.finish());
    expect(all).toHaveLength(6_000_000);
    expect(seen.join('')).toBe(all);
  });
});
