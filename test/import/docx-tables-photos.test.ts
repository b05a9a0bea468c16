// Tables and photos in .docx bulletins: files made in Word's way (the docx package) and by LibreOffice from a
// web page import with their tables (title, header over two rows with merged cells, rows, 合计) and photos
// (a figure whose image decodes, its caption attached) inside the article they stand in, never as articles
// of their own; a picture that is not an image is named in the report. The photos come back from the
// reading worker and go into a real archive with their issue, in the step that files it, and only then.
// Tables that lay out the page (the colophon's, the masthead's, a frame) are read as their lines, as before.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { imageBytes } from '../../electron/services/archive/index.ts';
import { getIssue } from '../../electron/services/archive/issues.ts';
import { exportDocx } from '../../electron/services/export/docx.ts';
import { createPdfPrinter } from '../../electron/services/export/pdf.ts';
import { issueToPlainText } from '../../shared/text/plain-text.ts';
import { renderEnv } from '../export/render-tools.ts';
import { docxContent, isPlacedPicture } from '../../electron/services/import/docx-content.ts';
import { INVALID_PART_WARNING } from '../../electron/services/import/docx.ts';
import { readDocxItems, readDocxLines } from '../../electron/services/import/docx-paragraphs.ts';
import { importPaths, importUpload } from '../../electron/services/import/import-files.ts';
import { readBulletinBytes } from '../../electron/services/import/read-file.ts';
import { readBulletinBytesInWorker } from '../../electron/services/import/read-in-worker.ts';
import type { ReadBulletin, SourceLine } from '../../shared/import/source.ts';
import { elementPlainText, imageIdsOf, isFigure, isTable } from '../../shared/model/content.ts';
import type { ArticleBlock, Figure, Issue, Table } from '../../shared/model/issue.ts';
import { apiOf, tempArchive, tempDir } from '../archive/helpers.ts';
import { partText, rewriteDocx, withoutCanonicalPart, wordDocumentXml, wordTextBoxRun } from './docx-files.ts';
import { STANDARD } from './office-files.ts';
import { TABLE_PHOTO, brokenPicturesBulletin, libreOfficeTablePhotoDocx, photoPng, wordTablePhotoBulletin } from './table-photo-files.ts';

const articlesOf = (issue: Issue) => issue.blocks.filter((block): block is ArticleBlock => block.type === 'article');
const tablesOf = (issue: Issue) => articlesOf(issue).flatMap((article) => article.paragraphs.filter(isTable));
const figuresOf = (issue: Issue) => articlesOf(issue).flatMap((article) => article.paragraphs.filter(isFigure));
const cells = (texts: readonly string[]) => texts.map((text) => ({ runs: [{ text }] }));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The image bytes decode to a picture of the pixel size and format the figure names, and their hash is its id. */
async function expectDecodes(read: ReadBulletin, figure: Figure): Promise<void> {
  const image = read.images?.find((candidate) => candidate.ref.id === figure.image.id);
  expect(image, `no bytes for ${figure.caption}`).toBeDefined();
  expect(sha256(image!.bytes)).toBe(figure.image.id);
  const metadata = await sharp(image!.bytes).metadata();
  expect({ format: metadata.format, width: metadata.width, height: metadata.height }).toEqual({ format: figure.image.format, width: figure.image.width, height: figure.image.height });
}

let word: Buffer;
let broken: Buffer;
let libreOffice: Buffer;

beforeAll(async () => {
  [word, broken, libreOffice] = await Promise.all([wordTablePhotoBulletin(), wordTablePhotoBulletin({ brokenFirstPhoto: true }), libreOfficeTablePhotoDocx()]);
}, 240_000);

