import { describe, expect, it } from 'vitest';
import { decodeText } from './decode.ts';
import { encodeGb18030, encodeGbk, encodeUtf16be, encodeUtf16le, encodeUtf8Bom } from '../../test/bulletin-variants.ts';

const sample = '益阳市配合第二轮省生态环境保护例行督察工作简报\n第 13 期\n报：市委办公室，𠮷䶮\n';
const bmpSample = sample.replace('𠮷䶮', '');

describe('decodeText', () => {
  it.each([
    ['UTF-8', new TextEncoder().encode(sample), 'utf-8'],
    ['UTF-8 with BOM', encodeUtf8Bom(sample), 'utf-8'],
    ['UTF-16LE with BOM', encodeUtf16le(sample), 'utf-16le'],
    ['UTF-16LE without BOM', encodeUtf16le(`ABC${sample}`, false), 'utf-16le'],
    ['UTF-16BE with BOM', encodeUtf16be(sample), 'utf-16be'],
    ['GB18030 (rare characters too)', encodeGb18030(sample), 'gb18030'],
  ] as const)('reads %s', (_name, bytes, encoding) => {
    const result = decodeText(bytes);
    expect(result).toEqual({ ok: true, text: encoding === 'utf-16le' && _name.includes('without') ? `ABC${sample}` : sample, encoding });
  });

  it('reads GBK as GB18030, its superset', () => {
    expect(decodeText(encodeGbk(bmpSample))).toEqual({ ok: true, text: bmpSample, encoding: 'gb18030' });
  });

  it('refuses a binary file with a Chinese reason', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const result = decodeText(png);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('不是文本文件');
  });

  it('refuses a file that claims UTF-16 but is cut in the middle of a character', () => {
    const bytes = encodeUtf16le('简报').subarray(0, 5);
    expect(decodeText(bytes).ok).toBe(false);
  });

  it.each([1, 2])('names a UTF-8 file cut %i bytes into its last character as incomplete, not as an unknown encoding', (kept) => {
    const whole = new TextEncoder().encode('益阳市生态环境保护督察工作简报。第二段落仍是中文。');
    const cut = new TextEncoder().encode('益阳市生态环境保护督察工作简报。第二段落仍是中文。报');
    const bytes = new Uint8Array([...whole, ...cut.subarray(whole.length, whole.length + kept)]);
    const result = decodeText(bytes);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('文件不完整');
  });

  it('still reads a whole UTF-8 file that ends in a three-byte character', () => {
    const result = decodeText(new TextEncoder().encode('督察简报'));
    expect(result).toMatchObject({ ok: true, text: '督察简报', encoding: 'utf-8' });
  });
});
