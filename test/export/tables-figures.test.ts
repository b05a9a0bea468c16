// Tables and photos exported both ways from one plan: the .docx read back as XML (Word's table, its repeating
// header rows, merged cells, the photo's drawing and its stored bytes), then rendered by LibreOffice, and the
// print view printed by Chromium; the two agree with the plan on the pages and on which rows each page holds,
// and the photo is drawn on the page the plan put it.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '../../electron/services/export/docx.ts';
import { createPdfPrinter, type PdfPrinter } from '../../electron/services/export/pdf.ts';
import { renderPrintHtml } from '../../shared/print/render-print-html.ts';
import { DEFAULT_PRINT_OPTIONS, typesetIssue, type TypesetIssue } from '../../shared/layout/typeset.ts';
import { pageGeometry } from '../../shared/layout/profiles.ts';
import { mmToTwips } from '../../shared/layout/units.ts';
import type { ImageRef, Issue } from '../../shared/model/issue.ts';
import { normalizeIssue } from '../../shared/model/normal-form.ts';
import { repoRoot } from '../fixtures.ts';
import { generateIssue, sampleFigure, sampleTable, withTablesAndFigures } from '../generate.ts';
import { attr, child, readDocx, w } from './docx-parts.ts';
import { convertWithLibreOffice, pdfPageCount, pdfPageTexts, renderEnv } from './render-tools.ts';

const OUT = join(repoRoot, 'test-output', 'export');
const BLUE = { r: 30, g: 110, b: 210 };
let photo: Buffer;
let image: ImageRef;
let temp: string;
let printer: PdfPrinter;

interface Rendered {
  name: string;
  issue: Issue;
  typeset: TypesetIssue;
  docx: Uint8Array;
  loPdf: string;
  printPdf: string;
}
const rendered: Rendered[] = [];

const images = (id: string) => (id === image.id ? new Uint8Array(photo) : null);
/** Lines of a page's text that are table rows: they end in a rate (…%) or are the 合计 row. */
const tableRowsOn = (text: string) => text.split('\n').filter((line) => /\d+%\s*$|^\s*合计/.test(line)).length;

function cases(): { name: string; issue: Issue }[] {
  const long = structuredClone(generateIssue(2, 7));
  const article = long.blocks.find((block) => block.type === 'article')!;
  article.paragraphs.splice(1, 0, sampleTable(12, 1), sampleFigure(image), sampleTable(60, 2));
  return [
    { name: 'tables-long-merged-header', issue: normalizeIssue(long) },
    { name: 'tables-every-article', issue: normalizeIssue(withTablesAndFigures(generateIssue(6, 3), image, { every: 1, rows: 9 })) },
    { name: 'tables-plain-header', issue: normalizeIssue(withTablesAndFigures(generateIssue(4, 5), { ...image }, { every: 2, rows: 25 })) },
  ];
}

beforeAll(async () => {
  process.env.FONTCONFIG_FILE = renderEnv.FONTCONFIG_FILE;
  mkdirSync(OUT, { recursive: true });
  temp = mkdtempSync(join(tmpdir(), 'jianbao-tables-'));
  photo = await sharp({ create: { width: 1600, height: 1000, channels: 3, background: BLUE } }).jpeg({ quality: 90 }).toBuffer();
  image = { id: createHash('sha256').update(photo).digest('hex'), format: 'jpeg', width: 1600, height: 1000 };
  printer = createPdfPrinter();
  const docxPaths: string[] = [];
  for (const { name, issue } of cases()) {
    const docx = await exportDocx(issue, DEFAULT_PRINT_OPTIONS, images);
    const docxPath = join(temp, `${name}.docx`);
    writeFileSync(docxPath, docx);
    writeFileSync(join(OUT, `${name}.docx`), docx);
    docxPaths.push(docxPath);
    const printPdf = join(temp, `${name}-print.pdf`);
    writeFileSync(printPdf, await printer.print(issue, DEFAULT_PRINT_OPTIONS, images));
    rendered.push({ name, issue, typeset: typesetIssue(issue, DEFAULT_PRINT_OPTIONS), docx, loPdf: join(temp, `${name}.pdf`), printPdf });
  }
  convertWithLibreOffice(docxPaths, temp);
}, 300_000);

afterAll(async () => {
  await printer?.close();
  if (temp) rmSync(temp, { recursive: true, force: true });
});