describe('a .docx made in Word with two photos, their captions and a table', () => {
  it('imports as its two articles: no article starts at a table cell or a caption, and none is titled with one', async () => {
    const { issue } = await readBulletinBytes(word, '带表格和照片.docx');
    expect(articlesOf(issue).map((article) => article.title)).toEqual([...TABLE_PHOTO.titles]);
    expect(issue.blocks.filter((block) => block.type === 'news')).toEqual([]);
    expect(issue.series.name).toBe(TABLE_PHOTO.seriesName);
    expect(issue.number).toBe(TABLE_PHOTO.number);
    expect(issue.distribution.report).toEqual([...TABLE_PHOTO.report]);
    expect(issue.printed).toEqual({ by: TABLE_PHOTO.issuer, date: TABLE_PHOTO.date });
  });

  it('reads the table in the article it stands in: its title from the line above, the header over two rows (县市区 and 交办件数 merged down, 办理情况 across), five rows, the 合计 row, numbers right-aligned', async () => {
    const { issue } = await readBulletinBytes(word, '带表格和照片.docx');
    const [first] = articlesOf(issue);
    const tables = tablesOf(issue);
    expect(tables).toHaveLength(1);
    const bold = (text: string, span: { colSpan?: number; rowSpan?: number } = {}) => ({ runs: [{ text, bold: true }], ...span });
    expect(tables[0]).toEqual({
      type: 'table',
      columns: [{ align: 'left' }, { align: 'right' }, { align: 'right' }, { align: 'right' }],
      header: [
        [bold('县市区', { rowSpan: 2 }), bold('交办件数', { rowSpan: 2 }), bold('办理情况', { colSpan: 2 })],
        [bold('已办结'), bold('办理中')],
      ],
      rows: TABLE_PHOTO.rows.map(cells),
      total: cells(TABLE_PHOTO.total),
      title: TABLE_PHOTO.tableTitle,
    } satisfies Table);
    // in place: after the paragraph that announces it, before the one that follows it; its title is no paragraph
    const texts = first!.paragraphs.map(elementPlainText);
    const at = first!.paragraphs.indexOf(tables[0]!);
    expect(texts[at - 1]).toBe('全市信访件交办情况如下：');
    expect(texts[at + 1]).toBe(TABLE_PHOTO.afterTable);
    expect(texts).not.toContain(TABLE_PHOTO.tableTitle);
  });

  it('makes each photo a figure in its article whose image decodes, its caption (图为…, or a short centred 楷体 line) attached and kept as no paragraph, its width from the drawing over the type area', async () => {
    const read = await readBulletinBytes(word, '带表格和照片.docx');
    const figures = figuresOf(read.issue);
    expect(figures.map((figure) => figure.caption)).toEqual([...TABLE_PHOTO.captions]);
    expect(figures.map((figure) => figure.image.format)).toEqual(['png', 'png']);
    // 400 and 300 px in Word (3 810 000 and 2 857 500 EMU) over the 156 mm type area
    expect(figures.map((figure) => figure.widthPercent)).toEqual([68, 51]);
    for (const figure of figures) await expectDecodes(read, figure);
    expect(read.images).toHaveLength(2);
    expect(read.warnings.filter((warning) => warning.includes('图片'))).toEqual([]);
    const paragraphs = articlesOf(read.issue).flatMap((article) => article.paragraphs.map(elementPlainText));
    for (const caption of TABLE_PHOTO.captions) expect(paragraphs.filter((text) => text === caption)).toHaveLength(1);
    expect(articlesOf(read.issue)[0]!.paragraphs.map((element) => element.type ?? 'text')).toEqual(['text', 'figure', 'text', 'figure', 'text', 'table', 'text']);
  });

  it('a picture whose bytes are no image becomes a Chinese warning naming it and its caption, and no figure; its caption stays a paragraph where it stood; the rest imports as before', async () => {
    const read = await readBulletinBytes(broken, '坏图.docx');
    const firstArticle = articlesOf(read.issue)[0]!;
    expect(firstArticle.paragraphs.some((element) => element.type === undefined && elementPlainText(element) === TABLE_PHOTO.captions[0])).toBe(true);
    expect(read.warnings).toContain(`文档中的第1张图片（图注“${TABLE_PHOTO.captions[0]}”）未能导入：图片“image1.png”已损坏或不是图片，无法插入`);
    expect(figuresOf(read.issue).map((figure) => figure.caption)).toEqual([TABLE_PHOTO.captions[1]]);
    expect(read.images?.map((image) => image.ref.id)).toEqual(imageIdsOf(read.issue));
    expect(articlesOf(read.issue).map((article) => article.title)).toEqual([...TABLE_PHOTO.titles]);
    expect(tablesOf(read.issue)).toHaveLength(1);
  });
});

