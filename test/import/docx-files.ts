// .docx files for the structure reader's tests: Jianbao exports taken apart and edited (canonical part
// removed, replaced or hostile, a paragraph's text changed), bulletins laid out the way clerks lay them
// out in Word (built with the docx package: a red masthead, bold centred titles, indented paragraphs,
// bold heads run into their text, a masthead in a text box, auto-numbered sub-headings), Word's own XML
// for what docx cannot write (a text box with its VML fallback), a 200-page document for timing, and
// LibreOffice's own .docx of a fixture's text.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  TabStopType,
  Textbox,
  TextRun,
  type IParagraphOptions,
  type ISectionOptions,
} from 'docx';
import { CANONICAL_NAMESPACE } from '../../electron/services/import/canonical-part.ts';
import { zipOfCompressed, type CompressedZipEntry } from '../archive/hostile-files.ts';

// ------------------------------------------------------------------------------------ zip surgery

export async function rewriteDocx(docx: Uint8Array, edit: (zip: JSZip) => Promise<void> | void, compression: 'DEFLATE' | 'STORE' = 'DEFLATE'): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  await edit(zip);
  return zip.generateAsync({ type: 'nodebuffer', compression });
}

export async function partText(docx: Uint8Array, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(docx);
  const file = zip.file(name);
  if (!file) throw new Error(`no ${name} in the .docx`);
  return file.async('string');
}

/** The .docx rebuilt byte by byte with one entry's data replaced by `entry` (which may lie about its size). */
export async function withEntryReplaced(docx: Uint8Array, entry: CompressedZipEntry): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  const entries: CompressedZipEntry[] = [];
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    if (name === entry.name) {
      entries.push(entry);
      continue;
    }
    const data = await file.async('nodebuffer');
    entries.push({ name, compressed: deflateRawSync(data), crc: crc32(data), declaredSize: data.length });
  }
  if (!entries.includes(entry)) throw new Error(`no ${entry.name} in the .docx`);
  return zipOfCompressed(entries);
}

