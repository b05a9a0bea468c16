// Reading a .docx through its structure: the XML walk on Word's own markup (styles and their inheritance,
// breaks, revisions, fields, text boxes, tables, numbering), Jianbao's exports read back exactly through
// their canonical part and read from the XML once the part is gone or the text was edited, bulletins laid
// out in Word (built with the docx package), LibreOffice's .docx of the fixtures, canonical parts that
// cannot be trusted, and the time a 200-page document takes.
import { beforeAll, describe, expect, it } from 'vitest';
import { elementPlainText, textParagraphsOf } from '../../shared/model/content.ts';
import { CANONICAL_PART_BYTES, EDITED_WARNING, INVALID_PART_WARNING, bulletinFromDocx, docxSource } from '../../electron/services/import/docx.ts';
import { bodyFingerprint, formatNumber, isClearlyRed, readDocxLines } from '../../electron/services/import/docx-paragraphs.ts';
import { readBulletinBytes } from '../../electron/services/import/read-file.ts';
import { exportDocx } from '../../electron/services/export/docx.ts';
import { withCanonicalPart } from '../../electron/services/export/docx-package.ts';
import { parseBulletinText } from '../../shared/import/parse-bulletin.ts';
import type { SourceLine } from '../../shared/import/source.ts';
import { issueSchema, paragraphText, type Issue } from '../../shared/model/issue.ts';
import { validate } from '../../shared/model/validate.ts';
import { DEFAULT_PRINT_OPTIONS } from '../../shared/layout/typeset.ts';
import { bulletinFixtures, squeeze } from '../fixtures.ts';
import { expectFacts } from '../expected-facts.ts';
import { deflatedZeros } from '../archive/hostile-files.ts';
import {
  WORD_LIKE,
  canonicalPartOf,
  libreOfficeDocx,
  longTextDocument,
  longWordDocument,
  partText,
  withEntryReplaced,
  storedFingerprint,
  withBodyEdited,
  withCanonicalXml,
  withoutCanonicalPart,
  wordDocumentXml,
  wordLikeBulletin,
  wordNumberingXml,
  wordStylesXml,
  wordTextBoxRun,
} from './docx-files.ts';
import { refusal, withReader } from './reading.ts';

const fixtures = bulletinFixtures();
const ALL_FOUND = { seriesName: true, number: true, date: true, docNumber: true };