describe('pictures Word writes in other ways', () => {
  /** the Word-made bulletin with paragraphs added before its 报 line (and relationships beside its own) */
  const withAdded = (paragraphs: string, relationships: string) =>
    rewriteDocx(word, async (zip) => {
      const document = await zip.file('word/document.xml')!.async('string');
      const at = document.indexOf('<w:p>', document.indexOf('确保信访件按期办结'));
      zip.file('word/document.xml', document.slice(0, at) + paragraphs + document.slice(at));
      const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
      zip.file('word/_rels/document.xml.rels', rels.replace('</Relationships>', `${relationships}</Relationships>`));
    });
  const IMAGE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';

  it('an old-style VML picture (v:imagedata) becomes a figure with its width from its style, its caption attached', async () => {
    const png = await photoPng(500, 300);
    const docx = await rewriteDocx(
      await withAdded(
        '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:pict><v:shape id="图片 9" style="width:234pt;height:140.4pt" o:title="现场"><v:imagedata r:id="rIdJbVml" o:title="现场"/></v:shape></w:pict></w:r></w:p>' +
          '<w:p><w:r><w:t>图为资阳区现场核查信访件</w:t></w:r></w:p>',
        `<Relationship Id="rIdJbVml" Type="${IMAGE}" Target="media/vml-photo.png"/>`,
      ),
      (zip) => void zip.file('word/media/vml-photo.png', png),
    );
    const read = await readBulletinBytes(docx, 'vml.docx');
    const figure = figuresOf(read.issue).find((candidate) => candidate.caption === '图为资阳区现场核查信访件');
    // 234 pt = 82.55 mm of the 156 mm type area
    expect(figure).toMatchObject({ widthPercent: 53, image: { format: 'png', width: 500, height: 300 } });
    await expectDecodes(read, figure!);
  });

  it('a picture linked to a file outside the document, and an embedded worksheet, are named in the report in Chinese and imported as nothing', async () => {
    const drawing = /<w:drawing>.*?<\/w:drawing>/s.exec(await partText(word, 'word/document.xml'))![0];
    const linked = drawing.replace(/r:embed="[^"]+"/, 'r:link="rIdJbLinked"');
    const docx = await withAdded(
      `<w:p><w:r>${linked}</w:r></w:p><w:p><w:r><w:t>图为外链的照片</w:t></w:r></w:p>` +
        '<w:p><w:r><w:object><v:shape id="对象 1" style="width:300pt;height:100pt"><v:imagedata r:id="rIdJbLinked"/></v:shape></w:object></w:r></w:p>',
      `<Relationship Id="rIdJbLinked" Type="${IMAGE}" Target="file:///C:/照片/现场.jpg" TargetMode="External"/>`,
    );
    const read = await readBulletinBytes(docx, '外链.docx');
    expect(read.warnings).toContain('文档中的第3张图片（图注“图为外链的照片”）未能导入：图片是链接到文档以外的文件，没有嵌入文档');
    expect(read.warnings).toContain('文档中有1个嵌入的对象（如 Excel 表格、图表）未能导入：请在 Word 中把它们转为表格或图片后再导入');
    expect(figuresOf(read.issue)).toHaveLength(2);
    expect(articlesOf(read.issue).map((article) => article.title)).toEqual([...TABLE_PHOTO.titles]);
  });
});

describe('many pictures that are no images', () => {
  it('names the first ten in the report, counts the rest, and imports the bulletin without them', async () => {
    const read = await readBulletinBytes(await brokenPicturesBulletin(12), '十二张坏图.docx');
    const pictureWarnings = read.warnings.filter((warning) => warning.includes('图片'));
    expect(pictureWarnings).toHaveLength(11);
    expect(pictureWarnings[0]).toMatch(/^文档中的第1张图片未能导入：图片“image\d*\.png”已损坏或不是图片/);
    expect(pictureWarnings[10]).toBe('另有2张图片未能导入');
    expect(figuresOf(read.issue)).toEqual([]);
    expect(read.images).toBeUndefined();
    expect(articlesOf(read.issue).map((article) => article.paragraphs.map(elementPlainText))).toEqual([[TABLE_PHOTO.firstParagraph, TABLE_PHOTO.afterTable]]);
  });
});

