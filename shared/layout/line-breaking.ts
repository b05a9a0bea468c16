// The one place that decides where a line of Chinese text ends. Every output follows these decisions: the
// print view and the PDF place each line where they say, the .docx asks Word/WPS/LibreOffice for the same
// breaks (docs/format.md). The rules are the ones Word and WPS apply to Chinese text, each named below:
//
// - GRID: a Chinese character or full-width mark takes one cell of the grid (its advance plus the style's
//   character spacing); 三号 body text fits 28 cells a line.
// - KINSOKU_NO_LINE_START / KINSOKU_NO_LINE_END (避头尾): closing marks never start a line, opening marks
//   never end one; the character before a closing mark is carried down with it when nothing else helps.
// - SQUEEZE_CLOSING_MARK (标点挤压): a single closing mark that falls after the last cell stays on the line,
//   which is set a little tighter to hold it; the line ends where WPS/Word end it (they hang the mark) and
//   every program prints the mark inside the margin.
// - INSEPARABLE_PAIRS: `……` and `——` never split.
// - LATIN_WORDS_WHOLE: a run of Western letters and digits is one unbreakable word with its real widths
//   (Times New Roman metrics, latin-metrics.ts); only a word wider than the line is broken between letters.
// - AUTOSPACE: between a Chinese character and Western text, a quarter em of space on each side of the run,
//   as Word's and WPS's default "space between Asian and Latin text / numbers" prints it (gone at a line end).
// Titles are broken between words, balanced, at the clerk's forced breaks (balancedTitleLines).
import { latinAdvanceEm } from './latin-metrics.ts';

/** KINSOKU_NO_LINE_START: punctuation that may not start a line (Word's and ICU's rules for Chinese agree on these). */
export const NO_LINE_START = new Set([...'!%),.:;?]}¢°’”‰′″›℃∶、。〃〉》」』】〕〗〙〛〞︶︺︾﹀﹄﹚﹜﹞！＂％＇），．：；？］｝～…‥·—']);
/** KINSOKU_NO_LINE_END: punctuation that may not end a line. */
export const NO_LINE_END = new Set([...'$([{£¥‘“〈《「『【〔〖〘〚〝﹙﹛﹝＄（［｛￡￥']);
/** INSEPARABLE_PAIRS: marks written doubled that never split across lines. */
export const INSEPARABLE = new Set(['…', '—']);
/** AUTOSPACE: the space between Chinese and Western text, in ems of the text's size. */
export const AUTOSPACE_EM = 0.25;
/** SQUEEZE_CLOSING_MARK: at most this many cells may be squeezed into a line. */
export const SQUEEZE_MAX_CELLS = 1;

export interface LineBox {
  /** the width lines are set in */
  widthPt: number;
  firstLineIndentPt: number;
  fontSizePt: number;
  /** added to every character's advance (negative to pull text in) */
  letterSpacingPt: number;
}

/** One line as the typesetter decided it: a slice of the paragraph's text. */
export interface BrokenLine {
  /** offsets into the paragraph's text (UTF-16 code units) */
  start: number;
  end: number;
  text: string;
  /** the line's width at the style's spacing, autospace included, trailing spaces left out */
  naturalWidthPt: number;
  /** sum of the characters' advances without character spacing or autospace */
  advancePt: number;
  /** characters on the line, trailing spaces left out */
  charCount: number;
  /** the width the line is set in (less the indent on a first line) */
  availablePt: number;
  /** SQUEEZE_CLOSING_MARK applied: the line holds more than fits at the style's spacing */
  squeezed: boolean;
}

interface Atom {
  text: string;
  start: number;
  end: number;
  /** advance without character spacing */
  advancePt: number;
  chars: number;
  space: boolean;
  noStart: boolean;
  noEnd: boolean;
  /** its first character is Western */
  latin: boolean;
  first: string;
  last: string;
}

const EPSILON_PT = 0.01;
const HAN = /\p{Script=Han}/u;

/** A Chinese character (for AUTOSPACE): the common ranges by code point, anything rarer by its Unicode script. */
export function isHan(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code < 0x2e80) return false;
  if (code >= 0x4e00 && code <= 0x9fff) return true;
  if (code >= 0x3000 && code <= 0x303f) return false;
  if (code >= 0xff00 && code <= 0xffef) return false;
  return HAN.test(char);
}

