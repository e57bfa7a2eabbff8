import { decodeText } from '../../../src/host/file/decodeText';

// Bytes as Chinese Excel and Excel's other "Save as" choices write them, for one header line and one row.
const csv = '客户编号,日期,金额\nC001,2024年1月5日,1179.5\n';

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes[0] = bigEndian ? 0xfe : 0xff;
  bytes[1] = bigEndian ? 0xff : 0xfe;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes[2 + 2 * i + (bigEndian ? 1 : 0)] = unit & 0xff;
    bytes[2 + 2 * i + (bigEndian ? 0 : 1)] = unit >> 8;
  }
  return bytes;
}

/** GB18030 bytes of the sample, written out by hand (客 BFCD 户 BBA7 编 B1E0 号 BAC5 日 C8D5 期 C6DA 金 BDF0 额 B6EE 年 C4EA 月 D4C2). */
function gb18030(): Uint8Array {
  const table: Record<string, number[]> = {
    客: [0xbf, 0xcd],
    户: [0xbb, 0xa7],
    编: [0xb1, 0xe0],
    号: [0xba, 0xc5],
    日: [0xc8, 0xd5],
    期: [0xc6, 0xda],
    金: [0xbd, 0xf0],
    额: [0xb6, 0xee],
    年: [0xc4, 0xea],
    月: [0xd4, 0xc2],
  };
  return new Uint8Array(Array.from(csv).flatMap((ch) => table[ch] ?? [ch.charCodeAt(0)]));
}

test.each<[string, Uint8Array, string]>([
  [
    'UTF-8 with a byte-order mark',
    new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(csv)]),
    'utf-8',
  ],
  ['UTF-8 without a mark', new TextEncoder().encode(csv), 'utf-8'],
  ['UTF-16LE with a mark', utf16(csv, false), 'utf-16le'],
  ['UTF-16BE with a mark', utf16(csv, true), 'utf-16be'],
  ['GB18030 (Chinese Excel "CSV")', gb18030(), 'gb18030'],
])('%s decodes to the same text, without the mark', (_name, bytes, encoding) => {
  expect(decodeText(bytes)).toEqual({ text: csv, encoding });
});

test('plain ASCII and empty input are UTF-8', () => {
  expect(decodeText(new TextEncoder().encode('id,date,amount\n'))).toEqual({
    text: 'id,date,amount\n',
    encoding: 'utf-8',
  });
  expect(decodeText(new Uint8Array(0))).toEqual({ text: '', encoding: 'utf-8' });
});

test('GB18030 bytes are never read as UTF-8 (they would give replacement characters)', () => {
  const { text } = decodeText(gb18030());
  expect(text).not.toContain('\ufffd');
  expect(text.split('\n')[0]).toBe('客户编号,日期,金额');
});