describe('a .docx LibreOffice made from a web page with a <table> and an <img>', () => {
  it('imports the table (its <thead> the header, the 合计 row the total, the right-aligned numbers right-aligned) and the photo with its caption, inside the first article', async () => {
    const read = await readBulletinBytes(libreOffice, 'libreoffice.docx');
    expect(articlesOf(read.issue).map((article) => article.title)).toEqual([...TABLE_PHOTO.titles]);
    const [table] = tablesOf(read.issue);
    expect(table).toMatchObject({
      title: TABLE_PHOTO.tableTitle,
      columns: [{ align: 'left' }, { align: 'right' }, { align: 'right' }, { align: 'right' }],
      header: [['县市区', '交办件数', '已办结', '办理中'].map((text) => ({ runs: [{ text, bold: true }] }))],
      rows: TABLE_PHOTO.rows.map(cells),
      total: cells(TABLE_PHOTO.total),
    });
    const figures = figuresOf(read.issue);
    expect(figures.map((figure) => figure.caption)).toEqual([TABLE_PHOTO.captions[0]]);
    expect(figures[0]!.image).toMatchObject({ format: 'png', width: 800, height: 600 });
    await expectDecodes(read, figures[0]!);
    expect(articlesOf(read.issue)[0]!.paragraphs.map((element) => element.type ?? 'text')).toEqual(['text', 'figure', 'text', 'table', 'text']);
  });
});

describe('a Jianbao export of it', () => {
  /** the content of each article: paragraphs by their first characters, tables and figures by what they hold */
  const shape = (issue: Issue) =>
    articlesOf(issue).map((article) => [
      article.title,
      article.paragraphs.map((element) => (isFigure(element) ? { caption: element.caption, image: element.image, widthPercent: element.widthPercent } : isTable(element) ? element : elementPlainText(element).slice(0, 12))),
    ]);

  async function exported(): Promise<{ read: ReadBulletin; docx: Uint8Array }> {
    const read = await readBulletinBytes(word, '带表格和照片.docx');
    const images = new Map(read.images!.map((image) => [image.ref.id, image.bytes]));
    return { read, docx: await exportDocx(read.issue, STANDARD, (id) => images.get(id) ?? null) };
  }

  it('reads back through its canonical part with its photos, found in the file by their hash', async () => {
    const { read, docx } = await exported();
    const again = await readBulletinBytes(docx, '导出.docx');
    expect(again.via).toBe('canonical');
    expect(shape(again.issue)).toEqual(shape(read.issue));
    expect(again.images?.map((image) => image.ref.id).sort()).toEqual(imageIdsOf(read.issue).sort());
    for (const figure of figuresOf(again.issue)) await expectDecodes(again, figure);
  });

  it('without its canonical part, reads the same tables and figures from its XML (a figure exported as a frame round the photo and its caption)', async () => {
    const { read, docx } = await exported();
    const again = await readBulletinBytes(await withoutCanonicalPart(docx), '导出-无数据.docx');
    expect(again.via).toBe('docx');
    expect(shape(again.issue)).toEqual(shape(read.issue));
  });

  it('printed as PDF and read back, loses no cell’s text and no caption (a PDF holds no table or photo to read as one: they come back as lines)', async () => {
    const { read } = await exported();
    const images = new Map(read.images!.map((image) => [image.ref.id, image.bytes]));
    process.env.FONTCONFIG_FILE = renderEnv.FONTCONFIG_FILE;
    const printer = createPdfPrinter();
    try {
      const pdf = await printer.print(read.issue, STANDARD, (id) => images.get(id) ?? null);
      const again = await readBulletinBytes(pdf, '导出.pdf');
      expect(articlesOf(again.issue)[0]!.title).toBe(articlesOf(read.issue)[0]!.title);
      const text = issueToPlainText(again.issue).replace(/\s+/g, '');
      for (const table of tablesOf(read.issue)) for (const row of [...table.header, ...table.rows, ...(table.total ? [table.total] : [])]) for (const cell of row) expect(text).toContain(elementPlainText({ runs: cell.runs }).replace(/\s+/g, ''));
      for (const figure of figuresOf(read.issue)) expect(text).toContain(figure.caption.replace(/\s+/g, ''));
    } finally {
      await printer.close();
    }
  }, 120_000);

  it('whose photo was replaced after export is read from its XML, with a notice: the canonical issue names an image the file no longer holds', async () => {
    const { docx } = await exported();
    const other = await photoPng(320, 240);
    const replaced = await rewriteDocx(docx, (zip) => {
      const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'));
      expect(media.length).toBeGreaterThan(0);
      zip.file(media[0]!, other);
    });
    const again = await readBulletinBytes(replaced, '换了图.docx');
    expect(again.via).toBe('docx');
    expect(again.warnings[0]).toBe(INVALID_PART_WARNING);
    expect(figuresOf(again.issue).some((figure) => figure.image.id === sha256(other))).toBe(true);
  });
});

