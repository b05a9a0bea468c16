// Word 97–2003 .doc (and WPS 文字 .wps) import with real files: each fixture saved as .doc by LibreOffice
// from its text and from the .docx Jianbao exports (footers with page numbers, the colophon in a frame,
// condensed 三号 body text, a title with a manual line break), read into paragraphs and parsed; files
// that are something else under the name .doc, and damaged ones, refused in Chinese, in the reading
// worker too.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docSource, wordTextLines } from '../../electron/services/import/doc.ts';
import { readBulletinBytes } from '../../electron/services/import/read-file.ts';
import { parseBulletin } from '../../shared/import/parse-bulletin.ts';
import type { SourceDocument } from '../../shared/import/source.ts';
import { issueToPlainText } from '../../shared/text/plain-text.ts';
import { missingChars } from '../char-multiset.ts';
import { expectFacts } from '../expected-facts.ts';
import { bulletinFixtures, squeeze } from '../fixtures.ts';
import { convertedPath, fixtureIssue, libreOffice, noise, workFolder, writeFixtureSources } from './office-files.ts';
import { readAllSettled, refusal, withReader } from './reading.ts';

const fixtures = bulletinFixtures();
const work = workFolder('doc-import');
/** per fixture: the .doc LibreOffice saved from its text, and from Jianbao's .docx export */
const fromText = new Map<string, Buffer>();
const fromDocx = new Map<string, Buffer>();
const docxBytes = new Map<string, Buffer>();
let withTextBoxes: Buffer;