/** The exported file as a clerk's copy that lost the part: custom XML files, their relationship and content type gone. */
export function withoutCanonicalPart(docx: Uint8Array): Promise<Buffer> {
  return rewriteDocx(docx, async (zip) => {
    for (const name of Object.keys(zip.files)) if (name.startsWith('customXml/')) zip.remove(name);
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    zip.file('word/_rels/document.xml.rels', rels.replace(/<Relationship [^>]*relationships\/customXml"[^>]*\/>/g, ''));
    const types = await zip.file('[Content_Types].xml')!.async('string');
    zip.file('[Content_Types].xml', types.replace(/<Override [^>]*\/customXml\/[^>]*\/>/g, ''));
  });
}

/** The fingerprint the export stored: the body as exported. */
export async function storedFingerprint(docx: Uint8Array): Promise<string> {
  const match = /bodySha256="([0-9a-f]{64})"/.exec(await partText(docx, 'customXml/item1.xml'));
  if (!match) throw new Error('no fingerprint in customXml/item1.xml');
  return match[1]!;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A canonical part as the exporter writes it, but holding any JSON text. */
export function canonicalPartOf(fingerprint: string, json: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<canonicalIssue xmlns="${CANONICAL_NAMESPACE}" format="jianbao/issue@1" bodySha256="${fingerprint}">${escapeXml(json)}</canonicalIssue>`;
}

/** The exported file with its canonical part replaced by `xml` (stored, not deflated, when it is large). */
export function withCanonicalXml(docx: Uint8Array, xml: string | Buffer, compression: 'DEFLATE' | 'STORE' = 'DEFLATE'): Promise<Buffer> {
  return rewriteDocx(docx, (zip) => void zip.file('customXml/item1.xml', xml), compression);
}

/** The exported file with `from` in the body's XML text replaced by `to` (the first time it occurs). */
export function withBodyEdited(docx: Uint8Array, from: string, to: string): Promise<Buffer> {
  return rewriteDocx(docx, async (zip) => {
    const document = await zip.file('word/document.xml')!.async('string');
    if (!document.includes(from)) throw new Error(`the body has no ${from}`);
    zip.file('word/document.xml', document.replace(from, to));
  });
}

// ---------------------------------------------------------------------------- Word's own XML

const NAMESPACES = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
  wp: 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  wps: 'http://schemas.microsoft.com/office/word/2010/wordprocessingShape',
  v: 'urn:schemas-microsoft-com:vml',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  m: 'http://schemas.openxmlformats.org/officeDocument/2006/math',
};

/** A word/document.xml around body XML, with the namespaces Word declares. */
export function wordDocumentXml(body: string): string {
  const declarations = Object.entries(NAMESPACES)
    .map(([prefix, uri]) => `xmlns:${prefix}="${uri}"`)
    .join(' ');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${declarations} mc:Ignorable="w14 wp14"><w:body>${body}<w:sectPr/></w:body></w:document>`;
}

/** A word/styles.xml of style XML, with docDefaults of 三号 (32 half-points). */
export function wordStylesXml(styles: string, defaults = '<w:rPr><w:sz w:val="32"/></w:rPr>'): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${NAMESPACES.w}"><w:docDefaults><w:rPrDefault>${defaults}</w:rPrDefault></w:docDefaults>${styles}</w:styles>`;
}

/** A word/numbering.xml of abstractNum and num XML. */
export function wordNumberingXml(content: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="${NAMESPACES.w}">${content}</w:numbering>`;
}

/**
 * A floating text box as Word 2010 and later write it: the DrawingML shape in mc:Choice and the same
 * paragraphs again in a VML shape in mc:Fallback, for older readers.
 */
export function wordTextBoxRun(paragraphsXml: string): string {
  return (
    '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>' +
    '<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">' +
    '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="margin"><wp:align>center</wp:align></wp:positionH><wp:positionV relativeFrom="page"><wp:posOffset>720000</wp:posOffset></wp:positionV>' +
    '<wp:extent cx="5600000" cy="900000"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/><wp:docPr id="1" name="文本框 1"/><wp:cNvGraphicFramePr/>' +
    '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/>' +
    '<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="5600000" cy="900000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>' +
    `<wps:txbx><w:txbxContent>${paragraphsXml}</w:txbxContent></wps:txbx><wps:bodyPr rot="0" vert="horz" wrap="square" anchor="t"><a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic>` +
    '</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>' +
    `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe" xmlns:o="urn:schemas-microsoft-com:office:office"/><v:shape id="文本框 1" o:spid="_x0000_s1026" type="#_x0000_t202" style="position:absolute;width:441pt;height:70.85pt;z-index:251659264" filled="f" stroked="f" xmlns:o="urn:schemas-microsoft-com:office:office"><v:textbox><w:txbxContent>${paragraphsXml}</w:txbxContent></v:textbox></v:shape>` +
    '</w:pict></mc:Fallback></mc:AlternateContent></w:r>'
  );
}

// ------------------------------------------------------------------- a bulletin laid out in Word

export const WORD_LIKE = {
  seriesName: '益阳市配合第二轮省生态环境保护例行督察工作简报',
  issuer: '益阳市配合第二轮省生态环境保护督察协调联络组',
  dateText: '2023年7月12日',
  date: '2023-07-12',
  number: 13,
  titles: ['省第四生态环境保护督察组召开专题座谈会', '省第四生态环境保护督察组下沉资阳区调研督察'],
  subtitle: '要求确保大气污染防治攻坚战各项工作任务落实落地',
  firstParagraphs: [
    '7月11日，省第四生态环境保护督察组召开益阳市大气污染防治工作座谈会。座谈会上，益阳市汇报了大气污染防治工作情况，赫山、资阳、高新三区分管负责人分别汇报了本辖区工作情况。',
    '7月11日下午，省第四生态环境保护督察组组长肖祥清率队到资阳区现场下沉督导突出生态环境问题整改，并调研资阳区PCB产业发展情况。',
  ],
  heading: '县市区工作动态',
  heads: ['安化县', '赫山区'],
  report: ['省生态环境保护督察和整改工作领导小组办公室', '省第四生态环境保护督察组'],
  send: ['各县市区委、县市区人民政府', '大通湖区管委会'],
  numbered: ['提高政治站位', '压实工作责任', '强化协调配合', '抓好问题整改', '立行立改', '建立台账', '每日调度，每日汇总整改进展，及时报送督察组。'],
} as const;

export type WordLikeVariant = 'plain' | 'textBoxMasthead' | 'vmlTextBoxMasthead' | 'numbered';

const FANGSONG = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312', cs: 'Times New Roman' };
const TEXT_BOX_MARK = '〖报头文本框〗';

/** Text in runs the way Word splits them: the Chinese and the digits apart, each with its fonts and size. */
function wordRuns(text: string, options: { bold?: boolean; size?: number; color?: string } = {}): TextRun[] {
  return (text.match(/[0-9A-Za-z]+|[^0-9A-Za-z]+/g) ?? []).map((part) => new TextRun({ text: part, font: FANGSONG, ...options }));
}

const body = (text: string, options: IParagraphOptions = {}) => new Paragraph({ style: 'JbTestBody', children: wordRuns(text), ...options });

/**
 * A bulletin as a clerk types it in Word: styles for the masthead (red 二号, from its style), titles
 * (bold 二号 centred, through w:basedOn) and body text (first-line indent two characters), issuer and date
 * at a right tab, a section whose items start with a bold head run into the text, the colophon.
 * `textBoxMasthead` puts the series name in a Word text box (with its VML fallback copy), anchored in the
 * 期号 paragraph; `vmlTextBoxMasthead` in an old-style VML text box; `numbered` adds an article whose
 * sub-headings are auto-numbered 一、 （一） 1. ①.
 */
export async function wordLikeBulletin(variant: WordLikeVariant = 'plain'): Promise<Buffer> {
  const facts = WORD_LIKE;
  const masthead = new Paragraph({ style: 'JbTestMasthead', children: [new TextRun({ text: facts.seriesName })] });
  const numberLine = `第 ${facts.number} 期`;
  const children: (Paragraph | Textbox)[] = [];
  if (variant === 'plain' || variant === 'numbered') children.push(masthead, new Paragraph({ alignment: AlignmentType.CENTER, children: wordRuns(numberLine) }));
  else if (variant === 'textBoxMasthead') children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(TEXT_BOX_MARK), ...wordRuns(numberLine)] }));
  else {
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new Textbox({ style: { width: '441pt', height: '70pt', position: 'absolute' }, children: [new Paragraph({ style: 'JbTestMasthead', children: [new TextRun({ text: facts.seriesName })] })] }),
          ...wordRuns(numberLine),
        ],
      }),
    );
  }
  children.push(
    new Paragraph({
      tabStops: [{ type: TabStopType.RIGHT, position: 8844 }],
      border: { bottom: { style: 'single', size: 12, color: 'FF0000', space: 4 } },
      children: [...wordRuns(facts.issuer), new TextRun({ children: [new Tab()] }), ...wordRuns(facts.dateText)],
    }),
    new Paragraph({ style: 'JbTestTitle', children: wordRuns(facts.titles[0]) }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: wordRuns(facts.subtitle, { size: 32 }) }),
    body(facts.firstParagraphs[0]),
    body('刘勇会要求，各级各有关部门要切实把思想和行动统一到省委、省政府决策部署上来，压实压紧各级各部门责任，坚决打赢大气污染防治攻坚战。'),
    new Paragraph({ style: 'JbTestTitle', children: wordRuns(facts.titles[1]) }),
    // this one indented by direct formatting in characters, as Word's paragraph dialog writes it
    new Paragraph({ indent: { firstLineChars: 200, firstLine: 640 }, alignment: AlignmentType.BOTH, children: wordRuns(facts.firstParagraphs[1]) }),
    body('督察组一行来到湖南金康电路板有限公司，深入车间实地调研了生产工艺、生产设备、环保处理系统等情况。'),
  );
  if (variant === 'numbered') {
    const numbered = (text: string, level: number) => new Paragraph({ numbering: { reference: 'jb-headings', level }, children: wordRuns(text) });
    const [a, b, c, d, e, f, g] = facts.numbered;
    children.push(
      new Paragraph({ style: 'JbTestTitle', children: wordRuns('全市上下全力迎接督察工作部署') }),
      body('7月10日，益阳市召开全市配合第二轮省生态环境保护督察工作部署会，就迎检工作作出安排。'),
      numbered(a, 0),
      body('各级各部门要把配合督察工作作为当前的重大政治任务，确保督察工作顺利开展。'),
      numbered(b, 1),
      numbered(c, 1),
      numbered(d, 0),
      numbered(e, 1),
      numbered(f, 2),
      numbered(g, 3),
      body('对督察组交办的信访件，要第一时间调查核实，依法依规处理到位。'),
    );
  }
  children.push(
    new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text: `【${facts.heading}】`, bold: true, font: { eastAsia: '黑体' } })] }),
    body('', { children: [...wordRuns(`${facts.heads[0]}：`, { bold: true }), ...wordRuns('7月11日，安化县相关领导率队赴小淹镇碧溪村督导当地养殖场环境问题整改工作，要求压实养殖户主体责任。')] }),
    body('', { children: [...wordRuns(`${facts.heads[1]}：`, { bold: true }), ...wordRuns('7月11日，赫山区召开突出生态环境问题整改调度会，逐项对账销号，确保按期完成整改任务。')] }),
    new Paragraph({ children: wordRuns(`报：${facts.report.join('，')}`, { size: 28 }) }),
    new Paragraph({ children: wordRuns(`送：${facts.send.join('，')}`, { size: 28 }) }),
    new Paragraph({ tabStops: [{ type: TabStopType.RIGHT, position: 8844 }], children: [...wordRuns(facts.issuer, { size: 28 }), new TextRun({ children: [new Tab()] }), ...wordRuns(`${facts.dateText}印发`, { size: 28 })] }),
  );
  const section: ISectionOptions = {
    headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun('页眉里的文字不是正文')] })] }) },
    footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })] })] }) },
    children,
  };
  const document = new Document({
    styles: {
      default: { document: { run: { size: 32, font: FANGSONG } } },
      paragraphStyles: [
        { id: 'JbTestMasthead', name: '报头', basedOn: 'Normal', run: { color: 'C00000', size: 44, font: { eastAsia: '方正小标宋简体' } }, paragraph: { alignment: AlignmentType.CENTER } },
        { id: 'JbTestHeading', name: '标题基础', basedOn: 'Normal', run: { bold: true, size: 44 }, paragraph: { alignment: AlignmentType.CENTER } },
        { id: 'JbTestTitle', name: '文章标题', basedOn: 'JbTestHeading', next: 'JbTestBody', run: { font: { eastAsia: '方正小标宋简体' } } },
        { id: 'JbTestBody', name: '正文缩进', basedOn: 'Normal', paragraph: { indent: { firstLine: 640 }, alignment: AlignmentType.BOTH } },
      ],
    },
    numbering: {
      config: [
        {
          reference: 'jb-headings',
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT, suffix: 'nothing' },
            { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT, suffix: 'nothing' },
            { level: 2, format: LevelFormat.DECIMAL, text: '%3.', alignment: AlignmentType.LEFT },
            { level: 3, format: LevelFormat.DECIMAL_ENCLOSED_CIRCLE, text: '%4', alignment: AlignmentType.LEFT, suffix: 'nothing' },
          ],
        },
      ],
    },
    sections: [section],
  });
  const docx = await Packer.toBuffer(document);
  if (variant !== 'textBoxMasthead') return docx;
  // the text box as Word writes it, which docx cannot: DrawingML in mc:Choice, the same paragraphs in VML in mc:Fallback
  return rewriteDocx(docx, async (zip) => {
    const xml = await zip.file('word/document.xml')!.async('string');
    const mastheadXml =
      '<w:p><w:pPr><w:pStyle w:val="JbTestMasthead"/></w:pPr><w:r><w:t xml:space="preserve">' + facts.seriesName + '</w:t></w:r></w:p>';
    const run = /<w:r>(?:(?!<w:r>).)*?〖报头文本框〗<\/w:t><\/w:r>/s;
    if (!run.test(xml)) throw new Error('no text box mark in the document');
    const withBox = xml.replace(run, wordTextBoxRun(mastheadXml).replace('<w:drawing>', `<w:drawing xmlns:a="${NAMESPACES.a}">`));
    zip.file('word/document.xml', withBox.includes('xmlns:v=') ? withBox : withBox.replace('<w:document ', `<w:document xmlns:v="${NAMESPACES.v}" `));
  });
}

