// Reads a PDF bulletin with pdfjs-dist (its legacy build, which runs in Node) into printed lines for the
// parser: the text of every page with where it stands, how large and whether bold, then pdf-lines.ts
// makes lines of it and drops page numbers and running heads by their position. Nothing is fetched from
// the network: character maps and standard fonts are read from pdfjs-dist's own folders, the "worker" is
// pdfjs's worker code run in this thread (this already runs in the reading worker, read-in-worker.ts),
// no code is evaluated and no font is installed. pdfjs's text content does not name fonts, so the
// operator list (which does, and which gives the fill colour of each piece of text) is read for page 1
// (the red masthead) and for the first page that uses each font page 1 does not.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { parseBulletin } from '../../../shared/import/parse-bulletin.ts';
import type { SourceDocument } from '../../../shared/import/source.ts';
import { ISSUE_LIMITS } from '../../../shared/model/limits.ts';
import { UnreadableFileError } from '../files/read-file-bytes.ts';
import { pdfLines, type PdfPage, type PdfTextItem } from './pdf-lines.ts';
import type { ReadBulletin } from '../../../shared/import/source.ts';

/** A PDF may carry photographs. */
export const PDF_FILE_BYTES = 50 * 1024 * 1024;
/** far more than any bulletin; a PDF of more pages is refused before its pages are read */
export const PDF_MAX_PAGES = 2000;

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/** Built-ins pdfjs-dist's legacy build replaces with slower core-js versions for the whole thread (push, for one, by a factor of about three); put back once it has loaded. */
const PATCHED: [object, string][] = [
  [Array.prototype, 'push'],
  [JSON, 'parse'],
  [JSON, 'stringify'],
];

let loading: Promise<Pdfjs> | undefined;

