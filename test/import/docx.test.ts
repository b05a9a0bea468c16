// Reading .docx files through the guard: only the parts the reader needs are inflated, each under the
// zip's budget. The renamed main part (word/body.bin) is read, pictures and other media never are, and the
// fixtures' own .docx exports read back as the very issue exported (their canonical part).
import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isMediaPart } from '../../electron/services/import/docx.ts';
import { readBulletinBytes } from '../../electron/services/import/read-file.ts';
import { exportDocx } from '../../electron/services/export/docx.ts';
import { parseBulletinText } from '../../shared/import/parse-bulletin.ts';
import type { ReadBulletin } from '../../shared/import/source.ts';
import { DEFAULT_PRINT_OPTIONS } from '../../shared/layout/typeset.ts';
import { bulletinFixtures } from '../fixtures.ts';
import { expectFacts } from '../expected-facts.ts';
import { DECOY_TEXT, deflatedZeros, docxOfText, documentXml, renamedMainPartDocx, zipOfCompressed, type CompressedZipEntry } from '../archive/hostile-files.ts';
import { refusal, withReader } from './reading.ts';

const fixtures = bulletinFixtures();
const deflated = (name: string, data: Buffer, declaredSize = data.length): CompressedZipEntry => ({ name, compressed: deflateRawSync(data), crc: crc32(data), declaredSize });

describe('reading a .docx through the guard', () => {
  it('reads a bulletin whose main part is renamed word/body.bin (named by _rels/.rels, a decoy word/document.xml beside it): parts are chosen by what they are, not by .xml', async () => {
    const fixture = fixtures[2]!;
    const docx = renamedMainPartDocx(deflated('word/body.bin', Buffer.from(documentXml(fixture.text))));
    const { issue } = await readBulletinBytes(docx, '改名.docx');
    expectFacts(issue, fixture.expected);
    expect(JSON.stringify(issue)).not.toContain(DECOY_TEXT);
  });

  it('refuses a renamed main part whose header lies small (1000 bytes for 512 MiB) after inflating at most 1 MB of it', async () => {
    const zeros = deflatedZeros(512);
    const docx = renamedMainPartDocx({ name: 'word/body.bin', compressed: zeros.compressed, crc: zeros.crc, declaredSize: 1000 });
    const started = performance.now();
    expect(await refusal(readBulletinBytes(docx, '炸弹.docx'))).toBe('Word 文档中的 word/body.bin 解压后超过 1 MB，疑似“压缩炸弹”（文件头声明只有 1000 字节），已拒绝读取：炸弹.docx');
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('never inflates pictures: a lying 512 MiB word/media/image1.png and a .jpeg elsewhere are left out and the text still reads', async () => {
    const fixture = fixtures[0]!;
    const zeros = deflatedZeros(512);
    const picture = (name: string): CompressedZipEntry => ({ name, compressed: zeros.compressed, crc: zeros.crc, declaredSize: 1000 });
    const docx = zipOfCompressed([deflated('word/document.xml', Buffer.from(documentXml(fixture.text))), picture('word/media/image1.png'), picture('docProps/thumbnail.jpeg')]);
    expectFacts((await readBulletinBytes(docx, '带图.docx')).issue, fixture.expected);
  });

  it('tells media parts (never inflated) from the parts the reader may read', () => {
    for (const name of ['word/media/image1.png', 'word/media/anything', 'word/embeddings/oleObject1.bin', 'docProps/thumbnail.jpeg', 'word/media2/x.EMF', 'a/b.wdp', 'c.svg']) expect(isMediaPart(name), name).toBe(true);
    for (const name of ['word/document.xml', 'word/body.bin', '_rels/.rels', '[Content_Types].xml', 'word/_rels/document.xml.rels', 'customXml/item1.xml']) expect(isMediaPart(name), name).toBe(false);
  });

  it('refuses a zip with neither a package relationship nor word/document.xml, naming the missing main part', async () => {
    const docx = zipOfCompressed([deflated('word/other.xml', Buffer.from('<a/>'))]);
    expect(await refusal(readBulletinBytes(docx, '空.docx'))).toBe('Word 文档里没有正文部分（word/document.xml），文件无效：空.docx');
  });

  it.each(fixtures.map((fixture, index) => [fixture.name, index] as const))(
    'imports %s from its own .docx export as exactly the issue exported (its canonical part), and from a .docx of its text with every expected fact (in the worker)',
    async (_name, index) => {
      const fixture = fixtures[index]!;
      await withReader(async (reader) => {
        const issue = parseBulletinText(fixture.text).issue;
        const exported = Buffer.from(await exportDocx(issue, DEFAULT_PRINT_OPTIONS));
        const canonical: ReadBulletin = { issue, warnings: [], setAside: [], found: { seriesName: true, number: true, date: true, docNumber: true }, via: 'canonical' };
        expect(await reader.readBytes(exported, `${fixture.name}.docx`)).toEqual(canonical);
        const plain = await reader.readBytes(await docxOfText(fixture.text), `${fixture.name}.docx`);
        expect(plain.via).toBe('docx');
        expectFacts(plain.issue, fixture.expected);
      });
    },
  );
});