export function charWidthPt(char: string, fontSizePt: number, letterSpacingPt: number): number {
  return (latinAdvanceEm(char) ?? 1) * fontSizePt + letterSpacingPt;
}

export function textWidthPt(text: string, fontSizePt: number, letterSpacingPt = 0): number {
  let width = 0;
  for (const char of text) width += charWidthPt(char, fontSizePt, letterSpacingPt);
  return width;
}

const isLatinText = (char: string) => {
  const code = char.charCodeAt(0);
  return code > 0x20 && code <= 0x7e && char.length === 1;
};
const isWordChar = (char: string) => isLatinText(char) && !NO_LINE_START.has(char) && !NO_LINE_END.has(char);

/** AUTOSPACE applies between these two neighbours. */
export function autospaceBetween(before: string, after: string): boolean {
  return (isHan(before) && isLatinText(after)) || (isLatinText(before) && isHan(after));
}

/** The offsets in a line's text where AUTOSPACE puts a quarter em (never at either end of the line). */
export function autospaceOffsets(line: string): number[] {
  const offsets: number[] = [];
  let previous = '';
  let offset = 0;
  for (const char of line) {
    if (previous && autospaceBetween(previous, char)) offsets.push(offset);
    previous = char;
    offset += char.length;
  }
  return offsets;
}

/** Unbreakable pieces: a Western word, a space, a doubled `……`/`——`, or one Chinese character or mark. */
function atomsOf(text: string, box: LineBox): Atom[] {
  const atoms: Atom[] = [];
  const chars = [...text];
  const offsets: number[] = [];
  let offset = 0;
  for (const char of chars) {
    offsets.push(offset);
    offset += char.length;
  }
  offsets.push(offset);
  const atom = (from: number, to: number): Atom => {
    const first = chars[from]!;
    const last = chars[to - 1]!;
    let advance = 0;
    for (let index = from; index < to; index++) advance += (latinAdvanceEm(chars[index]!) ?? 1) * box.fontSizePt;
    return {
      text: to - from === 1 ? first : chars.slice(from, to).join(''),
      start: offsets[from]!,
      end: offsets[to]!,
      advancePt: advance,
      chars: to - from,
      space: first === ' ' && to - from === 1,
      noStart: NO_LINE_START.has(first),
      noEnd: NO_LINE_END.has(last),
      latin: isLatinText(first),
      first,
      last,
    };
  };
  const widest = box.widthPt - box.firstLineIndentPt;
  for (let index = 0; index < chars.length; ) {
    const char = chars[index]!;
    let end = index + 1;
    if (isWordChar(char)) {
      while (end < chars.length && isWordChar(chars[end]!)) end++;
      // LATIN_WORDS_WHOLE, unless the word is wider than a line: then between its letters
      if (textWidthPt(chars.slice(index, end).join(''), box.fontSizePt, box.letterSpacingPt) > widest) {
        for (let letter = index; letter < end; letter++) atoms.push(atom(letter, letter + 1));
        index = end;
        continue;
      }
    } else if (INSEPARABLE.has(char)) {
      while (end < chars.length && chars[end] === char && end - index < 2) end++;
    }
    atoms.push(atom(index, end));
    index = end;
  }
  return atoms;
}

function canBreakBefore(atoms: readonly Atom[], index: number): boolean {
  return !atoms[index]!.space && !atoms[index]!.noStart && !atoms[index - 1]!.noEnd;
}

/** AUTOSPACE before an atom, when its neighbour on the same line is of the other script. */
function gapBefore(atoms: readonly Atom[], index: number, sizePt: number): number {
  const before = atoms[index - 1];
  const atom = atoms[index]!;
  if (!before) return 0;
  return autospaceBetween(before.last, atom.first) ? AUTOSPACE_EM * sizePt : 0;
}