/** pdfjs and its worker code, loaded once, when the first PDF is met. */
function loadPdfjs(): Promise<Pdfjs> {
  loading ??= (async () => {
    const natives = PATCHED.map(([owner, key]) => [owner, key, Object.getOwnPropertyDescriptor(owner, key)!] as const);
    try {
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      // the worker's message handler in this thread: pdfjs then never looks for a worker file to load
      const { WorkerMessageHandler } = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = { WorkerMessageHandler };
      return pdfjs;
    } finally {
      for (const [owner, key, descriptor] of natives) Object.defineProperty(owner, key, descriptor);
    }
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/** pdfjs-dist's folders of character maps, standard fonts and wasm decoders, found like its code is. */
const PDFJS_FOLDER = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const DATA_FOLDERS: Record<string, string> = { cMapUrl: 'cmaps', standardFontDataUrl: 'standard_fonts', wasmUrl: 'wasm' };
const dataCache = new Map<string, Uint8Array>();

/** Gives pdfjs the files it asks for from those folders, and nothing else. */
class LocalDataFactory {
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const folder = DATA_FOLDERS[kind];
    if (!folder || !/^[\w.+-]+$/.test(filename)) throw new Error(`pdfjs asked for ${kind} ${filename}`);
    const path = join(PDFJS_FOLDER, folder, filename);
    let data = dataCache.get(path);
    if (!data) {
      data = new Uint8Array(await readFile(path));
      dataCache.set(path, data);
    }
    // a copy: pdfjs may hand the buffer on and detach it
    return data.slice();
  }
}

const OPEN_OPTIONS = {
  // the factory is what is used; the URLs only need to be set (with the trailing slash pdfjs requires)
  cMapUrl: `${DATA_FOLDERS.cMapUrl}/`,
  cMapPacked: true,
  standardFontDataUrl: `${DATA_FOLDERS.standardFontDataUrl}/`,
  wasmUrl: `${DATA_FOLDERS.wasmUrl}/`,
  BinaryDataFactory: LocalDataFactory,
  useWorkerFetch: false,
  isEvalSupported: false,
  disableFontFace: true,
  useSystemFonts: false,
  enableXfa: false,
  // pictures are of no use for text: not decoded at all
  maxImageSize: 1,
  verbosity: 0,
} as const;

function looksLikePdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

/** A PDF cut short (a download or copy that stopped) has no end-of-file mark in its last kilobytes. */
function looksComplete(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset + Math.max(0, bytes.length - 4096), Math.min(bytes.length, 4096)).toString('latin1');
  return tail.includes('%%EOF');
}

/** A bold face by its name: Bold, Heavy, Black, Semibold, W6–W9, 粗. */
const BOLD_NAME = /bold|heavy|black|semi-?bold|demi|[-_ ]w[6-9]\b|粗/i;
/** 黑体 (SimHei, 微软雅黑, 思源黑体/Noto Sans CJK…), which offices use where Latin text would be bold. */
const HEI_NAME = /黑|simhei|hei\b|heiti|sans-?cjk|sourcehansans/i;

/** The font's name as it would read: names written in a Chinese code page arrive as one character a byte (黑体 in GBK is BA DA CC E5). */
function readableNames(name: string): string[] {
  const bare = name.replace(/^[A-Z]{6}\+/, '');
  const names = [bare];
  if (/[\u0080-\u00ff]/.test(bare)) {
    const bytes = Uint8Array.from(bare, (char) => char.charCodeAt(0) & 0xff);
    for (const encoding of ['gbk', 'utf-8']) {
      try {
        names.push(new TextDecoder(encoding, { fatal: true }).decode(bytes));
      } catch {
        // not in that encoding
      }
    }
  }
  return names;
}

/** The face a font name stands for, without subset tag, style and script suffixes, to tell one typeface from another. */
const familyOf = (name: string) => name.replace(/^[A-Z]{6}\+/, '').replace(/[-,].*$/, '').toLowerCase();

/**
 * Which fonts print bold: a bold face by its name always; a 黑体 face when the body is set in another
 * face (a document set wholly in 黑体 has no bold by it).
 */
function boldFonts(names: ReadonlyMap<string, string>, characters: ReadonlyMap<string, number>): Map<string, boolean> {
  const byFamily = new Map<string, number>();
  for (const [font, count] of characters) {
    const family = familyOf(names.get(font) ?? font);
    byFamily.set(family, (byFamily.get(family) ?? 0) + count);
  }
  const body = [...byFamily].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  const bodyIsHei = [...names].some(([, name]) => familyOf(name) === body && readableNames(name).some((readable) => HEI_NAME.test(readable)));
  const bold = new Map<string, boolean>();
  for (const [font, name] of names) {
    const readable = readableNames(name);
    bold.set(font, readable.some((text) => BOLD_NAME.test(text)) || (!bodyIsHei && familyOf(name) !== body && readable.some((text) => HEI_NAME.test(text))));
  }
  return bold;
}

/**
 * Radicals that some fonts' character maps give for ordinary characters (Chromium's PDFs of Noto CJK
 * print ⼆ for 二, ⻓ for 长, ⻛ for 风): Kangxi radicals and compatibility ideographs by Unicode's NFKC,
 * the simplified radicals of the CJK Radicals Supplement (which NFKC leaves alone) by Unicode's
 * EquivalentUnifiedIdeograph table, for those that are characters of their own; and the Kangxi radical
 * ⼾, whose glyph in a simplified-Chinese font is 户 (NFKC would give the traditional 戶).
 */
const SUPPLEMENT_RADICALS: Record<string, string> = Object.fromEntries(
  [...'⺟母⺠民⺩王⻄西⻅见⻆角⻉贝⻋车⻐钅⻓长⻔门⻘青⻙韦⻚页⻛风⻜飞⻝食⻠饣⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻬齐⻮齿⻰龙⻳龟⻈讠⺰纟⼾户'.matchAll(/(.)(.)/gu)].map((match) => [match[1]!, match[2]!]),
);
const UNUSUAL = /[\u0000-\u0008\u000b-\u001f\u007f\u2e80-\u2fdf\uf900-\ufaff]/;
export const normalizeIdeographs = (text: string) =>
  UNUSUAL.test(text)
    ? text.replace(/[\u2e80-\u2fdf\uf900-\ufaff]/g, (char) => SUPPLEMENT_RADICALS[char] ?? char.normalize('NFKC')).replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    : text;

interface RawItem extends PdfTextItem {
  font: string;
}

/** The upright text of a page, in points from its top left corner. */
async function pageItems(pdfjs: Pdfjs, page: PDFPageProxy): Promise<{ width: number; height: number; items: RawItem[] }> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const items: RawItem[] = [];
  for (const item of content.items) {
    // a space on its own is only a gap, and pdf-lines.ts measures gaps itself
    if (!('str' in item) || !/\S/.test(item.str)) continue;
    if (content.styles[item.fontName]?.vertical) continue;
    const [a, b, c, d, x, y] = pdfjs.Util.transform(viewport.transform, item.transform) as number[];
    // upright only: rotated text is a watermark or a margin note, not body text
    if (!(a! > 0 && d! < 0 && Math.abs(b!) <= Math.abs(a!) * 0.05 && Math.abs(c!) <= Math.abs(d!) * 0.05)) continue;
    const text = normalizeIdeographs(item.str);
    if (text.length === 0) continue;
    items.push({ text, x: x!, y: y!, width: item.width, size: Math.abs(d!), bold: false, font: item.fontName });
  }
  return { width: viewport.width, height: viewport.height, items };
}

