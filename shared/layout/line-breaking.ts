// Estimates how Chinese text breaks into lines of a given width, as Word, LibreOffice and Chromium break
// it (every Chinese character a full em, Western words kept whole, no closing punctuation at the start of a
// line and no opening punctuation at its end), and breaks titles into balanced lines between words.
import { latinAdvanceEm } from './latin-metrics.ts';

/** Punctuation that may not start a line (Word's and ICU's rules for Chinese agree on these). */
const NO_LINE_START = new Set([...'!%),.:;?]}¢°’”‰′″›℃∶、。〃〉》」』】〕〗〙〛〞︶︺︾﹀﹄﹚﹜﹞！＂％＇），．：；？］｝～…‥·']);
/** Punctuation that may not end a line. */
const NO_LINE_END = new Set([...'$([{£¥‘“〈《「『【〔〖〘〚〝﹙﹛﹝＄（［｛￡￥']);

export interface LineBox {
  /** the width lines are set in */
  widthPt: number;
  firstLineIndentPt: number;
  fontSizePt: number;
  /** added to every character's advance (negative to pull text in) */
  letterSpacingPt: number;
}

interface Unit {
  text: string;
  widthPt: number;
  space: boolean;
  noStart: boolean;
  noEnd: boolean;
}

const EPSILON_PT = 0.01;

export function charWidthPt(char: string, fontSizePt: number, letterSpacingPt: number): number {
  return (latinAdvanceEm(char) ?? 1) * fontSizePt + letterSpacingPt;
}

export function textWidthPt(text: string, fontSizePt: number, letterSpacingPt = 0): number {
  let width = 0;
  for (const char of text) width += charWidthPt(char, fontSizePt, letterSpacingPt);
  return width;
}

const isWordChar = (char: string) => char !== ' ' && latinAdvanceEm(char) !== undefined && !NO_LINE_START.has(char) && !NO_LINE_END.has(char);

/** Unbreakable pieces: a Western word, a space, or one Chinese character or punctuation mark. */
function unitsOf(text: string, box: LineBox): Unit[] {
  const units: Unit[] = [];
  const chars = [...text];
  const unit = (piece: string, space = false): Unit => ({
    text: piece,
    widthPt: textWidthPt(piece, box.fontSizePt, box.letterSpacingPt),
    space,
    noStart: NO_LINE_START.has(piece),
    noEnd: NO_LINE_END.has(piece),
  });
  for (let index = 0; index < chars.length; ) {
    const char = chars[index]!;
    if (isWordChar(char)) {
      let end = index;
      while (end < chars.length && isWordChar(chars[end]!)) end++;
      const word = chars.slice(index, end).join('');
      // a word wider than a line is broken between its letters, as both Word and the print view's CSS do
      if (textWidthPt(word, box.fontSizePt, box.letterSpacingPt) > box.widthPt - box.firstLineIndentPt) units.push(...chars.slice(index, end).map((c) => unit(c)));
      else units.push(unit(word));
      index = end;
    } else {
      units.push(unit(char, char === ' '));
      index++;
    }
  }
  return units;
}

function canBreakBetween(before: Unit, after: Unit): boolean {
  return !after.space && !after.noStart && !before.noEnd;
}

/** The lines a paragraph breaks into (an empty paragraph is one empty line). */
export function breakIntoLines(text: string, box: LineBox): string[] {
  const units = unitsOf(text, box);
  const lines: string[] = [];
  let lineStart = 0;
  let x = box.firstLineIndentPt;
  let index = 0;
  while (index < units.length) {
    const current = units[index]!;
    if (current.space || x + current.widthPt <= box.widthPt + EPSILON_PT) {
      x += current.widthPt;
      index++;
      continue;
    }
    let breakAt = index;
    while (breakAt > lineStart && !canBreakBetween(units[breakAt - 1]!, units[breakAt]!)) breakAt--;
    if (breakAt === lineStart) breakAt = index === lineStart ? index + 1 : index;
    lines.push(units.slice(lineStart, breakAt).map((u) => u.text).join(''));
    lineStart = breakAt;
    index = breakAt;
    x = 0;
  }
  if (lineStart < units.length || lines.length === 0) lines.push(units.slice(lineStart).map((u) => u.text).join(''));
  return lines;
}

export function countLines(text: string, box: LineBox): number {
  return breakIntoLines(text, box).length;
}

const wordSegmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

/** Words of a title, with punctuation held to the word it may not be parted from. */
function titleWords(text: string): string[] {
  const words: string[] = [];
  let pendingOpen = '';
  for (const { segment } of wordSegmenter.segment(text)) {
    const chars = [...segment];
    if (chars.every((char) => NO_LINE_START.has(char)) && words.length > 0 && !pendingOpen) {
      words[words.length - 1] += segment;
    } else if (chars.every((char) => NO_LINE_END.has(char))) {
      pendingOpen += segment;
    } else {
      words.push(pendingOpen + segment);
      pendingOpen = '';
    }
  }
  if (pendingOpen) words.push(pendingOpen);
  return words;
}

/**
 * A title broken into as few lines as it needs, broken between words and never inside one, with the lines
 * as even in length as the words allow (GB/T 9704 asks for a trapezoid or diamond, not a long line and a stub).
 */
export function balancedTitleLines(text: string, widthPt: number, fontSizePt: number, letterSpacingPt = 0): string[] {
  const trimmed = text.trim();
  if (textWidthPt(trimmed, fontSizePt, letterSpacingPt) <= widthPt + EPSILON_PT) return [trimmed];
  // a word wider than the line is split into its characters
  const words = titleWords(trimmed).flatMap((word) => (textWidthPt(word, fontSizePt, letterSpacingPt) > widthPt ? [...word] : [word]));
  const widths = words.map((word) => textWidthPt(word, fontSizePt, letterSpacingPt));
  const total = widths.reduce((sum, width) => sum + width, 0);
  const minimumLines = Math.ceil(total / widthPt);
  const target = total / minimumLines;
  const linePenalty = widthPt * widthPt * 100;
  // best[i]: least cost of setting words[0..i) ; each line costs its squared distance from the even width
  const best = new Array<number>(words.length + 1).fill(Infinity);
  const from = new Array<number>(words.length + 1).fill(0);
  best[0] = 0;
  for (let end = 1; end <= words.length; end++) {
    let width = 0;
    for (let start = end - 1; start >= 0; start--) {
      width += widths[start]!;
      if (width > widthPt + EPSILON_PT && start < end - 1) break;
      const lineWidth = words[end - 1] === ' ' ? width - widths[end - 1]! : width;
      const cost = best[start]! + (target - lineWidth) ** 2 + linePenalty;
      if (cost < best[end]!) {
        best[end] = cost;
        from[end] = start;
      }
    }
  }
  const lines: string[] = [];
  for (let end = words.length; end > 0; end = from[end]!) lines.unshift(words.slice(from[end]!, end).join('').trim());
  return lines.filter((line) => line.length > 0);
}