// ------------------------------------------------------------------------- a long document

/**
 * At least `pages` pages of 三号 text in Word's way (styles, runs split at digits, titles every few pages),
 * as LibreOffice lays it out (single line spacing: about 760 characters a page; 200 pages print as 202).
 */
export async function longWordDocument(pages: number): Promise<Buffer> {
  const sentence = '各级各部门要始终绷紧生态环境保护这根弦，坚决扛起生态环境保护政治责任，2023年完成整改任务126项，';
  const paragraphText = (index: number) => `${index}月，${sentence.repeat(3)}确保大气污染防治攻坚战各项工作任务落实落地。`;
  const perPage = 760;
  const paragraphs: Paragraph[] = [
    new Paragraph({ style: 'JbTestMasthead', children: [new TextRun('益阳市生态环境保护工作简报')] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: wordRuns('第 5 期') }),
    new Paragraph({ children: [...wordRuns('益阳市生态环境局'), new TextRun({ children: [new Tab()] }), ...wordRuns('2023年7月12日')] }),
  ];
  let characters = 0;
  for (let index = 1; characters < pages * perPage; index++) {
    if (index % 8 === 1) {
      paragraphs.push(new Paragraph({ style: 'JbTestTitle', children: wordRuns(`第${Math.ceil(index / 8)}项工作进展情况通报`) }));
      characters += 28;
    }
    const text = paragraphText(index);
    paragraphs.push(body(text));
    characters += text.length;
  }
  const document = new Document({
    styles: {
      default: { document: { run: { size: 32, font: FANGSONG } } },
      paragraphStyles: [
        { id: 'JbTestMasthead', name: '报头', basedOn: 'Normal', run: { color: 'FF0000', size: 72 }, paragraph: { alignment: AlignmentType.CENTER } },
        { id: 'JbTestTitle', name: '文章标题', basedOn: 'Normal', run: { bold: true, size: 44 }, paragraph: { alignment: AlignmentType.CENTER } },
        { id: 'JbTestBody', name: '正文缩进', basedOn: 'Normal', paragraph: { indent: { firstLine: 640 }, alignment: AlignmentType.BOTH } },
      ],
    },
    sections: [{ children: paragraphs }],
  });
  return Packer.toBuffer(document);
}