describe('the reading worker', () => {
  it('sends the photos back with the issue: their bytes arrive whole, hash to their ids and decode', async () => {
    const read = await readBulletinBytesInWorker(word, '带表格和照片.docx');
    const figures = figuresOf(read.issue);
    expect(figures).toHaveLength(2);
    for (const figure of figures) await expectDecodes(read, figure);
  });
});

describe('into the archive', () => {
  it('a file read without filing carries every photo its figures name, each under the SHA-256 of its bytes', async () => {
    const read = await readBulletinBytes(word, '带表格和照片.docx');
    const byId = new Map((read.images ?? []).map((image) => [image.ref.id, image.bytes]));
    for (const figure of figuresOf(read.issue)) expect(sha256(byId.get(figure.image.id)!)).toBe(figure.image.id);
  });

  it('import.file files the issue and its photos in one step: the stored issue’s figures name images the archive holds', async () => {
    const archive = await tempArchive();
    const outcome = await importUpload(archive, '带表格和照片.docx', word, {});
    if (outcome.status !== 'imported') throw new Error(JSON.stringify(outcome));
    const stored = getIssue(archive, outcome.issueId).issue;
    const ids = imageIdsOf(stored);
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(sha256(imageBytes(archive, id)!)).toBe(id);
    expect(tablesOf(stored)).toHaveLength(1);
  });

  it('import.read stores no photo; import.confirm stores the photos of the issue the clerk confirmed, with it', async () => {
    const archive = await tempArchive();
    const api = apiOf(archive);
    const preview = await api('import.read', { name: '带表格和照片.docx', base64: word.toString('base64') });
    const ids = imageIdsOf(preview.issue);
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(imageBytes(archive, id)).toBeNull();
    const outcome = await api('import.confirm', { file: preview.file, issue: preview.issue, newSeriesName: TABLE_PHOTO.seriesName });
    expect(outcome.status).toBe('imported');
    for (const id of ids) expect(sha256(imageBytes(archive, id)!)).toBe(id);
  });

  it('a file skipped because its series has the number already leaves none of its photos behind', async () => {
    const archive = await tempArchive();
    const first = await importUpload(archive, '坏图.docx', broken, {});
    expect(first.status).toBe('imported');
    const read = await readBulletinBytes(word, '带表格和照片.docx');
    const outcome = await importUpload(archive, '带表格和照片.docx', word, {});
    expect(outcome.status).toBe('skipped');
    // the photo only the skipped file held is not in the archive; the one both hold is, from the first
    const [onlyHere, shared] = imageIdsOf(read.issue);
    expect(imageBytes(archive, onlyHere!)).toBeNull();
    expect(imageBytes(archive, shared!)).not.toBeNull();
  });

  it('`jianbao archive import` of a folder files each .docx with its photos', async () => {
    const archive = await tempArchive();
    const folder = join(tempDir(), '简报');
    mkdirSync(folder);
    writeFileSync(join(folder, '带表格和照片.docx'), word);
    const [outcome] = await importPaths(archive, [folder]);
    if (outcome?.status !== 'imported') throw new Error(JSON.stringify(outcome));
    const ids = imageIdsOf(getIssue(archive, outcome.issueId).issue);
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(imageBytes(archive, id)).not.toBeNull();
  });
});

// ------------------------------------------------------------------------------- Word's own XML