/** The operators that show text, and those that keep the fill colour. */
interface Operators {
  save: number;
  restore: number;
  fill: number;
  show: Set<number>;
}

/** Per showing of text on a page, in order: its characters and whether it was filled red. */
async function pageColours(page: PDFPageProxy, ops: Operators): Promise<{ chars: string; red: boolean }[]> {
  const list = await page.getOperatorList();
  const shown: { chars: string; red: boolean }[] = [];
  const stack: boolean[] = [];
  let red = false;
  list.fnArray.forEach((fn, index) => {
    const args = list.argsArray[index] as unknown[] | null;
    if (fn === ops.save) stack.push(red);
    else if (fn === ops.restore) red = stack.pop() ?? false;
    else if (fn === ops.fill) red = isRed(args?.[0]);
    else if (ops.show.has(fn)) {
      const glyphs = (args?.find((arg) => Array.isArray(arg)) ?? []) as unknown[];
      const chars = glyphs.map((glyph) => (glyph && typeof glyph === 'object' && 'unicode' in glyph ? String((glyph as { unicode: unknown }).unicode) : '')).join('');
      shown.push({ chars: normalizeIdeographs(chars).replace(/\s+/g, ''), red });
    }
  });
  return shown;
}

function isRed(colour: unknown): boolean {
  if (typeof colour !== 'string' || !/^#[0-9a-f]{6}$/i.test(colour)) return false;
  const [r, g, b] = [1, 3, 5].map((at) => parseInt(colour.slice(at, at + 2), 16));
  return r! >= 150 && g! <= 90 && b! <= 90;
}

/** Marks the items of a page red where the text shown in red holds their characters, matched in order. */
function markRed(items: RawItem[], shown: readonly { chars: string; red: boolean }[]): void {
  let stream = '';
  const redAt: boolean[] = [];
  for (const piece of shown) {
    stream += piece.chars;
    for (let i = 0; i < piece.chars.length; i++) redAt.push(piece.red);
  }
  let at = 0;
  for (const item of items) {
    const chars = item.text.replace(/\s+/g, '');
    if (chars.length === 0) continue;
    const found = stream.indexOf(chars, at);
    // text content and operator list walk the same content stream, so each item is found soon after the last
    if (found < 0 || found - at > 2000) {
      item.red = false;
      continue;
    }
    item.red = redAt.slice(found, found + chars.length).every(Boolean);
    at = found + chars.length;
  }
}

function refusal(error: unknown, name: string): UnreadableFileError {
  const kind = (error as { name?: string } | null)?.name;
  if (kind === 'PasswordException') return new UnreadableFileError(`此 PDF 设有打开密码，无法读取：${name}`);
  return new UnreadableFileError(`PDF 文件已损坏，无法读取：${name}`);
}

async function readPages(pdfjs: Pdfjs, document: PDFDocumentProxy, name: string): Promise<{ pages: PdfPage[]; warnings: string[] }> {
  const raw: { width: number; height: number; items: RawItem[] }[] = [];
  const failed: number[] = [];
  const firstUse = new Map<string, number>();
  for (let number = 1; number <= document.numPages; number++) {
    try {
      const page = await document.getPage(number);
      const read = await pageItems(pdfjs, page);
      for (const item of read.items) if (!firstUse.has(item.font)) firstUse.set(item.font, number);
      raw.push(read);
      page.cleanup();
    } catch (error) {
      if ((error as { name?: string } | null)?.name === 'PasswordException') throw refusal(error, name);
      failed.push(number);
      raw.push({ width: 595, height: 842, items: [] });
    }
  }
  if (failed.length === document.numPages) throw new UnreadableFileError(`PDF 文件已损坏，无法读取：${name}`);

  // font names (and page 1's colours) come with the operator list
  const ops: Operators = {
    save: pdfjs.OPS.save,
    restore: pdfjs.OPS.restore,
    fill: pdfjs.OPS.setFillRGBColor,
    show: new Set([pdfjs.OPS.showText, pdfjs.OPS.showSpacedText, pdfjs.OPS.nextLineShowText, pdfjs.OPS.nextLineSetSpacingShowText]),
  };
  const names = new Map<string, string>();
  const fontsOf = async (number: number) => {
    const page = await document.getPage(number);
    const shown = await pageColours(page, ops);
    for (const font of firstUse.keys()) {
      if (!names.has(font) && page.commonObjs.has(font)) names.set(font, String((page.commonObjs.get(font) as { name?: unknown }).name ?? ''));
    }
    page.cleanup();
    return shown;
  };
  try {
    if (raw[0]!.items.length > 0) markRed(raw[0]!.items, await fontsOf(1));
    for (const [font, number] of [...firstUse].sort((a, b) => a[1] - b[1])) if (!names.has(font) && number > 1) await fontsOf(number);
  } catch {
    // without font names nothing is bold, without colours nothing red: the text is there all the same
  }
  const characters = new Map<string, number>();
  for (const page of raw) for (const item of page.items) characters.set(item.font, (characters.get(item.font) ?? 0) + item.text.length);
  const bold = boldFonts(names, characters);
  const pages = raw.map((page, index) => ({
    number: index + 1,
    width: page.width,
    height: page.height,
    items: page.items.map(({ font, ...item }) => ({ ...item, bold: bold.get(font) ?? false })),
  }));
  const warnings = failed.length > 0 ? [`PDF 第 ${failed.join('、')} 页无法读取，已跳过`] : [];
  return { pages, warnings };
}

/** The printed lines of a PDF for the parser, and what had to be skipped. */
export async function pdfSource(bytes: Uint8Array, name: string): Promise<{ source: SourceDocument; warnings: string[] }> {
  if (!looksLikePdf(bytes)) throw new UnreadableFileError(`不是有效的 PDF 文件，文件可能已损坏或不是 PDF：${name}`);
  if (!looksComplete(bytes)) throw new UnreadableFileError(`PDF 文件不完整（可能在下载或复制时被截断），无法读取：${name}`);
  const pdfjs = await loadPdfjs();
  // a copy: pdfjs takes over the buffer it is given
  const task = pdfjs.getDocument({ ...OPEN_OPTIONS, data: new Uint8Array(bytes) });
  try {
    let document: PDFDocumentProxy;
    try {
      document = await task.promise;
    } catch (error) {
      throw refusal(error, name);
    }
    if (document.numPages > PDF_MAX_PAGES) throw new UnreadableFileError(`PDF 页数过多（${document.numPages} 页，超过 ${PDF_MAX_PAGES} 页的上限），不像一期简报：${name}`);
    const { pages, warnings } = await readPages(pdfjs, document, name);
    const characters = pages.reduce((sum, page) => sum + page.items.reduce((count, item) => count + item.text.replace(/\s+/g, '').length, 0), 0);
    if (characters === 0) throw new UnreadableFileError(`这个 PDF 里没有可读取的文字（可能是扫描件），请用文字版 PDF 或 Word 文件导入：${name}`);
    if (characters > ISSUE_LIMITS.textFileBytes) throw new UnreadableFileError(`PDF 的文字过多（超过 ${ISSUE_LIMITS.textFileBytes / 1048576} MB），不像一期简报：${name}`);
    const unreadable = pages.reduce((sum, page) => sum + page.items.reduce((count, item) => count + (item.text.match(/[\ue000-\uf8ff\ufffd]/g)?.length ?? 0), 0), 0);
    if (unreadable > characters / 2) throw new UnreadableFileError(`这个 PDF 的文字无法正确解码（字体缺少文字对照表），请用 Word 文件或另一份 PDF 导入：${name}`);
    return { source: { unit: 'lines', format: 'pdf', lines: pdfLines(pages) }, warnings };
  } finally {
    await task.destroy();
  }
}

export async function bulletinFromPdf(bytes: Uint8Array, name: string): Promise<ReadBulletin> {
  const { source, warnings } = await pdfSource(bytes, name);
  const parsed = parseBulletin(source);
  return { ...parsed, warnings: [...warnings, ...parsed.warnings], via: 'pdf' };
}