/** A plain document of about `characters` characters in paragraphs of 2500: large in text, small in XML. */
export async function longTextDocument(characters: number): Promise<Buffer> {
  const text = '各级各部门要始终绷紧生态环境保护这根弦，坚决扛起生态环境保护政治责任，确保各项工作任务落实落地。'.repeat(50).slice(0, 2500);
  const paragraphs = Array.from({ length: Math.ceil(characters / text.length) }, (_, index) => new Paragraph({ children: [new TextRun(`${index + 1}.${text}`)] }));
  return Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
}

// ------------------------------------------------------------------------------ LibreOffice

/**
 * LibreOffice's own .docx of each file (a text through its plain-text import, one paragraph a line; a .docx
 * opened and saved again), written with a profile of its own in a temp folder; by the names given.
 */
export function libreOfficeDocx(files: Record<string, { text: string } | { docx: Uint8Array }>): Record<string, Buffer> {
  const folder = mkdtempSync(join(tmpdir(), 'jianbao-soffice-'));
  try {
    const convert = (paths: string[], filter?: string) => {
      if (paths.length === 0) return;
      const result = spawnSync(
        'soffice',
        [`-env:UserInstallation=file://${join(folder, 'profile')}`, '--headless', ...(filter ? [`--infilter=${filter}`] : []), '--convert-to', 'docx:MS Word 2007 XML', '--outdir', join(folder, 'out'), ...paths],
        { encoding: 'utf8', timeout: 120_000 },
      );
      if (result.status !== 0) throw new Error(`soffice failed (${result.status}): ${result.stderr}`);
    };
    const texts: string[] = [];
    const documents: string[] = [];
    for (const [name, file] of Object.entries(files)) {
      if ('text' in file) {
        texts.push(join(folder, `${name}.txt`));
        writeFileSync(texts.at(-1)!, file.text);
      } else {
        documents.push(join(folder, `${name}.docx`));
        writeFileSync(documents.at(-1)!, file.docx);
      }
    }
    convert(texts, 'Text (encoded):UTF8,LF,,,');
    convert(documents);
    return Object.fromEntries(Object.keys(files).map((name) => [name, readFileSync(join(folder, 'out', `${name}.docx`))]));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