const run = (text: string, rPr = '') => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const p = (text: string, pPr = '', rPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${run(text, rPr)}</w:p>`;
const tc = (content: string, tcPr = '') => `<w:tc><w:tcPr>${tcPr}</w:tcPr>${content}</w:tc>`;
const tr = (cellsXml: string, header = false) => `<w:tr>${header ? '<w:trPr><w:tblHeader/></w:trPr>' : ''}${cellsXml}</w:tr>`;
const tbl = (rows: string) => `<w:tbl><w:tblPr/>${rows}</w:tbl>`;
const row = (texts: readonly string[], rPr = '') => tr(texts.map((text) => tc(p(text, '', rPr))).join(''));
const drawing = (cx: number, cy: number) =>
  `<w:p><w:r><w:drawing><wp:inline><wp:extent cx="${cx}" cy="${cy}"/><wp:docPr id="1" name="图片"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">` +
  `<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill><a:blip r:embed="rId3"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;
const contentOf = (body: string) => docxContent(readDocxItems({ document: wordDocumentXml(body) }));
const linesOnly = (content: ReturnType<typeof contentOf>) => content.map((item) => (isPlacedPicture(item) ? '〔图〕' : (item as SourceLine).element ? '〔表〕' : (item as SourceLine).text));
const tableIn = (content: ReturnType<typeof contentOf>) => (content.find((item) => !isPlacedPicture(item) && item.element) as SourceLine | undefined)?.element as Table | undefined;

describe('tables in Word’s XML', () => {
  it('reads a colophon laid out in a table (报：, 送：, the 印发 line in cells) as its lines, as before', () => {
    const content = contentOf(p('正文最后一段。') + tbl(row(['报：市委办公室，市政府办公室']) + row(['送：各县市区委']) + tr(tc(p('益阳市信访局')) + tc(p('2024年5月6日印发')))));
    expect(linesOnly(content)).toEqual(['正文最后一段。', '报：市委办公室，市政府办公室', '送：各县市区委', '益阳市信访局', '2024年5月6日印发']);
  });

  it('reads a colophon whose field names stand in cells of their own (报 | 市委办公室) as its lines', () => {
    const content = contentOf(tbl(row(['报', '市委办公室，市政府办公室']) + row(['送', '各县市区委'])));
    expect(linesOnly(content)).toEqual(['报', '市委办公室，市政府办公室', '送', '各县市区委']);
  });

  it('reads a masthead laid out in a table (the red series name, 第N期 and the date in cells) as its lines', () => {
    const red = '<w:color w:val="FF0000"/><w:sz w:val="72"/>';
    const content = contentOf(tbl(tr(tc(p('益阳市信访工作简报', '<w:jc w:val="center"/>', red), '<w:gridSpan w:val="2"/>')) + row(['第5期', '2024年5月6日'])) + p('正文'));
    expect(linesOnly(content)).toEqual(['益阳市信访工作简报', '第5期', '2024年5月6日', '正文']);
  });

  it('reads a one-column frame (a boxed 编者按) and a one-row table as their lines', () => {
    const content = contentOf(tbl(row(['编者按：近日，全市开展信访积案化解专项行动。']) + row(['现将有关情况刊发如下。'])) + tbl(row(['甲', '乙'])));
    expect(linesOnly(content)).toEqual(['编者按：近日，全市开展信访积案化解专项行动。', '现将有关情况刊发如下。', '甲', '乙']);
  });

  it('takes a bold first row as the header when no row is marked, splits cells merged in body rows into plain cells (the text in the first), and flattens a nested table into its cell', () => {
    const nested = tbl(row(['内嵌一']) + row(['内嵌二']));
    const body =
      row(['单位', '件数', '备注'], '<w:b/>') +
      tr(tc(p('赫山区'), '<w:vMerge w:val="restart"/>') + tc(p('12')) + tc(nested)) +
      tr(tc(p(''), '<w:vMerge/>') + tc(p('3')) + tc(p('补报'))) +
      tr(tc(p('资阳区'), '<w:gridSpan w:val="2"/>') + tc(p('无')));
    const table = tableIn(contentOf(tbl(body)));
    expect(table).toEqual({
      type: 'table',
      columns: [{ align: 'left' }, { align: 'right' }, { align: 'left' }],
      header: [['单位', '件数', '备注'].map((text) => ({ runs: [{ text, bold: true }] }))],
      rows: [cells(['赫山区', '12', '内嵌一内嵌二']), [{ runs: [] }, ...cells(['3', '补报'])], [...cells(['资阳区']), { runs: [] }, ...cells(['无'])]],
    });
  });

  it('takes a first row of words over rows of numbers as the header, rows marked w:tblHeader as header rows, and the cells’ own alignment (w:jc) for their columns', () => {
    const centred = (text: string) => tc(p(text, '<w:jc w:val="center"/>'));
    const unmarked = tableIn(contentOf(tbl(row(['县市区', '件数']) + tr(tc(p('南县')) + centred('5')) + tr(tc(p('桃江县')) + centred('9')))));
    expect(unmarked?.header).toEqual([cells(['县市区', '件数'])]);
    expect(unmarked?.columns).toEqual([{ align: 'left' }, { align: 'center' }]);
    const marked = tableIn(contentOf(tbl(tr(tc(p('项目')) + tc(p('数量')), true) + tr(tc(p('一')) + tc(p('二')), true) + row(['走访', '3']))));
    expect(marked?.header).toEqual([cells(['项目', '数量']), cells(['一', '二'])]);
    expect(marked?.rows).toEqual([cells(['走访', '3'])]);
  });

  it('takes only a short line naming a table (表1 …, …统计表) right above it as its title', () => {
    const data = row(['县市区', '件数']) + row(['南县', '5']);
    expect(tableIn(contentOf(p('表2 信访件统计') + tbl(data)))?.title).toBe('表2 信访件统计');
    expect(tableIn(contentOf(p('各县市区信访件办理情况统计表', '<w:jc w:val="center"/>') + tbl(data)))?.title).toBe('各县市区信访件办理情况统计表');
    const announced = contentOf(p('全市信访件交办情况如下：') + tbl(data));
    expect(tableIn(announced)?.title).toBeUndefined();
    expect(linesOnly(announced)).toEqual(['全市信访件交办情况如下：', '〔表〕']);
  });

  it('reads a photo inside a text box once, with the box’s paragraphs and its caption, not again as a picture of the box nor of its fallback copy', () => {
    const picture =
      '<w:r><w:drawing><wp:inline><wp:extent cx="3600000" cy="2700000"/><wp:docPr id="5" name="图片 5"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
      '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill><a:blip r:embed="rId9"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>';
    const content = contentOf(`<w:p>${wordTextBoxRun(`<w:p>${picture}</w:p>${p('图为框里的照片')}`)}</w:p>${p('正文')}`);
    expect(linesOnly(content)).toEqual(['〔图〕', '正文']);
    expect(content[0]).toEqual({ picture: { relationshipId: 'rId9', widthEmu: 3600000, heightEmu: 2700000, name: '图片 5' }, caption: '图为框里的照片', widthPercent: 64 });
  });

  it('takes a short centred line set smaller than the body (not bold) as a caption, but not a bold title right under a photo: that starts the next article', () => {
    const body = (text: string) => p(text, '', '<w:sz w:val="32"/>');
    const content = contentOf(
      body('5月5日，全市信访工作推进会召开，会议通报了一季度情况。') +
        drawing(3_600_000, 2_700_000) +
        p('市领导在会上讲话', '<w:jc w:val="center"/>', '<w:sz w:val="28"/>') +
        drawing(3_600_000, 2_700_000) +
        p('资阳区开展专项行动', '<w:jc w:val="center"/>', '<w:b/><w:sz w:val="44"/>') +
        body('4月以来，资阳区建立台账。'),
    );
    expect(linesOnly(content)).toEqual(['5月5日，全市信访工作推进会召开，会议通报了一季度情况。', '〔图〕', '〔图〕', '资阳区开展专项行动', '4月以来，资阳区建立台账。']);
    expect(content.filter(isPlacedPicture).map((picture) => picture.caption)).toEqual(['市领导在会上讲话', '']);
  });

  it('leaves out a rule drawn as a picture (far wider than high) and an icon smaller than a character', () => {
    expect(linesOnly(contentOf(drawing(5_600_000, 40_000) + p('正文') + drawing(150_000, 150_000)))).toEqual(['正文']);
  });

  it('takes a first row of one cell across the table as its title, and the row under it as the header', () => {
    const table = tableIn(contentOf(tbl(tr(tc(p('一季度信访件办理情况', '<w:jc w:val="center"/>'), '<w:gridSpan w:val="2"/>')) + row(['县市区', '件数']) + row(['南县', '5']))));
    expect(table).toMatchObject({ title: '一季度信访件办理情况', header: [cells(['县市区', '件数'])], rows: [cells(['南县', '5'])] });
  });

  it('keeps the flat lines of every table for the fingerprint: tables of figures read cell by cell as before', () => {
    const parts = { document: wordDocumentXml(p('表前') + tbl(row(['县市区', '件数']) + row(['南县', '5'])) + p('表后')) };
    expect(readDocxItems(parts).map((item) => item.kind)).toEqual(['line', 'table', 'line']);
    expect(readDocxLines(parts).map((line) => line.text)).toEqual(['表前', '县市区', '件数', '南县', '5', '表后']);
  });
});
