// Turns the positioned text of PDF pages into the printed lines a bulletin parser reads: pieces of text
// grouped by baseline and ordered left to right, joined without spaces between Chinese characters; each
// line with its size, alignment (centred, flush right), first-line indent and page; page numbers and
// running headers taken out by where they stand; an empty line where a vertical gap clearly larger than
// the usual line pitch shows a paragraph break. Pure geometry, no PDF library: pdf.ts feeds it.
import type { SourceLine, SourceRun } from '../../../shared/import/source.ts';

/** A run of text as a PDF prints it, in points from the page's top left corner. */
export interface PdfTextItem {
  text: string;
  /** left end of the baseline */
  x: number;
  /** the baseline, from the top of the page */
  y: number;
  width: number;
  /** font size in points */
  size: number;
  bold: boolean;
  /** printed in red; undefined when the colour was not looked at */
  red?: boolean;
}

export interface PdfPage {
  /** 1-based */
  number: number;
  width: number;
  height: number;
  items: PdfTextItem[];
}

interface Line {
  page: number;
  items: PdfTextItem[];
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
}

/** Top and bottom bands of a page where page numbers and running heads stand, as a share of its height. */
const BAND = 0.15;
/** Page-number forms: `— 3 —`, `- 3 -`, `3`, `第3页`, `第3页 共8页`, `3/8`, `Page 3`. */
const PAGE_NUMBER = /^(?:[－—\-–―~～·•]*\s*\d{1,4}\s*[－—\-–―~～·•]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|[（(]\s*\d{1,4}\s*[）)]|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/iu;
const LATIN = /[A-Za-z0-9\u00c0-\u024f]/u;

const median = (values: readonly number[]): number => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/** The value most lines share (to the nearest point, a point either side counted with it): the middle of those values. */
function dominant(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const counts = new Map<number, number[]>();
  for (const value of values) {
    const key = Math.round(value);
    const bucket = counts.get(key) ?? [];
    bucket.push(value);
    counts.set(key, bucket);
  }
  let best: number[] = [];
  let bestCount = 0;
  for (const [key, bucket] of counts) {
    // a bucket counts its neighbours too: positions wobble by fractions of a point
    const near = bucket.length + (counts.get(key - 1)?.length ?? 0) + (counts.get(key + 1)?.length ?? 0);
    if (near > bestCount) {
      best = [...(counts.get(key - 1) ?? []), ...bucket, ...(counts.get(key + 1) ?? [])];
      bestCount = near;
    }
  }
  return median(best);
}

/** The same run printed twice a fraction of a point apart is a way of faking bold: one copy, bold. */
function withoutDoubles(items: PdfTextItem[]): PdfTextItem[] {
  let doubled: Set<PdfTextItem> | undefined;
  const kept: PdfTextItem[] = [];
  for (const item of items) {
    let twin: PdfTextItem | undefined;
    // sorted by x: a twin is among the last few kept
    for (let k = kept.length - 1; k >= 0 && k >= kept.length - 3; k--) {
      const other = kept[k]!;
      if (other.text === item.text && Math.abs(other.x - item.x) < Math.max(1, item.size * 0.1) && Math.abs(other.y - item.y) < 1) twin = other;
    }
    if (twin) (doubled ??= new Set()).add(twin);
    else kept.push(item);
  }
  return doubled ? kept.map((item) => (doubled!.has(item) ? { ...item, bold: true } : item)) : kept;
}

/** Items on one baseline (within a third of the smaller size), then left to right. */
function groupLines(page: PdfPage): Line[] {
  const items = page.items.filter((item) => item.text.trim().length > 0).sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: { y: number; size: number; items: PdfTextItem[] }[] = [];
  for (const item of items) {
    const group = groups.at(-1);
    if (group && Math.abs(item.y - group.y) <= Math.max(1.5, 0.35 * Math.min(item.size, group.size))) {
      group.items.push(item);
      if (item.size > group.size) {
        group.size = item.size;
        group.y = item.y;
      }
    } else groups.push({ y: item.y, size: item.size, items: [item] });
  }
  return groups.map((group) => {
    const sorted = withoutDoubles(group.items.sort((a, b) => a.x - b.x));
    return {
      page: page.number,
      items: sorted,
      text: joinItems(sorted),
      x0: sorted[0]!.x,
      x1: sorted.reduce((right, item) => Math.max(right, item.x + item.width), -Infinity),
      y: group.y,
      size: group.size,
    };
  });
}

/**
 * The items of a line as pieces of text, each with the separator before it: none, except a space where
 * the gap between two Latin letters or digits is as wide as a space, or where a gap of a tab's width
 * (1.5 em or more) parts two runs of several characters (an issuer flush left, a date flush right). A
 * wide gap between single characters is letter-spacing (`内  部  资  料`), not a separator.
 */
function pieces(items: readonly PdfTextItem[]): { text: string; bold: boolean }[] {
  const count = items.length;
  const visible = items.map((item) => item.text.length - (item.text.match(/\s/g)?.length ?? 0));
  const gaps = items.map((item, index) => (index === 0 ? 0 : item.x - (items[index - 1]!.x + items[index - 1]!.width)));
  const ems = items.map((item, index) => (index === 0 ? item.size : Math.max(item.size, items[index - 1]!.size)));
  const wide = gaps.map((gap, index) => index > 0 && gap >= ems[index]! * 1.5);
  // the visible length of the run each item belongs to, runs parted by wide gaps
  const runLength = new Array<number>(count);
  for (let start = 0; start < count; ) {
    let end = start + 1;
    let length = visible[start]!;
    while (end < count && !wide[end]) length += visible[end++]!;
    for (let i = start; i < end; i++) runLength[i] = length;
    start = end;
  }
  const out = items.map((item, index) => {
    let separator = '';
    if (index > 0) {
      if (wide[index]) separator = runLength[index - 1]! >= 2 && runLength[index]! >= 2 ? ' ' : '';
      else if (gaps[index]! >= ems[index]! * 0.15) {
        const left = items[index - 1]!.text.trimEnd().at(-1) ?? '';
        const right = item.text.trimStart()[0] ?? '';
        if (LATIN.test(left) && LATIN.test(right)) separator = ' ';
      }
    }
    const text = separator + item.text;
    return { text: /\s/.test(text) ? text.replace(/\s+/g, ' ') : text, bold: item.bold };
  });
  if (count > 0) {
    out[0]!.text = out[0]!.text.trimStart();
    out[count - 1]!.text = out[count - 1]!.text.trimEnd();
  }
  // one space where a piece ends and the next begins with one
  for (let i = 1; i < count; i++) if (out[i]!.text.startsWith(' ') && out[i - 1]!.text.endsWith(' ')) out[i]!.text = out[i]!.text.slice(1);
  return out;
}

export function joinItems(items: readonly PdfTextItem[]): string {
  return pieces(items)
    .map((piece) => piece.text)
    .join('');
}

function isPageNumber(text: string): boolean {
  return text.length <= 16 && PAGE_NUMBER.test(text.trim());
}

/** Header and footer text with its numbers blanked out, to compare across pages. */
const runningKey = (line: Line) => `${Math.round(line.y / 3)}|${line.text.replace(/\d+/g, '#').replace(/\s+/g, '')}`;

/** Lines in the top or bottom band of their page. */
function inBand(line: Line, height: number): boolean {
  return line.y < height * BAND || line.y > height * (1 - BAND);
}

/**
 * Page numbers (a short page-number form in the top or bottom band) and running heads and feet (the
 * same text at the same height in a band on at least half the pages, two at least) taken out, from the
 * edges of each page inwards.
 */
function dropPageFurniture(pages: readonly { page: PdfPage; lines: Line[] }[]): void {
  const seen = new Map<string, Set<number>>();
  for (const { page, lines } of pages) {
    for (const line of lines) {
      if (!inBand(line, page.height)) continue;
      const key = runningKey(line);
      const on = seen.get(key) ?? new Set<number>();
      on.add(page.number);
      seen.set(key, on);
    }
  }
  const needed = Math.max(2, Math.ceil(pages.length / 2));
  const furniture = (line: Line, page: PdfPage) => inBand(line, page.height) && (isPageNumber(line.text) || (seen.get(runningKey(line))?.size ?? 0) >= needed);
  for (const entry of pages) {
    const { page, lines } = entry;
    let start = 0;
    let end = lines.length;
    while (end > start && furniture(lines[end - 1]!, page)) end--;
    while (start < end && furniture(lines[start]!, page)) start++;
    entry.lines = lines.slice(start, end);
  }
}

interface Block {
  left: number;
  right: number;
}

/**
 * The type area's left and right edges, from the full lines (those that reach the right margin, within
 * half a character): they start at the left margin and end at the right one. Null with fewer than three.
 */
function blockOf(lines: readonly Line[]): Block | null {
  const far = lines.reduce((right, line) => Math.max(right, line.x1), -Infinity);
  const full = lines.filter((line) => line.x1 >= far - line.size * 0.5);
  if (full.length < 3) return null;
  // the leftmost start that more than one full line shares: where full first lines are indented (a page of
  // short paragraphs) most full lines may start at the indent, but the wrapped ones start at the margin
  const starts = full.map((line) => line.x0);
  const shared = starts.filter((x) => starts.filter((other) => Math.abs(other - x) <= 0.5).length >= 2);
  const left = shared.length > 0 ? Math.min(...shared) : dominant(starts)!;
  const right = dominant(full.map((line) => line.x1))!;
  return right - left > 50 ? { left, right } : null;
}

function describe(line: Line, block: Block | null, bodySize: number, hanging: boolean): SourceLine {
  const source: SourceLine = { text: line.text, sizePt: Math.round(line.size * 10) / 10, page: line.page };
  const visible = line.items.filter((item) => item.text.trim().length > 0);
  if (visible.length > 0 && visible.every((item) => item.bold)) source.bold = true;
  else if (visible.some((item) => item.bold)) source.runs = runsOf(line.items);
  if (visible.length > 0 && visible.every((item) => item.red === true)) source.red = true;
  if (!block) return source;
  const em = line.size;
  // justified text that wraps runs from the margin (or its indent) to the right edge, a hung closing mark a
  // little past it; a flush-right date does not start at the margin
  source.full = line.x1 >= block.right - em * 0.6 && line.x0 <= block.left + em * 3.5;
  // a wrapped line of a list hanging under the text after its colon is neither indented nor centred
  if (hanging) return source;
  const centre = (block.left + block.right) / 2;
  const middle = (line.x0 + line.x1) / 2;
  const fromLeft = line.x0 - block.left;
  const toRight = block.right - line.x1;
  // centred: in the middle, off both margins, and either clearly narrower than the type area or a
  // display line larger than the body (a series name shrunk to fit the width); a line indented one
  // character at both ends (the colophon's) is not centred
  const narrower = block.right - block.left - (line.x1 - line.x0) >= em * 3;
  const display = line.size > bodySize + 0.5;
  if (Math.abs(middle - centre) <= Math.max(2, em * 0.3) && fromLeft >= 1.5 && toRight >= 1.5 && (narrower || display)) source.align = 'center';
  else if (Math.abs(toRight) <= em * 1.5 && line.x0 > centre) source.align = 'right';
  else if (fromLeft >= em * 1.5 && fromLeft <= em * 3.5) source.indented = true;
  return source;
}

/** Where the text after a list's field name starts (`报：` `送：` `抄送：`), if the line opens with one. */
function afterFieldColon(line: Line): number | null {
  if (!/^[^：:]{1,4}[：:]/.test(line.text)) return null;
  // measured in the item that holds the colon, its characters taken as equal in width
  for (const item of line.items) {
    const chars = [...item.text.replace(/\s+/g, '')];
    const at = chars.findIndex((char) => char === '：' || char === ':');
    if (at >= 0) return item.x + ((at + 1) * item.width) / chars.length;
  }
  return null;
}

function runsOf(items: readonly PdfTextItem[]): SourceRun[] {
  const runs: SourceRun[] = [];
  for (const piece of pieces(items)) {
    const last = runs.at(-1);
    if (last && (last.bold === true) === piece.bold) last.text += piece.text;
    else runs.push(piece.bold ? { text: piece.text, bold: true } : { text: piece.text });
  }
  return runs.filter((run) => run.text.length > 0);
}

/** The printed lines of the pages, in reading order, for the parser. */
export function pdfLines(pages: readonly PdfPage[]): SourceLine[] {
  const grouped = pages.map((page) => ({ page, lines: groupLines(page) }));
  dropPageFurniture(grouped);
  const all = grouped.flatMap((entry) => entry.lines);
  const documentBlock = blockOf(all);
  // the usual pitch: baseline to baseline between neighbouring lines of the body size
  const bodySize = dominant(all.map((line) => line.size)) ?? 0;
  const pitches: number[] = [];
  for (const { lines } of grouped) {
    for (let i = 1; i < lines.length; i++) {
      if (Math.abs(lines[i]!.size - bodySize) < 0.5 && Math.abs(lines[i - 1]!.size - bodySize) < 0.5) pitches.push(lines[i]!.y - lines[i - 1]!.y);
    }
  }
  const pitch = dominant(pitches.filter((value) => value > 0)) ?? 0;
  const out: SourceLine[] = [];
  for (const { lines } of grouped) {
    const block = blockOf(lines) ?? documentBlock;
    /** where the wrapped lines of a `报：` list hang, while they do */
    let hang: number | null = null;
    lines.forEach((line, index) => {
      const previous = lines[index - 1];
      if (previous && pitch > 0 && out.length > 0 && out.at(-1)!.text !== '') {
        const gap = line.y - previous.y;
        // a larger line may need more room than the usual pitch by itself (single spacing is about 1.2 em)
        const expected = Math.max(pitch, Math.max(line.size, previous.size) * 1.2);
        if (gap > expected * 1.5) out.push({ text: '' });
      }
      const hanging = hang !== null && Math.abs(line.x0 - hang) <= line.size * 0.4;
      if (!hanging) hang = afterFieldColon(line);
      out.push(describe(line, block, bodySize, hanging));
    });
  }
  return out;
}