/** The lines a paragraph breaks into (an empty paragraph is one empty line). */
export function breakLines(text: string, box: LineBox): BrokenLine[] {
  const atoms = atomsOf(text, box);
  const cell = (atom: Atom) => atom.advancePt + atom.chars * box.letterSpacingPt;
  const lines: BrokenLine[] = [];
  const push = (from: number, to: number, available: number, squeezed: boolean) => {
    let last = to;
    while (last > from && atoms[last - 1]!.space) last--;
    let natural = 0;
    let advance = 0;
    let count = 0;
    for (let index = from; index < last; index++) {
      natural += cell(atoms[index]!) + (index > from ? gapBefore(atoms, index, box.fontSizePt) : 0);
      advance += atoms[index]!.advancePt;
      count += atoms[index]!.chars;
    }
    const start = atoms[from]?.start ?? text.length;
    const end = to > from ? atoms[to - 1]!.end : start;
    lines.push({ start, end, text: text.slice(start, end), naturalWidthPt: natural, advancePt: advance, charCount: count, availablePt: available, squeezed });
  };
  let lineStart = 0;
  let available = box.widthPt - box.firstLineIndentPt;
  let x = 0;
  let index = 0;
  while (index < atoms.length) {
    const current = atoms[index]!;
    const width = cell(current) + (index > lineStart ? gapBefore(atoms, index, box.fontSizePt) : 0);
    if (current.space || x + width <= available + EPSILON_PT) {
      x += width;
      index++;
      continue;
    }
    // SQUEEZE_CLOSING_MARK: one closing mark after the last cell, not followed by another, stays on the line
    const cellPt = box.fontSizePt + box.letterSpacingPt;
    const next = atoms[index + 1];
    if (index > lineStart && current.noStart && !current.latin && !(next && (next.noStart || next.space)) && x + width <= available + SQUEEZE_MAX_CELLS * cellPt + EPSILON_PT) {
      push(lineStart, index + 1, available, true);
      lineStart = index + 1;
      index = lineStart;
      available = box.widthPt;
      x = 0;
      continue;
    }
    // KINSOKU: carry characters down until the line may end here
    let breakAt = index;
    while (breakAt > lineStart && !canBreakBefore(atoms, breakAt)) breakAt--;
    if (breakAt === lineStart) breakAt = index === lineStart ? index + 1 : index;
    push(lineStart, breakAt, available, false);
    lineStart = breakAt;
    index = breakAt;
    available = box.widthPt;
    x = 0;
  }
  if (lineStart < atoms.length || lines.length === 0) push(lineStart, atoms.length, available, false);
  return lines;
}

/** The lines' texts. */
export function breakIntoLines(text: string, box: LineBox): string[] {
  return breakLines(text, box).map((line) => line.text);
}

/**
 * The character spacing a line is set with so that it fills its width (justified lines) or holds what it
 * was given (squeezed lines): the spacing of the style, plus or minus the difference spread over its characters.
 */
export function lineLetterSpacingPt(line: BrokenLine, box: Pick<LineBox, 'letterSpacingPt'>, justify: boolean): number {
  if (line.charCount === 0) return box.letterSpacingPt;
  if (!line.squeezed && !justify) return box.letterSpacingPt;
  const extra = line.availablePt - line.naturalWidthPt;
  if (!line.squeezed && extra < 0) return box.letterSpacingPt;
  return box.letterSpacingPt + extra / line.charCount;
}

/** The character spacing in whole twips that makes a squeezed line fit in Word, WPS and LibreOffice. */
export function squeezedSpacingTwips(line: BrokenLine, box: Pick<LineBox, 'letterSpacingPt'>): number {
  const exact = lineLetterSpacingPt(line, box, true);
  return Math.floor(exact * 20) - 1;
}

const wordSegmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

/** One-character segments that end the word before them (督察组, 资阳区, 市委办). */
const TITLE_SUFFIXES = new Set([...'组区县市省局委办厅部会处科所站队室镇乡村街州点类型性化者员长级期次届年月日号']);
/** One-character segments that begin the phrase after them (…会议 / 在资阳区召开, …行动 / 暨…). */
const TITLE_PREFIXES = new Set([...'在暨对于向从与和及并把将为']);

/**
 * TITLE_WORDS: the words of a title where a line may break. The platform's segmenter splits names and
 * compounds apart (督察/组, 资/阳/区, 流域/水/环境): a one-character segment is a suffix of the word before
 * it (督察组), a preposition or conjunction starting the next phrase (在资阳区), or else is held to both
 * neighbours (流域水环境), so no title breaks inside a word it cannot see. Punctuation is held to the word
 * it may not be parted from.
 */
