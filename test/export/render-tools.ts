// Renders exports for the tests as a person would see them: .docx to PDF with LibreOffice (one headless call
// for many files, a private profile, the fontconfig map of the office font names), PDF to text and PNG with poppler.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { repoRoot } from '../fixtures.ts';

export const FONTS_CONF = join(repoRoot, 'test', 'fixtures', 'fonts.conf');
/** Renderers see the office font names through this map (Debian has none of the office fonts). */
export const renderEnv: NodeJS.ProcessEnv = { ...process.env, FONTCONFIG_FILE: FONTS_CONF };

function run(command: string, args: string[], timeout = 60_000): string {
  const result = spawnSync(command, args, { env: renderEnv, encoding: 'utf8', timeout, maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal}): ${result.stderr}`);
  return result.stdout;
}

/** Converts .docx files to PDF beside outDir/<name>.pdf in one LibreOffice run. */
export function convertWithLibreOffice(docxPaths: readonly string[], outDir: string): void {
  const profile = mkdtempSync(join(tmpdir(), 'jianbao-lo-profile-'));
  try {
    run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...docxPaths], 240_000);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

export const pdfPathFor = (docxPath: string, outDir: string) => join(outDir, basename(docxPath).replace(/\.docx$/, '.pdf'));

export function pdfPageCount(pdfPath: string): number {
  const pages = /^Pages:\s+(\d+)/m.exec(run('pdfinfo', [pdfPath]));
  if (!pages) throw new Error(`pdfinfo found no page count in ${pdfPath}`);
  return Number(pages[1]);
}

/** The text of each page, laid out as on paper. */
export function pdfPageTexts(pdfPath: string): string[] {
  const pages = run('pdftotext', ['-layout', pdfPath, '-']).split('\f');
  return pages.slice(0, pdfPageCount(pdfPath));
}

/** Saves one page as a PNG at 60 dpi (outBase + .png). */
export function savePagePng(pdfPath: string, page: number, outBase: string): void {
  run('pdftoppm', ['-png', '-r', '60', '-f', String(page), '-l', String(page), '-singlefile', pdfPath, outBase]);
}

export const PAGE_NUMBER = /^—\s*(\d+)\s*—$/;

/** The lines of text of a page, page number left out. */
export function textLines(pageText: string): string[] {
  return pageText
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !PAGE_NUMBER.test(line));
}

export function pageNumberOf(pageText: string): number | null {
  const line = pageText
    .split('\n')
    .map((text) => text.trim())
    .find((text) => PAGE_NUMBER.test(text));
  return line ? Number(PAGE_NUMBER.exec(line)![1]) : null;
}

export interface WordBox {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

/** The words of a page with their boxes, in points from the paper's top left corner. */
export function pageWords(pdfPath: string, page: number): WordBox[] {
  const html = run('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdfPath, '-']);
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((match) => ({
    xMin: Number(match[1]),
    yMin: Number(match[2]),
    xMax: Number(match[3]),
    yMax: Number(match[4]),
    text: match[5]!,
  }));
}

/** The lowest edge of the words on a page, page number left out. */
export function lowestTextPt(pdfPath: string, page: number): number {
  return Math.max(0, ...pageWords(pdfPath, page).filter((word) => !/^(—|\d+)$/.test(word.text)).map((word) => word.yMax));
}

/** Where the page number `— N —` is printed on a page. */
export function pageNumberBox(pdfPath: string, page: number, typeAreaBottomPt: number): { left: number; right: number; middle: number } | null {
  const boxes = pageWords(pdfPath, page).filter((word) => (word.yMin + word.yMax) / 2 > typeAreaBottomPt && /^[—\d]+$/.test(word.text));
  if (boxes.length === 0) return null;
  return {
    left: Math.min(...boxes.map((box) => box.xMin)),
    right: Math.max(...boxes.map((box) => box.xMax)),
    middle: (Math.min(...boxes.map((box) => box.yMin)) + Math.max(...boxes.map((box) => box.yMax))) / 2,
  };
}

/** The share of dark pixels where a word is printed: near 0 when its glyphs came out blank. */
export function inkShare(pdfPath: string, page: number, box: WordBox): number {
  const dpi = 150;
  const px = (pt: number) => Math.round((pt * dpi) / 72);
  const out = join(mkdtempSync(join(tmpdir(), 'jianbao-ink-')), 'word');
  run('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), '-x', String(px(box.xMin)), '-y', String(px(box.yMin)), '-W', String(px(box.xMax - box.xMin)), '-H', String(px(box.yMax - box.yMin)), '-singlefile', pdfPath, out]);
  const image = readFileSync(`${out}.pgm`);
  rmSync(dirname(out), { recursive: true, force: true });
  // binary PGM: "P5 width height maxval" then one byte a pixel
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(image.subarray(0, 50).toString('latin1'))!;
  const pixels = image.subarray(header[0].length);
  let dark = 0;
  for (const value of pixels) if (value < 128) dark++;
  return dark / pixels.length;
}
