// From source lines to units: page numbers dropped, spaces around digits collapsed, and the physical
// lines of one paragraph (hard-wrapped, or cut by a page break) joined into one unit, each unit
// classified by the mark it starts with.
import { DOC_NUMBER_PATTERN } from '../format/chinese.ts';
import { collapseNumberSpaces, detectWrapWidth, endsMidSentence, endsSentence, isPageNumberLine, joinWrapped, visibleLength } from '../text/lines.ts';
import type { SourceDocument, SourceElement, SourceLine } from './source.ts';
import {
  BRACKETED_HEADING,
  COLOPHON_FIELD,
  COPIES_LINE,
  ITEM_MARK,
  LEAD_HEADING,
  PRINTED_LINE,
  STAR_MARK,
  SYMBOL_HEADING,
  TEXT_OPENING,
  TITLE_MAX,
  isDocNumber,
  titleLike,
} from './matchers.ts';

export type LineKind = 'text' | 'item' | 'heading' | 'lead' | 'leadHeading' | 'colophon' | 'printed' | 'copies' | 'docNumber' | 'element';

/** The text an element's line stands in with (U+FFFC, the object replacement character): no pattern matches it. */
export const ELEMENT_TEXT = '\ufffc';

/** A source line cleaned for reading, with what its format told about it. */
export interface Line {
  text: string;
  /** the line as the source had it, before spaces around digits were collapsed */
  raw: string;
  bold: boolean;
  centred: boolean;
  indented: boolean;
  sizePt: number | null;
  red: boolean;
  /** an empty line (a PDF's clear vertical gap) stands before it: a paragraph starts here */
  afterGap: boolean;
  /** plain text: the line was typed with a first-line indent (full-width spaces, two spaces or a tab) */
  typedIndent: boolean;
  /** whether the line ran to the right edge of the type area (a PDF's), null where the format cannot tell */
  reachesEdge: boolean | null;
  /** a table or photo standing here (its text is ELEMENT_TEXT) */
  element?: SourceElement;
}

export interface Unit {
  kind: LineKind;
  text: string;
  /** the physical lines joined into `text` */
  lines: string[];
  /** the last physical line of the unit filled the wrap width */
  full: boolean;
  /** the unit looks like a title in its format: centred, or bold, or larger than the body */
  styledTitle: boolean;
  /** kind `element`: the table or photo */
  element?: SourceElement;
}

export function classify(line: string): LineKind {
  if (LEAD_HEADING.test(line)) return 'leadHeading';
  if (STAR_MARK.test(line)) return 'lead';
  if (BRACKETED_HEADING.test(line) || SYMBOL_HEADING.test(line)) return 'heading';
  if (ITEM_MARK.test(line)) return 'item';
  if (COLOPHON_FIELD.test(line)) return 'colophon';
  if (PRINTED_LINE.test(line)) return 'printed';
  if (COPIES_LINE.test(line)) return 'copies';
  if (isDocNumber(line) && DOC_NUMBER_PATTERN.test(line.trim())) return 'docNumber';
  return 'text';
}

