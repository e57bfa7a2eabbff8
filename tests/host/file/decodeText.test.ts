import { execFileSync } from 'node:child_process';
import { decodeText } from '../../../src/host/file/decodeText';
import { encodingSampleBytes, textEncodingOf } from '../../../src/host/file/textEncodingOf';

const hex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'hex'));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const utf16 = (text: string, bigEndian: boolean, bom = true): Uint8Array => {
  const bytes = Buffer.from(`${bom ? '\ufeff' : ''}${text}`, 'utf16le');
  if (bigEndian) bytes.swap16();
  return Uint8Array.from(bytes);
};

// "客户编号,日期,金额,€𠀀" as Chinese Excel saves it (GB18030, from `iconv -f UTF-8 -t GB18030`): two-byte
// GBK characters, the euro sign and a four-byte GB18030 sequence.
const header = '客户编号,日期,金额,€𠀀';
const headerGb18030 = hex('bfcdbba7b1e0bac52cc8d5c6da2cbdf0b6ee2ca2e395328236');

describe('decodeText', () => {
  test.each([
    ['UTF-8 without a byte-order mark', utf8(header), 'utf-8'],
    ['UTF-8 with a byte-order mark (dropped)', utf8(`\ufeff${header}`), 'utf-8'],
    ['UTF-16 LE with its mark', utf16(header, false), 'utf-16le'],
    ['UTF-16 BE with its mark', utf16(header, true), 'utf-16be'],
    ['GB18030 (Chinese Excel "CSV")', headerGb18030, 'gb18030'],
  ])('%s', (_name, bytes, encoding) => {
    expect(decodeText(bytes)).toEqual({ text: header, encoding });
  });

  test('ASCII saved as UTF-16 without a mark is still read (every other byte zero)', () => {
    expect(decodeText(utf16('id,date,amount\nC1,2024-01-05,10\n', false, false))).toEqual({
      text: 'id,date,amount\nC1,2024-01-05,10\n',
      encoding: 'utf-16le',
    });
    expect(decodeText(utf16('id,amount\n', true, false)).text).toBe('id,amount\n');
  });

  test('GB18030 after a long ASCII start is found past the sampled bytes', () => {
    const ascii = utf8('C1,2024-01-05,10\n'.repeat(Math.ceil(encodingSampleBytes / 17) + 10));
    const bytes = new Uint8Array(ascii.length + headerGb18030.length);
    bytes.set(ascii);
    bytes.set(headerGb18030, ascii.length);
    expect(textEncodingOf(bytes)).toBe('utf-8');
    const { text, encoding } = decodeText(bytes);
    expect(encoding).toBe('gb18030');
    expect(text.endsWith(header)).toBe(true);
  });

  test('a UTF-8 character cut by the end of the sample does not make the file GB18030', () => {
    const text = `${'a'.repeat(encodingSampleBytes - 1)}客`;
    expect(textEncodingOf(utf8(text))).toBe('utf-8');
    expect(decodeText(utf8(text)).text).toBe(text);
  });

  test('a whole Chinese CSV converted by iconv reads back as the same text', () => {
    const csv =
      '客户编号,客户名称,销售日期,金额\r\n甲001,北京贸易,2024-01-05,"1,200.50"\r\n乙002,上海𠀀商行,2024年2月1日,35\r\n';
    const gb = Uint8Array.from(execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: csv }));
    expect(gb.length).toBeLessThan(utf8(csv).length);
    expect(decodeText(gb)).toEqual({ text: csv, encoding: 'gb18030' });
    const u16 = Uint8Array.from(execFileSync('iconv', ['-f', 'UTF-8', '-t', 'UTF-16'], { input: csv }));
    expect(decodeText(u16).text).toBe(csv);
  });

  test('empty bytes are empty UTF-8 text', () => {
    expect(decodeText(new Uint8Array(0))).toEqual({ text: '', encoding: 'utf-8' });
  });
});