const p = (text: string, pPr = '', rPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const texts = (lines: readonly SourceLine[]) => lines.map((line) => line.text);
const lineOf = (lines: readonly SourceLine[], text: string) => {
  const line = lines.find((candidate) => candidate.text === text);
  if (!line) throw new Error(`no line ${text} in ${JSON.stringify(texts(lines))}`);
  return line;
};

/** What import must find again: titles, subtitles, news headings, item heads, colophon counts. */
function structureOf(issue: Issue) {
  return {
    series: issue.series.name,
    number: issue.number,
    date: issue.date,
    articles: issue.blocks.flatMap((block) => (block.type === 'article' ? [{ title: squeeze(block.title), subtitle: block.subtitle === undefined ? undefined : squeeze(block.subtitle) }] : [])),
    news: issue.blocks.flatMap((block) => (block.type === 'news' ? [{ heading: block.heading, heads: block.items.map((item) => squeeze(item.head)) }] : [])),
    colophon: { report: issue.distribution.report.length, send: issue.distribution.send.length, issue: issue.distribution.issue.length, printed: issue.printed },
  };
}

describe('the XML walk over Word’s markup', () => {
  it('resolves bold, size, red and first-line indent through docDefaults, w:basedOn chains, character styles and direct formatting', () => {
    const styles = wordStylesXml(
      '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:jc w:val="both"/></w:pPr></w:style>' +
        '<w:style w:type="paragraph" w:styleId="Base"><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:sz w:val="44"/></w:rPr></w:style>' +
        '<w:style w:type="paragraph" w:styleId="RedTitle"><w:basedOn w:val="Base"/><w:rPr><w:color w:val="C00000"/></w:rPr></w:style>' +
        '<w:style w:type="paragraph" w:styleId="Indented"><w:basedOn w:val="Normal"/><w:pPr><w:ind w:firstLineChars="200"/></w:pPr></w:style>' +
        '<w:style w:type="paragraph" w:styleId="Loop"><w:basedOn w:val="Loop"/></w:style>' +
        '<w:style w:type="character" w:styleId="Strong"><w:rPr><w:b/></w:rPr></w:style>',
    );
    const document = wordDocumentXml(
      p('红色标题', '<w:pStyle w:val="RedTitle"/>') +
        p('直接取消加粗', '<w:pStyle w:val="Base"/>', '<w:b w:val="0"/>') +
        p('样式缩进', '<w:pStyle w:val="Indented"/>') +
        p('字符数为零不缩进', '<w:pStyle w:val="Indented"/><w:ind w:firstLineChars="0" w:firstLine="640"/>') +
        p('悬挂缩进', '<w:ind w:left="640" w:hanging="640"/>') +
        p('直接缩进', '<w:ind w:firstLine="480"/>') +
        p('　　空格缩进') +
        p('自己基于自己', '<w:pStyle w:val="Loop"/>') +
        '<w:p><w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>安化县：</w:t></w:r><w:r><w:t>7月11日，安化县督导整改。</w:t></w:r></w:p>' +
        '<w:p><w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:t>小</w:t></w:r><w:r><w:rPr><w:sz w:val="36"/></w:rPr><w:t>大</w:t></w:r><w:r><w:rPr><w:sz w:val="72"/></w:rPr><w:t xml:space="preserve">  </w:t></w:r></w:p>',
    );
    const lines = readDocxLines({ document, styles });
    expect(lineOf(lines, '红色标题')).toMatchObject({ bold: true, sizePt: 22, align: 'center', red: true, indented: false });
    expect(lineOf(lines, '直接取消加粗')).toMatchObject({ bold: false, sizePt: 22, align: 'center', red: false });
    expect(lineOf(lines, '样式缩进')).toMatchObject({ indented: true, sizePt: 16, align: 'justify', bold: false });
    expect(lineOf(lines, '字符数为零不缩进').indented).toBe(false);
    expect(lineOf(lines, '悬挂缩进').indented).toBe(false);
    expect(lineOf(lines, '直接缩进').indented).toBe(true);
    expect(lineOf(lines, '　　空格缩进').indented).toBe(true);
    // a style based on itself is read once, over the document defaults
    expect(lineOf(lines, '自己基于自己')).toMatchObject({ sizePt: 16, bold: false });
    expect(lineOf(lines, '安化县：7月11日，安化县督导整改。')).toMatchObject({ runs: [{ text: '安化县：', bold: true }, { text: '7月11日，安化县督导整改。' }], bold: false });
    // the largest size of the visible characters (the spaces set at 36 pt do not count)
    expect(lineOf(lines, '小大  ').sizePt).toBe(18);
  });

  it('reads w:jc as the alignment: center, both and distribute as justify, right and end as right, left and start as left', () => {
    const values = { center: 'center', both: 'justify', distribute: 'justify', right: 'right', end: 'right', left: 'left', start: 'left' };
    const lines = readDocxLines({ document: wordDocumentXml(Object.keys(values).map((value) => p(value, `<w:jc w:val="${value}"/>`)).join('')) });
    expect(Object.fromEntries(lines.map((line) => [line.text, line.align]))).toEqual(values);
  });

  it('calls a colour red only when it clearly is: FF0000, E00000, C00000, CC3333 and EE1111, not dark red, orange, pink, black or auto', () => {
    for (const red of ['FF0000', 'E00000', 'C00000', 'ff0000', 'CC3333', 'EE1111', 'FF0033']) expect(isClearlyRed(red), red).toBe(true);
    for (const other of ['000000', 'auto', '660000', 'FF6600', 'FF99CC', 'CC6666', '800080', 'F4B183', 'FFFF00', '']) expect(isClearlyRed(other), other).toBe(false);
    const lines = readDocxLines({ document: wordDocumentXml(p('红', '', '<w:color w:val="E00000"/>') + p('黑', '', '<w:color w:val="auto"/>') + `<w:p><w:r><w:rPr><w:color w:val="FF0000"/></w:rPr><w:t>半</w:t></w:r><w:r><w:t>红</w:t></w:r></w:p>`) });
    expect(lines.map((line) => line.red)).toEqual([true, false, false]);
  });

  it('splits a paragraph into lines at w:br and w:cr but not at page or column breaks; w:tab is a space; w:sym and w:noBreakHyphen give their characters', () => {
    const document = wordDocumentXml(
      '<w:p><w:pPr><w:ind w:firstLine="640"/><w:jc w:val="center"/></w:pPr><w:r><w:t>标题第一行</w:t><w:br/><w:t>标题第二行</w:t><w:cr/><w:t>第三行</w:t></w:r></w:p>' +
        '<w:p><w:r><w:t>分页前</w:t><w:br w:type="page"/><w:t>分页后</w:t><w:br w:type="column"/></w:r></w:p>' +
        '<w:p><w:r><w:t>益阳市生态环境局</w:t><w:tab/><w:t>2023年7月12日</w:t></w:r></w:p>' +
        '<w:p><w:r><w:sym w:font="Wingdings" w:char="F06C"/><w:t>要点</w:t><w:sym w:font="宋体" w:char="25B2"/><w:t>电话0737</w:t><w:noBreakHyphen/><w:t>4221234</w:t><w:sym w:font="Wingdings" w:char="F0FE"/></w:r></w:p>' +
        '<w:p><w:r><w:br/></w:r></w:p>',
    );
    const lines = readDocxLines({ document });
    expect(texts(lines)).toEqual(['标题第一行', '标题第二行', '第三行', '分页前分页后', '益阳市生态环境局 2023年7月12日', '●要点▲电话0737-4221234']);
    // each part of a broken paragraph keeps the paragraph's alignment; only the first starts the indented paragraph
    expect(lines.slice(0, 3).map((line) => [line.align, line.indented])).toEqual([
      ['center', true],
      ['center', false],
      ['center', false],
    ]);
  });

  it('keeps inserted and moved-in text and field results; drops deleted and moved-away text, field codes (nested ones too) and hidden text', () => {
    const document = wordDocumentXml(
      '<w:p><w:r><w:t>督察组</w:t></w:r><w:del w:id="1" w:author="甲"><w:r><w:delText>删掉的</w:delText></w:r></w:del><w:ins w:id="2" w:author="甲"><w:r><w:t>新加的</w:t></w:r></w:ins><w:r><w:t>文字</w:t></w:r></w:p>' +
        '<w:p><w:r><w:t>第</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>页</w:t></w:r></w:p>' +
        '<w:p><w:fldSimple w:instr=" DATE \\@ &quot;yyyy年M月d日&quot; "><w:r><w:t>2023年7月12日</w:t></w:r></w:fldSimple></w:p>' +
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>HYPERLINK "http://x" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>QUOTE 内层</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>内层结果也在代码里</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>链接文字</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>' +
        '<w:p><w:moveFrom w:id="3" w:author="甲"><w:r><w:t>移走的</w:t></w:r></w:moveFrom><w:moveTo w:id="4" w:author="甲"><w:r><w:t>移来的</w:t></w:r></w:moveTo></w:p>' +
        '<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏的</w:t></w:r><w:r><w:t>看得见的</w:t></w:r></w:p>' +
        // a field that never ends hides only the rest of its own paragraph
        '<w:p><w:r><w:t>未完</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>TOC</w:instrText></w:r></w:p>' +
        p('下一段照常'),
    );
    expect(texts(readDocxLines({ document }))).toEqual(['督察组新加的文字', '第3页', '2023年7月12日', '链接文字', '移来的', '看得见的', '未完', '下一段照常']);
  });

  it('reads a text box once, where it is anchored (before the paragraph holding the anchor), never its VML fallback copy', () => {
    const box = wordTextBoxRun(p('益阳市生态环境保护工作简报', '<w:jc w:val="center"/>', '<w:color w:val="FF0000"/><w:sz w:val="72"/>') + p('内部资料'));
    const document = wordDocumentXml(`<w:p><w:pPr><w:jc w:val="center"/></w:pPr>${box}<w:r><w:t>第13期</w:t></w:r></w:p>` + p('正文'));
    const lines = readDocxLines({ document });
    expect(texts(lines)).toEqual(['益阳市生态环境保护工作简报', '内部资料', '第13期', '正文']);
    expect(lines[0]).toMatchObject({ red: true, sizePt: 36, align: 'center' });
  });

  it('reads tables cell by cell and row by row, each cell paragraph a line, nested tables where they stand', () => {
    const cell = (content: string) => `<w:tc><w:tcPr/>${content}</w:tc>`;
    const table = (rows: string[][]) => `<w:tbl><w:tblPr/>${rows.map((row) => `<w:tr>${row.map(cell).join('')}</w:tr>`).join('')}</w:tbl>`;
    const document = wordDocumentXml(p('表前') + table([[p('甲1上') + p('甲1下'), p('乙1')], [p('甲2'), table([[p('嵌套')]]) + p('乙2')]]) + p('表后'));
    expect(texts(readDocxLines({ document }))).toEqual(['表前', '甲1上', '甲1下', '乙1', '甲2', '嵌套', '乙2', '表后']);
  });

  it('prepends auto numbering as typed: 一、 （一） 1. ① 甲、, deeper levels restarting under a higher one, a start override, numbering from a style; no label for unknown formats, symbol-font bullets or numId 0', () => {
    const level = (ilvl: number, format: string, text: string, suffix = 'nothing') => `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/><w:suff w:val="${suffix}"/></w:lvl>`;
    const numbering = wordNumberingXml(
      `<w:abstractNum w:abstractNumId="0">${level(0, 'chineseCounting', '%1、')}${level(1, 'chineseCounting', '（%2）')}${level(2, 'decimal', '%3.', 'tab')}${level(3, 'decimalEnclosedCircle', '%4')}</w:abstractNum>` +
        `<w:abstractNum w:abstractNumId="1">${level(0, 'bullet', '▲')}</w:abstractNum>` +
        `<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uF0B7"/><w:rPr><w:rFonts w:ascii="Symbol"/></w:rPr></w:lvl></w:abstractNum>` +
        `<w:abstractNum w:abstractNumId="3">${level(0, 'hebrew1', '%1)')}</w:abstractNum>` +
        `<w:abstractNum w:abstractNumId="4">${level(0, 'ideographTraditional', '%1、')}</w:abstractNum>` +
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>' +
        '<w:num w:numId="4"><w:abstractNumId w:val="3"/></w:num><w:num w:numId="5"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num><w:num w:numId="6"><w:abstractNumId w:val="4"/></w:num>',
    );
    const styles = wordStylesXml('<w:style w:type="paragraph" w:styleId="ListHeading"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr><w:rPr><w:b/></w:rPr></w:style>');
    const numbered = (text: string, numId: number, ilvl = 0) => p(text, `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`);
    const document = wordDocumentXml(
      numbered('提高站位', 1) +
        numbered('压实责任', 1, 1) +
        numbered('协调配合', 1, 1) +
        numbered('建立台账', 1, 2) +
        numbered('每日调度', 1, 3) +
        numbered('抓好整改', 1) +
        numbered('立行立改', 1, 1) +
        p('样式带来的编号', '<w:pStyle w:val="ListHeading"/>') +
        p('编号被取消', '<w:pStyle w:val="ListHeading"/><w:numPr><w:numId w:val="0"/></w:numPr>') +
        numbered('安化县：要点', 2) +
        numbered('符号字体的圆点', 3) +
        numbered('不认识的格式', 4) +
        numbered('从三开始', 5) +
        numbered('天干', 6) +
        numbered('没有这个编号', 99),
    );
    const lines = readDocxLines({ document, styles, numbering });
    expect(texts(lines)).toEqual([
      '一、提高站位',
      '（一）压实责任',
      '（二）协调配合',
      '1. 建立台账',
      '①每日调度',
      '二、抓好整改',
      '（一）立行立改',
      '三、样式带来的编号',
      '编号被取消',
      '▲安化县：要点',
      '符号字体的圆点',
      '不认识的格式',
      '三、从三开始',
      '甲、天干',
      '没有这个编号',
    ]);
    // the label takes the look of the text it stands before: a bold heading stays all bold
    expect(lineOf(lines, '三、样式带来的编号').bold).toBe(true);
    expect([1, 10, 11, 20, 21, 99, 105, 110, 1001].map((value) => formatNumber(value, 'chineseCounting'))).toEqual(['一', '十', '十一', '二十', '二十一', '九十九', '一百零五', '一百一十', '一千零一']);
    expect([formatNumber(21, 'decimalEnclosedCircle'), formatNumber(12, 'chineseLegalSimplified'), formatNumber(4, 'upperRoman'), formatNumber(28, 'lowerLetter'), formatNumber(3, 'nonsense')]).toEqual(['㉑', '壹拾贰', 'IV', 'bb', null]);
  });

  it('does not read headers and footers: no page number, no header text', async () => {
    const lines = (await docxSource(await wordLikeBulletin('plain'), '页眉页脚.docx')).lines;
    expect(lines.some((line) => /页眉|—\s*\d*\s*—/.test(line.text))).toBe(false);
  });

  it('cuts off XML nested 100 000 elements deep instead of overflowing the stack', () => {
    const depth = 100_000;
    const document = wordDocumentXml(p('浅处的段落') + '<w:customXml>'.repeat(depth) + p('深处的段落') + '</w:customXml>'.repeat(depth));
    const started = performance.now();
    expect(texts(readDocxLines({ document }))).toEqual(['浅处的段落']);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('fingerprints the text and its bold, not white space or how the text is split into runs', () => {
    const line = (runs: { text: string; bold?: boolean }[]): SourceLine => ({ text: runs.map((run) => run.text).join(''), runs });
    const base = bodyFingerprint([line([{ text: '安化县：', bold: true }, { text: '7月11日，督导整改。' }])]);
    expect(bodyFingerprint([line([{ text: '安化', bold: true }, { text: '县：', bold: true }, { text: '7月 11日，' }, { text: '督导整改。 ' }])])).toBe(base);
    expect(bodyFingerprint([line([{ text: '安化县：', bold: true }, { text: '7月12日，督导整改。' }])])).not.toBe(base);
    expect(bodyFingerprint([line([{ text: '安化县：' }, { text: '7月11日，督导整改。' }])])).not.toBe(base);
    expect(bodyFingerprint([line([{ text: '安化县：', bold: true }]), line([{ text: '7月11日，督导整改。' }])])).not.toBe(base);
  });
});

describe('a .docx Jianbao exported, read back', () => {
  const exported = new Map<string, { issue: Issue; docx: Buffer }>();
  beforeAll(async () => {
    for (const fixture of fixtures) {
      const issue = parseBulletinText(fixture.text).issue;
      exported.set(fixture.name, { issue, docx: Buffer.from(await exportDocx(issue, DEFAULT_PRINT_OPTIONS)) });
    }
  });
  const names = fixtures.map((fixture) => fixture.name);

  it.each(names)('%s: gives back exactly the issue exported, through its canonical part (customXml, related from the main part, with its properties and content type)', async (name) => {
    const { issue, docx } = exported.get(name)!;
    expect(await readBulletinBytes(docx, `${name}.docx`)).toEqual({ issue, warnings: [], setAside: [], found: ALL_FOUND, via: 'canonical' });
    expect(await partText(docx, 'word/_rels/document.xml.rels')).toMatch(/Type="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships\/customXml" Target="\.\.\/customXml\/item1\.xml"/);
    expect(await partText(docx, '[Content_Types].xml')).toContain('<Override ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml" PartName="/customXml/itemProps1.xml"/>');
    expect(await partText(docx, 'customXml/_rels/item1.xml.rels')).toContain('Target="itemProps1.xml"');
  });

  it.each(names)('%s without its canonical part: the same titles, subtitles, news headings, item heads and colophon, read from the XML', async (name) => {
    const { issue, docx } = exported.get(name)!;
    const read = await readBulletinBytes(await withoutCanonicalPart(docx), `${name}.docx`);
    expect(read.via).toBe('docx');
    expect(read.warnings).not.toContain(EDITED_WARNING);
    expect(read.warnings).not.toContain(INVALID_PART_WARNING);
    expect(structureOf(read.issue)).toEqual(structureOf(issue));
    expectFacts(read.issue, fixtures.find((fixture) => fixture.name === name)!.expected);
  });

  it.each(names)('%s with one paragraph edited in word/document.xml after export: the document wins, the edit is in the result, with the warning that the file was modified', async (name) => {
    const { issue, docx } = exported.get(name)!;
    const document = await partText(docx, 'word/document.xml');
    // the first text of the first body paragraph, as the exporter wrote it
    const first = /<w:pStyle w:val="JbBody"\/>.*?<w:t xml:space="preserve">([^<]+)<\/w:t>/s.exec(document)!;
    const edit = '（此句为导出后补充）';
    const edited = await withBodyEdited(docx, first[0], `${first[0].slice(0, -first[1]!.length - '</w:t>'.length)}${edit}${first[1]}</w:t>`);
    const read = await readBulletinBytes(edited, `${name}.docx`);
    expect(read.via).toBe('docx');
    expect(read.warnings[0]).toBe(EDITED_WARNING);
    const firstArticle = read.issue.blocks.find((block) => block.type === 'article')!;
    expect(elementPlainText(firstArticle.paragraphs[0]!).startsWith(`${edit}${first[1]}`)).toBe(true);
    expect(structureOf(read.issue)).toEqual(structureOf(issue));
  });
});

describe('a bulletin laid out in Word (built with the docx package)', () => {
  it('gives the parser a red centred 二号 masthead, centred 期号, issuer and date at a tab, bold centred 二号 titles, indented justified paragraphs and bold heads run into their text', async () => {
    const { lines } = await docxSource(await wordLikeBulletin('plain'), 'Word.docx');
    expect(lines[0]).toMatchObject({ text: WORD_LIKE.seriesName, red: true, sizePt: 22, align: 'center', bold: false, indented: false });
    expect(lines[1]).toMatchObject({ text: '第 13 期', align: 'center', sizePt: 16, red: false });
    expect(lines[2]).toMatchObject({ text: `${WORD_LIKE.issuer} ${WORD_LIKE.dateText}`, sizePt: 16 });
    for (const title of WORD_LIKE.titles) expect(lineOf(lines, title)).toMatchObject({ bold: true, sizePt: 22, align: 'center', red: false, indented: false });
    expect(lineOf(lines, WORD_LIKE.subtitle)).toMatchObject({ bold: false, sizePt: 16, align: 'center' });
    // one indented by its style (firstLine twips), one by direct formatting (firstLineChars)
    for (const text of WORD_LIKE.firstParagraphs) expect(lineOf(lines, text)).toMatchObject({ indented: true, align: 'justify', bold: false, sizePt: 16 });
    const item = lines.find((line) => line.text.startsWith(`${WORD_LIKE.heads[0]}：`))!;
    expect(item.runs).toEqual([{ text: `${WORD_LIKE.heads[0]}：`, bold: true }, { text: item.text.slice(WORD_LIKE.heads[0].length + 1) }]);
    expect(item).toMatchObject({ bold: false, indented: true });
    expect(lineOf(lines, `【${WORD_LIKE.heading}】`).bold).toBe(true);
  });

  it.each(['plain', 'textBoxMasthead', 'vmlTextBoxMasthead', 'numbered'] as const)('the %s variant imports with the bulletin’s facts: masthead, titles, subtitle, first paragraphs, news heads, colophon', async (variant) => {
    const read = await readBulletinBytes(await wordLikeBulletin(variant), `${variant}.docx`);
    const { issue } = read;
    expect(read.via).toBe('docx');
    expect(issue.series.name).toBe(WORD_LIKE.seriesName);
    expect(issue.series.issuer).toBe(WORD_LIKE.issuer);
    expect(issue.number).toBe(WORD_LIKE.number);
    expect(issue.date).toBe(WORD_LIKE.date);
    const articles = issue.blocks.filter((block) => block.type === 'article');
    expect(articles.slice(0, 2).map((article) => [article.title, article.subtitle])).toEqual([
      [WORD_LIKE.titles[0], WORD_LIKE.subtitle],
      [WORD_LIKE.titles[1], undefined],
    ]);
    expect(articles.slice(0, 2).map((article) => elementPlainText(article.paragraphs[0]!))).toEqual([...WORD_LIKE.firstParagraphs]);
    const news = issue.blocks.filter((block) => block.type === 'news');
    expect(news.map((section) => ({ heading: section.heading, heads: section.items.map((item) => item.head) }))).toEqual([{ heading: WORD_LIKE.heading, heads: [...WORD_LIKE.heads] }]);
    expect(issue.distribution.report).toEqual([...WORD_LIKE.report]);
    expect(issue.distribution.send).toEqual([...WORD_LIKE.send]);
    expect(issue.printed).toEqual({ by: WORD_LIKE.issuer, date: WORD_LIKE.date });
  });

  it.each(['textBoxMasthead', 'vmlTextBoxMasthead'] as const)('%s: the series name in a text box is read once, red and large, before the 期号 paragraph the box is anchored in', async (variant) => {
    const { lines } = await docxSource(await wordLikeBulletin(variant), `${variant}.docx`);
    expect(lines.filter((line) => line.text.includes(WORD_LIKE.seriesName))).toHaveLength(1);
    expect(lines[0]).toMatchObject({ text: WORD_LIKE.seriesName, red: true, sizePt: 22 });
    expect(lines[1]!.text).toBe('第 13 期');
  });

  it('numbered: auto-numbered sub-headings read as typed (一、 （一） 1. ①) and import as sub-headings of levels 1 to 3', async () => {
    const { lines } = await docxSource(await wordLikeBulletin('numbered'), 'numbered.docx');
    const [a, b, c, d, e, f, g] = WORD_LIKE.numbered;
    const labelled = [`一、${a}`, `（一）${b}`, `（二）${c}`, `二、${d}`, `（一）${e}`, `1. ${f}`, `①${g}`];
    expect(lines.filter((line) => labelled.includes(line.text)).map((line) => line.text)).toEqual(labelled);
    const { issue } = await readBulletinBytes(await wordLikeBulletin('numbered'), 'numbered.docx');
    const headings = issue.blocks.flatMap((block) => (block.type === 'article' ? textParagraphsOf(block.paragraphs).filter((paragraph) => paragraph.heading !== undefined).map((paragraph) => [paragraph.heading, paragraphText(paragraph)]) : []));
    expect(headings).toEqual([
      [1, `一、${a}`],
      [2, `（一）${b}`],
      [2, `（二）${c}`],
      [1, `二、${d}`],
      [2, `（一）${e}`],
      [3, `1. ${f}`],
    ]);
  });
});

describe('a .docx LibreOffice wrote', () => {
  let converted: Record<string, Buffer>;
  let resaved: Issue;
  beforeAll(async () => {
    resaved = parseBulletinText(fixtures[1]!.text).issue;
    const exported = await exportDocx(resaved, DEFAULT_PRINT_OPTIONS);
    converted = libreOfficeDocx({ ...Object.fromEntries(fixtures.map((fixture) => [fixture.name, { text: fixture.text }])), resaved: { docx: exported } });
  }, 120_000);

  it.each(fixtures.map((fixture) => fixture.name))('LibreOffice’s .docx of the text of %s imports with every expected fact', async (name) => {
    const read = await readBulletinBytes(converted[name]!, `${name}.docx`);
    expect(read.via).toBe('docx');
    expectFacts(read.issue, fixtures.find((fixture) => fixture.name === name)!.expected);
  });

  it('a Jianbao export opened and saved again by LibreOffice, unchanged, still gives back exactly the issue exported (the part and the fingerprint survive)', async () => {
    expect(await readBulletinBytes(converted.resaved!, 'resaved.docx')).toEqual({ issue: resaved, warnings: [], setAside: [], found: ALL_FOUND, via: 'canonical' });
  });
});

describe('a canonical part that cannot be trusted is never trusted', () => {
  const fixture = fixtures[1]!;
  let issue: Issue;
  let docx: Buffer;
  let fingerprint: string;
  beforeAll(async () => {
    issue = parseBulletinText(fixture.text).issue;
    docx = Buffer.from(await exportDocx(issue, DEFAULT_PRINT_OPTIONS));
    fingerprint = await storedFingerprint(docx);
  });

  /** read as the same document without any part would be, with the warning first */
  async function readAsDocument(file: Buffer, warning = INVALID_PART_WARNING) {
    const read = await bulletinFromDocx(file, '不可信.docx');
    const document = await bulletinFromDocx(await withoutCanonicalPart(docx), '无附带数据.docx');
    expect(read.via).toBe('docx');
    expect(read).toEqual({ ...document, warnings: [warning, ...document.warnings] });
    expect(structureOf(read.issue)).toEqual(structureOf(issue));
    return read;
  }

  it('JSON that fails the schema, with the matching fingerprint: read as a document, with the warning that the data is invalid', async () => {
    await readAsDocument(await withCanonicalXml(docx, canonicalPartOf(fingerprint, JSON.stringify({ ...issue, number: '十三', extra: true }))));
  });

  it('a part that is not JSON, or not even XML: read as a document', async () => {
    await readAsDocument(await withCanonicalXml(docx, canonicalPartOf(fingerprint, '{"format": "jianbao/issue@1", ')));
    await readAsDocument(await withCanonicalXml(docx, '<canonicalIssue xmlns="urn:jianbao:canonical-issue:1" bodySha256="x">{"format"'));
  });

  it(`a 50 MB part (over the ${CANONICAL_PART_BYTES / 1048576} MB a .json import may be): refused unread, the document read instead`, async () => {
    // the very issue exported, padded with white space JSON allows: only the size is wrong with it
    const json = JSON.stringify(issue) + ' '.repeat(50_000_000);
    const big = await withCanonicalXml(docx, Buffer.from(canonicalPartOf(fingerprint, json)), 'STORE');
    expect(big.length).toBeGreaterThan(50_000_000);
    const started = performance.now();
    await readAsDocument(big);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it(`a valid part just over the ${CANONICAL_PART_BYTES / 1048576} MB limit, in a document whose text is large enough for it: refused unread by the limit (just under it, the same part is taken)`, async () => {
    const empty: Issue = { ...issue, series: { ...issue.series, name: '', issuer: '' }, docNumber: null, blocks: [], distribution: { report: [], send: [], issue: [] }, printed: null };
    const large = Buffer.from(withCanonicalPart(await longTextDocument(600_000), empty));
    const largeFingerprint = await storedFingerprint(large);
    const padded = (bytes: number) => withCanonicalXml(large, Buffer.from(canonicalPartOf(largeFingerprint, JSON.stringify(empty).padEnd(bytes, ' '))), 'STORE');
    const over = await bulletinFromDocx(await padded(CANONICAL_PART_BYTES), '过大.docx');
    expect([over.via, over.warnings[0]]).toEqual(['docx', INVALID_PART_WARNING]);
    expect(await bulletinFromDocx(await padded(CANONICAL_PART_BYTES - 1024 * 1024), '不大.docx')).toEqual({ issue: empty, warnings: [], setAside: [], found: ALL_FOUND, via: 'canonical' });
  }, 60_000);

  it('a part whose header lies small about 512 MiB of zeros: stopped after 1 MB, the document read instead', async () => {
    const zeros = deflatedZeros(512);
    const bombed = await withEntryReplaced(docx, { name: 'customXml/item1.xml', compressed: zeros.compressed, crc: zeros.crc, declaredSize: 1000 });
    const started = performance.now();
    await readAsDocument(bombed);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  /** 10^6 empty paragraphs in 4000 untitled articles: within every limit of the schema, and no text the document lacks */
  const hostileIssue = (): Issue => ({
    ...issue,
    blocks: [...issue.blocks, ...Array.from({ length: 4000 }, () => ({ type: 'article' as const, title: '', paragraphs: Array.from({ length: 250 }, () => ({ runs: [] })) }))],
  });
  const hostileJson = () => JSON.stringify(hostileIssue());

  it('the matching fingerprint with a hostile issue of 10^6 paragraphs that passes the schema (12 MB, stored): read as a document, in process and in the reading worker with its memory limit', async () => {
    expect(validate(issueSchema, hostileIssue()).ok).toBe(true);
    const json = hostileJson();
    expect(json.length).toBeLessThan(CANONICAL_PART_BYTES);
    const hostile = await withCanonicalXml(docx, canonicalPartOf(fingerprint, json), 'STORE');
    const inProcess = await readAsDocument(hostile);
    await withReader(async (reader) => expect(await reader.readBytes(hostile, '不可信.docx')).toEqual(inProcess));
  });

  it('the same hostile part deflated (about 500 : 1) is a zip bomb to the guard: the file is refused before anything is inflated, in Chinese', async () => {
    expect(await refusal(bulletinFromDocx(await withCanonicalXml(docx, canonicalPartOf(fingerprint, hostileJson())), '炸弹.docx'))).toMatch(/^Word 文档疑似“压缩炸弹”：其中 customXml\/item1\.xml 解压后将达 \d+ MB，是压缩后的 \d+ 倍，已拒绝读取：炸弹\.docx$/);
  });

  it('the matching fingerprint with a forged issue that passes the schema but says what the document does not: read as a document', async () => {
    const forged: Issue = { ...issue, blocks: [...issue.blocks, { type: 'article', title: '伪造的文章', paragraphs: [{ runs: [{ text: '正文里没有这一段。' }] }] }] };
    await readAsDocument(await withCanonicalXml(docx, canonicalPartOf(fingerprint, JSON.stringify(forged))));
  });

  it('a valid issue under a stale fingerprint: read as a document, with the warning that the file was modified', async () => {
    await readAsDocument(await withCanonicalXml(docx, canonicalPartOf('0'.repeat(64), JSON.stringify(issue))), EDITED_WARNING);
  });
});

describe('speed', () => {
  it('reads a 200-page Word document in ≤ 2 s and a fixture’s export in ≤ 0.3 s, from the XML and through the canonical part (in process, best of three)', async () => {
    const best = async (read: () => Promise<unknown>) => {
      let fastest = Infinity;
      for (let run = 0; run < 3; run++) {
        const started = performance.now();
        await read();
        fastest = Math.min(fastest, performance.now() - started);
      }
      return fastest;
    };
    const long = await longWordDocument(200);
    const fixture = fixtures[2]!;
    const exported = Buffer.from(await exportDocx(parseBulletinText(fixture.text).issue, DEFAULT_PRINT_OPTIONS));
    const plain = await withoutCanonicalPart(exported);
    const timings = {
      longDocument: await best(() => bulletinFromDocx(long, '200页.docx')),
      fixtureFromXml: await best(() => bulletinFromDocx(plain, 'x.docx')),
      fixtureCanonical: await best(() => bulletinFromDocx(exported, 'x.docx')),
    };
    console.log(`reading .docx (ms, best of 3): ${JSON.stringify(Object.fromEntries(Object.entries(timings).map(([key, ms]) => [key, Math.round(ms)])))}`);
    expect(timings.longDocument).toBeLessThanOrEqual(2000);
    expect(timings.fixtureFromXml).toBeLessThanOrEqual(300);
    expect(timings.fixtureCanonical).toBeLessThanOrEqual(300);
  }, 60_000);
});