/** A news head run into its text with a wide space (`▲高新区较真碰硬　9月19日…`) or straight into a date: marked `**head**`. */
function markRunInHead(raw: string): string {
  const mark = /^([▲△]\s*)/.exec(raw);
  if (!mark || raw.includes('**')) return raw;
  const body = raw.slice(mark[0].length);
  const spaced = /^([^\s　]{2,40}?)(?:　+|\s{2,})(\S.*)$/su.exec(body);
  if (spaced && titleLike(spaced[1]!) && !/[。！？]/.test(spaced[1]!)) return `${mark[1]}**${spaced[1]}**${spaced[2]}`;
  const opening = TEXT_OPENING.exec(body);
  if (opening && opening.index >= 2 && opening.index <= TITLE_MAX) {
    const head = body.slice(0, opening.index).trim();
    if (titleLike(head) && !/[。！？：:]/.test(head) && !/[，、（(在于对从向和与及]$/.test(head)) return `${mark[1]}**${head}**${body.slice(opening.index)}`;
  }
  return raw;
}

/** A first-line indent typed in plain text; more than four characters of it is centring, not an indent. */
const typedIndent = (line: string) => /^(?:\u3000{1,4}|[ \u00a0]{2,8}|\t)(?=[^\s\u3000])/u.test(line);

/**
 * Trimmed lines with page numbers dropped; what the format told kept beside each. An empty line ends a
 * paragraph only where the reader put it for a clear gap (a PDF's): plain text has empty lines where a
 * page broke in the middle of a sentence.
 */
export function cleanSourceLines(lines: readonly SourceLine[], emptyLinesAreGaps: boolean): Line[] {
  const out: Line[] = [];
  // blank lines around a page number or a form feed are the page's, not a paragraph's end
  let gap = false;
  let pageBreak = false;
  for (const source of lines) {
    if (source.element) {
      out.push({ text: ELEMENT_TEXT, raw: ELEMENT_TEXT, bold: false, centred: false, indented: false, sizePt: null, red: false, afterGap: false, typedIndent: false, reachesEdge: null, element: source.element });
      [pageBreak, gap] = [false, false];
      continue;
    }
    for (const piece of source.text.split(/\r\n|\r|\n|\u2028|\u2029/)) {
      for (const [index, part] of piece.split('\f').entries()) {
        if (index > 0) [pageBreak, gap] = [true, false];
        const untrimmed = part.replace(/^\uFEFF/, '');
        const raw = untrimmed.trim();
        const typed = source.indented === undefined && typedIndent(untrimmed);
        if (raw.length === 0) {
          gap ||= emptyLinesAreGaps && !pageBreak;
          continue;
        }
        if (isPageNumberLine(raw)) {
          [pageBreak, gap] = [true, false];
          continue;
        }
        out.push({
          text: collapseNumberSpaces(markRunInHead(raw)),
          raw,
          bold: source.bold === true,
          centred: source.align === 'center',
          indented: source.indented === true || typed,
          sizePt: source.sizePt ?? null,
          red: source.red === true,
          afterGap: gap,
          typedIndent: typed,
          reachesEdge: source.full ?? null,
        });
        [pageBreak, gap] = [false, false];
      }
    }
  }
  return out;
}

/** The body's usual size: the size most characters are printed in, when the format gives sizes. */
function bodySize(lines: readonly Line[]): number | null {
  const weight = new Map<number, number>();
  for (const line of lines) if (line.sizePt !== null) weight.set(line.sizePt, (weight.get(line.sizePt) ?? 0) + line.text.length);
  let best: number | null = null;
  for (const [size, count] of weight) if (best === null || count > weight.get(best)!) best = size;
  return best;
}

const TEXT_OPENING_AT_START = new RegExp(`^(?:${TEXT_OPENING.source})`);

/** A line that opens a numbered entry (1. 一、 （一）): a new paragraph unless the line before broke mid-sentence. */
const LIST_START = /^(?:\d{1,2}\s*[.．、](?!\d)|[一二三四五六七八九十]{1,3}\s*、|[（(][一二三四五六七八九十\d]{1,3}[）)])/;

/**
 * A recipient list whose last line stopped well short of the width its lines wrap at (its own wider
 * lines, or the body's) has ended: what follows is the issuer or the next field, not more recipients.
 */
function stoppedShort(list: Unit, wrapWidth: number | null): boolean {
  const lengths = list.lines.map(visibleLength);
  const width = lengths.length > 1 ? Math.max(...lengths.slice(0, -1)) : wrapWidth;
  return width !== null && lengths.at(-1)! < width * 0.75;
}

function continues(previous: Unit, kind: LineKind, line: string, paragraphs: boolean, wrapWidth: number | null): boolean {
  if (kind !== 'text') return false;
  if (LIST_START.test(line) && !endsMidSentence(previous.text)) return false;
  if (previous.kind === 'colophon') {
    if (previous.full || endsMidSentence(previous.text)) return true;
    if (paragraphs) return false;
    // a list closed with a full stop has ended
    if (/[：:。]/.test(line) || /[。]$/.test(previous.text.trim())) return false;
    // with commas between recipients a line break is a wrap, unless the list stopped short; without, each line holds one recipient
    return /[，,；;]/.test(previous.text.replace(COLOPHON_FIELD, '')) ? !stoppedShort(previous, wrapWidth) : visibleLength(line) <= TITLE_MAX;
  }
  if (paragraphs) return false;
  if (previous.kind === 'lead') return previous.full;
  // a first line that fills the width less its indent, with no punctuation, may be a headline instead:
  // it is one when the next line opens like a news text (7月11日，…)
  if (previous.full && previous.lines.length === 1 && !/[，。：；、,:;]/.test(previous.text) && TEXT_OPENING_AT_START.test(line)) return false;
  if (previous.kind !== 'text' && previous.kind !== 'item') return false;
  if (previous.full) return !endsSentence(previous.text) || endsMidSentence(previous.text);
  if (endsMidSentence(previous.text)) return true;
  if (endsSentence(previous.text)) return false;
  // Unfinished prose carries on; a short unpunctuated line is a title or headline and stands alone.
  const body = previous.kind === 'item' ? previous.text.replace(ITEM_MARK, '') : previous.text;
  return !titleLike(body) && !(previous.kind === 'item' && titleLike(line));
}

/** A 印发 line wrapped into the recipient list above it: the last lines that still hold the whole date are the 印发 line. */
function splitPrinted(unit: Unit): Unit[] {
  for (let k = unit.lines.length - 1; k > 0; k--) {
    const tail = unit.lines.slice(k).reduce(joinWrapped);
    if (!PRINTED_LINE.test(tail)) continue;
    const head = unit.lines.slice(0, k);
    return [
      { kind: 'colophon', lines: head, text: head.reduce(joinWrapped), full: false, styledTitle: false },
      { kind: 'printed', lines: unit.lines.slice(k), text: tail, full: false, styledTitle: false },
    ];
  }
  return [unit];
}

/**
 * Joins physical lines into units. In a hard-wrapped text a line that fills the wrap width carries on;
 * the first line of a paragraph fills it less its indent, so two characters short still counts as full.
 * A line the format marks as indented or centred starts a unit of its own.
 */
export function buildUnits(lines: readonly Line[], unit: SourceDocument['unit']): Unit[] {
  const paragraphs = unit === 'paragraphs';
  const wrapWidth = paragraphs ? null : detectWrapWidth(lines.map((line) => line.text));
  const size = bodySize(lines);
  const fillsWidth = (text: string, first: boolean) => wrapWidth !== null && visibleLength(text) >= wrapWidth - (first ? 2 : 1);
  // a line the format saw run to the right edge is full, however many characters it holds (digits and Latin
  // are narrower); one that stops short may still be full in ragged-right text, by its characters
  const isFull = (line: Line, first: boolean) => line.reachesEdge === true || fillsWidth(line.text, first);
  const units: Unit[] = [];
  let previousLine: Line | null = null;
  /** lines under a 导读 heading: each entry a line of its own, however long */
  let inLead = false;
  // where the format marks first-line indents (PDF), an indented line starts a paragraph and the lines after it continue it
  const indents = !paragraphs && lines.filter((line) => line.indented).length >= 3;
  const typedIndents = indents && lines.some((line) => line.typedIndent);
  for (const line of lines) {
    const previous = units.at(-1);
    if (line.element) {
      // a table or photo is a unit of its own, and the line after it starts one
      units.push({ kind: 'element', text: line.text, lines: [line.text], full: false, styledTitle: false, element: line.element });
      previousLine = null;
      inLead = false;
      continue;
    }
    const kind = classify(line.text);
    // a line the format sets apart (centred, indented) is the body again
    if (line.indented || line.centred) inLead = false;
    const leadEntry = inLead && previous !== undefined && !previous.full && visibleLength(line.text) <= 90 && !/[。；]$/.test(line.text);
    const formatBreak = leadEntry || line.afterGap || line.indented || line.centred || (previousLine !== null && previousLine.centred !== line.centred);
    if (kind === 'leadHeading') inLead = true;
    else if (!leadEntry && kind !== 'lead') inLead = false;
    // (in plain text, whose titles are not set apart, only while the paragraph has not ended its sentence)
    const carriesOn =
      indents &&
      kind === 'text' &&
      (previous?.kind === 'text' || previous?.kind === 'item') &&
      !previous.styledTitle &&
      !previousLine?.centred &&
      !(typedIndents && endsSentence(previous.text));
    if (previous && previous.kind !== 'element' && !formatBreak && (carriesOn || continues(previous, kind, line.text, paragraphs, wrapWidth))) {
      // a colophon list without commas puts one recipient on each line
      const oneALine = previous.kind === 'colophon' && !previous.full && !endsMidSentence(previous.text) && !/[，,；;]/.test(previous.text.replace(COLOPHON_FIELD, ''));
      previous.text = joinWrapped(previous.text + (oneALine ? '，' : ''), line.text);
      previous.lines.push(line.text);
      previous.full = isFull(line, false);
      // a line wrapped out of `…2023年7月` + `12日印发` only shows what it is once joined
      if (previous.kind === 'text' && PRINTED_LINE.test(previous.text)) previous.kind = 'printed';
      if (previous.kind === 'colophon' && PRINTED_LINE.test(previous.text)) units.splice(-1, 1, ...splitPrinted(previous));
    } else if (kind === 'printed' && previous?.kind === 'text' && units.at(-2)?.kind === 'colophon' && PRINTED_LINE.exec(line.text)![1] === '' && titleLike(previous.text)) {
      // the issuer on a line of its own above a bare `2024年5月6日印发` (a PDF sets the date flush right on the line below)
      previous.kind = 'printed';
      previous.text = `${previous.text} ${line.text}`;
      previous.lines.push(line.text);
      previous.full = false;
    } else {
      const styledTitle = line.centred || (line.bold && visibleLength(line.text) <= TITLE_MAX) || (size !== null && line.sizePt !== null && line.sizePt > size + 0.5);
      units.push({ kind, text: line.text, lines: [line.text], full: isFull(line, true), styledTitle });
    }
    previousLine = line;
  }
  return units;
}

export function splitUnit(unit: Unit, cut: number): [Unit, Unit] {
  const head = unit.lines.slice(0, cut);
  const rest = unit.lines.slice(cut);
  return [
    { kind: unit.kind, lines: head, text: head.reduce(joinWrapped), full: true, styledTitle: unit.styledTitle },
    { kind: classify(rest[0]!), lines: rest, text: rest.reduce(joinWrapped), full: unit.full, styledTitle: false },
  ];
}

/** A unit made of part of another unit's text (a title found glued inside a paragraph). */
export function unitOf(text: string, kind: LineKind = classify(text)): Unit {
  return { kind, text, lines: [text], full: false, styledTitle: false };
}

/** Units of bare text lines (already cleaned), as a paste gives them. */
export function unitsOfLines(lines: readonly string[]): Unit[] {
  return buildUnits(
    lines.map((text) => ({ text, raw: text, bold: false, centred: false, indented: false, sizePt: null, red: false, afterGap: false, typedIndent: false, reachesEdge: null })),
    'lines',
  );
}