export function titleWords(text: string): string[] {
  const words: string[] = [];
  let pendingOpen = '';
  let glueNext = false;
  for (const { segment, isWordLike } of wordSegmenter.segment(text)) {
    const chars = [...segment];
    const single = isWordLike === true && chars.length === 1 && isHan(segment);
    if (chars.every((char) => NO_LINE_START.has(char)) && words.length > 0 && !pendingOpen) {
      words[words.length - 1] += segment;
      glueNext = false;
    } else if (chars.every((char) => NO_LINE_END.has(char))) {
      pendingOpen += segment;
      glueNext = false;
    } else if (glueNext && isWordLike && words.length > 0 && !pendingOpen) {
      words[words.length - 1] += segment;
      glueNext = single && !TITLE_SUFFIXES.has(segment);
    } else if (single && TITLE_PREFIXES.has(segment)) {
      words.push(pendingOpen + segment);
      pendingOpen = '';
      glueNext = true;
    } else if (single && words.length > 0 && !pendingOpen) {
      words[words.length - 1] += segment;
      glueNext = !TITLE_SUFFIXES.has(segment);
    } else {
      words.push(pendingOpen + segment);
      pendingOpen = '';
      glueNext = single && !TITLE_SUFFIXES.has(segment);
    }
  }
  if (pendingOpen) words.push(pendingOpen);
  return words;
}

/** The clerk's forced title breaks: a line break typed in a title (Shift+Enter) is kept as one. */
export const FORCED_BREAK = '\n';

/**
 * A title broken into as few lines as it needs, broken between words and never inside one, with the lines
 * as even in length as the words allow (GB/T 9704 asks for a trapezoid or diamond, not a long line and a stub);
 * of two equally even breaks, the longer line comes first. The clerk's forced breaks are always kept.
 */
export function balancedTitleLines(text: string, widthPt: number, fontSizePt: number, letterSpacingPt = 0): string[] {
  if (text.includes(FORCED_BREAK)) {
    return text.split(FORCED_BREAK).flatMap((part) => (part.trim() ? balancedTitleLines(part, widthPt, fontSizePt, letterSpacingPt) : []));
  }
  const trimmed = text.trim();
  if (textWidthPt(trimmed, fontSizePt, letterSpacingPt) <= widthPt + EPSILON_PT) return [trimmed];
  // a word wider than the line is split into its characters
  const words = titleWords(trimmed).flatMap((word) => (textWidthPt(word, fontSizePt, letterSpacingPt) > widthPt ? [...word] : [word]));
  const widths = words.map((word) => textWidthPt(word, fontSizePt, letterSpacingPt));
  const total = widths.reduce((sum, width) => sum + width, 0);
  const minimumLines = Math.ceil(total / widthPt);
  const target = total / minimumLines;
  const linePenalty = widthPt * widthPt * 100;
  // best[i]: least cost of setting words[0..i); each line costs its squared distance from the even width,
  // and a line shorter than the one after it a little more (the longer line first)
  const best = new Array<number>(words.length + 1).fill(Infinity);
  const from = new Array<number>(words.length + 1).fill(0);
  const firstWidth = new Array<number>(words.length + 1).fill(0);
  best[0] = 0;
  for (let end = 1; end <= words.length; end++) {
    let width = 0;
    for (let start = end - 1; start >= 0; start--) {
      width += widths[start]!;
      if (width > widthPt + EPSILON_PT && start < end - 1) break;
      const lineWidth = words[end - 1] === ' ' ? width - widths[end - 1]! : width;
      const shorterFirst = start > 0 && firstWidth[start]! < lineWidth ? 1 : 0;
      const cost = best[start]! + (target - lineWidth) ** 2 + linePenalty + shorterFirst;
      if (cost < best[end]!) {
        best[end] = cost;
        from[end] = start;
        firstWidth[end] = lineWidth;
      }
    }
  }
  const lines: string[] = [];
  for (let end = words.length; end > 0; end = from[end]!) lines.unshift(words.slice(from[end]!, end).join('').trim());
  return lines.filter((line) => line.length > 0);
}
