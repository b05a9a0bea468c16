// The zip guard (electron/services/files/zip-guard.ts) against zips built byte by byte: what the central
// directory declares is checked before anything is inflated (entries, total, ratio, sizes of 2 GiB and
// more, zip64), and what is really inflated is counted against the declared size and one budget per zip.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { openZip, readZipEntry, RefusedZipError } from '../../electron/services/files/zip-guard.ts';
import { deflatedZeros, zipOf, zipOfCompressed } from '../archive/hostile-files.ts';
import { refusal as refusedAs } from './reading.ts';

const MIB = 1024 * 1024;
const LIMITS = { totalBytes: 256 * MIB, ratio: 200 };
const KIND = 'Word 文档';

const refusal = (promise: Promise<unknown>) => refusedAs(promise, RefusedZipError);

describe('zip guard: what the central directory declares', () => {
  const zeros = deflatedZeros(4);

  it('refuses a declared size of 2 GiB or more by its ratio, reading it unsigned (3840 MB), where JSZip’s internal field is negative', async () => {
    const zip = zipOfCompressed([{ name: 'word/body.bin', compressed: zeros.compressed, crc: zeros.crc, declaredSize: 0xf0000000 }]);
    // what the old guard read: negative, so neither its ratio nor its total check fired
    const declared = ((await JSZip.loadAsync(zip)).files['word/body.bin'] as unknown as { _data: { uncompressedSize: number } })._data.uncompressedSize;
    expect(declared).toBeLessThan(0);
    expect(await refusal(openZip(zip, KIND, LIMITS))).toMatch(/^Word 文档疑似“压缩炸弹”：其中 word\/body.bin 解压后将达 3840 MB，是压缩后的 \d+ 倍/);
  });

  it('reads zip64 sizes (5 GiB in the zip64 extra field) and refuses them by ratio', async () => {
    const zip = zipOfCompressed([{ name: 'word/document.xml', compressed: zeros.compressed, crc: zeros.crc, declaredSize: 5 * 1024 * MIB, zip64: true }]);
    expect(await refusal(openZip(zip, KIND, LIMITS))).toMatch(/word\/document.xml 解压后将达 5120 MB/);
  });

  it('refuses a declared total over the budget even when no entry has a suspicious ratio', async () => {
    const parts = Array.from({ length: 3 }, (_, index) => ({ name: `part${index}.xml`, data: Buffer.from(Array.from({ length: 400 * 1024 }, (_, i) => (i * 7919 + index) % 251)) }));
    expect(await refusal(openZip(zipOf(parts), KIND, { totalBytes: MIB, ratio: 200 }))).toBe('Word 文档解压后将达 1.2 MB，超过 1 MB 的上限，疑似“压缩炸弹”，已拒绝读取');
  });

  it('refuses a zip with more entries than the limit (5000 by default) before reading any of them', async () => {
    const many = zipOf(Array.from({ length: 5001 }, (_, index) => ({ name: `word/part${index}.xml`, data: Buffer.from('<a/>') })));
    expect(await refusal(openZip(many, KIND, LIMITS))).toBe('Word 文档中有 5001 个部分，超过 5000 个的上限，疑似恶意构造的文件，已拒绝读取');
    expect(await refusal(openZip(zipOf([{ name: 'a', data: Buffer.from('a') }, { name: 'b', data: Buffer.from('b') }]), KIND, { ...LIMITS, entries: 1 }))).toMatch(/中有 2 个部分，超过 1 个的上限/);
  });

  it('refuses what is not a zip, and a truncated zip, in Chinese', async () => {
    expect(await refusal(openZip(Buffer.from('不是压缩文件'), KIND, LIMITS))).toBe('Word 文档的内容不是 zip 压缩格式（可能是其他文件改了扩展名）');
    const whole = zipOf([{ name: 'word/document.xml', data: Buffer.from('<w:document/>') }]);
    expect(await refusal(openZip(whole.subarray(0, whole.length - 10), KIND, LIMITS))).toMatch(/^Word 文档不完整或已损坏/);
  });
});

describe('zip guard: what is really inflated', () => {
  it('stops a 512 MiB stream whose header claims 1000 bytes at 1 MB, inflating no more than that', async () => {
    const zeros = deflatedZeros(512);
    const zip = await openZip(zipOfCompressed([{ name: 'word/body.bin', compressed: zeros.compressed, crc: zeros.crc, declaredSize: 1000 }]), KIND, LIMITS);
    const started = performance.now();
    expect(await refusal(readZipEntry(zip, 'word/body.bin', KIND, LIMITS.totalBytes))).toBe(
      'Word 文档中的 word/body.bin 解压后超过 1 MB，疑似“压缩炸弹”（文件头声明只有 1000 字节），已拒绝读取',
    );
    expect(zip.inflatedBytes).toBeLessThanOrEqual(MIB + 64 * 1024);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses a part that inflates to other than its declared size (a little more, or less)', async () => {
    const data = Buffer.from('<w:document>'.repeat(100));
    for (const declaredSize of [data.length - 1, data.length + 1]) {
      const zip = await openZip(zipOf([{ name: 'word/document.xml', data, declaredSize }]), KIND, LIMITS);
      expect(await refusal(readZipEntry(zip, 'word/document.xml', KIND, LIMITS.totalBytes))).toBe(
        `Word 文档已损坏：word/document.xml 解压后是 ${data.length} 字节，与文件头声明的 ${declaredSize} 字节不符`,
      );
    }
  });

  it('keeps one budget over every part read: once it is spent, a further part is refused before inflating', async () => {
    const part = Buffer.from(Array.from({ length: 600 * 1024 }, (_, i) => (i * 7919) % 251));
    const zip = await openZip(zipOf([{ name: 'a.xml', data: part }, { name: 'b.bin', data: part }]), KIND, { totalBytes: 1300 * 1024, ratio: 200 });
    expect((await readZipEntry(zip, 'a.xml', KIND, Infinity)).equals(part)).toBe(true);
    expect((await readZipEntry(zip, 'b.bin', KIND, Infinity)).equals(part)).toBe(true);
    // reading a part again inflates it again, and the budget has 100 KB left
    expect(await refusal(readZipEntry(zip, 'a.xml', KIND, Infinity))).toBe('Word 文档中的 a.xml 解压后将达 600 KB，超过 100 KB 的上限，疑似“压缩炸弹”，已拒绝读取');
    expect(zip.inflatedBytes).toBe(2 * part.length);
  });

  it('reads the parts of a JSZip-made zip (as a bundle is) exactly, and names a missing one', async () => {
    const source = new JSZip();
    source.file('bundle.json', JSON.stringify({ format: 'jianbao/bundle@1', series: Array.from({ length: 1000 }, (_, i) => ({ uid: `u${i}` })) }));
    source.file('folder/', null, { dir: true });
    const bytes = await source.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const zip = await openZip(bytes, '档案包', { totalBytes: 400 * MIB, ratio: 1000 });
    expect(zip.names).toEqual(['bundle.json']);
    expect((await readZipEntry(zip, 'bundle.json', '档案包', 400 * MIB)).toString('utf8')).toBe(await source.file('bundle.json')!.async('string'));
    expect(await refusal(readZipEntry(zip, 'other.json', '档案包', 400 * MIB))).toBe('档案包里缺少 other.json，文件无效');
  });
});