/** A document with its series name in a text box over the first paragraph and a caption box beside the second (as OpenDocument, for LibreOffice to save as .doc). */
const TEXT_BOXES_FODT = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:body><office:text>
<text:p>第13期<draw:frame draw:name="masthead" text:anchor-type="paragraph" svg:width="15cm" svg:height="2cm" svg:x="0cm" svg:y="-3cm"><draw:text-box><text:p>益阳市配合第二轮省生态环境保护例行督察工作简报</text:p></draw:text-box></draw:frame></text:p>
<text:p>益阳市配合第二轮省生态环境保护督察协调联络组 2023年7月12日</text:p>
<text:p>正文第一段。</text:p>
<text:p>正文第二段，旁边有一个文本框。<draw:frame draw:name="caption" text:anchor-type="paragraph" svg:width="5cm" svg:height="2cm"><draw:text-box><text:p>图为督察组现场检查</text:p></draw:text-box></draw:frame></text:p>
<text:p>正文第三段。</text:p>
</office:text></office:body></office:document>`;

beforeAll(async () => {
  const { texts, docxs } = await writeFixtureSources(fixtures, join(work, 'sources'));
  libreOffice(texts, 'doc', join(work, 'from-text'));
  libreOffice(docxs, 'doc', join(work, 'from-docx'));
  writeFileSync(join(work, 'sources', 'text-boxes.fodt'), TEXT_BOXES_FODT);
  libreOffice([join(work, 'sources', 'text-boxes.fodt')], 'doc', join(work, 'boxes'));
  withTextBoxes = readFileSync(join(work, 'boxes', 'text-boxes.doc'));
  for (const [index, fixture] of fixtures.entries()) {
    fromText.set(fixture.name, readFileSync(convertedPath(texts[index]!, join(work, 'from-text'), '.doc')));
    fromDocx.set(fixture.name, readFileSync(convertedPath(docxs[index]!, join(work, 'from-docx'), '.doc')));
    docxBytes.set(fixture.name, readFileSync(docxs[index]!));
  }
}, 240_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const lineTexts = (source: SourceDocument) => source.lines.map((line) => line.text);

/** The .doc with its FIB (the WordDocument stream's header, at a sector boundary) changed by `patch`. */
function withFib(doc: Buffer, patch: (fib: Buffer) => void): Buffer {
  const copy = Buffer.from(doc);
  for (let at = 512; at < copy.length; at += 512) {
    if (copy.readUInt16LE(at) === 0xa5ec) {
      patch(copy.subarray(at, at + 512));
      return copy;
    }
  }
  throw new Error('no FIB found');
}

/** The .doc with its WordDocument stream renamed, as an OLE file of another program would be. */
function withoutWordStream(doc: Buffer): Buffer {
  const copy = Buffer.from(doc);
  const name = Buffer.from('WordDocument', 'utf16le');
  const at = copy.indexOf(name);
  copy.write('X', at + name.length - 2, 'utf16le');
  return copy;
}

describe('a .doc saved by LibreOffice from each fixture’s text', () => {
  it.each(fixtures.map((fixture) => [fixture.name, fixture] as const))('%s: every paragraph one line, no character lost, 期号 and date found', async (_name, fixture) => {
    const source = await docSource(fromText.get(fixture.name)!, `${fixture.name}.doc`);
    expect(source).toMatchObject({ unit: 'paragraphs', format: 'doc' });
    // the text file's lines are the paragraphs, blank ones between them counted once
    const textLines = fixture.text.split('\n').map((line) => line.trim()).filter(Boolean);
    expect(lineTexts(source).filter(Boolean)).toEqual(textLines);
    expect(lineTexts(source).join('\n')).not.toMatch(/\n\n\n/);
    expect(missingChars(fixture.text, lineTexts(source).join('\n'))).toBe('');
    const { issue, found } = parseBulletin(source);
    expect(found).toMatchObject({ number: true, date: true });
    expect(issue.number).toBe(fixture.expected.number);
    expect(issue.date).toBe(fixture.expected.date);
  });
});

describe('Jianbao’s own .docx saved as .doc by LibreOffice', () => {
  it.each(fixtures.map((fixture) => [fixture.name, fixture] as const))(
    '%s: the body text whole (condensed 三号 text that word-extractor alone drops as “deleted”), the colophon frame after the body, no page number from the footers, no Word control character',
    async (_name, fixture) => {
      const source = await docSource(fromDocx.get(fixture.name)!, `${fixture.name}.doc`);
      const texts = lineTexts(source);
      const all = texts.join('\n');
      const issue = fixtureIssue(fixture);
      // every character of the exported issue is in the .doc's lines: nothing dropped
      expect(missingChars(issueToPlainText(issue), all)).toBe('');
      expect(all).not.toMatch(/—\s*\d+\s*—/);
      expect(all).not.toMatch(/[\u0000-\u0008\u000b-\u001f]|undefined|PAGE/);
      // the colophon (a frame anchored at the end) comes after the body, and nothing but the colophon after it
      const report = texts.findIndex((text) => text.startsWith('报：'));
      expect(report).toBeGreaterThan(texts.length / 2);
      const issuer = issue.printed?.by ?? issue.series.issuer;
      expect(texts.slice(report).filter((text) => !/^(?:报|送|发)：|印发$|^$/.test(text) && text !== issuer)).toEqual([]);
    },
  );

  it('joins a title broken over two lines with a manual line break into one paragraph line', async () => {
    const fixture = fixtures.find((entry) => entry.name === 'yiyang-2023-13')!;
    const texts = lineTexts(await docSource(fromDocx.get(fixture.name)!, 'x.doc'));
    expect(texts).toContain('省第四生态环境保护督察组下沉资阳区调研督察');
  });

  it.each(fixtures.map((fixture) => [fixture.name, fixture] as const))('%s: masthead facts (series, 期号, date) and the titles read back', async (_name, fixture) => {
    const read = await readBulletinBytes(fromDocx.get(fixture.name)!, `${fixture.name}.doc`);
    expect(read.via).toBe('doc');
    expect(read.issue.series.name).toBe(fixture.expected.series.name);
    expect(read.issue.number).toBe(fixture.expected.number);
    expect(read.issue.date).toBe(fixture.expected.date);
    const titles = read.issue.blocks.filter((block) => block.type === 'article').map((block) => squeeze(block.title));
    expect(titles).toEqual(fixture.expected.articles.map((article) => squeeze(article.title)));
  });
});

describe('text boxes in a .doc', () => {
  it('puts each before the paragraph it is anchored to: a series name in a box first, a caption box before its paragraph', async () => {
    const lines = lineTexts(await docSource(withTextBoxes, '文本框.doc')).filter(Boolean);
    expect(lines).toEqual(['益阳市配合第二轮省生态环境保护例行督察工作简报', '第13期', '益阳市配合第二轮省生态环境保护督察协调联络组 2023年7月12日', '正文第一段。', '图为督察组现场检查', '正文第二段，旁边有一个文本框。', '正文第三段。']);
  });
});

describe('Word’s text made into lines', () => {
  it('keeps field results without their codes, makes cell marks and tabs spaces, joins manual line breaks, drops Word’s other marks', () => {
    const raw = [
      '第\x13 SEQ 期 \x1413\x15期\r',
      '见\x13 HYPERLINK "http://x" \x13 REF a \x14甲\x15\x14附件\x15和\x13 PAGE \x15页\r',
      // a table row: cells end in \x07, and word-extractor has made the row's end mark a line feed
      '单位\x07件数\x07\n安化县\t12\x07\n',
      '省第四生态环境保护督察组\x0b下沉资阳区调研督察\r',
      '\u3000\u30007月11日，督察组\x01\x08召开座谈会\x02。\r',
      '\r\r\r',
      '0737\x1e6520087\x1f\r',
    ].join('');
    expect(wordTextLines(raw)).toEqual([
      { text: '第13期' },
      { text: '见附件和页' },
      { text: '单位 件数' },
      { text: '安化县 12' },
      { text: '省第四生态环境保护督察组下沉资阳区调研督察' },
      { text: '7月11日，督察组召开座谈会。', indented: true },
      { text: '' },
      { text: '0737-6520087' },
    ]);
  });
});

describe('what a .doc or .wps file really is', () => {
  const fixture = fixtures[2]!;

  it('reads a .doc renamed .wps (WPS 文字 saves the same Word 97–2003 format) the same way', async () => {
    const asDoc = await readBulletinBytes(fromText.get(fixture.name)!, '简报.doc');
    const asWps = await readBulletinBytes(fromText.get(fixture.name)!, '简报.wps');
    expect(asWps.via).toBe('doc');
    expect(asWps.issue).toEqual(asDoc.issue);
  });

  it('reads a .docx saved under the name .doc with the .docx reader', async () => {
    const read = await readBulletinBytes(docxBytes.get(fixture.name)!, '简报.doc');
    expect(read.via).not.toBe('doc');
    expect(read.issue.number).toBe(fixture.expected.number);
  });

  it('refuses RTF and web pages saved under the name .doc, saying what they are', async () => {
    expect(await refusal(readBulletinBytes(Buffer.from('{\\rtf1\\ansi\\deff0 {\\fonttbl} 第13期}'), '简报.doc'))).toBe(
      '这个 .doc 文件实际上是 RTF 格式，暂不支持读取，请用 Word 或 WPS 打开后另存为 .docx 再导入：简报.doc',
    );
    expect(await refusal(readBulletinBytes(Buffer.from('MIME-Version: 1.0\r\nContent-Type: multipart/related;'), '简报.doc'))).toBe(
      '这个 .doc 文件实际上是网页（HTML/MHT）格式，暂不支持读取，请用 Word 或 WPS 打开后另存为 .docx 再导入：简报.doc',
    );
  });

  it('refuses bytes that are no OLE file, a .doc cut in half, an OLE file without Word text, Word 95, and a password', async () => {
    const doc = fromText.get(fixture.name)!;
    expect(await refusal(readBulletinBytes(noise(20_000), '乱码.doc'))).toBe('不是有效的 Word 97–2003 文档（.doc），文件可能已损坏或不是 Word 文件：乱码.doc');
    expect(await refusal(readBulletinBytes(noise(20_000), '乱码.wps'))).toBe(
      '这个 .wps 文件不是能读取的 WPS 文字格式（可能是早期 WPS 的文件或已损坏），请用 Word 或 WPS 打开后另存为 .docx 再导入：乱码.wps',
    );
    expect(await refusal(readBulletinBytes(doc.subarray(0, doc.length >> 1), '半截.doc'))).toBe('Word 文档的文件结构已损坏，无法读取：半截.doc');
    expect(await refusal(readBulletinBytes(withoutWordStream(doc), '表格.doc'))).toMatch(/^这个文件里没有 Word 正文，不是 Word 97–2003 文档.*：表格\.doc$/);
    expect(await refusal(readBulletinBytes(withoutWordStream(doc), '作品.wps'))).toMatch(/^这个 \.wps 文件不是能读取的 WPS 文字格式（可能是 Microsoft Works 或早期 WPS 的文件）.*：作品\.wps$/);
    expect(await refusal(readBulletinBytes(withFib(doc, (fib) => fib.writeUInt16LE(0x65, 2)), '旧版.doc'))).toBe(
      '这是 Word 95 或更早版本的文档，无法读取，请用 Word 或 WPS 打开后另存为 .docx 再导入：旧版.doc',
    );
    expect(await refusal(readBulletinBytes(withFib(doc, (fib) => fib.writeUInt16LE(fib.readUInt16LE(10) | 0x0100, 10)), '加密.doc'))).toBe(
      '此 Word 文档设有打开密码，无法读取，请去掉密码后再导入：加密.doc',
    );
  });

  it('refuses a .doc over 50 MB before reading it', async () => {
    expect(await refusal(readBulletinBytes(Buffer.alloc(50 * 1024 * 1024 + 1), '大.doc'))).toBe('文件过大（50.0 MB），超过 50 MB 的上限：大.doc');
  });
});

describe('.doc files in the reading worker', () => {
  it('reads a .doc, refuses damaged ones with their Chinese reasons, and goes on to the next file', async () => {
    const fixture = fixtures[1]!;
    const doc = fromDocx.get(fixture.name)!;
    const outcomes = await withReader((reader) =>
      readAllSettled(reader, [
        [noise(4096), '乱码.doc'],
        [doc.subarray(0, 3000), '截断.doc'],
        [Buffer.concat([doc.subarray(0, 512), noise(doc.length - 512)]), '损坏.doc'],
        [doc, '简报.doc'],
      ]),
    );
    expect(outcomes.map((outcome) => typeof outcome)).toEqual(['string', 'string', 'string', 'object']);
    for (const message of outcomes.slice(0, 3)) expect(message).toMatch(/[\u4e00-\u9fff].*：\S+\.doc$/);
    expect((outcomes[3] as Exclude<(typeof outcomes)[number], string>).issue.number).toBe(fixture.expected.number);
  });
});

// Every expected fact of every fixture through .doc, the reader and the parser together.
describe('full-facts round trip through .doc', () => {
  it.each(fixtures.flatMap((fixture) => (['text', 'docx'] as const).map((from) => [`${fixture.name} (.doc from the ${from})`, fixture, from] as const)))(
    '%s: every expected fact',
    async (_name, fixture, from) => {
      const read = await readBulletinBytes((from === 'text' ? fromText : fromDocx).get(fixture.name)!, `${fixture.name}.doc`);
      expectFacts(read.issue, fixture.expected);
    },
  );
});