describe('tables and photos in the .docx', () => {
  it('writes each table as a w:tbl no wider than the type area, its header rows marked w:tblHeader, merged header cells as gridSpan and vMerge', async () => {
    const parts = await readDocx(rendered[0]!.docx);
    const tables = w(parts.document, 'tbl');
    const area = mmToTwips(pageGeometry('gbt9704').typeAreaWidthMm);
    for (const table of tables) expect(Number(attr(w(table, 'tblW')[0], 'w'))).toBeLessThanOrEqual(area);
    const data = tables.filter((table) => w(table, 'tblHeader').length > 0);
    expect(data).toHaveLength(2);
    for (const table of data) {
      const rows = w(table, 'tr');
      const headerRows = rows.filter((row) => w(row, 'tblHeader').length > 0);
      expect(headerRows).toHaveLength(2);
      // the header rows come first
      expect(rows.indexOf(headerRows[1]!)).toBe(1);
      expect(w(headerRows[0]!, 'gridSpan').map((span) => attr(span, 'val'))).toEqual(['3']);
      expect(w(headerRows[0]!, 'vMerge').map((merge) => attr(merge, 'val'))).toEqual(['restart', 'restart']);
      expect(w(headerRows[1]!, 'vMerge')).toHaveLength(2);
    }
    expect(w(data[1]!, 'tr')).toHaveLength(2 + 60 + 1);
  });

  it('embeds the photo once per figure as a w:drawing whose media bytes are the stored image, with its caption beside it', async () => {
    const parts = await readDocx(rendered[1]!.docx);
    const figures = rendered[1]!.issue.blocks.flatMap((block) => (block.type === 'article' ? block.paragraphs.filter((element) => element.type === 'figure') : []));
    expect(w(parts.document, 'drawing')).toHaveLength(figures.length);
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(rendered[1]!.docx);
    const media = Object.keys(zip.files).filter((path) => path.startsWith('word/media/') && !zip.files[path]!.dir);
    expect(media.length).toBeGreaterThan(0);
    for (const path of media) expect(Buffer.from(await zip.file(path)!.async('uint8array')).equals(photo)).toBe(true);
    expect(parts.raw.get('word/document.xml')).toContain('图为市信访局工作人员');
    // the image's row is exactly as tall as the plan's lines for it, and kept with the caption's row
    const heights = w(parts.document, 'trHeight').filter((height) => attr(height, 'hRule') === 'exact');
    expect(heights.length).toBe(figures.length);
  });

  it('prints 图片缺失 where the archive has no such image, in the .docx and in the print view', async () => {
    const { issue } = rendered[1]!;
    const parts = await readDocx(await exportDocx(issue, DEFAULT_PRINT_OPTIONS));
    expect(w(parts.document, 'drawing')).toHaveLength(0);
    expect(parts.raw.get('word/document.xml')).toContain('图片缺失');
    const html = renderPrintHtml(issue, DEFAULT_PRINT_OPTIONS);
    expect(html).toContain('图片缺失');
    expect(html).not.toContain('<img');
  });
});

describe('LibreOffice and Chromium print the plan', () => {
  it('both print as many pages as the plan has, for every case', () => {
    for (const { name, typeset, loPdf, printPdf } of rendered) {
      expect({ name, pages: pdfPageCount(loPdf) }).toEqual({ name, pages: typeset.pages.totalPages });
      expect({ name, pages: pdfPageCount(printPdf) }).toEqual({ name, pages: typeset.pages.totalPages });
    }
  });

  it('each page holds the same table rows in both renders, and the long table repeats its header on every page it runs on to', () => {
    for (const { name, loPdf, printPdf, typeset } of rendered) {
      const lo = pdfPageTexts(loPdf).map(tableRowsOn);
      const print = pdfPageTexts(printPdf).map(tableRowsOn);
      expect({ name, rows: lo }).toEqual({ name, rows: print });
      const loPages = pdfPageTexts(loPdf);
      for (const repeat of typeset.headerRepeats) {
        expect(loPages[repeat.page]).toMatch(/交办件数/);
        expect(pdfPageTexts(printPdf)[repeat.page]).toMatch(/交办件数/);
      }
    }
    expect(rendered[0]!.typeset.headerRepeats.length).toBeGreaterThanOrEqual(2);
  });

  it('draws the photo on the page the plan put it, in both renders (its blue is on the page image)', async () => {
    const { typeset, loPdf, printPdf, name } = rendered[0]!;
    const index = typeset.blocks.findIndex((block) => block.kind === 'figure');
    const page = typeset.places[index]![0]!.page + 1;
    for (const pdf of [loPdf, printPdf]) {
      const base = join(temp, `page-${page}-${pdf.endsWith('-print.pdf') ? 'print' : 'lo'}`);
      spawnSync('pdftoppm', ['-png', '-r', '30', '-f', String(page), '-l', String(page), '-singlefile', pdf, base]);
      writeFileSync(join(OUT, `${name}-photo-page-${pdf.endsWith('-print.pdf') ? 'print' : 'docx'}.png`), readFileSync(`${base}.png`));
      const { data, info } = await sharp(`${base}.png`).raw().toBuffer({ resolveWithObject: true });
      let blue = 0;
      for (let offset = 0; offset < data.length; offset += info.channels) {
        if (Math.abs(data[offset]! - BLUE.r) < 40 && Math.abs(data[offset + 1]! - BLUE.g) < 40 && Math.abs(data[offset + 2]! - BLUE.b) < 40) blue++;
      }
      // the photo is 80 % of the type area's width: about a sixth of the page or more
      expect(blue / (info.width * info.height)).toBeGreaterThan(0.12);
    }
  });
});
