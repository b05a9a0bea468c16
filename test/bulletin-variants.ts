// Makes the text of a bulletin look like a PDF extraction: hard-wrapped at a fixed number of glyphs,
// no blank lines, page-number lines between pages; and re-encodes it the ways office PCs save text.
import iconv from 'iconv-lite';

/** Splits a line after every `width` non-space characters. */
function wrapLine(line: string, width: number): string[] {
  const pieces: string[] = [];
  let current = '';
  let count = 0;
  for (const char of line) {
    current += char;
    if (!/\s/.test(char)) count++;
    if (count === width) {
      pieces.push(current.trim());
      current = '';
      count = 0;
    }
  }
  if (current.trim()) pieces.push(current.trim());
  return pieces;
}

/** Everything after the masthead (which prints laid out, not wrapped) is wrapped at `width` glyphs. */
export function asPdfExtraction(text: string, width = 28, linesPerPage = 22, pageMark = (page: number) => `— ${page} —`): string {
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line.length > 0);
  const bodyStart = Math.max(0, lines.findIndex((line) => line.includes('导读')));
  const out: string[] = [];
  let page = 1;
  let onPage = 0;
  lines.forEach((line, index) => {
    for (const piece of index < bodyStart ? [line] : wrapLine(line, width)) {
      out.push(piece);
      if (++onPage === linesPerPage) {
        out.push(pageMark(page++));
        onPage = 0;
      }
    }
  });
  out.push(pageMark(page));
  return out.join('\n');
}

export const withCrlf = (text: string) => text.replace(/\r?\n/g, '\r\n');
export const encodeGbk = (text: string): Uint8Array => iconv.encode(text, 'gbk');
export const encodeGb18030 = (text: string): Uint8Array => iconv.encode(text, 'gb18030');
export const encodeUtf16le = (text: string, bom = true): Uint8Array => iconv.encode(text, 'utf16-le', { addBOM: bom });
export const encodeUtf16be = (text: string): Uint8Array => Uint8Array.from([0xfe, 0xff, ...iconv.encode(text, 'utf16-be')]);
export const encodeUtf8Bom = (text: string): Uint8Array => Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
